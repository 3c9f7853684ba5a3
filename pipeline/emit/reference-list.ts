/**
 * What the visitor's reference list ("Min referanseliste", `/referanseliste/`)
 * loads, written beside the JSON and published under `/referanseliste/`:
 *
 * - `referanseliste.js`: the list formatter (../cite/reference-list.ts) with
 *   citeproc-js, bundled by esbuild (no `eval`, so it runs under the site's
 *   Content Security Policy);
 * - `stiler.json`: the official styles and locales as XML
 *   (../cite/format-references.ts, `referenceListStyles`), and how many entry files there are;
 * - `kilder/<n>.json`: every entry's CSL item, its exports and its page, cut
 *   into a few files by a hash of the key (../cite/reference-list.ts, `bucketOf`), so
 *   10,000 entries make 256 small files rather than one large one or one per entry.
 *
 * All of it is deterministic: the same data and code give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from './browser-bundle.ts';
import { referenceListStyles } from '../cite/format-references.ts';
import { bucketCount, bucketOf } from '../cite/reference-list.ts';
import type { BibEntry, Dataset } from '../model/types.ts';

export const REFERENCE_LIST_DIR = 'referanseliste';
export const REFERENCE_LIST_SCRIPT = 'referanseliste.js';
export const REFERENCE_LIST_STYLES = 'stiler.json';
export const REFERENCE_LIST_ENTRIES = 'kilder';

/** What the list needs of an entry: the item it formats, the files it concatenates, the page it links to (relative to the list page). */
export interface ListEntryData {
  title: string;
  url: string;
  csl: BibEntry['csl'];
  bibtex: string;
  ris: string;
  csljson: string;
}

const ENTRY_POINT = fileURLToPath(new URL('../cite/reference-list-browser.ts', import.meta.url));

/** The licences of what the bundle contains, named at its top. */
function banner(): string {
  const require = createRequire(import.meta.url);
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  return [
    '/* Kildebank: the reference list formatter (pipeline/cite/reference-list.ts), bundled with esbuild.',
    ` * Contains citeproc-js ${version('citeproc')} (https://github.com/Juris-M/citeproc-js), CPAL-1.0 or AGPL-3.0.`,
    ' * The CSL styles and locales it formats with are in stiler.json (CC BY-SA 3.0). */',
  ].join('\n');
}

/** The browser bundle of the list formatter, as text. */
export async function bundleReferenceList(): Promise<string> {
  return (await bundleForBrowser(ENTRY_POINT, banner())).text;
}

/**
 * The files of the reference list, by path under {@link REFERENCE_LIST_DIR}, one at a time: an entry file's text is
 * made when it is asked for, so the writer holds one of them (about 170 KB), not all (43 MB at 10,000 entries).
 */
export async function* referenceListFiles(dataset: Pick<Dataset, 'bibliography'>): AsyncGenerator<[file: string, text: string]> {
  const count = bucketCount(dataset.bibliography.length);
  const buckets: BibEntry[][] = Array.from({ length: count }, () => []);
  for (const e of dataset.bibliography) buckets[bucketOf(e.key, count)]!.push(e);
  yield [REFERENCE_LIST_SCRIPT, await bundleReferenceList()];
  yield [REFERENCE_LIST_STYLES, JSON.stringify({ buckets: count, ...referenceListStyles() }) + '\n'];
  for (let i = 0; i < count; i++) {
    const bucket: Record<string, ListEntryData> = {};
    for (const e of buckets[i]!.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      bucket[e.key] = {
        title: e.fullTitle,
        url: `..${e.url}`,
        csl: e.csl,
        bibtex: e.exports.bibtex,
        ris: e.exports.ris,
        csljson: e.exports.csljson,
      };
    }
    buckets[i] = [];
    yield [`${REFERENCE_LIST_ENTRIES}/${i}.json`, JSON.stringify(bucket) + '\n'];
  }
}

/** Write the reference list's files into `outDir`/{@link REFERENCE_LIST_DIR}; returns their paths relative to `outDir`. */
export async function emitReferenceList(dataset: Pick<Dataset, 'bibliography'>, outDir: string): Promise<string[]> {
  const dir = path.join(outDir, REFERENCE_LIST_DIR);
  await mkdir(path.join(dir, REFERENCE_LIST_ENTRIES), { recursive: true });
  const written: string[] = [];
  for await (const [file, text] of referenceListFiles(dataset)) {
    await writeFile(path.join(dir, file), text);
    written.push(path.join(REFERENCE_LIST_DIR, file));
  }
  return written;
}
