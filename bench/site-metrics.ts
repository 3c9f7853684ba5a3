/**
 * What the built site costs its readers and its host: the bytes a browser
 * fetches for a first search, the weight of an entry page, the number of files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export interface SearchBytes {
  query: string;
  results: number;
  /** Bytes per kind of Pagefind file: entry, meta, wasm, index, filter, fragment. */
  parts: Record<string, number>;
  requests: number;
  total: number;
  /** The search scripts (pagefind.js and our search.js), gzipped as a host would serve them. */
  scriptsGzip: number;
}

const kindOf = (file: string): string =>
  file.startsWith('index/')
    ? 'index'
    : file.startsWith('filter/')
      ? 'filter'
      : file.startsWith('fragment/')
        ? 'fragment'
        : file.endsWith('.pf_meta')
          ? 'meta'
          : file.startsWith('wasm.')
            ? 'wasm'
            : file === 'pagefind-entry.json'
              ? 'entry'
              : 'other';

/**
 * Run a first query as our search page (site/assets/search.js) does, with
 * Pagefind's own search module (pagefind.js) and every fetch answered from the
 * files on disk and counted: init (entry file, meta index, WebAssembly), the
 * search (the index chunks holding the query's words), the search among
 * concepts that pins a named concept first (the "Innhold" filter chunk and the
 * top 3 concepts' fragments), and the fragments of the first page of results
 * (10). The filter lists load only after the first results are shown, so they
 * are not counted. Pagefind's index files are already compressed, so a file's
 * size is what crosses the wire.
 */
export async function firstQueryBytes(siteDir: string, query: string, pageSize = 10): Promise<SearchBytes> {
  const bundle = path.join(path.resolve(siteDir), 'pagefind');
  const parts: Record<string, number> = {};
  let requests = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL) => {
    const url = new URL(String(input), pathToFileURL(bundle + '/'));
    const bytes = await readFile(url.pathname);
    const kind = kindOf(path.relative(bundle, url.pathname));
    parts[kind] = (parts[kind] ?? 0) + bytes.length;
    requests++;
    return new Response(bytes);
  }) as typeof fetch;
  let results = 0;
  try {
    const pagefind = await import(`${pathToFileURL(path.join(bundle, 'pagefind.js')).href}?${Date.now()}${Math.random()}`);
    await pagefind.options({ basePath: pathToFileURL(bundle + '/').href });
    await pagefind.init();
    type Result = { data: () => Promise<unknown> };
    const search = await pagefind.search(query);
    const concepts = await pagefind.search(query, { filters: { Innhold: { any: ['Begrep'] } } });
    results = search.results.length;
    await Promise.all(concepts.results.slice(0, 3).map((r: Result) => r.data()));
    await Promise.all(search.results.slice(0, pageSize).map((r: Result) => r.data()));
    await pagefind.destroy?.();
  } finally {
    globalThis.fetch = realFetch;
  }
  let scriptsGzip = 0;
  for (const f of [path.join(bundle, 'pagefind.js'), path.join(path.resolve(siteDir), 'assets', 'search.js')]) {
    scriptsGzip += gzipSync(await readFile(f).catch(() => Buffer.alloc(0))).length;
  }
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { query, results, parts, requests, total, scriptsGzip };
}

export interface PageWeight {
  /** Median and largest entry page: HTML plus the CSS and JS files it loads, uncompressed. */
  median: number;
  max: number;
  maxPage: string;
  /** The CSS and JS of the largest page. */
  assets: number;
  pages: number;
}

const ASSET = /<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"/g;

/** Weight of every entry page (bibliografi/<key>/index.html) with the stylesheets and scripts it references. */
export async function entryPageWeight(siteDir: string, keys: string[]): Promise<PageWeight> {
  const entryPages = keys.map((key) => `bibliografi/${key}/index.html`);
  const assetSize = new Map<string, number>();
  const weights: Array<{ page: string; html: number; assets: number }> = [];
  for (const page of entryPages) {
    const html = await readFile(path.join(siteDir, page), 'utf8');
    let assets = 0;
    for (const m of html.matchAll(ASSET)) {
      const href = m[1]!.split(/[?#]/)[0]!;
      if (/^(https?:)?\/\//.test(href)) continue;
      const file = href.startsWith('/') ? path.join(siteDir, href) : path.resolve(path.dirname(path.join(siteDir, page)), href);
      if (!assetSize.has(file)) assetSize.set(file, (await stat(file).catch(() => ({ size: 0 }))).size);
      assets += assetSize.get(file)!;
    }
    weights.push({ page, html: Buffer.byteLength(html), assets });
  }
  weights.sort((a, b) => a.html + a.assets - (b.html + b.assets));
  const total = (w: { html: number; assets: number }) => w.html + w.assets;
  const largest = weights[weights.length - 1];
  return {
    median: weights.length ? total(weights[Math.floor(weights.length / 2)]!) : 0,
    max: largest ? total(largest) : 0,
    maxPage: largest?.page ?? '',
    assets: largest?.assets ?? 0,
    pages: weights.length,
  };
}
