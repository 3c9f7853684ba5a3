/**
 * Search a built site's Pagefind index from Node, with Pagefind's own
 * search module: its fetches are answered from the files on disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Hit {
  url: string;
  title: string;
}

export async function searchSite(siteDir: string, query: string): Promise<Hit[]> {
  const bundle = path.join(path.resolve(siteDir), 'pagefind');
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL) => {
    const url = new URL(String(input), pathToFileURL(bundle + '/'));
    return new Response(await readFile(url.pathname));
  }) as typeof fetch;
  try {
    // A query string makes each call load a fresh copy of the module, bound to this bundle.
    const pagefind = await import(`${pathToFileURL(path.join(bundle, 'pagefind.js')).href}?${Date.now()}${Math.random()}`);
    await pagefind.options({ basePath: pathToFileURL(bundle + '/').href });
    await pagefind.init();
    const result = await pagefind.search(query);
    const hits: Hit[] = [];
    for (const r of result.results) {
      const data = await r.data();
      const url = String(data.url).replace(/^.*?\/(bibliografi|begrep|organisasjon|tema|sok)\//, '/$1/');
      hits.push({ url, title: data.meta.title });
    }
    await pagefind.destroy?.();
    return hits;
  } finally {
    globalThis.fetch = realFetch;
  }
}
