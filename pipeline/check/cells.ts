/**
 * Check one CSV cell against its column's kind and return its cleaned value.
 * Spreadsheet leftovers (formulas, error values, numbers in scientific
 * notation, date serials), stray whitespace and wrong formats are reported here.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { error, info, warning, type Position, type Problem } from '../model/problems.ts';
import type { MessageParams } from '../model/messages.ts';
import { CONTROL_CHARACTERS, controlCodes, findMojibake, spreadsheetDateOriginal } from '../lib/text.ts';
import type { RuleId } from '../model/rules.ts';
import type { Cell } from '../read/csv.ts';
import { suggestion } from '../lib/closest.ts';
import {
  bareDoi,
  DOI_PATTERN,
  isHttpUrl,
  isIsoDate,
  isPlausibleYear,
  isValidIsbn,
  isValidIssn,
  looksLikeExcelSerialDate,
  looksLikeScientificNumber,
  MAX_ID_LENGTH,
  MAX_YEAR,
  MIN_YEAR,
  windowsReservedName,
} from '../lib/identifiers.ts';
import { LANGUAGE_LABELS, languageTag } from './languages.ts';

export interface CheckedCell {
  value?: string;
  problems: Problem[];
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const NBSP = /[\u00a0\u202f]/g;
const HAS_NBSP = /[\u00a0\u202f]/;
const SPREADSHEET_ERRORS = /^#(N\/A|REF!|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|I\/T|REF|VERDI!|NAVN\?)$/i;
const LATEX_COMMAND = /\\[a-zA-Z]+|\{\\|\\["'`^~]/;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Split a list cell on ';' into trimmed, non-empty parts. */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

type Change = 'zero-width' | 'nbsp' | 'spaces';

/** The cell's text cleaned, and the problems that say how (whitespace, control characters, NFC). */
function clean(raw: string, kind: ColumnSpec['kind'], at: Position, field: string): { text: string; problems: Problem[] } {
  const changed: Change[] = [];
  const problems: Problem[] = [];
  let text = raw;
  const codes = controlCodes(text);
  if (codes.length > 0) {
    text = text.replace(new RegExp(CONTROL_CHARACTERS.source, 'gu'), '');
    problems.push(warning('control-character', at, { codes }, field));
  }
  if (text.normalize('NFC') !== text) {
    text = text.normalize('NFC');
    problems.push(info('unicode-normalised', at, {}, field));
  }
  if (HAS_ZERO_WIDTH.test(text)) {
    text = text.replace(ZERO_WIDTH, '');
    changed.push('zero-width');
  }
  if (HAS_NBSP.test(text)) {
    text = text.replace(NBSP, ' ');
    changed.push('nbsp');
  }
  const trimmed = kind === 'markdown' ? text.replace(/^[ \t]+|\s+$/g, '') : text.trim().replace(/[ \t]{2,}/g, ' ');
  if (trimmed !== text && text.trim() !== '') changed.push('spaces');
  if (changed.length > 0) problems.push(warning('whitespace', at, { changes: changed }, field));
  return { text: trimmed, problems };
}

/** Why an ISBN is not valid. */
function isbnTrouble(isbn: string): { trouble: 'check-digit' | 'prefix' | 'length'; digits: number } {
  const d = isbn.replace(/[\s-]/g, '').toUpperCase();
  const digits = d.replace(/[^\dX]/g, '').length;
  if (/^\d{9}[\dX]$/.test(d) || /^97[89]\d{10}$/.test(d)) return { trouble: 'check-digit', digits };
  if (/^\d{13}$/.test(d)) return { trouble: 'prefix', digits };
  return { trouble: 'length', digits };
}

function issnTrouble(issn: string): { trouble: 'check-digit' | 'length'; digits: number } {
  const d = issn.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{7}[\dX]$/.test(d) ? { trouble: 'check-digit', digits: 8 } : { trouble: 'length', digits: d.replace(/[^\dX]/g, '').length };
}

/**
 * An ISBN in its one right form: without an 'ISBN' label in front, with
 * hyphens where it was written with spaces.
 */
export function normaliseIsbn(isbn: string): string {
  return isbn
    .replace(/^ISBN(-1[03])?:?\s*/i, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** "Loga J." is "Loga, J." (initials last), "Jill Loga" is "Loga, Jill". */
function personHint(bad: string): string | undefined {
  if (bad.includes(',')) return undefined;
  const words = bad.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const initial = (w: string) => /^(\p{Lu}\.?-?)+$/u.test(w);
  if (words.slice(1).every(initial) && !initial(words[0]!)) return `${words[0]}, ${words.slice(1).join(' ')}`;
  return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}

/** Organisasjonsnummer: nine digits (spaces allowed between them), the last a modulus-11 check digit. */
export function orgNumberTrouble(value: string): { trouble: 'check-digit' | 'length'; digits: number } | undefined {
  const d = value.replace(/\s/g, '');
  if (!/^\d{9}$/.test(d)) return { trouble: 'length', digits: d.replace(/\D/g, '').length };
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(d[i]), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return check !== 10 && expected === Number(d[8]) ? undefined : { trouble: 'check-digit', digits: 9 };
}

/** Columns where a number is expected, so a month name means the spreadsheet made a date of it. */
const NUMBER_FIELDS: ReadonlySet<string> = new Set(['number', 'pages']);

export function checkCell(spec: ColumnSpec, cell: Cell | undefined, file: string, line: number): CheckedCell {
  const at = cell ?? { file, line, column: 1 };
  const pos: Position = { file, line: at.line, column: at.column, ...(cell?.row !== undefined ? { row: cell.row } : {}) };
  const field = spec.header;
  const problems: Problem[] = [];
  const fail = <R extends RuleId>(rule: R, params: MessageParams[R]): CheckedCell => ({
    problems: [...problems, error(rule, pos, params, field)],
  });

  if (!cell || cell.value.trim().replace(ZERO_WIDTH, '') === '') {
    return spec.required ? fail('required-empty', { variant: 'csv', header: field }) : { problems };
  }
  const cleaned = clean(cell.value, spec.kind, pos, field);
  const text = cleaned.text;
  problems.push(...cleaned.problems);

  if (text.startsWith('=')) return fail('spreadsheet-formula', { formula: text.slice(0, 30) });
  if (SPREADSHEET_ERRORS.test(text)) return fail('spreadsheet-error', { value: text });
  if (spec.kind !== 'markdown' && spec.kind !== 'list' && /\n/.test(text)) {
    return fail('line-break', { variant: spec.kind === 'text' ? 'text' : 'single-line' });
  }
  const mojibake = findMojibake(text);
  if (mojibake) return fail('mojibake', mojibake);
  if (NUMBER_FIELDS.has(spec.field)) {
    const original = spreadsheetDateOriginal(text);
    if (original !== undefined) return fail('spreadsheet-date', { value: text, original });
  }
  if ((spec.kind === 'text' || spec.kind === 'markdown' || spec.kind === 'list' || spec.kind === 'persons') && LATEX_COMMAND.test(text)) {
    problems.push(warning('latex-leftover', pos, { command: LATEX_COMMAND.exec(text)![0] }, field));
  }

  const ok = (value: string): CheckedCell => ({ value, problems });
  /** A well-formed id that cannot be a folder name on every system (it names the record's folder in the site). */
  const unfitForFolder = (id: string): CheckedCell | undefined => {
    const reserved = windowsReservedName(id);
    if (reserved !== undefined) return fail('id-reserved-name', { variant: 'id', id, reserved });
    if (id.length > MAX_ID_LENGTH) return fail('id-too-long', { variant: 'id', id, length: id.length, max: MAX_ID_LENGTH });
    return undefined;
  };
  switch (spec.kind) {
    case 'text':
    case 'markdown':
    case 'list':
      return ok(text);
    case 'orgnr': {
      const trouble = orgNumberTrouble(text);
      return trouble ? fail('invalid-org-number', { value: text, ...trouble }) : ok(text);
    }
    case 'id':
      if (!ID_PATTERN.test(text)) return fail('invalid-id', { variant: 'id', value: text });
      return unfitForFolder(text) ?? ok(text);
    case 'ids': {
      const ids = splitList(text);
      const bad = ids.find((id) => !ID_PATTERN.test(id));
      if (bad !== undefined) return fail('invalid-id', { variant: 'list', value: bad });
      for (const id of ids) {
        const unfit = unfitForFolder(id);
        if (unfit) return unfit;
      }
      return ok(text);
    }
    case 'persons': {
      const bad = splitList(text).find((p) => !/^[^,]+,\s*[^,]+$/.test(p));
      if (bad === undefined) return ok(text);
      const hint = personHint(bad);
      return fail('author-format', { value: bad, ...(hint ? { suggestion: hint } : {}) });
    }
    case 'year':
      if (looksLikeExcelSerialDate(text)) return fail('excel-date-serial', { value: text, what: 'year' });
      return isPlausibleYear(text) ? ok(text) : fail('invalid-year', { variant: 'csv', value: text, min: MIN_YEAR, max: MAX_YEAR });
    case 'date':
      if (looksLikeExcelSerialDate(text)) return fail('excel-date-serial', { value: text, what: 'date' });
      return isIsoDate(text) ? ok(text) : fail('invalid-date', { value: text });
    case 'url':
    case 'urls': {
      const bad = (spec.kind === 'url' ? [text] : splitList(text)).find((u) => !isHttpUrl(u));
      return bad === undefined ? ok(text) : fail('invalid-url', { value: bad });
    }
    case 'isbns': {
      const isbns: string[] = [];
      for (const written of splitList(text)) {
        if (looksLikeScientificNumber(written)) return fail('isbn-scientific', { value: written });
        const isbn = normaliseIsbn(written);
        if (!isValidIsbn(isbn)) return fail('invalid-isbn', { value: written, ...isbnTrouble(isbn) });
        if (isbn !== written) problems.push(info('isbn-normalised', pos, { value: written, normalised: isbn }, field));
        isbns.push(isbn);
      }
      return ok(isbns.join('; '));
    }
    case 'issns': {
      const bad = splitList(text).find((issn) => !isValidIssn(issn));
      return bad === undefined ? ok(text) : fail('invalid-issn', { value: bad, ...issnTrouble(bad) });
    }
    case 'doi': {
      const doi = bareDoi(text);
      return DOI_PATTERN.test(doi) ? ok(doi) : fail('invalid-doi', { value: text });
    }
    case 'language': {
      const tag = languageTag(text);
      if (!tag) return fail('unknown-language', { value: text, ...suggestion(text, Object.keys(LANGUAGE_LABELS)) });
      if (tag !== text) problems.push(warning('language-normalised', pos, { value: text, tag, label: LANGUAGE_LABELS[tag]! }, field));
      return ok(tag);
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(text)) return ok(text);
      const folded = values.find((v) => v.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb'));
      if (folded) return ok(folded);
      if (spec.field === 'type') return fail('unknown-type', { variant: 'csv', value: text, ...suggestion(text, values), allowed: values });
      return fail('invalid-value', { value: text, ...suggestion(text, values), allowed: values });
    }
  }
}
