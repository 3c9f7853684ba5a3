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
 *
 * Pagefind is given only the folders of the pages it indexes
 * ({@link INDEXED_PAGES}): it would otherwise read and parse every list and
 * author index page (at 10,000 entries, a third of the site's HTML) only to find
 * no `data-pagefind-body` in them. test/build/build-site.test.ts checks that
 * the index holds every page that has one.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { reportProgress } from '../lib/progress.ts';

/** Files a deployment may hold: Cloudflare Pages' free plan. */
export const FILE_BUDGET = 20_000;
/** Room kept for Pagefind's other files: index and filter chunks, scripts. */
const INDEX_ROOM = 1_000;
/** Never fewer fragment files than this, however full the site is. */
const MIN_FRAGMENTS = 1_000;

/**
 * The pages Pagefind reads, relative to the site (Pagefind's glob syntax): the
 * pages whose template sets `searchKind` (site/_includes/base.njk), one folder
 * below their section (`/bibliografi/<key>/`, `/begrep/<id>/`,
 * `/organisasjon/<id>/`, `/tema/<slug>/`) and the about page. Of the other
 * pages it matches only `/bibliografi/forfattere/` and
 * `/bibliografi/oppdragsutforer/`, which Pagefind reads and leaves out.
 */
export const INDEXED_PAGES = '{bibliografi/*,begrep/*,organisasjon/*,tema/*,om}/index.html';

/** The fragment files Pagefind may write for a site that already holds `files` files, `pages` of them HTML; undefined: one per page. */
export function fragmentLimit(files: number, pages: number): number | undefined {
  const room = FILE_BUDGET - INDEX_ROOM - files;
  return pages <= room ? undefined : Math.max(MIN_FRAGMENTS, room);
}

/** A site read by Pagefind, its index not yet written. */
export interface ReadSite {
  /** The pages Pagefind read (those without a `data-pagefind-body` among them). */
  read: number;
  /** Write the index into the site's `pagefind/`; returns the pages it holds. */
  write(): Promise<{ pages: number; maxFragments?: number }>;
  /** Stop Pagefind's service; call it whether or not the index was written. */
  close(): Promise<void>;
}

/**
 * Read the site's pages into a new Pagefind index. The index is written apart
 * ({@link ReadSite.write}): Pagefind holds most of its memory while it writes
 * (at 10,000 entries about 820 MB, against 220 MB while it reads), and the
 * build writes when nothing else of its own is left running.
 */
export async function readSite(siteDir: string): Promise<ReadSite> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile());
  const pages = files.filter((e) => e.name.endsWith('.html')).length;
  const maxFragments = fragmentLimit(files.length, pages);
  reportProgress({ stage: 'Pagefind', done: 0, total: 0, unit: `indexing ${pages} pages` });
  const close = async () => void (await pagefind.close());
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb', ...(maxFragments === undefined ? {} : { maxFragments }) });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const write = async () => {
      const outputPath = path.join(siteDir, 'pagefind');
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      // addDirectory counts the pages it read; the index holds those with a `data-pagefind-body`.
      const indexed = await indexedPages(outputPath);
      return maxFragments === undefined ? { pages: indexed } : { pages: indexed, maxFragments };
    };
    return { read: added.page_count, write, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The pages a written Pagefind index holds, over all its languages. */
export async function indexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}
