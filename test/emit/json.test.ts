import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitJson } from '../../pipeline/emit/json.ts';
import { ingest } from '../../pipeline/normalise/ingest.ts';
import { enrich } from '../../pipeline/enrich/enrich.ts';
import { link } from '../../pipeline/link/link.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

describe('emitJson', () => {
  it('writes the same bytes for the same data, with a JSON Schema per file', async () => {
    const dataset = enrich(link(await ingest(path.join(FIXTURES, 'site', 'data'))).dataset);
    const a = await mkdtemp(path.join(tmpdir(), 'kb-json-'));
    const b = await mkdtemp(path.join(tmpdir(), 'kb-json-'));
    await emitJson(dataset, a);
    await emitJson(enrich(link(await ingest(path.join(FIXTURES, 'site', 'data'))).dataset), b);
    const files = (await readdir(a, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => path.relative(a, path.join(f.parentPath, f.name)))
      .sort();
    expect(files).toEqual([
      'bibliography.json',
      'bibliography.schema.json',
      'coins.json',
      'coins.schema.json',
      'facets.json',
      'facets.schema.json',
      'glossary.json',
      'glossary.schema.json',
      'items.json',
      'manifest.json',
      'nedlasting/kildebank.bib',
      'nedlasting/kildebank.csv',
      'nedlasting/kildebank.json',
      'nedlasting/kildebank.ris',
      'organisations.json',
      'organisations.schema.json',
      'pages.json',
      'pages.schema.json',
      'referanseliste/kilder/0.json',
      'referanseliste/referanseliste.js',
      'referanseliste/stiler.json',
      'searchText.json',
      'searchText.schema.json',
      'sjekk/sjekk.js',
    ]);
    for (const f of files) expect(await readFile(path.join(a, f), 'utf8')).toBe(await readFile(path.join(b, f), 'utf8'));
    const schema = JSON.parse(await readFile(path.join(a, 'bibliography.schema.json'), 'utf8'));
    expect(schema.type).toBe('array');
    expect(schema.items.required).toEqual(expect.arrayContaining(['key', 'title', 'csl']));
  });

  it('refuses data that breaks the contract', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'kb-json-'));
    const bad = { bibliography: [{ key: 'x' }], glossary: [], organisations: [], pages: [], facets: {}, exports: {} } as never;
    await expect(emitJson(bad, out)).rejects.toThrow();
  });
});
