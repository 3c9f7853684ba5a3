/** Build a data folder into a temporary site, for tests that read the built pages. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildResult } from '../../pipeline/build/build-site.ts';
import { DOWNLOADS, MANIFEST_FILE, type Dataset, type Manifest } from '../../pipeline/model/types.ts';

export interface BuiltSite {
  root: string;
  dist: string;
  result: BuildResult;
  dataset: Dataset;
  /** The HTML of a page by its site URL ('/begrep/x/'). */
  page(url: string): Promise<string>;
}

/** The dataset as the build wrote it, read back through its manifest (the downloads as the exports). */
async function readDataset(jsonDir: string): Promise<Dataset> {
  const read = async (name: string) => readFile(path.join(jsonDir, name), 'utf8');
  const manifest = JSON.parse(await read(MANIFEST_FILE)) as Manifest;
  const parts = await Promise.all(Object.entries(manifest.data).map(async ([part, file]) => [part, JSON.parse(await read(file))]));
  const exports = await Promise.all(DOWNLOADS.map(async (d) => [d.export, await read(path.join(manifest.downloads, d.file))]));
  return { ...Object.fromEntries(parts), exports: Object.fromEntries(exports) } as Dataset;
}

export async function buildInto(dataDir: string, site: { pathPrefix?: string; siteUrl?: string } = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-site-'));
  const dist = path.join(root, 'dist');
  const result = await buildSite({ dataDir, outDir: dist, jsonDir: path.join(root, 'json'), ...site });
  if (!result.built) throw new Error(`The build failed: ${JSON.stringify(result.problems, null, 2)}`);
  const dataset = await readDataset(path.join(root, 'json'));
  const page = (url: string) => readFile(path.join(dist, url.endsWith('/') ? `${url}index.html` : url), 'utf8');
  return { root, dist, result, dataset, page };
}
