/**
 * Reuse the pages of units whose fingerprints did not change
 * (./render-plan.ts): each file is hard-linked from the last good site into
 * the staged one (copied where a link cannot be made). Nothing writes to a
 * linked file afterwards: Eleventy writes only the pages of the units it
 * renders, Pagefind writes only its own folder, so the last good site stays
 * as it was whatever happens to the build.
 */
import { copyFile, link, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inParallel } from '../lib/in-parallel.ts';
import { RECORD_VERSION, type RenderRecord, type UnitRecord } from './render-plan.ts';

/**
 * Links made at a time: one at a time, 13,500 pages took 1.3–1.8 s at 10,000
 * entries, each a round trip to libuv's threads.
 */
const LINKS_AT_ONCE = 32;

export const RENDER_RECORD_FILE = 'render-plan.json';

/** The record the last good build left beside its JSON, if it is readable and of this version. */
export async function readRenderRecord(jsonDir: string): Promise<RenderRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path.join(jsonDir, RENDER_RECORD_FILE), 'utf8')) as RenderRecord;
    return record.version === RECORD_VERSION && typeof record.units === 'object' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Put the reused units' files from `fromDir` into `toDir`. Rejects when one
 * is missing (someone changed the last good site by hand): the caller then
 * renders everything.
 */
export async function reusePages(reused: ReadonlyMap<string, UnitRecord>, fromDir: string, toDir: string): Promise<number> {
  const files = [...reused.values()].flatMap((record) => record.outputs);
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  await inParallel(
    files.map((file) => async () => {
      const target = path.join(toDir, file);
      await folder(path.dirname(target));
      const source = path.join(fromDir, file);
      await link(source, target).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EXDEV' || e.code === 'EPERM') return copyFile(source, target);
        throw e;
      });
    }),
    LINKS_AT_ONCE,
  );
  return files.length;
}
