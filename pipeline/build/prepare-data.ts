/**
 * The data half of a build: run the pipeline, write its JSON into the staged
 * JSON folder (with the whole bibliography's reference list, which the
 * citation stage formats on a thread of its own meanwhile), and plan which
 * pages to render against the last good build. What it returns is small:
 * the problems, the stage log and the plan; the dataset stays here.
 *
 * The build runs it in a process of its own (./data-process.ts), so that
 * the memory the dataset took is given back before Eleventy and Pagefind run.
 */
import path from 'node:path';
import { DOWNLOADS_DIR, emitDownloads, emitJson } from '../emit/json.ts';
import { addReferences } from '../cite/add-references.ts';
import { hasErrors } from '../model/problems.ts';
import type { Dataset } from '../model/types.ts';
import { runPipeline, type PipelineResult, type StageLog } from '../run.ts';
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

async function timed<T>(name: string, work: () => Promise<T>, detail: (r: T) => string, onStage: (l: StageLog) => void): Promise<T> {
  const start = performance.now();
  const result = await work();
  onStage({ stage: name, ms: performance.now() - start, detail: detail(result) });
  return result;
}

export async function prepareData(options: PrepareOptions, onStage: (log: StageLog) => void = () => {}): Promise<Prepared> {
  const { dataset, pending, ...result } = await runPipeline(options.dataDir, { cite: addReferences, deferExports: true });
  const log = [...result.log];
  const stageDone = (l: StageLog) => {
    log.push(l);
    onStage(l);
  };
  result.log.forEach(onStage);
  if (!dataset || hasErrors(result.problems)) {
    await pending?.cancel();
    return { ...result, log };
  }
  try {
    const plan = await emitAndPlan(dataset, options, stageDone);
    if (pending) {
      // The whole bibliography's list, formatted while the JSON was written; in a cold build it is done by now.
      const later = await timed(
        'reference list',
        () => pending.exports,
        (e) => `${Object.keys(e).length} downloads`,
        stageDone,
      );
      await emitDownloads(later, [path.join(options.stagedJson, DOWNLOADS_DIR)]);
    }
    return {
      ...result,
      log,
      ready: { counts: { entries: dataset.bibliography.length, concepts: dataset.glossary.length }, plan },
    };
  } catch (e) {
    await pending?.cancel();
    throw e;
  }
}

async function emitAndPlan(dataset: Dataset, options: PrepareOptions, onStage: (l: StageLog) => void): Promise<RenderPlan> {
  const emitted = await timed(
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
