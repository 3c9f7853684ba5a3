/**
 * Pagefind's own floor on a built site: how long Pagefind takes for the
 * indexing our build asks of it (`addDirectory` on the site with the build's
 * glob, as pipeline/build/pagefind.ts does), against the least it could take
 * for the same pages: the same number of records with the same text given to it
 * ready-made (`addCustomRecord`, no HTML to read or parse; reading the files
 * and extracting their text is not timed). Both write their index to a
 * temporary folder. Each runs in Pagefind's own service, started fresh.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { INDEXED_PAGES } from '../pipeline/build/pagefind.ts';
import { now } from './memory.ts';

export interface PagefindFloor {
  pages: number;
  /** addDirectory + writeFiles on the built site, ms. */
  directoryMs: number;
  /** addCustomRecord of every page's text + writeFiles, ms (reading and extracting the text not timed). */
  recordsMs: number;
}

/** The text Pagefind would index of a page: its `data-pagefind-body` element's text, tags dropped. */
function pageRecord(html: string): { title: string; content: string } | undefined {
  const body = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html);
  if (!body) return undefined;
  const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body[1]!)?.[1]?.replace(/<[^>]*>/g, '') ?? '';
  const content = body[1]!
    .replace(/<[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/(section|p|dl|button)>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { title, content };
}

/** Time `work` on a fresh index, writing it out; what `work` runs through `untimed` is not counted. */
async function timed(
  work: (index: pagefind.PagefindIndex, untimed: <T>(step: () => Promise<T>) => Promise<T>) => Promise<unknown>,
): Promise<number> {
  const out = await mkdtemp(path.join(tmpdir(), 'kildebank-pagefind-floor-'));
  let excluded = 0;
  const untimed = async <T>(step: () => Promise<T>): Promise<T> => {
    const start = now();
    try {
      return await step();
    } finally {
      excluded += now() - start;
    }
  };
  try {
    const start = now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    await work(index, untimed);
    await index.writeFiles({ outputPath: out });
    const ms = now() - start - excluded;
    await pagefind.close();
    return ms;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function measurePagefindFloor(siteDir: string): Promise<PagefindFloor> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(`${path.sep}pagefind`))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  // The build's own glob: the floor is for the pages the build gives Pagefind, so the two stay comparable.
  const directoryMs = await timed(async (index) => index.addDirectory({ path: siteDir, glob: INDEXED_PAGES }));
  // One page at a time (100,000 pages' text at once would not fit the benchmark's heap); only Pagefind's calls are timed.
  let pages = 0;
  const recordsMs = await timed(async (index, untimed) => {
    for (const file of files) {
      const record = await untimed(async () => pageRecord(await readFile(file, 'utf8')));
      if (!record) continue;
      await index.addCustomRecord({
        url: `/${path.relative(siteDir, file)}`,
        content: record.content,
        language: 'nb',
        meta: { title: record.title },
      });
      pages++;
    }
  });
  return { pages, directoryMs, recordsMs };
}
