// The pipeline's dataset, as the site reads it: every part the manifest
// written by the pipeline's emit stage names (bibliography, glossary,
// organisations, pages, facets). Templates use `kildebank.<part>`; templates
// with one page per item paginate `kildebank.render.<source>`, the items the
// build's render set names (site/_config/render-set.js). When the render set
// leaves out the lists and indexes, only the facets (the footer's newest
// date) and the COinS are parsed, and of the other parts only the items named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readItems, readRenderSet, renderItems } from '../_config/render-set.js';

/** @param {string} dir @param {string} file */
const readJson = (dir, file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

export default function () {
  const dir = path.resolve(process.env.KILDEBANK_JSON_DIR ?? '.cache/json');
  /** @type {{ data: Record<string, string>, items: string, renderSources: Array<{ name: string, path: string[], key: string }> }} */
  const manifest = readJson(dir, 'manifest.json');
  const set = readRenderSet(process.env);
  if (!set || set.whole || Object.values(set.sources).some((s) => s.only === null)) {
    /** @type {Record<string, any>} */
    const parts = Object.fromEntries(Object.entries(manifest.data).map(([part, file]) => [part, readJson(dir, file)]));
    return { ...parts, render: renderItems(parts, set, manifest.renderSources) };
  }
  // Lists on item pages take each entry's COinS from `coins`.
  const facets = readJson(dir, manifest.data.facets ?? 'facets.json');
  const coins = readJson(dir, manifest.data.coins ?? 'coins.json');
  /** @type {Record<string, { file: string, items: Array<[string, [number, number]]> }>} */
  const index = readJson(dir, manifest.items);
  /** @type {Record<string, unknown[]>} */
  const render = {};
  for (const [name, source] of Object.entries(set.sources)) {
    const items = index[name];
    if (!items) throw new Error(`render set: no item index for ${name}`);
    render[name] = readItems(dir, items, source.only ?? []);
  }
  return { facets, coins, render };
}
