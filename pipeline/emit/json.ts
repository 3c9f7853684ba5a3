/**
 * Write the dataset as normalised JSON, one file per kind, each checked
 * against its schema and accompanied by that schema as JSON Schema. Output is
 * deterministic: fixed key order from the pipeline, final newline.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OUTPUT_FILES, type Dataset } from '../model/types.ts';

const DATASET_KEYS: Record<keyof typeof OUTPUT_FILES, keyof Dataset> = {
  'bibliography.json': 'bibliography',
  'glossary.json': 'glossary',
  'organisations.json': 'organisations',
  'pages.json': 'pages',
  'facets.json': 'facets',
  'exports.json': 'exports',
};

/** Indented JSON, for the schemas people read. */
export const toJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
/** Compact JSON, for the data: at 10,000 entries indentation alone adds a fifth to what Eleventy parses. */
const toCompactJson = (value: unknown) => JSON.stringify(value) + '\n';

/** The JSON Schema of each output file, generated from the types' schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(OUTPUT_FILES).map(([name, schema]) => [
      name.replace(/\.json$/, '.schema.json'),
      { ...z.toJSONSchema(schema), title: `Kildebank ${name}` },
    ]),
  );
}

export async function emitJson(dataset: Dataset, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(OUTPUT_FILES) as Array<[keyof typeof OUTPUT_FILES, z.ZodType]>) {
    const data = dataset[DATASET_KEYS[name]];
    // A failure here is a bug in the pipeline, not in the librarians' data.
    schema.parse(data);
    await writeFile(path.join(outDir, name), toCompactJson(data));
    written.push(name);
  }
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    await writeFile(path.join(outDir, name), toJson(schema));
  }
  return written;
}
