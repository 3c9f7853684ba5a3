/**
 * Check one CSV cell against its column's kind and return its cleaned value.
 * Spreadsheet leftovers (formulas, error values, numbers in scientific
 * notation, date serials), stray whitespace and wrong formats are reported here.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { error, warning, type Problem } from '../model/problems.ts';
import type { RuleId } from '../model/rules.ts';
import type { Cell } from '../read/csv.ts';
import { didYouMean } from '../lib/closest.ts';
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

function clean(raw: string, kind: ColumnSpec['kind']): { text: string; changed: string[] } {
  const changed: string[] = [];
  let text = raw;
  if (HAS_ZERO_WIDTH.test(text)) {
    text = text.replace(ZERO_WIDTH, '');
    changed.push('removed invisible zero-width characters');
  }
  if (HAS_NBSP.test(text)) {
    text = text.replace(NBSP, ' ');
    changed.push('replaced non-breaking spaces with ordinary spaces');
  }
  const trimmed = kind === 'markdown' ? text.replace(/^[ \t]+|\s+$/g, '') : text.trim().replace(/[ \t]{2,}/g, ' ');
  if (trimmed !== text && text.trim() !== '') changed.push('removed extra spaces');
  return { text: trimmed, changed };
}

/** Why an ISBN is not valid, in a few words. */
function isbnTrouble(isbn: string): string {
  const d = isbn.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(d) || /^97[89]\d{10}$/.test(d))
    return 'the check digit (the last one) does not match the others, so a digit is wrong or two are swapped.';
  if (/^\d{13}$/.test(d)) return 'an ISBN-13 starts with 978 or 979.';
  return `it has ${d.replace(/[^\dX]/g, '').length} digits where an ISBN has 10 or 13.`;
}

function issnTrouble(issn: string): string {
  const d = issn.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{7}[\dX]$/.test(d)
    ? 'the check digit (the last one) does not match the others.'
    : `it has ${d.replace(/[^\dX]/g, '').length} characters where an ISSN has 8.`;
}

export function checkCell(spec: ColumnSpec, cell: Cell | undefined, file: string, line: number): CheckedCell {
  const at = cell ?? { file, line, column: 1 };
  const pos = { file, line: at.line, column: at.column };
  const field = spec.header;
  const problems: Problem[] = [];
  const fail = (rule: RuleId, message: string): CheckedCell => ({ problems: [...problems, error(rule, pos, message, field)] });

  if (!cell || cell.value.trim().replace(ZERO_WIDTH, '') === '') {
    return spec.required
      ? fail('required-empty', `'${field}' is required but empty. Fill it in; until then the row is left out.`)
      : { problems };
  }
  const { text, changed } = clean(cell.value, spec.kind);
  if (changed.length > 0)
    problems.push(
      warning('whitespace', pos, `Cleaned the cell: ${changed.join(', ')}. Correct the cell in the file to silence this warning.`, field),
    );

  if (text.startsWith('='))
    return fail(
      'spreadsheet-formula',
      `The cell holds a spreadsheet formula (${text.slice(0, 30)}). Replace it with the value itself (copy, then paste as values).`,
    );
  if (SPREADSHEET_ERRORS.test(text))
    return fail('spreadsheet-error', `The cell holds the spreadsheet error value ${text}. Type the real value.`);
  if (spec.kind !== 'markdown' && spec.kind !== 'text' && spec.kind !== 'list' && /\n/.test(text)) {
    return fail('line-break', `The cell contains a line break. Put the value on one line (remove the Alt+Enter or Ctrl+Enter).`);
  }
  if ((spec.kind === 'text' || spec.kind === 'markdown' || spec.kind === 'list' || spec.kind === 'persons') && LATEX_COMMAND.test(text)) {
    problems.push(
      warning(
        'latex-leftover',
        pos,
        `The text contains a LaTeX command (${LATEX_COMMAND.exec(text)![0]}). Write the letter itself (å, ø, æ …) instead of the command.`,
        field,
      ),
    );
  }

  const ok = (value: string): CheckedCell => ({ value, problems });
  /** A well-formed id that cannot be a folder name on every system (it names the record's folder in the site). */
  const unfitForFolder = (id: string): CheckedCell | undefined => {
    const reserved = windowsReservedName(id);
    if (reserved !== undefined) {
      return fail(
        'id-reserved-name',
        `'${id}' cannot be used as an id: Windows reserves the name '${reserved}' for a device, so no folder can have it and the record's page could not be written or copied there. Add a word or a year, e.g. '${id}-2016'.`,
      );
    }
    if (id.length > MAX_ID_LENGTH) {
      return fail(
        'id-too-long',
        `The id '${id.slice(0, 40)}…' has ${id.length} characters, more than the ${MAX_ID_LENGTH} allowed: it becomes a folder name in the site, and Windows limits a whole file path to 260 characters. Shorten it, e.g. to the author's surname and the year.`,
      );
    }
    return undefined;
  };
  switch (spec.kind) {
    case 'text':
    case 'markdown':
    case 'list':
      return ok(text);
    case 'id':
      if (!ID_PATTERN.test(text))
        return fail(
          'invalid-id',
          `'${text}' is not a valid id: use lower-case letters a–z, digits and hyphens (æ → ae, ø → o, å → a), e.g. 'loga-2016'.`,
        );
      return unfitForFolder(text) ?? ok(text);
    case 'ids': {
      const ids = splitList(text);
      const bad = ids.find((id) => !ID_PATTERN.test(id));
      if (bad !== undefined)
        return fail(
          'invalid-id',
          `'${bad}' is not a valid id: use lower-case letters a–z, digits and hyphens (æ → ae, ø → o, å → a), and separate ids with ';'.`,
        );
      for (const id of ids) {
        const unfit = unfitForFolder(id);
        if (unfit) return unfit;
      }
      return ok(text);
    }
    case 'persons': {
      const bad = splitList(text).find((p) => !/^[^,]+,\s*[^,]+$/.test(p));
      if (bad === undefined) return ok(text);
      const words = bad.split(/\s+/);
      const hint = !bad.includes(',') && words.length >= 2 ? ` Did you mean '${words.at(-1)}, ${words.slice(0, -1).join(' ')}'?` : '';
      return fail(
        'author-format',
        `'${bad}' is not written as "Etternavn, Fornavn".${hint} Write each person as "Etternavn, Fornavn" and separate persons with ';'. An organisation as author goes in 'Korporativ forfatter'.`,
      );
    }
    case 'year':
      if (looksLikeExcelSerialDate(text))
        return fail(
          'excel-date-serial',
          `'${text}' looks like a date that the spreadsheet turned into a number. Format the column as text and type the year with four digits.`,
        );
      return isPlausibleYear(text)
        ? ok(text)
        : fail('invalid-year', `'${text}' is not a plausible year: write four digits between ${MIN_YEAR} and ${MAX_YEAR}, e.g. 2016.`);
    case 'date':
      if (looksLikeExcelSerialDate(text))
        return fail(
          'excel-date-serial',
          `'${text}' looks like a date that the spreadsheet turned into a number. Format the column as text and write the date as YYYY-MM-DD.`,
        );
      return isIsoDate(text)
        ? ok(text)
        : fail(
            'invalid-date',
            `'${text}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD, or no such day exists. Format the column as text and write e.g. 2016-04-08.`,
          );
    case 'url':
    case 'urls': {
      const bad = (spec.kind === 'url' ? [text] : splitList(text)).find((u) => !isHttpUrl(u));
      return bad === undefined
        ? ok(text)
        : fail(
            'invalid-url',
            `'${bad}' is not a whole web address starting with http:// or https://. Copy the address from the browser's address bar.`,
          );
    }
    case 'isbns': {
      for (const isbn of splitList(text)) {
        if (looksLikeScientificNumber(isbn))
          return fail(
            'isbn-scientific',
            `'${isbn}' is an ISBN that the spreadsheet turned into a number. Format the column as text and type the ISBN again, with hyphens.`,
          );
        if (!isValidIsbn(isbn))
          return fail(
            'invalid-isbn',
            `'${isbn}' is not a valid ISBN-10 or ISBN-13: ${isbnTrouble(isbn)} Check it against the colophon page; separate several ISBNs with ';'.`,
          );
      }
      return ok(text);
    }
    case 'issns': {
      const bad = splitList(text).find((issn) => !isValidIssn(issn));
      return bad === undefined
        ? ok(text)
        : fail(
            'invalid-issn',
            `'${bad}' is not a valid ISSN: ${issnTrouble(bad)} An ISSN is written NNNN-NNNC (the last character may be X); check it against the source.`,
          );
    }
    case 'doi': {
      const doi = bareDoi(text);
      return DOI_PATTERN.test(doi)
        ? ok(doi)
        : fail(
            'invalid-doi',
            `'${text}' is not a DOI: a DOI starts with '10.', then digits, a '/' and the rest, e.g. 10.6027/TN2015-502. Write only the DOI (https://doi.org/ in front is allowed).`,
          );
    }
    case 'language': {
      const tag = languageTag(text);
      if (!tag)
        return fail(
          'unknown-language',
          `'${text}' is not a known language. Use a code such as nb (bokmål), nn (nynorsk) or en (English).${didYouMean(text, Object.keys(LANGUAGE_LABELS))}`,
        );
      if (tag !== text)
        problems.push(
          warning(
            'language-normalised',
            pos,
            `Language '${text}' was read as '${tag}' (${LANGUAGE_LABELS[tag]}). Write '${tag}' to silence this note.`,
            field,
          ),
        );
      return ok(tag);
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(text)) return ok(text);
      const folded = values.find((v) => v.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb'));
      if (folded) return ok(folded);
      const rule = spec.field === 'type' ? 'unknown-type' : 'invalid-value';
      return fail(rule, `'${text}' is not an allowed value.${didYouMean(text, values)} Allowed: ${values.join(', ')}.`);
    }
  }
}
