// The pipeline's dataset, as the site reads it: every part the manifest
// written by the pipeline's emit stage names (bibliography, glossary,
// organisations, pages, facets). Templates use `kildebank.<part>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export default function () {
  const dir = path.resolve(process.env.KILDEBANK_JSON_DIR ?? '.cache/json');
  /** @type {{ data: Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(manifest.data).map(([part, file]) => [part, JSON.parse(readFileSync(path.join(dir, file), 'utf8'))]),
  );
}
