// The pipeline's dataset, as the site reads it: every part the manifest
// written by the pipeline's emit stage names (bibliography, glossary,
// organisations, pages, facets). Templates use `kildebank.<part>`; templates
// with one page per item paginate `kildebank.render.<source>`, the items the
// build's render set names (site/_config/render-set.js). When the render set
// leaves out the lists and indexes, only what the item pages read is loaded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRenderSet, renderItems } from '../_config/render-set.js';

export default function () {
  const dir = path.resolve(process.env.KILDEBANK_JSON_DIR ?? '.cache/json');
  /** @type {{ data: Record<string, string>, renderSources: Array<{ name: string, path: string[], key: string }> }} */
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const set = readRenderSet(process.env);
  const sources = set ? Object.values(set.sources) : manifest.renderSources;
  // Item pages read their item and the footer's newest date (site/_includes/trust.njk).
  const needed = set?.whole === false ? new Set(['facets', ...sources.map((s) => s.path[0])]) : undefined;
  /** @type {Record<string, any>} */
  const parts = Object.fromEntries(
    Object.entries(manifest.data)
      .filter(([part]) => !needed || needed.has(part))
      .map(([part, file]) => [part, JSON.parse(readFileSync(path.join(dir, file), 'utf8'))]),
  );
  return { ...parts, render: renderItems(parts, set, manifest.renderSources) };
}
