/**
 * Parse CSV text into rows of cells that know their line and column. The
 * delimiter (`;`, `,` or tab) is detected from the header line, line endings
 * are normalised, and csv-parse's errors become positioned problems.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { error, type Problem } from '../model/problems.ts';

export interface Cell {
  value: string;
  line: number;
  column: number;
  /** Row number as Excel and LibreOffice show it: the header is row 1, and a row with multi-line cells is still one row. */
  row?: number;
}

export interface CsvRow {
  /** Line where the record starts (a quoted cell may span several lines). */
  line: number;
  /** Row number in a spreadsheet (see Cell.row). */
  row: number;
  cells: Cell[];
}

export interface CsvTable {
  file: string;
  delimiter: string;
  header: Cell[];
  rows: CsvRow[];
  problems: Problem[];
}

const DELIMITERS = [';', ',', '\t'] as const;

/** The delimiter that occurs most often outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ';';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

function isBlank(record: string[]): boolean {
  return record.every((v) => v.trim() === '');
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export function parseCsv(text: string, file: string): CsvTable {
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalised);
  const empty: CsvTable = { file, delimiter, header: [], rows: [], problems: [] };
  if (normalised.trim() === '') {
    return {
      ...empty,
      problems: [error('file-empty', { file, line: 1, column: 1 }, {})],
    };
  }
  let records: ParsedRecord[];
  try {
    records = parse(normalised, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    if (e instanceof CsvError) return { ...empty, problems: [csvErrorToProblem(e, file)] };
    throw e;
  }
  const rows: CsvRow[] = [];
  records.forEach(({ record, info, raw }, i) => {
    // A blank line is a row in the spreadsheet too: it counts, but holds nothing.
    if (isBlank(record)) return;
    const line = info.lines - countNewlines(raw.replace(/\n$/, ''));
    const row = i + 1;
    rows.push({ line, row, cells: record.map((value, c) => ({ value, line, column: c + 1, row })) });
  });
  const [header, ...body] = rows;
  return { file, delimiter, header: header?.cells ?? [], rows: body, problems: [] };
}

function csvErrorToProblem(e: CsvError, file: string): Problem {
  const err = e as CsvError & { lines?: number; column?: number; raw?: string };
  // `lines` is where csv-parse stopped and `raw` the record read so far: the record starts that many lines earlier.
  const raw = typeof err.raw === 'string' ? err.raw.replace(/\n$/, '') : '';
  const line = Math.max(1, (typeof err.lines === 'number' ? err.lines : 1) - countNewlines(raw));
  // `column` is the zero-based index of the cell in its record.
  const column = typeof err.column === 'number' && err.column >= 0 ? err.column + 1 : 1;
  const codes = {
    CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
    INVALID_OPENING_QUOTE: 'opening-quote',
    CSV_INVALID_CLOSING_QUOTE: 'closing-quote',
  } as const;
  const code = Object.hasOwn(codes, err.code) ? codes[err.code as keyof typeof codes] : undefined;
  return error('csv-syntax', { file, line, column }, code ? { code } : { code: 'other', detail: err.message });
}
