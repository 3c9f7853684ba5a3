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
}

export interface CsvRow {
  /** Line where the record starts (a quoted cell may span several lines). */
  line: number;
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
      problems: [
        error(
          'file-empty',
          { file, line: 1, column: 1 },
          'The file is empty: it needs at least the header row. Restore the previous version of the file (or copy the header row from docs/data-model.md).',
        ),
      ],
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
  for (const { record, info, raw } of records) {
    if (isBlank(record)) continue;
    const line = info.lines - countNewlines(raw.replace(/\n$/, ''));
    rows.push({ line, cells: record.map((value, i) => ({ value, line, column: i + 1 })) });
  }
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
  const messages: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED:
      'A quoted cell is never closed: the `"` at the start of this cell opens a cell that runs to the end of the file, so the file cannot be read. Add the closing `"` or remove the stray one.',
    INVALID_OPENING_QUOTE:
      'A `"` appears in the middle of a cell. Put the whole cell in quotes and double the inner quote (`""`), or remove it.',
    CSV_INVALID_CLOSING_QUOTE: 'A quoted cell has text after its closing `"`. Double inner quotes (`""`) or remove the stray text.',
  };
  const message =
    (Object.hasOwn(messages, err.code) ? messages[err.code] : undefined) ??
    `The CSV file could not be read: ${err.message}. Open it in Excel or LibreOffice and save it again as CSV.`;
  return error('csv-syntax', { file, line, column }, message);
}
