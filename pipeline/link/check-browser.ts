/**
 * The entry point that emit bundles for the browser (with esbuild, as an
 * IIFE) into `/sjekk/sjekk.js`: the check-only path of `runPipeline`
 * (../run.ts) — read, check, normalise, and the link stage's check — on
 * files chosen or dropped on the page, as the global `KildebankCheck`, which
 * the page's script (site/assets/check-page.js) uses. The problems and their
 * words are the ones `npm run check` prints; nothing leaves the browser.
 */
import { CSV_FILES } from '../model/columns.ts';
import { NB_FRAME } from '../model/messages-nb.ts';
import { formatProblem, formatReport, sortProblems, type Problem, type Severity } from '../model/problems.ts';
import { ingestFiles } from '../normalise/ingest-files.ts';
import { readDataFiles, type GivenFile } from '../read/data-files.ts';
import { link } from './link.ts';

/** A problem as the page shows it. */
export interface ShownProblem {
  file: string;
  line: number;
  column: number;
  row?: number;
  severity: Severity;
  /** "feil", "advarsel" or "info". */
  severityText: string;
  rule: string;
  /** The message as `npm run check` prints it, with its column note. */
  message: string;
}

export interface CheckResult {
  problems: ShownProblem[];
  errors: number;
  warnings: number;
  infos: number;
  /** "0 feil, 0 advarsler": the last line of `npm run check`. */
  summary: string;
  /** The whole report, line for line as `npm run check` prints it. */
  report: string;
  /** Known CSV files that were not among the files given. */
  notGiven: string[];
}

/** The problems of the given files, as `runPipeline(dataDir, { checkOnly: true })` finds them in a folder on disk. */
export async function checkFiles(files: readonly GivenFile[], label = 'data'): Promise<Problem[]> {
  const ingested = await ingestFiles(await readDataFiles(files, label));
  const linked = link(ingested, { checkOnly: true });
  return [...ingested.problems, ...linked.problems];
}

async function check(files: readonly GivenFile[], label = 'data'): Promise<CheckResult> {
  const problems = sortProblems(await checkFiles(files, label));
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  const given = new Set(files.map((f) => f.name));
  return {
    problems: problems.map((p) => {
      const line = formatProblem(p);
      return {
        file: p.file,
        line: p.line,
        column: p.column,
        ...(p.row !== undefined ? { row: p.row } : {}),
        severity: p.severity,
        severityText: NB_FRAME.severity[p.severity],
        rule: p.rule,
        message: line.slice(line.indexOf(p.message)),
      };
    }),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    summary: NB_FRAME.summary(count('error'), count('warning'), count('info')),
    report: formatReport(problems),
    notGiven: Object.keys(CSV_FILES).filter((name) => !given.has(name)),
  };
}

(globalThis as unknown as Record<string, unknown>)['KildebankCheck'] = { check };
