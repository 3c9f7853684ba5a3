/**
 * Index a built site with Pagefind's Node API, writing `pagefind/` into it.
 *
 * Pagefind writes one fragment file (a result's title, URL and excerpt) per
 * page. Hosts cap the number of files in a deployment (Cloudflare Pages' free
 * plan: 20,000), so when one fragment per page would take the site over
 * {@link FILE_BUDGET}, the fragments are bundled into as many shared files as
 * the budget leaves room for (Pagefind's `maxFragments`). Bundling costs
 * bytes: a result's fragment then arrives with its bundle-mates, so it is used
 * only as far as needed.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { reportProgress } from '../lib/progress.ts';

/** Files a deployment may hold: Cloudflare Pages' free plan. */
export const FILE_BUDGET = 20_000;
/** Room kept for Pagefind's other files: index and filter chunks, scripts. */
const INDEX_ROOM = 1_000;
/** Never fewer fragment files than this, however full the site is. */
const MIN_FRAGMENTS = 1_000;

/** The fragment files Pagefind may write for a site that already holds `files` files, `pages` of them HTML; undefined: one per page. */
export function fragmentLimit(files: number, pages: number): number | undefined {
  const room = FILE_BUDGET - INDEX_ROOM - files;
  return pages <= room ? undefined : Math.max(MIN_FRAGMENTS, room);
}

export async function runPagefind(siteDir: string): Promise<{ pages: number; maxFragments?: number }> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile());
  const pages = files.filter((e) => e.name.endsWith('.html')).length;
  const maxFragments = fragmentLimit(files.length, pages);
  reportProgress({ stage: 'Pagefind', done: 0, total: 0, unit: `indexing ${pages} pages` });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb', ...(maxFragments === undefined ? {} : { maxFragments }) });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return maxFragments === undefined ? { pages: added.page_count } : { pages: added.page_count, maxFragments };
  } finally {
    await pagefind.close();
  }
}
