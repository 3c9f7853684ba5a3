/**
 * Text that a spreadsheet or a copy and paste damaged: control characters,
 * UTF-8 read as Windows-1252 (mojibake), dates made of numbers.
 */
import iconv from 'iconv-lite';

/**
 * Characters that have no place in published text and make XML (the Atom
 * feed) not well-formed: C0 controls but tab, line feed and carriage return,
 * DEL, C1 controls, and the non-characters U+FFFE and U+FFFF.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/u;

/** The control characters in a text, as U+XXXX, each once, in order of appearance. */
export function controlCodes(text: string): string[] {
  if (!CONTROL_CHARACTERS.test(text)) return [];
  const found = new Set<string>();
  for (const ch of text) {
    if (CONTROL_CHARACTERS.test(ch)) found.add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

/**
 * A run of characters that UTF-8 bytes of one letter become when read as
 * Windows-1252: a lead byte (Ã, Â, â, Å, Ä …) followed by continuation bytes
 * shown as Windows-1252 characters (¸, ¥, €, “ …).
 */
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/gu;

/** Undo one sequence: its Windows-1252 bytes read as UTF-8, or undefined when they are not UTF-8. */
function repair(sequence: string): string | undefined {
  const bytes = iconv.encode(sequence, 'windows-1252');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.length === 1 || [...text].length === 1 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The first mojibake sequence in a text, what it should be, and the whole text repaired; undefined if none. */
export function findMojibake(text: string): { bad: string; good: string; fixed: string } | undefined {
  let first: { bad: string; good: string } | undefined;
  const fixed = text.replace(MOJIBAKE, (seq) => {
    const good = repair(seq);
    if (good === undefined) return seq;
    first ??= { bad: seq, good };
    return good;
  });
  return first ? { ...first, fixed } : undefined;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  mai: 5,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  des: 12,
  dec: 12,
};

/**
 * What a spreadsheet turned into a date, as it was typed: Excel shows `1-2016`
 * as `jan.16` (Norwegian) or `Jan-16` (English). Undefined when the value does
 * not look like that.
 */
export function spreadsheetDateOriginal(value: string): string | undefined {
  const m = /^([a-zæøå]{3})[a-zæøå]*[.\- ]?\s?(\d{2}|\d{4})$/iu.exec(value.trim());
  if (!m) return undefined;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (month === undefined) return undefined;
  const year = m[2]!.length === 2 ? `20${m[2]}` : m[2]!;
  return `${month}-${year}`;
}
