/**
 * The term finder as it was before it matched terms without a regular
 * expression per term and looked terms up by two words: kept unchanged as the
 * reference that concept-terms.test.ts compares pipeline/link/concept-terms.ts
 * with.
 *
 * Find the glossary's terms in running Norwegian text, also in inflected
 * forms (entreprenør, entreprenøren, entreprenører, entreprenørene; sosial,
 * sosiale, sosialt) and through admitted terms, never inside another word.
 * Acronyms (AS, SA) match only as written.
 */
import { fold, leftmostLongest, type TermFinder, type TermMatch, type TermSource } from '../../pipeline/link/concept-terms.ts';

const ENDINGS = ['ene', 'ets', 'ens', 'er', 'en', 'et', 'e', 't', 'a', 's'];
const OPTIONAL_ENDING = '(?:e|en|et|er|ene|ens|ets|enes|ers|a|t|s|r|n|ne)?';
const ACRONYM = /^[A-ZÆØÅ0-9]{2,6}$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** A word as a pattern that also matches its inflected forms. */
function wordPattern(word: string): string {
  const lower = word.toLocaleLowerCase('nb');
  const ending = ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= 4);
  const stem = ending ? lower.slice(0, -ending.length) : lower;
  return stem === lower ? `${escape(lower)}${OPTIONAL_ENDING}` : `(?:${escape(lower)}|${escape(stem)})${OPTIONAL_ENDING}`;
}

function termPattern(term: string): string {
  return term.trim().split(/\s+/).map(wordPattern).join('\\s+');
}

/**
 * The start every match of the term has, folded (see {@link fold}): the stem of
 * its first word, which both of the word's forms in its pattern begin with.
 * Undefined when a character of it is outside the range folding is sure of.
 */
function foldedStem(term: string): string | undefined {
  const lower = term.trim().split(/\s+/)[0]!.toLocaleLowerCase('nb');
  const ending = ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= 4);
  const stem = ending ? lower.slice(0, -ending.length) : lower;
  const chars = Array.from(stem);
  return chars.length > 0 && chars.every((ch) => ch.codePointAt(0)! < 0x250) ? chars.map(fold).join('') : undefined;
}

// Case folding is the pipeline's own (`fold`): this copy keeps the old finder's matching, not its helpers.
const wordChars = new Map<string, boolean>();
function isWordChar(ch: string): boolean {
  let is = wordChars.get(ch);
  if (is === undefined) wordChars.set(ch, (is = /[\p{L}\p{N}]/u.test(ch)));
  return is;
}
/** Longest prefix of a stem used to look up the terms that may start at a place in the text. */
const KEY = 3;

export function termFinder(sources: TermSource[]): TermFinder {
  const flexible: Array<{ id: string; first: string; pattern: string; anchored: RegExp; stem: string | undefined }> = [];
  const exact: Array<{ id: string; term: string }> = [];
  for (const s of sources) {
    for (const term of s.terms) {
      if (ACRONYM.test(term)) exact.push({ id: s.id, term });
      else {
        const pattern = termPattern(term);
        flexible.push({
          id: s.id,
          first: term.trim().charAt(0).toLocaleLowerCase('nb'),
          pattern,
          anchored: new RegExp(`^${pattern}$`, 'iu'),
          stem: foldedStem(term),
        });
      }
    }
  }
  // Longer patterns first, so "sosial innovasjon" wins over "innovasjon" where both start.
  flexible.sort((a, b) => b.pattern.length - a.pattern.length || a.id.localeCompare(b.id));
  // Which term a match is, looked up among the terms with its first letter.
  const byFirst = new Map<string, typeof flexible>();
  for (const f of flexible) byFirst.set(f.first, [...(byFirst.get(f.first) ?? []), f]);
  const exactIds = new Map(exact.map((e) => [e.term, e.id]));
  const anyExact = exact.length > 0 ? new RegExp(`${BEFORE}(?:${exact.map((e) => escape(e.term)).join('|')})${AFTER}`, 'gu') : undefined;

  // Finding terms with one alternation of all of them tries every term at every
  // place in the text. Instead, each place is tried only with the terms whose
  // stem the text has there (looked up by its first letters), in the order of
  // the alternation: a term whose stem is not there cannot match there, so the
  // first term that matches is the one the alternation would match.
  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  flexible.forEach((f, i) => {
    if (f.stem === undefined) always.push(i);
    else {
      const key = f.stem.slice(0, KEY);
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    }
  });
  // Tried only where a word starts, so without the lookbehind (cheaper to compile).
  const sticky: RegExp[] = [];
  const stickyOf = (i: number): RegExp => (sticky[i] ??= new RegExp(`(?:${flexible[i]!.pattern})${AFTER}`, 'iuy'));
  /** Places where a word starts, with the terms that may match there, in order. */
  const places = (text: string): Array<{ index: number; terms: number[] }> => {
    let foldedText = '';
    const starts: Array<{ index: number; at: number }> = [];
    let index = 0;
    let previous = '';
    for (const ch of text) {
      if (index === 0 || !isWordChar(previous)) starts.push({ index, at: foldedText.length });
      foldedText += fold(ch);
      index += ch.length;
      previous = ch;
    }
    const out: Array<{ index: number; terms: number[] }> = [];
    for (const { index, at } of starts) {
      const found: number[] = [...always];
      for (let k = 1; k <= KEY && at + k <= foldedText.length; k++) {
        for (const i of byKey.get(foldedText.slice(at, at + k)) ?? []) if (foldedText.startsWith(flexible[i]!.stem!, at)) found.push(i);
      }
      if (found.length > 0) out.push({ index, terms: found.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b) });
    }
    return out;
  };

  const idOf = (text: string): string | undefined =>
    byFirst.get(text.charAt(0).toLocaleLowerCase('nb'))?.find((f) => f.anchored.test(text))?.id;

  return {
    find(text: string): TermMatch[] {
      const matches: TermMatch[] = [];
      let matchedTo = 0;
      for (const place of flexible.length > 0 ? places(text) : []) {
        if (place.index < matchedTo) continue;
        for (const i of place.terms) {
          const re = stickyOf(i);
          re.lastIndex = place.index;
          const m = re.exec(text);
          if (!m) continue;
          // The term that matched is the one the lookup would name, if it files under the same letter
          // (no term before it in that order matches here, or it would have been tried first).
          const id = flexible[i]!.first === m[0].charAt(0).toLocaleLowerCase('nb') ? flexible[i]!.id : idOf(m[0]);
          if (id) matches.push({ index: place.index, text: m[0], conceptId: id });
          matchedTo = place.index + m[0].length;
          break;
        }
      }
      if (anyExact) for (const m of text.matchAll(anyExact)) matches.push({ index: m.index, text: m[0], conceptId: exactIds.get(m[0])! });
      return leftmostLongest(matches);
    },
  };
}
