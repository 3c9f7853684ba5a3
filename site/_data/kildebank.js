// The pipeline's dataset, as the site reads it: the parts the manifest
// written by the pipeline's emit stage names (glossary, organisations, pages,
// facets, coins, searchText). Templates use `kildebank.<part>`; templates
// with one page per item paginate `kildebank.render.<source>`, the items the
// build's render set names (site/_config/render-set.js).
//
// Entries are read one by one, never as a whole: no list or index reads the
// full entries (they read `facets.list`, `coins` and `searchText`), so only
// the entries being rendered are in memory. When the render set leaves out
// the lists and indexes, only the facets (the footer's newest date) and the
// COinS are parsed besides the items named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readItems, readRenderSet } from '../_config/render-set.js';

/** Parts read item by item only. */
const READ_BY_ITEM = new Set(['bibliography']);
/** Parts every page may read. */
const ALWAYS = new Set(['facets', 'coins']);

/** @param {string} dir @param {string} file */
const readJson = (dir, file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

export default function () {
  const dir = path.resolve(process.env.KILDEBANK_JSON_DIR ?? '.cache/json');
  /** @type {{ data: Record<string, string>, items: string, renderSources: Array<{ name: string, path: string[], key: string }> }} */
  const manifest = readJson(dir, 'manifest.json');
  const set = readRenderSet(process.env);
  const lists = !set || set.whole;
  /** @type {Record<string, any>} */
  const parts = Object.fromEntries(
    Object.entries(manifest.data)
      .filter(([part]) => !READ_BY_ITEM.has(part) && (lists || ALWAYS.has(part)))
      .map(([part, file]) => [part, readJson(dir, file)]),
  );
  /** @type {Record<string, { file: string, items: Array<[string, [number, number]]> }>} */
  const index = readJson(dir, manifest.items);
  const sources = set
    ? Object.entries(set.sources).map(([name, s]) => ({ name, ...s }))
    : manifest.renderSources.map((s) => ({ ...s, only: null }));
  /** @type {Record<string, unknown[]>} */
  const render = {};
  for (const { name, path: steps, only } of sources) {
    /** @type {any} */
    let parsed = parts;
    for (const step of steps) parsed = parsed?.[step];
    const items = index[name];
    if (only === null && Array.isArray(parsed)) render[name] = parsed;
    else if (items) render[name] = readItems(dir, items, only ?? items.items.map(([key]) => key));
    else throw new Error(`render set: no item index for ${name}`);
  }
  // Frozen, so that Eleventy takes it as it is into each template's data instead of copying it deeply (at 10,000
  // entries 0.4 s of the lists' process).
  return Object.freeze({ ...parts, render });
}
