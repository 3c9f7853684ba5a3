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

/** The dataset as the build wrote it, read back from its JSON files. */
async function readDataset(jsonDir: string): Promise<Dataset> {
  const read = async (name: string) => JSON.parse(await readFile(path.join(jsonDir, name), 'utf8'));
  return {
    bibliography: await read('bibliography.json'),
    glossary: await read('glossary.json'),
    organisations: await read('organisations.json'),
    pages: await read('pages.json'),
    facets: await read('facets.json'),
    exports: await read('exports.json'),
  };
}

export async function buildInto(dataDir: string, site: { pathPrefix?: string; siteUrl?: string } = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-site-'));
  const dist = path.join(root, 'dist');
  const result = await buildSite({ dataDir, outDir: dist, jsonDir: path.join(root, 'json'), cite: addReferences, ...site });
  if (!result.built) throw new Error(`The build failed: ${JSON.stringify(result.problems, null, 2)}`);
  const dataset = await readDataset(path.join(root, 'json'));
  const page = (url: string) => readFile(path.join(dist, url.endsWith('/') ? `${url}index.html` : url), 'utf8');
  return { root, dist, result, dataset, page };
}
