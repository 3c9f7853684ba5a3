/**
 * The whole bibliography as one reference list in Norsk APA, for the
 * downloads: formatted by citeproc-js with the official style as it is (its
 * sort and its "2016a"/"2016b"), through the same list formatter the visitor's
 * "Min referanseliste" runs in the browser (./reference-list.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import CSL from 'citeproc';
import { referenceListStyles } from './format-references.ts';
import { cacheVersion } from './reference-cache.ts';
import { formatReferenceList, type Citeproc, type ListEntry, type ListStyles } from './reference-list.ts';
import type { CslItem, ReferenceStyleId } from './reference-rules.ts';

/** The style of the downloadable list: Norsk APA, the site's first style. */
export const LIST_STYLE: ReferenceStyleId = 'norsk-apa-manual';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A complete HTML document: the list with a hanging indent, readable offline and pasteable into a word processor. */
function asHtml(entries: readonly ListEntry[], title: string): string {
  const items = entries.map((e) => `<p class="csl-entry">${e.html}</p>`).join('\n');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>.csl-entry { padding-left: 2em; text-indent: -2em; margin: 0 0 .75em; } body { font-family: serif; max-width: 45em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${items}
</body>
</html>
`;
}

/**
 * Item variables that hold data only (citeproc reads them for nothing but the
 * style's own `variable="…"`): a style that never names one cannot print it.
 */
const DATA_ONLY = ['abstract', 'keyword', 'ISBN', 'ISSN', 'number-of-pages'] as const;

/**
 * The items as the list is formatted from: without the data-only variables
 * its style never names (Norsk APA names none of them). The list's cache is
 * kept by these, so correcting an abstract, a keyword or an ISBN does not
 * format the whole list again.
 */
export function listItems(items: readonly CslItem[], styles: ListStyles = referenceListStyles()): CslItem[] {
  const xml = styles.styles.find((s) => s.id === LIST_STYLE)!.list;
  const named = new Set([...xml.matchAll(/variable="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  const unused = DATA_ONLY.filter((v) => !named.has(v));
  return items.map((item) => {
    if (!unused.some((v) => v in item)) return item;
    const kept = { ...item };
    for (const v of unused) delete kept[v];
    return kept;
  });
}

/** The whole bibliography as a Norsk APA reference list: an HTML document and plain text (a reference a paragraph). */
export function bibliographyList(items: readonly CslItem[], title: string): BibliographyList {
  const styles = referenceListStyles();
  const entries = formatReferenceList(CSL as unknown as Citeproc, styles, LIST_STYLE, listItems(items, styles));
  return { html: asHtml(entries, title), text: entries.map((e) => e.text).join('\n\n') + '\n' };
}

const CACHE_FILE = 'bibliography-list.json';

/** The whole bibliography as a reference list: an HTML document and plain text. */
export interface BibliographyList {
  html: string;
  text: string;
}

/** A look-up in the list cache: the cached list, if it is there, and how to store a freshly formatted one. */
export interface CachedBibliographyList {
  list?: BibliographyList;
  save(list: BibliographyList): Promise<void>;
}

/**
 * Look up the list of `items` in the citation cache folder, kept by the
 * content of all items (and the cache version of the formatting code). Only
 * the last list is kept; a cache that cannot be read or written only costs time.
 */
export async function lookUpBibliographyList(items: readonly CslItem[], title: string, cacheDir: string): Promise<CachedBibliographyList> {
  const key = createHash('sha256')
    .update(cacheVersion())
    .update('\0')
    .update(title)
    .update('\0')
    .update(JSON.stringify(listItems(items)))
    .digest('hex');
  const file = path.join(cacheDir, CACHE_FILE);
  const save = async (list: BibliographyList): Promise<void> => {
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(cacheDir, { recursive: true });
      await writeFile(temp, JSON.stringify({ key, ...list }));
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  };
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as { key?: string; html?: string; text?: string };
    if (cached.key === key && typeof cached.html === 'string' && typeof cached.text === 'string')
      return { list: { html: cached.html, text: cached.text }, save };
  } catch {
    // No list cached yet, or a broken file: format it.
  }
  return { save };
}

/**
 * {@link bibliographyList}, kept in the citation cache folder (see
 * {@link lookUpBibliographyList}): a build whose bibliography did not change
 * does not format the list again.
 */
export async function bibliographyListCached(items: readonly CslItem[], title: string, cacheDir: string): Promise<BibliographyList> {
  const cached = await lookUpBibliographyList(items, title, cacheDir);
  if (cached.list) return cached.list;
  const list = bibliographyList(items, title);
  await cached.save(list);
  return list;
}
