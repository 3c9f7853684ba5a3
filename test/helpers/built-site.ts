/** Build a data folder into a temporary site, for tests that read the built pages. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildResult } from '../../pipeline/build/build-site.ts';
import { addReferences } from '../../pipeline/cite/add-references.ts';
import type { Dataset } from '../../pipeline/model/types.ts';

export interface BuiltSite {
  root: string;
  dist: string;
  result: BuildResult;
  dataset: Dataset;
  /** The HTML of a page by its site URL ('/begrep/x/'). */
  page(url: string): Promise<string>;
}

export async function buildInto(dataDir: string, site: { pathPrefix?: string; siteUrl?: string } = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-site-'));
  const dist = path.join(root, 'dist');
  const result = await buildSite({ dataDir, outDir: dist, jsonDir: path.join(root, 'json'), cite: addReferences, ...site });
  if (!result.built || !result.dataset) throw new Error(`The build failed: ${JSON.stringify(result.problems, null, 2)}`);
  const page = (url: string) => readFile(path.join(dist, url.endsWith('/') ? `${url}index.html` : url), 'utf8');
  return { root, dist, result, dataset: result.dataset, page };
}
