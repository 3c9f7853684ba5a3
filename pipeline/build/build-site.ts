/**
 * The whole build: pipeline → JSON → Eleventy → Pagefind, staged in a
 * temporary folder beside the output and swapped in only when complete. A run
 * with errors, or one that fails or is killed midway, leaves the last good
 * site (and the last good JSON) untouched.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { emitJson } from '../emit/json.ts';
import type { Dataset } from '../model/types.ts';
import { hasErrors } from '../model/problems.ts';
import { releaseMemory } from './release-memory.ts';
import { runPipeline, type PipelineOptions, type PipelineResult, type StageLog } from '../run.ts';
import { runEleventy, type SiteOptions } from './eleventy.ts';
import { runPagefind } from './pagefind.ts';
import { acquireLock, type BuildLock } from './lock.ts';
import { checkSeparate, checkSwappable, ensureParent, type Target } from './preflight.ts';
import { swapAllInto } from './swap.ts';

export interface BuildOptions extends SiteOptions, Pick<PipelineOptions, 'cite'> {
  dataDir: string;
  outDir: string;
  /** Where the last good JSON is kept (read by `npm run dev`). */
  jsonDir: string;
  onStage?: (log: StageLog) => void;
}

/** The build's problems and log; the dataset itself is in the JSON folder, not kept in memory. */
export interface BuildResult extends Omit<PipelineResult, 'dataset'> {
  built: boolean;
}

async function stage<T>(
  name: string,
  work: () => Promise<T>,
  detail: (r: T) => string,
  log: StageLog[],
  onStage?: (l: StageLog) => void,
): Promise<T> {
  const start = performance.now();
  const result = await work();
  const entry = { stage: name, ms: performance.now() - start, detail: detail(result) };
  log.push(entry);
  onStage?.(entry);
  return result;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  // Before any work: both folders can be swapped, and no other build writes to them.
  const out: Target = { dir: options.outDir, option: '--out' };
  const cache: Target = { dir: options.jsonDir, option: '--cache' };
  checkSeparate(out, cache);
  await ensureParent(out);
  await ensureParent(cache);
  const locks: BuildLock[] = [];
  try {
    locks.push(await acquireLock(options.outDir));
    locks.push(await acquireLock(options.jsonDir));
    await checkSwappable(out);
    await checkSwappable(cache);
    return await buildLocked(options);
  } finally {
    for (const lock of locks.reverse()) await lock.release();
  }
}

/** Staging folders beside `target` (`.<name>-staging-*`), after removing those of builds that were killed midway. */
async function freshStaging(target: string): Promise<string> {
  const parent = path.dirname(path.resolve(target));
  const stagingPrefix = `.${path.basename(path.resolve(target))}-staging-`;
  for (const name of await readdir(parent)) {
    if (name.startsWith(stagingPrefix)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
  return mkdtemp(path.join(parent, stagingPrefix));
}

async function buildLocked(options: BuildOptions): Promise<BuildResult> {
  const { outDir, jsonDir, onStage } = options;
  const { dataset: built, ...result } = await runPipeline(options.dataDir, options.cite ? { cite: options.cite } : {});
  result.log.forEach((l) => onStage?.(l));
  if (!built || hasErrors(result.problems)) return { ...result, built: false };
  let dataset: Dataset | undefined = built;

  // Each staged folder sits beside its target, so the swap is a rename within one folder (and one file system).
  const staging = await freshStaging(outDir);
  const jsonStaging = await freshStaging(jsonDir);
  const log = result.log;
  try {
    const stagedJson = path.join(jsonStaging, 'json');
    const stagedSite = path.join(staging, 'site');
    await stage(
      'JSON',
      () => emitJson(dataset!, stagedJson),
      (files) => `${files.length} files`,
      log,
      onStage,
    );
    dataset = undefined;
    releaseMemory();
    await stage(
      'Eleventy',
      () => runEleventy(stagedJson, stagedSite, options),
      () => 'site rendered',
      log,
      onStage,
    );
    await stage(
      'Pagefind',
      () => runPagefind(stagedSite),
      (r) => `${r.pages} pages indexed`,
      log,
      onStage,
    );
    await swapAllInto([
      { completed: stagedSite, target: outDir },
      { completed: stagedJson, target: jsonDir },
    ]);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(jsonStaging, { recursive: true, force: true });
  }
  return { ...result, built: true };
}
