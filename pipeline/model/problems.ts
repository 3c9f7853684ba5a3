/**
 * Problems are values: every stage returns the ones it finds, and the CLI
 * reports them all together, in the order a librarian should fix them.
 *
 * A problem holds its rule id and the parameters of its message; the text is
 * looked up in the catalogue of the language asked for (model/messages-*.ts),
 * Norwegian bokmål by default.
 */
import type { Catalogue, Frame, Lang, MessageParams } from './messages.ts';
import { EN, EN_FRAME } from './messages-en.ts';
import { NB, NB_FRAME } from './messages-nb.ts';
import type { RuleId } from './rules.ts';

export type Severity = 'error' | 'warning' | 'info';

/** The row a problem is in, named by its key or id column ("ID 'ks'"). */
export interface RecordRef {
  column: string;
  id: string;
}

export interface Position {
  file: string;
  /** Line in the file (a CSV row with multi-line cells spans several). */
  line: number;
  column: number;
  /** Row number as Excel and LibreOffice show it (the header is row 1), in a CSV file. */
  row?: number;
  /** The row's key or id, or the key of a .bib entry. */
  record?: RecordRef;
}

export interface Problem extends Position {
  severity: Severity;
  /** Stable rule id, documented for librarians in docs/for-bibliotekarer.md. */
  rule: RuleId;
  /** The column header (or BibTeX field, in a .bib file) the problem is about, when there is one. */
  field?: string;
  /** What is wrong and how to fix it, in plain language (Norwegian bokmål; see `localise`). */
  message: string;
  /** The message's parameters, to say it in another language. */
  params: unknown;
}

const CATALOGUES: Record<Lang, { messages: Catalogue; frame: Frame }> = {
  nb: { messages: NB, frame: NB_FRAME },
  en: { messages: EN, frame: EN_FRAME },
};

const isBib = (file: string) => /\.bib$/i.test(file);

/** The message of a problem in a language, led by its row and key ("Rad 18 (ID 'x'): …"). */
export function render(p: Pick<Problem, 'rule' | 'params' | 'file' | 'row' | 'record'>, lang: Lang = 'nb'): string {
  const { messages, frame } = CATALOGUES[lang];
  const text = (messages[p.rule] as (params: unknown) => string)(p.params);
  const context = frame.context(p.row, p.record, isBib(p.file));
  return context ? `${context}: ${text}` : text;
}

function make<R extends RuleId>(severity: Severity, rule: R, at: Position, params: MessageParams[R], field?: string): Problem {
  const p: Problem = {
    file: at.file,
    line: at.line,
    column: at.column,
    ...(at.row !== undefined ? { row: at.row } : {}),
    ...(at.record ? { record: at.record } : {}),
    severity,
    rule,
    message: '',
    params,
    ...(field ? { field } : {}),
  };
  p.message = render(p);
  return p;
}

export function error<R extends RuleId>(rule: R, at: Position, params: MessageParams[R], field?: string): Problem {
  return make('error', rule, at, params, field);
}

export function warning<R extends RuleId>(rule: R, at: Position, params: MessageParams[R], field?: string): Problem {
  return make('warning', rule, at, params, field);
}

/** A change Kildebank made that has one right form (NFC, ISBN hyphens): said, never silent, and never a failure. */
export function info<R extends RuleId>(rule: R, at: Position, params: MessageParams[R], field?: string): Problem {
  return make('info', rule, at, params, field);
}

/** The same problem placed in a row and record (when the cell check did not know them). */
export function inRecord(p: Problem, row: number | undefined, record: RecordRef | undefined): Problem {
  const placed: Problem = {
    ...p,
    ...(row !== undefined && p.row === undefined ? { row } : {}),
    ...(record && !p.record ? { record } : {}),
  };
  placed.message = render(placed);
  return placed;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * The order to fix things in: the data folder and whole files, then header
 * rows, then cells, then what involves two records (duplicates, what a type
 * requires), then references between records; last, references to rows that
 * were left out because of an error above.
 */
const PHASES: Partial<Record<RuleId, number>> = {
  'data-folder-empty': 0,
  'file-missing': 0,
  'unknown-file': 0,
  'spreadsheet-ignored': 0,
  'file-not-csv': 0,
  'encoding-windows-1252': 0,
  'file-empty': 0,
  'csv-syntax': 0,
  'bibtex-empty': 0,
  'page-name': 0,
  'header-empty': 1,
  'unknown-column': 1,
  'duplicate-column': 1,
  'single-column': 1,
  'missing-column': 1,
  'optional-column-missing': 1,
  'duplicate-key': 3,
  'duplicate-work': 3,
  'merge-conflict': 3,
  'required-for-type': 3,
  'unknown-reference': 4,
  'self-reference': 4,
  'external-image': 2,
  'relation-one-way': 4,
  'reference-to-left-out': 5,
};
const phase = (p: Problem) => PHASES[p.rule] ?? 2;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort by phase (see PHASES), severity, file, line, column, then rule, so reports are stable and causes come first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      phase(a) - phase(b) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

/** The problems with their messages in another language. */
export function localise(problems: readonly Problem[], lang: Lang): Problem[] {
  return lang === 'nb' ? [...problems] : problems.map((p) => ({ ...p, message: render(p, lang) }));
}

/** The message with its column, as `formatProblem` prints it: `Rad 18 (ID 'x'): … (kolonne 'X')`. */
export function problemText(p: Problem, lang: Lang = 'nb'): string {
  const { frame } = CATALOGUES[lang];
  const where = p.field ? ` ${frame.column(p.field, isBib(p.file))}` : '';
  const message = lang === 'nb' ? p.message : render(p, lang);
  return `${message}${where}`;
}

/** `file:line:column  feil|advarsel|info  rule-id  message (kolonne 'X')`, one problem per line. */
export function formatProblem(p: Problem, lang: Lang = 'nb'): string {
  const { frame } = CATALOGUES[lang];
  return `${p.file}:${p.line}:${p.column}  ${frame.severity[p.severity]}  ${p.rule}  ${problemText(p, lang)}`;
}

export function formatReport(problems: readonly Problem[], lang: Lang = 'nb'): string {
  const sorted = sortProblems(problems);
  const count = (s: Severity) => sorted.filter((p) => p.severity === s).length;
  const lines = sorted.map((p) => formatProblem(p, lang));
  lines.push(CATALOGUES[lang].frame.summary(count('error'), count('warning'), count('info')));
  return lines.join('\n');
}
