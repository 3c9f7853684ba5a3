/**
 * The pipeline from data folder to dataset: ingest (read, parse, check,
 * normalise), link, and format citations. Reports what each stage did.
 */
import { ingest } from './normalise/ingest.ts';
import { enrich } from './enrich/enrich.ts';
import { link } from './link/link.ts';
import type { Citing, Dataset, LinkedDataset, PendingExports } from './model/types.ts';
import { hasErrors, type Problem } from './model/problems.ts';

export interface StageLog {
  stage: string;
  ms: number;
  detail: string;
}

export interface PipelineResult {
  dataset?: Dataset;
  problems: Problem[];
  log: StageLog[];
  /** With `deferExports`: exports still being formatted, for the build to write last. */
  pending?: PendingExports;
}

export interface PipelineOptions {
  /** Stop after checking: no linking of output, no citations. */
  checkOnly?: boolean;
  /** Starts the citation stage on the linked dataset; what it starts adds the references to the enriched one. */
  cite?: (dataset: LinkedDataset) => Promise<Citing>;
  /** Return the citation stage's pending exports as `pending` instead of waiting for them (the build writes them last). */
  deferExports?: boolean;
}

/** Run one stage of work, add what it did and how long it took to `log`, and tell `onStage`. */
export async function timed<T>(
  log: StageLog[],
  stage: string,
  work: () => T | Promise<T>,
  detail: (r: T) => string,
  onStage?: (l: StageLog) => void,
): Promise<T> {
  const start = performance.now();
  const result = await work();
  const entry = { stage, ms: performance.now() - start, detail: detail(result) };
  log.push(entry);
  onStage?.(entry);
  return result;
}

export async function runPipeline(dataDir: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const log: StageLog[] = [];
  const ingested = await timed(
    log,
    'read and check',
    () => ingest(dataDir),
    (r) =>
      `${r.files} files: ${r.drafts.bibliography.length} entries, ${r.drafts.glossary.length} concepts, ${r.drafts.organisations.length} organisations, ${r.drafts.pages.length} pages`,
  );
  const linked = await timed(
    log,
    'link',
    () => link(ingested, { checkOnly: options.checkOnly === true }),
    (r) => `${r.dataset.bibliography.length} entries linked`,
  );
  const problems = [...ingested.problems, ...linked.problems];
  if (options.checkOnly || hasErrors(problems)) return { problems, log };
  // The citation stage needs only what linking gives: it formats on its threads while enrich runs here, and its time
  // in the log is its start and the wait after enrich.
  const startedAt = performance.now();
  const citing = options.cite ? await options.cite(linked.dataset) : undefined;
  const startMs = performance.now() - startedAt;
  let enriched: Dataset;
  try {
    enriched = await timed(
      log,
      'enrich',
      () => enrich(linked.dataset),
      (d) => `${d.bibliography.length} entries with metadata and exports`,
    );
  } catch (e) {
    await citing?.cancel();
    throw e;
  }
  if (!citing) return { dataset: enriched, problems, log };
  const completedAt = performance.now();
  const cited = await citing.complete(enriched);
  log.push({
    stage: 'citations',
    ms: startMs + performance.now() - completedAt,
    detail: `${cited.dataset.bibliography.length} entries formatted${cited.pending ? ', the list of them all under way' : ''}`,
  });
  if (!cited.pending) return { dataset: cited.dataset, problems, log };
  if (options.deferExports) return { dataset: cited.dataset, problems, log, pending: cited.pending };
  const pending = cited.pending;
  const later = await timed(
    log,
    'reference list',
    () => pending.exports,
    () => 'the whole bibliography in Norsk APA',
  );
  return { dataset: { ...cited.dataset, exports: { ...cited.dataset.exports, ...later } }, problems, log };
}
