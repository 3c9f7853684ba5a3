/**
 * The term finder matches terms without a regular expression per term and
 * looks them up by the stems of two words; property tests compare it with the
 * regular expressions and with the finder as it was (./concept-terms-reference.ts),
 * on glossaries and texts made of inflected forms of a few words, in any case,
 * with white space, punctuation and letters beyond the Latin range around them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termFinder, termMatcher, termPattern, type TermSource } from '../../pipeline/link/concept-terms.ts';
import { termFinder as referenceFinder } from './concept-terms-reference.ts';

// Words with and without the endings the finder knows, and letters whose case folding is special
// (ſ is s, K the Kelvin sign is k, ß, the Greek ypogegrammeni folds to ι).
const WORDS = [
  'sosial',
  'sosiale',
  'entreprenør',
  'entreprenørene',
  'innovasjon',
  'tjeneste',
  'ideell',
  'kommunen',
  'ſtat',
  'Kjerne',
  'straße',
  'ὰι',
  'ab',
  'år',
  'e-handel',
  'nr.',
];
const ENDINGS = ['', '', 'e', 'en', 'ene', 'er', 'et', 't', 's', 'ne', 'ens', 'x'];
const GAPS = [' ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '-', '', ', ', '. ', '(', '«'];
const ODD = ['\u0345', '𝒜', '𝟙', 'Ⅻ', 'Ⓐ', '2', 'İ', 'ǅ', '\ud800'];

const caseOf = (word: string, style: number): string =>
  style === 1 ? word.toUpperCase() : style === 2 ? word.charAt(0).toUpperCase() + word.slice(1) : word;

const term = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 3 })
  .map((words) => words.map(([w, style]) => caseOf(w, style)).join(' '));

/** Text made of the words, inflected, in any case, between gaps and odd characters. */
const text = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom(...WORDS), fc.constantFrom(...ENDINGS), fc.integer({ min: 0, max: 2 }))
          .map(([w, e, style]) => caseOf(w + e, style)),
      },
      { weight: 5, arbitrary: fc.constantFrom(...GAPS) },
      { weight: 1, arbitrary: fc.constantFrom(...ODD) },
      { weight: 1, arbitrary: fc.constantFrom('AS', 'SA', 'as') },
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Indexes where a character begins. */
const indexes = (s: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += s.codePointAt(i)! > 0xffff ? 2 : 1) out.push(i);
  return [...out, s.length];
};

describe('termMatcher', () => {
  it('matches where the regular expression of the term matches, as far as it does', () => {
    fc.assert(
      fc.property(term, text, (t, s) => {
        const re = new RegExp(`(?:${termPattern(t)})(?![\\p{L}\\p{N}])`, 'iuy');
        const match = termMatcher(t);
        for (const i of indexes(s)) {
          re.lastIndex = i;
          const m = re.exec(s);
          expect(match(s, i), `${JSON.stringify(t)} in ${JSON.stringify(s)} at ${i}`).toBe(m ? i + m[0].length : -1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('termFinder', () => {
  const glossary = fc
    .array(
      fc.array(fc.oneof({ weight: 5, arbitrary: term }, { weight: 1, arbitrary: fc.constantFrom('AS', 'SA') }), {
        minLength: 1,
        maxLength: 3,
      }),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((concepts): TermSource[] => concepts.map((terms, i) => ({ id: `c${i % 5}`, terms })));

  it('finds what the finder it replaced found', () => {
    fc.assert(
      fc.property(glossary, fc.array(text, { minLength: 1, maxLength: 5 }), (sources, texts) => {
        const finder = termFinder(sources);
        const reference = referenceFinder(sources);
        for (const s of texts) expect(finder.find(s), JSON.stringify(s)).toEqual(reference.find(s));
      }),
      { numRuns: 1500 },
    );
  });
});
