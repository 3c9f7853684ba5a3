/**
 * Problems are values: every stage returns the ones it finds, and the CLI
 * reports them all together, sorted by file and line.
 */
import type { RuleId } from './rules.ts';

export type Severity = 'error' | 'warning';

export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface Problem extends Position {
  severity: Severity;
  /** Stable rule id, documented for librarians in docs/for-bibliotekarer.md. */
  rule: RuleId;
  /** The column header (or BibTeX field, in a .bib file) the problem is about, when there is one. */
  field?: string;
  /** What is wrong and how to fix it, in plain language. */
  message: string;
}

export function error(rule: RuleId, at: Position, message: string, field?: string): Problem {
  return { ...at, severity: 'error', rule, message, ...(field ? { field } : {}) };
}

export function warning(rule: RuleId, at: Position, message: string, field?: string): Problem {
  return { ...at, severity: 'warning', rule, message, ...(field ? { field } : {}) };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sort by file, line, column, then rule, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

/** `file:line:column  error|warning  rule-id  message`, one problem per line. */
export function formatProblem(p: Problem): string {
  const where = p.field ? ` (${/\.bib$/i.test(p.file) ? 'field' : 'column'} '${p.field}')` : '';
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${p.message}${where}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
