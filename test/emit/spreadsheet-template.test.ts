/**
 * `npm run template`: an .xlsx per CSV file. Read back with the same library
 * (exceljs), each has the header row with its help notes, the Text format on
 * the columns a spreadsheet would damage, drop-down lists for the columns
 * with allowed values, and the shipped rows as text. Converted back to CSV by
 * LibreOffice (headless), it gives the shipped rows unchanged, and the check
 * passes on them. Without LibreOffice that test is skipped loudly, and under
 * CI=true it fails (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_FILES, mustStayText, type ColumnSpec, type CsvFileName } from '../../pipeline/model/columns.ts';
import { allowedValues, headerNote, TEMPLATE_ROWS, withFixedZipTimes, writeTemplates } from '../../pipeline/emit/spreadsheet-template.ts';
import { hasErrors } from '../../pipeline/model/problems.ts';
import { parseCsv } from '../../pipeline/read/csv.ts';
import { decodeText } from '../../pipeline/read/decode.ts';
import { runPipeline } from '../../pipeline/run.ts';

const NAMES = Object.keys(CSV_FILES) as CsvFileName[];
const xlsxOf = (name: string) => name.replace(/\.csv$/, '.xlsx');

/** The shipped CSV file as rows of cells in the order of columns.ts (missing columns empty). */
async function shipped(name: CsvFileName, dir = 'data'): Promise<string[][]> {
  const file = path.join(dir, name);
  const table = parseCsv(decodeText(await readFile(file), file).text, file);
  expect(table.problems).toEqual([]);
  const columns: readonly ColumnSpec[] = CSV_FILES[name];
  const index = columns.map((c) => table.header.findIndex((h) => h.value === c.header));
  return table.rows.map((r) => index.map((i) => (i === -1 ? '' : (r.cells[i]?.value ?? ''))));
}

function libreOffice(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'kildebank-template-'));
  expect(await writeTemplates('data', out)).toEqual(NAMES.map((n) => path.join(out, xlsxOf(n))));
});

describe('columns.ts', () => {
  it('gives every column of every CSV file a help text', () => {
    for (const name of NAMES)
      for (const c of CSV_FILES[name] as readonly ColumnSpec[])
        expect(c.help?.trim().length ?? 0, `${name}: ${c.header}`).toBeGreaterThan(10);
  });

  it('keeps ISBN, ISSN, Nummer, Dato, Lagt til, the IDs and Organisasjonsnummer as text', () => {
    const text = (name: CsvFileName) => (CSV_FILES[name] as readonly ColumnSpec[]).filter(mustStayText).map((c) => c.header);
    expect(text('bibliografi.csv')).toEqual(
      expect.arrayContaining([
        'Nøkkel',
        'Dato',
        'Oppdragsutfører',
        'Oppdragsgiver',
        'Utgiver',
        'Nummer',
        'ISBN',
        'ISSN',
        'Sider',
        'Lagt til',
      ]),
    );
    expect(text('organisasjoner.csv')).toEqual(expect.arrayContaining(['ID', 'Organisasjonsnummer']));
    expect(text('bibliografi.csv')).not.toContain('Sammendrag');
  });
});

describe('the template read back with exceljs', () => {
  it.each(NAMES)('%s: header with notes, Text formats, drop-down lists and the shipped rows', async (name) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, xlsxOf(name)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([name.replace(/\.csv$/, '')]);
    const ws = wb.worksheets[0]!;
    const columns: readonly ColumnSpec[] = CSV_FILES[name];
    const rows = await shipped(name);
    expect(rows.length).toBeGreaterThan(0);

    columns.forEach((c, i) => {
      const head = ws.getCell(1, i + 1);
      expect(head.value).toBe(c.header);
      const note = typeof head.note === 'string' ? head.note : head.note.texts!.map((t) => t.text).join('');
      expect(note).toBe(headerNote(c));
      expect(note).toContain(c.help!);
      const empty = ws.getCell(TEMPLATE_ROWS, i + 1);
      const first = ws.getCell(2, i + 1);
      if (mustStayText(c)) {
        expect(first.numFmt, `${c.header} row 2`).toBe('@');
        expect(empty.numFmt, `${c.header} row ${TEMPLATE_ROWS}`).toBe('@');
      } else expect(empty.numFmt ?? 'General').not.toBe('@');
      const values = allowedValues(c);
      for (const cell of [first, empty]) {
        if (values)
          expect(cell.dataValidation).toMatchObject({
            type: 'list',
            allowBlank: true,
            formulae: [`"${values.join(',')}"`],
            errorStyle: 'stop',
          });
        else expect(cell.dataValidation, c.header).toBeUndefined();
      }
    });
    expect(ws.getCell(TEMPLATE_ROWS + 2, 1).dataValidation).toBeUndefined();

    rows.forEach((row, y) =>
      row.forEach((value, x) => {
        const cell = ws.getCell(y + 2, x + 1);
        if (value === '') expect(cell.value ?? null).toBeNull();
        else {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(value);
        }
      }),
    );
  });

  it('has drop-down lists for Type publikasjon, Språk, Type, Forhold til kilde and Status', () => {
    const listed = NAMES.flatMap((n) =>
      (CSV_FILES[n] as readonly ColumnSpec[]).filter((c) => allowedValues(c)).map((c) => `${n}: ${c.header}`),
    );
    expect(listed).toEqual([
      'bibliografi.csv: Type publikasjon',
      'bibliografi.csv: Språk',
      'begreper.csv: Forhold til kilde',
      'begreper.csv: Status',
      'definisjoner.csv: Forhold til kilde',
      'organisasjoner.csv: Type',
    ]);
    expect(allowedValues(CSV_FILES['bibliografi.csv'][17])).toEqual(expect.arrayContaining(['nb', 'nn', 'en']));
  });

  it('is the same file every time (no clock in the zip)', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'kildebank-template-'));
    await writeTemplates('data', again);
    for (const name of NAMES) expect(await readFile(path.join(again, xlsxOf(name)))).toEqual(await readFile(path.join(out, xlsxOf(name))));
    const bytes = await readFile(path.join(out, xlsxOf(NAMES[0]!)));
    expect(withFixedZipTimes(bytes)).toEqual(new Uint8Array(bytes));
    await rm(again, { recursive: true });
  });
});

describe('the template converted to CSV by LibreOffice', () => {
  const soffice = libreOffice();
  if (!soffice) {
    const message =
      'LibreOffice is not installed: the test that converts the template to CSV is SKIPPED. Install it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (.ci/run does).';
    if (process.env.CI === 'true')
      it('needs LibreOffice under CI', () => expect.fail(`${message} Under CI a missing LibreOffice is a failure.`));
    else {
      console.warn(`\n*** ${message} ***\n`);
      it.skip('gives the shipped rows unchanged (LibreOffice missing)', () => {});
    }
    return;
  }

  it('gives the shipped rows unchanged, 1-2016 and the ISBNs too, and the check passes on them', { timeout: 120_000 }, async () => {
    const csvDir = await mkdtemp(path.join(tmpdir(), 'kildebank-template-csv-'));
    const profile = await mkdtemp(path.join(tmpdir(), 'kildebank-lo-profile-'));
    // Semicolon, double quote, UTF-8; cells as shown would be the same here, as every cell is text.
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):59,34,76,1',
        '--outdir',
        csvDir,
        ...NAMES.map((n) => path.join(out, xlsxOf(n))),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 110_000 },
    );
    expect((await readdir(csvDir)).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(await shipped(name, csvDir), name).toEqual(await shipped(name));

    const bibliography = await readFile(path.join(csvDir, 'bibliografi.csv'), 'utf8');
    // LibreOffice quotes every text cell.
    expect(bibliography).toContain(';"1-2016";"978-82-8095-104-5";"2387-5615";');

    // The converted files in place of the shipped ones: the check finds no errors.
    const data = await mkdtemp(path.join(tmpdir(), 'kildebank-template-data-'));
    await cp('data', data, { recursive: true });
    for (const name of NAMES) await cp(path.join(csvDir, name), path.join(data, name));
    const { problems } = await runPipeline(data, { checkOnly: true });
    expect(hasErrors(problems)).toBe(false);
    await Promise.all([csvDir, profile, data].map((d) => rm(d, { recursive: true })));
  });
});
