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
import { RECORD_VERSION, type RenderRecord, type UnitRecord } from './render-plan.ts';

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
  const folders = new Set<string>();
  let count = 0;
  for (const record of reused.values()) {
    for (const file of record.outputs) {
      const target = path.join(toDir, file);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      const source = path.join(fromDir, file);
      await link(source, target).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EXDEV' || e.code === 'EPERM') return copyFile(source, target);
        throw e;
      });
      count++;
    }
  }
  return count;
}
