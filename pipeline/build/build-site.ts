/**
 * The whole build: pipeline → JSON → Eleventy → Pagefind, staged in a
 * temporary folder beside the output and swapped in only when complete. The
 * pipeline and the JSON run in a process of their own (./data-process.ts),
 * Eleventy in child processes, Pagefind in its binary. A run
 * with errors, or one that fails or is killed midway, leaves the last good
 * site (and the last good JSON) untouched.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { timed, type PipelineResult, type StageLog } from '../run.ts';
import { prepareInProcess, type DataRun } from './data-process.ts';
import { runEleventy, type SiteOptions } from './eleventy.ts';
import { batchRenderSet, recordRender, renderEverything, type RenderedPage, type RenderPlan, type RenderRecord } from './render-plan.ts';
import { RENDER_RECORD_FILE, reusePages } from './reuse-pages.ts';
import { readSite } from './pagefind.ts';
import { inParallel } from '../lib/in-parallel.ts';
import { acquireLock, type BuildLock } from './lock.ts';
import { checkSeparate, checkSwappable, ensureParent, type Target } from './preflight.ts';
import { swapAllInto } from './swap.ts';

export interface BuildOptions extends SiteOptions {
  dataDir: string;
  outDir: string;
  /** Where the last good JSON is kept (read by `npm run dev`). */
  jsonDir: string;
  onStage?: (log: StageLog) => void;
  /** The project whose `site/` and `.eleventy.js` are rendered; default this one (tests render a changed copy). */
  siteRoot?: string;
  /** The weight one Eleventy process renders at most; default {@link RENDER_BATCH}. */
  renderBatch?: number;
}

/** The build's problems and log; the dataset itself is in the JSON folder, not kept in memory. */
export interface BuildResult extends Omit<PipelineResult, 'dataset' | 'pending'> {
  built: boolean;
  /** What the built site holds. */
  counts?: { entries: number; concepts: number };
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
  // Each staged folder sits beside its target, so the swap is a rename within one folder (and one file system).
  const staging = await freshStaging(outDir);
  const jsonStaging = await freshStaging(jsonDir);
  let data: DataRun | undefined;
  try {
    const stagedJson = path.join(jsonStaging, 'json');
    const stagedSite = path.join(staging, 'site');
    const listDir = path.join(jsonStaging, 'list');
    data = await prepareInProcess(
      {
        dataDir: path.resolve(options.dataDir),
        outDir: path.resolve(outDir),
        jsonDir: path.resolve(jsonDir),
        stagedJson,
        listDir,
        ...pickSite(options),
        ...(options.siteRoot ? { siteRoot: options.siteRoot } : {}),
      },
      onStage,
    );
    const { ready, ...result } = data.prepared;
    if (!ready) return { ...result, built: false };
    const log = result.log;
    let record: RenderRecord;
    try {
      record = await renderPages(ready.plan, { ...options, stagedJson, stagedSite, jsonStaging }, log);
    } catch (e) {
      // The last good site did not hold what its record says (changed by hand): render everything instead.
      if (!(e instanceof StaleRecordError)) throw e;
      await rm(stagedSite, { recursive: true, force: true });
      record = await renderPages(renderEverything(ready.plan), { ...options, stagedJson, stagedSite, jsonStaging }, log);
    }
    await writeFile(path.join(stagedJson, RENDER_RECORD_FILE), JSON.stringify(record) + '\n');
    const search = await timed(
      log,
      'Pagefind',
      () => readSite(stagedSite),
      (r) => `${r.read} pages read`,
      onStage,
    );
    let files: string[];
    try {
      // The whole bibliography's list, written by the data stage when done: in a cold build long before now; a rebuild
      // may still be formatting it. Pagefind writes its index once the list's process is gone: the two side by side
      // took a rebuild at 10,000 entries to 1.3 GB.
      const list = data.list;
      files = await timed(
        log,
        'reference list',
        () => list,
        (f) => `${f.length} downloads`,
        onStage,
      );
      await timed(
        log,
        'Pagefind index',
        () => search.write(),
        (r) => `${r.pages} pages indexed`,
        onStage,
      );
    } finally {
      await search.close();
    }
    // The list goes into both folders last.
    for (const file of files) {
      for (const folder of [stagedJson, stagedSite]) await cp(path.join(listDir, file), path.join(folder, file));
    }
    await swapAllInto([
      { completed: stagedSite, target: outDir },
      { completed: stagedJson, target: jsonDir },
    ]);
    return { ...result, built: true, counts: ready.counts };
  } finally {
    data?.stop();
    await rm(staging, { recursive: true, force: true });
    await rm(jsonStaging, { recursive: true, force: true });
  }
}

/** The site options the data stage needs (they are part of the pages' fingerprints). */
function pickSite(options: SiteOptions): SiteOptions {
  return {
    ...(options.pathPrefix !== undefined ? { pathPrefix: options.pathPrefix } : {}),
    ...(options.siteUrl !== undefined ? { siteUrl: options.siteUrl } : {}),
    ...(options.dev ? { dev: true } : {}),
  };
}

interface StagedFolders {
  stagedJson: string;
  stagedSite: string;
  jsonStaging: string;
}

/**
 * The weight one Eleventy process renders at most, in entry pages
 * (./render-plan.ts, `unitWeight`): at 10,000 entries, a process rendering
 * 2,500 entries peaked at about 370 MB, one rendering the lists and indexes
 * at about 410 MB. Two processes run at a time on a machine with two cores or
 * more.
 */
export const RENDER_BATCH = 2_500;

/** Render the plan's pages with Eleventy and take over the reused ones from the last good site; returns the record for the next build. */
async function renderPages(plan: RenderPlan, options: BuildOptions & StagedFolders, log: StageLog[]): Promise<RenderRecord> {
  const batches = batchRenderSet(plan.set, options.renderBatch ?? RENDER_BATCH, plan.weights);
  const rendered = await timed(
    log,
    'Eleventy',
    async () => {
      const pages: RenderedPage[][] = [];
      await inParallel(
        batches.map((set, n) => async () => {
          const renderSetFile = path.join(options.jsonStaging, `render-set-${n}.json`);
          const renderedFile = path.join(options.jsonStaging, `rendered-${n}.json`);
          await writeFile(renderSetFile, JSON.stringify(set));
          await runEleventy(options.stagedJson, options.stagedSite, options, {
            renderSet: renderSetFile,
            rendered: renderedFile,
            // Files copied as they are (assets, downloads) need copying once.
            copy: n === 0,
            ...(options.siteRoot ? { root: options.siteRoot } : {}),
          });
          pages[n] = JSON.parse(await readFile(renderedFile, 'utf8')) as RenderedPage[];
        }),
        Math.min(2, availableParallelism()),
      );
      return pages.flat();
    },
    (pages) => `${pages.length} pages rendered${batches.length > 1 ? ` by ${batches.length} processes` : ''}`,
    options.onStage,
  );
  if (plan.reused.size === 0) return recordRender(plan, rendered);
  try {
    const record = recordRender(plan, rendered);
    await timed(
      log,
      'reuse',
      () => reusePages(plan.reused, options.outDir, options.stagedSite),
      (n) => `${n} unchanged pages taken from the last build`,
      options.onStage,
    );
    return record;
  } catch (e) {
    throw new StaleRecordError(e);
  }
}

/** The last build's record does not match its site: a page it names is missing, or a rendered page's unit was meant to be reused. */
class StaleRecordError extends Error {
  constructor(cause: unknown) {
    super(`the last build's pages cannot be reused: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
