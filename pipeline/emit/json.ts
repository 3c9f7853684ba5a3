/**
 * Write the dataset for the site: one JSON file per part, each checked
 * against its schema and accompanied by that schema as JSON Schema; the
 * whole-bibliography downloads as the files visitors get; what the visitor's
 * reference list loads (./reference-list.ts); the check page's script
 * (./check-page.ts); and a manifest that
 * names them all, which is what the site reads. Output is deterministic: fixed
 * key order from the pipeline, final newline.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { emitReferenceList, REFERENCE_LIST_DIR } from './reference-list.ts';
import { emitCheckPage } from './check-page.ts';
import { RENDER_SOURCES } from '../model/render-sources.ts';
import { itemLines } from './item-lines.ts';
import { FLUSH_AT, slices, writePieces } from './write-pieces.ts';
import {
  DATASET_SCHEMAS,
  DOWNLOADS,
  MANIFEST_FILE,
  type Dataset,
  type DatasetPart,
  type Exports,
  type ItemIndex,
  type Manifest,
} from '../model/types.ts';

/** Indented JSON, for the schemas and the manifest people read. */
export const toJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
/** Compact JSON, for the data: at 10,000 entries indentation alone adds a fifth to what Eleventy parses. */
const toCompactJson = (value: unknown) => JSON.stringify(value) + '\n';

const PARTS = Object.keys(DATASET_SCHEMAS) as DatasetPart[];
const ITEMS_FILE = 'items.json';
export const DOWNLOADS_DIR = 'nedlasting';

/** The JSON Schema of each output file, generated from the types' schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    PARTS.map((part) => [`${part}.schema.json`, { ...z.toJSONSchema(DATASET_SCHEMAS[part]), title: `Kildebank ${part}.json` }]),
  );
}

/**
 * What emit wrote: the files, manifest last, a digest of every part's JSON,
 * and one of each keyed source's item (by unit id, `<source>:<key>`): which
 * pages must render again (../build/render-plan.ts).
 */
export interface EmittedJson {
  files: string[];
  digest: string;
  itemDigests: Map<string, string>;
}

/** Writes the dataset into `outDir`. */
export async function emitJson(dataset: Dataset, outDir: string): Promise<EmittedJson> {
  const digest = createHash('sha256');
  await mkdir(path.join(outDir, DOWNLOADS_DIR), { recursive: true });
  const written: string[] = [];
  const manifest: Manifest = {
    data: {} as Record<DatasetPart, string>,
    downloads: DOWNLOADS_DIR,
    referenceList: REFERENCE_LIST_DIR,
    renderSources: RENDER_SOURCES,
    items: ITEMS_FILE,
  };
  const items: ItemIndex = {};
  const itemDigests = new Map<string, string>();
  for (const part of PARTS) {
    const data = dataset[part];
    // A failure here is a bug in the pipeline, not in the librarians' data. A list is checked item by item: parsing
    // makes a copy, and a copy of 100,000 entries at once would double the build's memory.
    const schema = DATASET_SCHEMAS[part];
    if (schema instanceof z.ZodArray && Array.isArray(data)) for (const item of data) schema.element.parse(item);
    else schema.parse(data);
    const file = `${part}.json`;
    // The keyed sources' items one per line, so the site can read the few a build renders (./item-lines.ts).
    const sources = RENDER_SOURCES.filter((s) => s.path[0] === part);
    const lines = itemLines(
      data,
      sources.map((s) => ({ path: s.path.slice(1), key: s.key, source: s.name })),
      (list, key, json) => itemDigests.set(`${list.source}:${key}`, createHash('sha256').update(json).digest('hex')),
    );
    digest.update(part).update('\0');
    const ranges = await writePieces(path.join(outDir, file), lines, { hash: digest });
    for (const s of sources) items[s.name] = { file, items: ranges[s.path.slice(1).join('.')] ?? [] };
    manifest.data[part] = file;
    written.push(file);
  }
  await writeFile(path.join(outDir, ITEMS_FILE), toCompactJson(items));
  written.push(ITEMS_FILE);
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    await writeFile(path.join(outDir, name), toJson(schema));
    written.push(name);
  }
  // The formatted reference lists come from the citation stage; a dataset that was not cited (or whose list is still
  // being formatted, see emitDownloads) has none.
  written.push(...(await emitDownloads(dataset.exports, [path.join(outDir, DOWNLOADS_DIR)])));
  written.push(...(await emitReferenceList(dataset, outDir)));
  written.push(...(await emitCheckPage(outDir)));
  await writeFile(path.join(outDir, MANIFEST_FILE), toJson(manifest));
  written.push(MANIFEST_FILE);
  return { files: written, digest: digest.digest('hex'), itemDigests };
}

/** Write the downloads `exports` has into each of `folders` (downloads folders); returns their paths under `nedlasting/`. */
export async function emitDownloads(exports: Partial<Exports>, folders: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  for (const d of DOWNLOADS) {
    const content = exports[d.export];
    if (content === undefined) continue;
    for (const folder of folders) {
      await mkdir(folder, { recursive: true });
      // In slices: written whole, a download would be encoded into one buffer as long as the file.
      await writePieces(path.join(folder, d.file), slices(content, FLUSH_AT));
    }
    written.push(path.join(DOWNLOADS_DIR, d.file));
  }
  return written;
}
