/**
 * Pagefind's own floor on a built site: how long Pagefind takes for the
 * indexing our build asks of it (`addDirectory` on the site, as
 * pipeline/build/pagefind.ts does), against the least it could take for the
 * same pages: the same number of records with the same text given to it
 * ready-made (`addCustomRecord`, no HTML to read or parse). Both write their
 * index to a temporary folder. Each runs in Pagefind's own service, started
 * fresh.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { now } from './memory.ts';

export interface PagefindFloor {
  pages: number;
  /** addDirectory + writeFiles on the built site, ms. */
  directoryMs: number;
  /** addCustomRecord of every page's text + writeFiles, ms (the text extracted beforehand, not timed). */
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

async function timed(work: (index: pagefind.PagefindIndex) => Promise<unknown>): Promise<number> {
  const out = await mkdtemp(path.join(tmpdir(), 'kildebank-pagefind-floor-'));
  try {
    const start = now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nb' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    await work(index);
    await index.writeFiles({ outputPath: out });
    const ms = now() - start;
    await pagefind.close();
    return ms;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function measurePagefindFloor(siteDir: string): Promise<PagefindFloor> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(`${path.sep}pagefind`))
    .map((e) => path.join(e.parentPath, e.name));
  const records: Array<{ url: string; title: string; content: string }> = [];
  for (const file of files) {
    const record = pageRecord(await readFile(file, 'utf8'));
    if (record) records.push({ url: `/${path.relative(siteDir, file)}`, ...record });
  }
  const directoryMs = await timed((index) => index.addDirectory({ path: siteDir }));
  const recordsMs = await timed(async (index) => {
    for (const r of records) await index.addCustomRecord({ url: r.url, content: r.content, language: 'nb', meta: { title: r.title } });
  });
  return { pages: records.length, directoryMs, recordsMs };
}
