/**
 * The same data saved three ways gives the same dataset: plain UTF-8 with ','
 * and LF (LibreOffice), UTF-8 with BOM, ';' and CRLF (Excel's "CSV UTF-8"),
 * and windows-1252 with ';' and CRLF (older Excel's "CSV (semikolondelt)"). The
 * datasets are compared whole, field by field, not just counted.
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../pipeline/run.ts';
import { copyData, FIXTURES } from '../helpers/fixtures.ts';

const SITE = path.join(FIXTURES, 'site', 'data');
const CSV_FILES = ['bibliografi.csv', 'begreper.csv', 'organisasjoner.csv'];

/** The fixture's rows, read with csv-parse directly (not with Kildebank's reader). */
const rowsOf = (name: string): string[][] =>
  parse(readFileSync(path.join(SITE, name), 'utf8').replace(/^\ufeff/, ''), { delimiter: ';' }) as string[][];

/** Rows as CSV, the way Excel and LibreOffice quote: only cells with the delimiter, a quote or a line break. */
function stringify(rows: string[][], { delimiter, record_delimiter }: { delimiter: string; record_delimiter: string }): string {
  const cell = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(delimiter)).join(record_delimiter) + record_delimiter;
}

const saved = {
  'utf-8, comma, LF': (rows: string[][]) => Buffer.from(stringify(rows, { delimiter: ',', record_delimiter: '\n' }), 'utf8'),
  'utf-8 with BOM, semicolon, CRLF': (rows: string[][]) =>
    Buffer.from(`\ufeff${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`, 'utf8'),
  'windows-1252, semicolon, CRLF': (rows: string[][]) =>
    iconv.encode(stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }), 'windows-1252'),
};
type Variant = keyof typeof saved;

const roots: string[] = [];
const results = {} as Record<Variant, PipelineResult>;

beforeAll(async () => {
  for (const [variant, save] of Object.entries(saved) as Array<[Variant, (rows: string[][]) => Buffer]>) {
    const { root, data } = await copyData(SITE);
    roots.push(root);
    for (const name of CSV_FILES) await writeFile(path.join(data, name), save(rowsOf(name)));
    results[variant] = await runPipeline(data);
  }
});

afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

describe('one dataset, whatever the CSV files were saved as', () => {
  it('really saves the files three different ways', () => {
    const rows = rowsOf('bibliografi.csv');
    const bytes = Object.values(saved).map((save) => save(rows));
    expect(new Set(bytes.map((b) => b.toString('hex'))).size).toBe(3);
    // 'ø' is one byte in windows-1252 (0xf8), which is not valid UTF-8.
    expect(bytes[2]!.includes(0xf8)).toBe(true);
  });

  it('reads the plain UTF-8 files without problems', () => {
    expect(results['utf-8, comma, LF'].problems).toEqual([]);
    expect(results['utf-8, comma, LF'].dataset!.bibliography.length).toBeGreaterThanOrEqual(3);
  });

  it('reads UTF-8 with BOM, semicolons and CRLF without problems, into the same dataset', () => {
    expect(results['utf-8 with BOM, semicolon, CRLF'].problems).toEqual([]);
    expect(results['utf-8 with BOM, semicolon, CRLF'].dataset).toEqual(results['utf-8, comma, LF'].dataset);
  });

  it('reads windows-1252 with a warning for each file with Norwegian letters, into the same dataset', () => {
    const { problems, dataset } = results['windows-1252, semicolon, CRLF'];
    // A file with only ASCII characters is the same in both encodings, and valid UTF-8.
    const nonAscii = CSV_FILES.filter((name) => /[^\x00-\x7f]/.test(rowsOf(name).flat().join('')));
    expect(nonAscii.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((p) => `${p.file} ${p.severity} ${p.rule}`).sort()).toEqual(
      nonAscii.map((name) => `data/${name} warning encoding-windows-1252`).sort(),
    );
    expect(dataset).toEqual(results['utf-8, comma, LF'].dataset);
    expect(JSON.stringify(dataset)).toContain('Grønne kommuner');
  });
});
