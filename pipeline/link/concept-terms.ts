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
/** The endings a word of a term may have in the text, in the order they are tried; or none. */
const OPTIONAL_ENDINGS = ['e', 'en', 'et', 'er', 'ene', 'ens', 'ets', 'enes', 'ers', 'a', 't', 's', 'r', 'n', 'ne'];
const OPTIONAL_ENDING = `(?:${OPTIONAL_ENDINGS.join('|')})?`;
const ACRONYM = /^[A-ZÆØÅ0-9]{2,6}$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** A word of a term, lower-cased, and the stem its inflected forms share (the word itself if it has none). */
function wordForms(word: string): { lower: string; stem: string } {
  const lower = word.toLocaleLowerCase('nb');
  const ending = ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= 4);
  return { lower, stem: ending ? lower.slice(0, -ending.length) : lower };
}

const termWords = (term: string): string[] => term.trim().split(/\s+/);

/** A word as a pattern that also matches its inflected forms. */
function wordPattern(word: string): string {
  const { lower, stem } = wordForms(word);
  return stem === lower ? `${escape(lower)}${OPTIONAL_ENDING}` : `(?:${escape(lower)}|${escape(stem)})${OPTIONAL_ENDING}`;
}

/**
 * The pattern of a term (flags `iu`): its words in any inflected form, with
 * white space between them. A match is a mention where no letter or digit
 * follows ({@link termMatcher}).
 */
export function termPattern(term: string): string {
  return termWords(term).map(wordPattern).join('\\s+');
}

/** The start every match of a word has, folded (see {@link fold}); undefined when a character of it is outside the range folding is sure of. */
function foldedStem(word: string): string | undefined {
  const chars = Array.from(wordForms(word).stem);
  return chars.length > 0 && chars.every((ch) => ch.codePointAt(0)! < 0x250) ? chars.map(fold).join('') : undefined;
}

/**
 * Case folding for finding where a term can start, as the `iu` flags compare:
 * a character becomes the first character of the Latin range (up to U+024F)
 * that the flags count as equal to it, or stays itself if there is none. Two
 * characters the flags count as equal thus fold alike whenever one of them is
 * in that range, so a folded text starts with a term's folded stem wherever
 * the term's pattern could match.
 */
const LATIN = Array.from({ length: 0x250 }, (_, i) => String.fromCharCode(i)).join('');
const folded = new Map<string, string>();
export function fold(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    const i = LATIN.search(new RegExp(`[${ch.replace(/[\\\]^-]/g, '\\$&')}]`, 'iu'));
    f = i >= 0 ? LATIN[i]! : ch;
    folded.set(ch, f);
  }
  return f;
}
/** {@link fold} of a UTF-16 code unit (a surrogate stays itself, as a character beyond U+FFFF does). */
const foldedUnits = new Uint16Array(0x10000);
function foldUnit(unit: number): number {
  let f = foldedUnits[unit]!;
  if (f === 0 && unit !== 0) {
    f = unit >= 0xd800 && unit <= 0xdfff ? unit : fold(String.fromCharCode(unit)).charCodeAt(0);
    foldedUnits[unit] = f;
  }
  return f;
}

/** A cached test of a character by a regular expression (in an array below U+10000: 0 not yet tested, 1 no, 2 yes). */
function characterTest(re: RegExp): (cp: number) => boolean {
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, boolean>();
  return (cp) => {
    if (cp < 0x10000) {
      let known = bmp[cp]!;
      if (known === 0) bmp[cp] = known = re.test(String.fromCodePoint(cp)) ? 2 : 1;
      return known === 2;
    }
    let is = astral.get(cp);
    if (is === undefined) astral.set(cp, (is = re.test(String.fromCodePoint(cp))));
    return is;
  };
}
/** Letters and digits: where a word starts (after none of them) in the text. */
const isWordChar = characterTest(/[\p{L}\p{N}]/u);
/** Characters the `iu` flags count as letters or digits: what may not follow a mention ({@link AFTER}). */
const isWordCharAfter = characterTest(/[\p{L}\p{N}]/iu);
/** White space as `\s` with the `u` flag matches it (all of it is below U+FFFF). */
const isSpace = characterTest(/\s/u);

/** Whether a character of the text matches a character of a pattern, compared as the `iu` flags compare. */
const sameChars = new Map<number, RegExp>();
const sameAnswers = new Map<number, boolean>();
function sameChar(pattern: number, text: number): boolean {
  if (pattern === text) return true;
  if (pattern < 0x80 && text < 0x80) {
    const p = pattern | 0x20;
    return p >= 0x61 && p <= 0x7a && p === (text | 0x20);
  }
  const key = pattern * 0x110000 + text;
  let same = sameAnswers.get(key);
  if (same === undefined) {
    let re = sameChars.get(pattern);
    if (!re) sameChars.set(pattern, (re = new RegExp(`^[${String.fromCodePoint(pattern).replace(/[\\\]^-]/g, '\\$&')}]$`, 'iu')));
    sameAnswers.set(key, (same = re.test(String.fromCodePoint(text))));
  }
  return same;
}

const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);
const ENDING_CODES = [...OPTIONAL_ENDINGS.map(codePoints), []];

/** The end of the characters at `at` of the text if they match `chars`, or -1. */
function literalEnd(text: string, chars: number[], at: number): number {
  let i = at;
  for (const c of chars) {
    if (i >= text.length) return -1;
    const t = text.codePointAt(i)!;
    if (!sameChar(c, t)) return -1;
    i += t > 0xffff ? 2 : 1;
  }
  return i;
}

/** The end of a mention of the term's words from the `w`th on, at `at`; or -1. */
function wordsEnd(text: string, words: number[][][], w: number, at: number): number {
  for (const form of words[w]!) {
    const formEnd = literalEnd(text, form, at);
    if (formEnd < 0) continue;
    for (const ending of ENDING_CODES) {
      const end = literalEnd(text, ending, formEnd);
      if (end < 0) continue;
      if (w === words.length - 1) {
        if (end >= text.length || !isWordCharAfter(text.codePointAt(end)!)) return end;
        continue;
      }
      // White space, as much as there is: the next word cannot begin with white space, so less would not match.
      let next = end;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      if (next === end) continue;
      const found = wordsEnd(text, words, w + 1, next);
      if (found >= 0) return found;
    }
  }
  return -1;
}

/**
 * Where the term is mentioned at an index of a text: the end of the mention,
 * or -1. Matches as the regular expression `(?:${termPattern(term)})${AFTER}`
 * with the flags `iuy` would: each word's forms and endings in the pattern's
 * order, the first way to match where no letter or digit follows winning.
 * Without a regular expression per term, which with the case-insensitive
 * lookahead is slow to compile (a millisecond, for each of a thousand terms).
 */
export function termMatcher(term: string): (text: string, index: number) => number {
  const words = termWords(term).map((word) => {
    const { lower, stem } = wordForms(word);
    return stem === lower ? [codePoints(lower)] : [codePoints(lower), codePoints(stem)];
  });
  return (text, index) => wordsEnd(text, words, 0, index);
}

/** Longest prefix of a stem used to look up the terms that may start at a place in the text. */
const KEY = 3;
/** Folded stems are in the Latin range (below U+0250): a key is the number their first characters make in this base. */
const KEY_BASE = 0x250;

interface Flexible {
  id: string;
  first: string;
  pattern: string;
  /** Each word's folded stem, where folding is sure of it. */
  stems: Array<string | undefined>;
  match: (text: string, index: number) => number;
}

export function termFinder(sources: TermSource[]): TermFinder {
  const flexible: Flexible[] = [];
  const exact: Array<{ id: string; term: string }> = [];
  for (const s of sources) {
    for (const term of s.terms) {
      if (ACRONYM.test(term)) exact.push({ id: s.id, term });
      else {
        flexible.push({
          id: s.id,
          first: term.trim().charAt(0).toLocaleLowerCase('nb'),
          pattern: termPattern(term),
          stems: termWords(term).map(foldedStem),
          match: termMatcher(term),
        });
      }
    }
  }
  // Longer patterns first, so "sosial innovasjon" wins over "innovasjon" where both start.
  flexible.sort((a, b) => b.pattern.length - a.pattern.length || a.id.localeCompare(b.id));
  // Which term a match is, looked up among the terms with its first letter.
  const byFirst = new Map<string, Flexible[]>();
  for (const f of flexible) {
    const list = byFirst.get(f.first);
    if (list) list.push(f);
    else byFirst.set(f.first, [f]);
  }
  const anchored = new Map<Flexible, RegExp>();
  const matchesWhole = (f: Flexible, text: string): boolean => {
    let re = anchored.get(f);
    if (!re) anchored.set(f, (re = new RegExp(`^${f.pattern}$`, 'iu')));
    return re.test(text);
  };
  const exactIds = new Map(exact.map((e) => [e.term, e.id]));
  const anyExact = exact.length > 0 ? new RegExp(`${BEFORE}(?:${exact.map((e) => escape(e.term)).join('|')})${AFTER}`, 'gu') : undefined;

  // Finding terms with one alternation of all of them tries every term at every
  // place in the text. Instead, each place is tried only with the terms whose
  // stems the text has there (looked up by the first letters of its word there
  // and of the next word), in the order of the alternation: a term whose stems
  // are not there cannot match there, so the first term that matches is the one
  // the alternation would match.
  const always: number[] = [];
  /** Terms by the key of their first stem, by its length; in each, the ones with one word and the others by the key of their second stem. */
  const byKey = Array.from({ length: KEY + 1 }, () => new Map<number, { single: number[]; bySecond: Array<Map<number, number[]>> }>());
  const stemKey = (stem: string): [number, number] => {
    const k = Math.min(KEY, stem.length);
    let key = 0;
    for (let j = 0; j < k; j++) key = key * KEY_BASE + stem.charCodeAt(j);
    return [k, key];
  };
  flexible.forEach((f, i) => {
    const [first, second] = f.stems;
    if (first === undefined) return void always.push(i);
    const [k, key] = stemKey(first);
    let group = byKey[k]!.get(key);
    if (!group) byKey[k]!.set(key, (group = { single: [], bySecond: Array.from({ length: KEY + 1 }, () => new Map<number, number[]>()) }));
    if (second === undefined) return void group.single.push(i);
    const [k2, key2] = stemKey(second);
    const list = group.bySecond[k2]!.get(key2);
    if (list) list.push(i);
    else group.bySecond[k2]!.set(key2, [i]);
  });
  /** The key of the text's first `k` characters at `at`, folded; -1 where none is a stem's. */
  const keyAt = (text: string, at: number, k: number): number => {
    if (at + k > text.length) return -1;
    let key = 0;
    for (let j = 0; j < k; j++) {
      const c = foldUnit(text.charCodeAt(at + j));
      if (c >= KEY_BASE) return -1;
      key = key * KEY_BASE + c;
    }
    return key;
  };
  /** Whether the text, folded, has the stem at `at`. */
  const hasStem = (text: string, at: number, stem: string): boolean => {
    if (at + stem.length > text.length) return false;
    for (let j = 0; j < stem.length; j++) if (foldUnit(text.charCodeAt(at + j)) !== stem.charCodeAt(j)) return false;
    return true;
  };
  /** Where the next word of the text begins, after the white space that ends the one at `at`; -1 if none. */
  const nextWord = (text: string, at: number): number => {
    let i = at;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i === text.length) return -1;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return i < text.length ? i : -1;
  };
  /**
   * Whether the text has the term's stems from `at`: the first word's there,
   * each next one's at the next word of the text (a word of a term holds no
   * white space, so its match ends where the text's word does).
   */
  const hasStems = (text: string, at: number, f: Flexible): boolean => {
    let from = at;
    for (let w = 0; w < f.stems.length; w++) {
      if (w > 0 && (from = nextWord(text, from)) < 0) return false;
      const stem = f.stems[w];
      if (stem !== undefined && !hasStem(text, from, stem)) return false;
    }
    return true;
  };
  /** The terms that may match where a word starts, in order. */
  const candidates = (text: string, at: number): number[] => {
    const found: number[] = [];
    for (const i of always) if (hasStems(text, at, flexible[i]!)) found.push(i);
    let next = -2;
    for (let k = 1; k <= KEY; k++) {
      const key = keyAt(text, at, k);
      if (key < 0) break;
      const group = byKey[k]!.get(key);
      if (!group) continue;
      for (const i of group.single) if (hasStems(text, at, flexible[i]!)) found.push(i);
      if (next === -2) next = nextWord(text, at);
      if (next < 0) continue;
      for (let k2 = 1; k2 <= KEY; k2++) {
        const key2 = keyAt(text, next, k2);
        if (key2 < 0) break;
        for (const i of group.bySecond[k2]!.get(key2) ?? []) if (hasStems(text, at, flexible[i]!)) found.push(i);
      }
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  };

  const idOf = (text: string): string | undefined =>
    byFirst.get(text.charAt(0).toLocaleLowerCase('nb'))?.find((f) => matchesWhole(f, text))?.id;

  return {
    find(text: string): TermMatch[] {
      const matches: TermMatch[] = [];
      let matchedTo = 0;
      let previousIsWord = false;
      for (let index = 0; index < text.length && flexible.length > 0;) {
        const cp = text.codePointAt(index)!;
        const start = !previousIsWord;
        previousIsWord = isWordChar(cp);
        const at = index;
        index += cp > 0xffff ? 2 : 1;
        if (!start || at < matchedTo) continue;
        for (const i of candidates(text, at)) {
          const end = flexible[i]!.match(text, at);
          if (end < 0) continue;
          const found = text.slice(at, end);
          // The term that matched is the one the lookup would name, if it files under the same letter
          // (no term before it in that order matches here, or it would have been tried first).
          const id = flexible[i]!.first === found.charAt(0).toLocaleLowerCase('nb') ? flexible[i]!.id : idOf(found);
          if (id) matches.push({ index: at, text: found, conceptId: id });
          matchedTo = end;
          break;
        }
      }
      if (anyExact) for (const m of text.matchAll(anyExact)) matches.push({ index: m.index, text: m[0], conceptId: exactIds.get(m[0])! });
      return leftmostLongest(matches);
    },
  };
}

/** The matches left to right, the longest where several start at one place, none overlapping an earlier one. */
export function leftmostLongest(matches: TermMatch[]): TermMatch[] {
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
}
