/**
 * Find the glossary's terms in running Norwegian text, also in inflected
 * forms (entreprenør, entreprenøren, entreprenører, entreprenørene; sosial,
 * sosiale, sosialt) and through admitted terms, never inside another word.
 * Acronyms (AS, SA) match only as written.
 */

export interface TermSource {
  id: string;
  /** Preferred term first, then admitted terms. */
  terms: string[];
}

export interface TermMatch {
  index: number;
  text: string;
  conceptId: string;
}

export interface TermFinder {
  /** Every term occurrence in the text, left to right, not overlapping. */
  find(text: string): TermMatch[];
}

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

export function termFinder(sources: TermSource[]): TermFinder {
  const flexible: Array<{ id: string; first: string; pattern: string; anchored: RegExp }> = [];
  const exact: Array<{ id: string; term: string }> = [];
  for (const s of sources) {
    for (const term of s.terms) {
      if (ACRONYM.test(term)) exact.push({ id: s.id, term });
      else {
        const pattern = termPattern(term);
        flexible.push({ id: s.id, first: term.trim().charAt(0).toLocaleLowerCase('nb'), pattern, anchored: new RegExp(`^${pattern}$`, 'iu') });
      }
    }
  }
  // Longer patterns first, so "sosial innovasjon" wins over "innovasjon" where both start.
  flexible.sort((a, b) => b.pattern.length - a.pattern.length || a.id.localeCompare(b.id));
  // Which term a match is, looked up among the terms with its first letter.
  const byFirst = new Map<string, typeof flexible>();
  for (const f of flexible) byFirst.set(f.first, [...(byFirst.get(f.first) ?? []), f]);
  const anyFlexible = flexible.length > 0 ? new RegExp(`${BEFORE}(?:${flexible.map((f) => f.pattern).join('|')})${AFTER}`, 'giu') : undefined;
  const exactIds = new Map(exact.map((e) => [e.term, e.id]));
  const anyExact = exact.length > 0 ? new RegExp(`${BEFORE}(?:${exact.map((e) => escape(e.term)).join('|')})${AFTER}`, 'gu') : undefined;

  const idOf = (text: string): string | undefined =>
    byFirst.get(text.charAt(0).toLocaleLowerCase('nb'))?.find((f) => f.anchored.test(text))?.id;

  return {
    find(text: string): TermMatch[] {
      const matches: TermMatch[] = [];
      if (anyFlexible) {
        for (const m of text.matchAll(anyFlexible)) {
          const id = idOf(m[0]);
          if (id) matches.push({ index: m.index, text: m[0], conceptId: id });
        }
      }
      if (anyExact) for (const m of text.matchAll(anyExact)) matches.push({ index: m.index, text: m[0], conceptId: exactIds.get(m[0])! });
      matches.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
      const result: TermMatch[] = [];
      let end = -1;
      for (const m of matches) {
        if (m.index >= end) {
          result.push(m);
          end = m.index + m.text.length;
        }
      }
      return result;
    },
  };
}
