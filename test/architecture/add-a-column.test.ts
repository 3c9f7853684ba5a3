/**
 * The README's recipe for a new optional column, followed literally on a copy
 * of the project: one line in model/columns.ts and one in the entry page's
 * template bring a new CSV column to the entry page and the CSV download.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The recipe's steps as the README writes them. */
async function recipe(): Promise<{ column: string; template: string }> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How to add a column'));
  const column = /`(\{ header: 'Målgruppe'[^`]*\})`/.exec(section)?.[1];
  const template = /`(\{% if entry\.audience %\}[^`]*)`/.exec(section)?.[1];
  if (!column || !template) throw new Error("The README's recipe no longer shows the column line and the template line.");
  return { column, template };
}

describe("the README's recipe for a new optional column", () => {
  let root = '';
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('gets a new column from the CSV to the entry page and the CSV download', async () => {
    const { column, template } = await recipe();
    await mkdir(path.join(ROOT, '.cache'), { recursive: true });
    root = await mkdtemp(path.join(ROOT, '.cache', 'recipe-'));
    for (const item of ['pipeline', 'site', '.eleventy.js', 'package.json', 'tsconfig.json'])
      await cp(path.join(ROOT, item), path.join(root, item), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));

    // Step 1: one line in the columns.
    const columnsFile = path.join(root, 'pipeline', 'model', 'columns.ts');
    const columns = await readFile(columnsFile, 'utf8');
    const anchor = /^ {2}\{ header: 'Lagt til', field: 'dateAdded'.*\n/m.exec(columns)?.[0];
    expect(anchor).toBeDefined();
    await writeFile(columnsFile, columns.replace(anchor!, `${anchor}  ${column},\n`));
    // Step 2: one line in the entry page's facts.
    const pageFile = path.join(root, 'site', '_includes', 'entry-page.njk');
    const page = await readFile(pageFile, 'utf8');
    const factsEnd = '</dl>';
    expect(page).toContain(factsEnd);
    await writeFile(pageFile, page.replace(factsEnd, `  ${template}\n${factsEnd}`));

    // A data folder whose bibliography has the new column.
    const data = path.join(root, 'data');
    await cp(path.join(FIXTURES, 'site', 'data'), data, { recursive: true });
    const csvFile = path.join(data, 'bibliografi.csv');
    const records = parse((await readFile(csvFile, 'utf8')).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(records[1]![0]).toBe('hansen-2020');
    const withColumn = records.map((r, i) => [...r, i === 0 ? 'Målgruppe' : i === 1 ? 'Kommunalt ansatte' : '']);
    await writeFile(csvFile, stringify(withColumn, { delimiter: ';' }));

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'pipeline/cli.ts', 'build', '--data', data, '--out', 'dist', '--cache', 'json'],
      {
        cwd: root,
        env: { ...process.env, CI: '', KILDEBANK_CITATION_CACHE: path.join(root, 'citations') },
      },
    );
    expect(stdout).toContain('Done');
    const entryPage = await readFile(path.join(root, 'dist', 'bibliografi', 'hansen-2020', 'index.html'), 'utf8');
    expect(entryPage).toContain('<dt>Målgruppe</dt> <dd>Kommunalt ansatte</dd>');
    const download = await readFile(path.join(root, 'dist', 'nedlasting', 'kildebank.csv'), 'utf8');
    expect(download.split('\n')[0]).toMatch(/;Målgruppe$/);
    expect(download).toContain(';Kommunalt ansatte');
  }, 120_000);
});
