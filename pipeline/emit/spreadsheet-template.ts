/**
 * `npm run template`: one Excel workbook (`.xlsx`) per CSV file, made from
 * model/columns.ts, for librarians who edit in a spreadsheet. Each has
 *
 * - the header row, frozen, with the column's help text as the header cell's note;
 * - the columns a spreadsheet would damage (ISBN, ISSN, Nummer, Dato, Lagt til,
 *   IDs, Organisasjonsnummer …; see `mustStayText`) formatted as Text ('@'),
 *   both the shipped cells and the empty rows below them;
 * - a drop-down list for every column with allowed values (Type publikasjon,
 *   Type, Språk, Forhold til kilde, Status);
 * - the shipped rows of the CSV file, every cell as text.
 *
 * The CSV file stays the source: nothing ever reads a workbook back. A
 * librarian saves the sheet as CSV UTF-8 under the CSV file's name.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LANGUAGE_LABELS } from '../check/languages.ts';
import { CSV_FILES, mustStayText, type ColumnSpec, type CsvFileName } from '../model/columns.ts';
import { parseCsv } from '../read/csv.ts';
import { decodeText } from '../read/decode.ts';

/** Rows below the header that get the Text format and the drop-down lists (shipped rows count too). */
export const TEMPLATE_ROWS = 1000;
/** Excel's limit for a list written into the validation itself. */
const MAX_LIST_LENGTH = 255;
/** A fixed date for the workbook's properties, so that the same data gives the same workbook. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** The values a column allows, when it has a fixed list: enum values, or the language codes the check knows. */
export function allowedValues(c: ColumnSpec): readonly string[] | undefined {
  if (c.kind === 'enum') return c.values;
  if (c.kind === 'language') return Object.keys(LANGUAGE_LABELS);
  return undefined;
}

/** The header cell's note: the help text, whether the column must be filled in, and the allowed values. */
export function headerNote(c: ColumnSpec): string {
  const values = allowedValues(c);
  return [
    c.help ?? '',
    ...(c.required ? ['Må fylles ut.'] : []),
    ...(c.kind === 'language' ? [`Språkkoder: ${values!.map((v) => `${v} (${LANGUAGE_LABELS[v]})`).join(', ')}.`] : []),
    ...(c.kind === 'enum' ? [`Tillatte verdier: ${values!.join(', ')}.`] : []),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The list formula of a drop-down list: `"a,b,c"`. */
function listFormula(c: ColumnSpec, values: readonly string[]): string {
  const bad = values.find((v) => /[,"]/.test(v));
  const list = values.join(',');
  if (bad !== undefined || list.length > MAX_LIST_LENGTH)
    throw new Error(
      `The allowed values of '${c.header}' cannot be a drop-down list written into the cell (a comma or quote, or more than ${MAX_LIST_LENGTH} characters).`,
    );
  return `"${list}"`;
}

/** The rows of a shipped CSV file, in the order of the columns; missing columns are empty. */
async function shippedRows(file: string, columns: readonly ColumnSpec[]): Promise<string[][]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const table = parseCsv(decodeText(bytes, file).text, file);
  if (table.problems.length > 0) throw new Error(`${file} cannot be read: run npm run check and fix it first.`);
  const unknown = table.header.filter((h) => !columns.some((c) => c.header === h.value)).map((h) => h.value);
  if (unknown.length > 0)
    throw new Error(`${file} has columns that ${path.basename(file)} does not have: ${unknown.join(', ')}. Run npm run check.`);
  const index = columns.map((c) => table.header.findIndex((h) => h.value === c.header));
  return table.rows.map((row) => index.map((i) => (i === -1 ? '' : (row.cells[i]?.value ?? ''))));
}

/** The workbook for one CSV file, with its shipped rows. */
export function templateWorkbook(name: CsvFileName, rows: readonly (readonly string[])[]): ExcelJS.Workbook {
  const columns: readonly ColumnSpec[] = CSV_FILES[name];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kildebank';
  wb.lastModifiedBy = 'Kildebank';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(name.replace(/\.csv$/, ''), { views: [{ state: 'frozen', ySplit: 1 }] });
  const lastRow = Math.max(TEMPLATE_ROWS, rows.length) + 1;

  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(12, c.header.length + 4, ...rows.map((r) => Math.min(60, (r[i] ?? '').length))));
    if (mustStayText(c)) col.numFmt = '@';
    const head = ws.getCell(1, i + 1);
    head.value = c.header;
    head.font = { bold: true };
    head.numFmt = '@';
    head.note = headerNote(c);
  });

  rows.forEach((r, y) =>
    columns.forEach((c, x) => {
      const value = r[x] ?? '';
      if (value === '' && !mustStayText(c)) return;
      const cell = ws.getCell(y + 2, x + 1);
      // A string value is stored as text, whatever it looks like; the Text format keeps it so when edited.
      if (value !== '') cell.value = value;
      if (mustStayText(c)) cell.numFmt = '@';
      if (c.kind === 'markdown' && value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    }),
  );

  // Empty rows below: Text format and drop-down lists, so that new rows are protected too.
  columns.forEach((c, x) => {
    const values = allowedValues(c);
    const text = mustStayText(c);
    if (!values && !text) return;
    const formula = values ? listFormula(c, values) : undefined;
    for (let y = 2; y <= lastRow; y++) {
      const cell = ws.getCell(y, x + 1);
      if (text) cell.numFmt = '@';
      if (formula)
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: c.header,
          error: `Velg en av verdiene i listen for ${c.header}.`,
        };
    }
  });
  return wb;
}

/**
 * Sets every entry's modification time in a zip file (an .xlsx is one) to
 * 1980-01-01 00:00, the first DOS date, in the local headers and in the
 * central directory. The zip library stamps entries with the clock; without
 * this, the same data would give a different file every time.
 */
export function withFixedZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  // The end of central directory record: signature 0x06054b50, at most 64 KiB of comment from the end.
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end === -1) throw new Error('Not a zip file: no end of central directory.');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('Not a zip file: a broken central directory.');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('Not a zip file: a broken local header.');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Writes `<outDir>/<name>.xlsx` for every CSV file, with the rows of `<dataDir>/<name>.csv`; returns the files written. */
export async function writeTemplates(dataDir: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of Object.keys(CSV_FILES) as CsvFileName[]) {
    const rows = await shippedRows(path.join(dataDir, name), CSV_FILES[name]);
    const target = path.join(outDir, name.replace(/\.csv$/, '.xlsx'));
    await writeFile(target, withFixedZipTimes(new Uint8Array(await templateWorkbook(name, rows).xlsx.writeBuffer())));
    written.push(target);
  }
  return written;
}
