/**
 * The check's report for repository hosts, made from the same Problem values
 * as the text report (`formatReport` in problems.ts), in the same words:
 *
 * - `github`: one workflow command per problem,
 *   `::error file=…,line=…,col=…,title=<rule>::<message>` (warnings as
 *   `::warning`), which GitHub Actions shows as annotations on the lines of
 *   the changed file; a last plain line counts errors and warnings.
 * - `gitlab`: a GitLab Code Quality report (JSON array), which GitLab shows in
 *   the merge request.
 *
 * The message of a problem is the text report's message, with its column or
 * field note (`(column 'ISBN')`), taken from `problemText` (which `formatProblem` uses too) so that both
 * reports always say the same.
 */
import { createHash } from 'node:crypto';
import type { Lang } from './messages.ts';
import { formatReport, localise, problemText, sortProblems, type Problem } from './problems.ts';

export const REPORT_FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

/** Escapes for a workflow command's message (`::error …::<message>`). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes for a workflow command's property value (`file=…,title=…`). */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One GitHub Actions workflow command for a problem. */
/** GitHub's workflow command for each severity. */
const GITHUB_COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function githubAnnotation(p: Problem, lang: Lang = 'nb'): string {
  const props = [`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, `title=${escapeProperty(p.rule)}`].join(',');
  return `::${GITHUB_COMMAND[p.severity]} ${props}::${escapeData(problemText(p, lang))}`;
}

/** The last line of the text report: `N errors, M warnings`. */
const summaryLine = (problems: readonly Problem[], lang: Lang) => formatReport(problems, lang).split('\n').at(-1)!;

/** GitHub Actions workflow commands, one per problem in report order, then the count of errors and warnings. */
export function formatGithub(problems: readonly Problem[], lang: Lang = 'nb'): string {
  return [...sortProblems(problems).map((p) => githubAnnotation(p, lang)), summaryLine(problems, lang)].join('\n');
}

/** One issue of a GitLab Code Quality report. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * A stable fingerprint: the same problem in the same place gets the same one
 * in every run, so GitLab can tell new problems from fixed ones. It hashes
 * where the problem is and which rule, not the message, so rewording a
 * message does not make every problem look new.
 */
export function fingerprintOf(p: Problem, occurrence = 0): string {
  return createHash('md5')
    .update([p.file, p.line, p.column, p.rule, p.field ?? '', ...(occurrence > 0 ? [occurrence] : [])].join('\u0000'))
    .digest('hex');
}

/** `occurrence` tells apart problems with the same rule in the same place (counted in report order). */
export function codeQualityIssue(p: Problem, occurrence = 0, lang: Lang = 'nb'): CodeQualityIssue {
  return {
    description: problemText(p, lang),
    check_name: p.rule,
    fingerprint: fingerprintOf(p, occurrence),
    // Errors stop the build; warnings do not; information only says what was normalised.
    severity: p.severity === 'error' ? 'major' : p.severity === 'warning' ? 'minor' : 'info',
    location: { path: p.file, lines: { begin: p.line } },
  };
}

/** A GitLab Code Quality report: a JSON array of issues, in report order. */
export function formatGitlab(problems: readonly Problem[], lang: Lang = 'nb'): string {
  const seen = new Map<string, number>();
  const issues = sortProblems(problems).map((p) => {
    const key = fingerprintOf(p);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return codeQualityIssue(p, occurrence, lang);
  });
  return JSON.stringify(issues, null, 2);
}

/** The report in the given format: `text` (default), `json`, `github` or `gitlab`. */
export function formatProblems(problems: readonly Problem[], format: ReportFormat, lang: Lang = 'nb'): string {
  switch (format) {
    case 'json':
      // The message in the language asked for; its parameters are internal.
      return JSON.stringify({ problems: localise(sortProblems(problems), lang).map(({ params: _params, ...p }) => p) }, null, 2);
    case 'github':
      return formatGithub(problems, lang);
    case 'gitlab':
      return formatGitlab(problems, lang);
    case 'text':
      return formatReport(problems, lang);
  }
}
