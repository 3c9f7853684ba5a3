/**
 * What each rule's message needs: one parameter type per rule id. The
 * messages themselves are in one catalogue per language (messages-nb.ts,
 * messages-en.ts), both typed as `Catalogue`, so a rule without a message, or
 * a message that reads a parameter the rule does not give, does not compile.
 * Norwegian bokmål is the default; English is chosen with `--lang en` or an
 * English locale (see `languageFromEnvironment`).
 */
import type { RuleId } from './rules.ts';

export type Lang = 'nb' | 'en';

/** The parts of a BibTeX parse error, in words each language chooses. */
export type BibtexReason =
  | { code: 'no-key' }
  | { code: 'comma' }
  | { code: 'equals' }
  | { code: 'expected'; expected: string; got: string }
  | { code: 'not-entry' }
  | { code: 'not-closed' }
  | { code: 'other'; detail: string };

/** Requirements by publication type (model/publication-types.ts names them). */
export type Need = 'year' | 'responsible' | 'author' | 'url';

export interface MessageParams {
  'data-folder-empty': { folder: string };
  'unknown-file':
    | { variant: 'csv'; name: string; suggestion?: string; known: readonly string[] }
    | { variant: 'other'; name: string; pagesFolder: string }
    | { variant: 'page'; name: string };
  'file-missing': { name: string; variant: 'missing' | 'directory' | 'link' | 'special'; target?: string };
  'spreadsheet-ignored': { name: string; known: readonly string[] };
  'file-not-csv': Record<string, never>;
  'encoding-windows-1252': Record<string, never>;
  'file-empty': Record<string, never>;
  'control-character': { codes: readonly string[] };
  'unicode-normalised': Record<string, never>;
  'csv-syntax': { code: 'quote-not-closed' | 'opening-quote' | 'closing-quote' } | { code: 'other'; detail: string };
  'header-empty': { column: number };
  'unknown-column': { name: string; suggestion?: string };
  'duplicate-column': { name: string; other: number };
  'single-column': { guess?: string };
  'missing-column': { header: string; file: string };
  'optional-column-missing': { headers: readonly string[]; file: string };
  'ragged-row': { variant: 'long' | 'short'; cells: number; header: number; delimiter: string; last?: string };
  'required-empty': { variant: 'csv'; header: string } | { variant: 'bib' };
  'required-for-type': { key: string; type: string; need: Need; fill: readonly string[]; noteColumn: string };
  whitespace: { changes: readonly ('zero-width' | 'nbsp' | 'spaces')[] };
  'spreadsheet-formula': { formula: string };
  'spreadsheet-error': { value: string };
  'spreadsheet-date': { value: string; original: string };
  'leading-zero-lost': { value: string; padded: string; example: string };
  mojibake: { bad: string; good: string; fixed: string };
  'line-break': { variant: 'single-line' | 'text' };
  'latex-leftover': { command: string; bib?: boolean };
  'invalid-id': { variant: 'id' | 'list'; value: string } | { variant: 'bib-no-key' };
  'id-reserved-name':
    { variant: 'id'; id: string; reserved: string } | { variant: 'page'; name: string; slug: string; number: string; reserved: string };
  'id-too-long':
    { variant: 'id'; id: string; length: number; max: number } | { variant: 'page'; name: string; length: number; max: number };
  'author-format': { value: string; suggestion?: string };
  'excel-date-serial': { value: string; what: 'year' | 'date' };
  'invalid-year': { variant: 'csv'; value: string; min: number; max: number } | { variant: 'bib'; value: string; field: string };
  'invalid-date': { value: string };
  'invalid-url': { value: string };
  'isbn-scientific': { value: string };
  'invalid-isbn': { value: string; trouble: 'check-digit' | 'prefix' | 'length'; digits: number };
  'isbn-normalised': { value: string; normalised: string };
  'invalid-issn': { value: string; trouble: 'check-digit' | 'length'; digits: number };
  'invalid-org-number': { value: string; trouble: 'check-digit' | 'length'; digits: number };
  'invalid-doi': { value: string };
  'unknown-language': { value: string; suggestion?: string };
  'language-normalised': { value: string; tag: string; label: string };
  'unknown-type':
    { variant: 'csv'; value: string; suggestion?: string; allowed: readonly string[] } | { variant: 'bib'; key: string; type: string };
  'invalid-value': { value: string; suggestion?: string; allowed: readonly string[] };
  'duplicate-key':
    | { variant: 'row'; id: string; other: string }
    | { variant: 'two-works'; key: string; title: string; otherTitle: string; where: string }
    | { variant: 'twice'; key: string; where: string }
    | { variant: 'page'; slug: string; other: string };
  'duplicate-work': { key: string; otherKey: string; where: string; same: 'doi' | 'isbn' | 'title'; value: string; type?: string };
  'merge-conflict': { key: string; where: string; here: string; there: string };
  'editor-ignored': { plural: boolean };
  'bibtex-syntax':
    | { variant: 'unclosed'; key: string }
    | { variant: 'string'; reason: BibtexReason }
    | { variant: 'entry'; key: string; line: number; reason: BibtexReason };
  'undefined-macro': { key: string; name: string; field: string };
  'bibtex-empty': Record<string, never>;
  'page-name': { name: string };
  'page-title': Record<string, never>;
  'unknown-reference':
    | { variant: 'id'; id: string; file: string; suggestion?: string }
    | { variant: 'link'; target: string; suggestion?: string }
    | { variant: 'definition'; id: string; suggestion?: string };
  'reference-to-left-out': { id: string; file: string; cause: string };
  'external-image': { url: string };
  'self-reference': { id: string };
  'relation-one-way': { id: string; other: string; column: string };
}

/** One language's messages: a function per rule id, from its parameters to the text. */
export type Catalogue = { [R in RuleId]: (p: MessageParams[R]) => string };

/** The words around a message: where in the spreadsheet, and the report's own lines. */
export interface Frame {
  /** "Rad 18 (ID 'x')" or "Post 'x'" in a .bib file. */
  context(row: number | undefined, record: { column: string; id: string } | undefined, bib: boolean): string;
  severity: Record<'error' | 'warning' | 'info', string>;
  column(name: string, bib: boolean): string;
  summary(errors: number, warnings: number, infos: number): string;
  /** "a, b or c". */
  or(items: readonly string[]): string;
}

/** `nb` unless `--lang` or the locale (LC_ALL, LC_MESSAGES, LANG, in that order) says English. */
export function languageFromEnvironment(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) return flag.toLowerCase().startsWith('en') ? 'en' : 'nb';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'nb';
}
