/**
 * The data half of a build: run the pipeline, write its JSON into the staged
 * JSON folder, and plan which pages to render against the last good build;
 * then write the whole bibliography's reference list (which the citation
 * stage formats on a thread meanwhile) when it is done. What it returns is
 * small: the problems, the stage log and the plan; the dataset stays here.
 *
 * The build runs it in a process of its own (./data-process.ts), so that
 * the memory the dataset took is given back before Eleventy and Pagefind run.
 */
import path from 'node:path';
import { DOWNLOADS_DIR, emitDownloads, emitJson } from '../emit/json.ts';
import { startReferences } from '../cite/add-references.ts';
import { hasErrors } from '../model/problems.ts';
import type { Dataset, PendingExports } from '../model/types.ts';
import { runPipeline, timed, type PipelineResult, type StageLog } from '../run.ts';
import { eleventyEnv, PROJECT_ROOT, type SiteOptions } from './eleventy.ts';
import { fingerprintUnits, planRender, type RenderPlan } from './render-plan.ts';
import { readRenderRecord } from './reuse-pages.ts';
import { siteCodeHash } from './site-code.ts';
import { exists } from './swap.ts';

export interface PrepareOptions extends SiteOptions {
  dataDir: string;
  /** The last good site and JSON (their render record decides what is reused). */
  outDir: string;
  jsonDir: string;
  /** Where this build's JSON goes. */
  stagedJson: string;
  /**
   * Where the whole bibliography's list goes when it is done (its downloads,
   * under `nedlasting/` as in the JSON and the site): not the JSON folder,
   * whose downloads Eleventy copies while the list may still be formatted.
   */
  listDir: string;
  /** The project whose `site/` is rendered (its code is part of every page's fingerprint). */
  siteRoot?: string;
}

export interface Prepared extends Omit<PipelineResult, 'dataset' | 'pending'> {
  /** Present when the data has no errors and its JSON is written. */
  ready?: {
    counts: { entries: number; concepts: number };
    plan: RenderPlan;
  };
}

/** The JSON written and the render planned, and the list still being formatted (its files, relative to `listDir`, once written). */
export interface PreparedRun {
  prepared: Prepared;
  list: Promise<string[]>;
}

/**
 * Run the pipeline, write the JSON and plan the render. The list of the whole
 * bibliography may still be formatting when this resolves (a rebuild formats
 * the shards its changes touch, ../cite/list-cache.ts), so the build renders
 * and indexes the site meanwhile and waits for the list only before Pagefind
 * writes its index.
 */
export async function prepareData(options: PrepareOptions, onStage: (log: StageLog) => void = () => {}): Promise<PreparedRun> {
  const { prepared, pending } = await writeJson(options, onStage);
  const none: PreparedRun = { prepared, list: Promise.resolve([]) };
  if (!pending) return none;
  if (!prepared.ready) {
    await pending.cancel();
    return none;
  }
  const list = pending.exports.then((exports) => emitDownloads(exports, [path.join(options.listDir, DOWNLOADS_DIR)]));
  list.catch(() => undefined);
  return { prepared, list };
}

/** The pipeline and the JSON; the dataset lives no longer than this function. */
async function writeJson(
  options: PrepareOptions,
  onStage: (log: StageLog) => void,
): Promise<{ prepared: Prepared; pending?: PendingExports }> {
  const { dataset, pending, ...result } = await runPipeline(options.dataDir, { cite: startReferences, deferExports: true });
  const log = [...result.log];
  result.log.forEach(onStage);
  const withPending = pending ? { pending } : {};
  if (!dataset || hasErrors(result.problems)) return { prepared: { ...result, log }, ...withPending };
  try {
    const plan = await emitAndPlan(dataset, options, log, onStage);
    const counts = { entries: dataset.bibliography.length, concepts: dataset.glossary.length };
    return { prepared: { ...result, log, ready: { counts, plan } }, ...withPending };
  } catch (e) {
    await pending?.cancel();
    throw e;
  }
}

async function emitAndPlan(
  dataset: Dataset,
  options: PrepareOptions,
  log: StageLog[],
  onStage: (l: StageLog) => void,
): Promise<RenderPlan> {
  const emitted = await timed(
    log,
    'JSON',
    () => emitJson(dataset, options.stagedJson),
    (e) => `${e.files.length} files`,
    onStage,
  );
  const code = await siteCodeHash(options.siteRoot ?? PROJECT_ROOT, eleventyEnv(options.stagedJson, options));
  const fingerprints = fingerprintUnits(dataset, code, emitted.digest, emitted.itemDigests);
  const previous = (await exists(options.outDir)) ? await readRenderRecord(options.jsonDir) : undefined;
  return planRender(dataset, fingerprints, previous);
}
