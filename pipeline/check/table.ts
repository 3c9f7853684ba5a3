/**
 * Map a parsed CSV table onto its column specification: find each known
 * column, report unknown, missing and doubled columns and ragged rows, and
 * give every record its cells by field name.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { error, warning, type Position, type Problem } from '../model/problems.ts';
import type { Cell, CsvTable } from '../read/csv.ts';
import { suggestion } from '../lib/closest.ts';

export interface TableRecord<F extends string> {
  file: string;
  line: number;
  /** Row number as the spreadsheet shows it. */
  row: number;
  cells: Partial<Record<F, Cell>>;
}

/** A row left out because of its own error: references to its id are explained by that error. */
export interface LeftOutRow {
  id: string;
  /** Where the error that left the row out is: `data/bibliografi.csv:7`. */
  cause: Position;
}

export interface MappedTable<F extends string> {
  records: TableRecord<F>[];
  problems: Problem[];
  /** Fields whose column is in the header. */
  present: Set<F>;
  /** Rows left out by mapping (too many cells), by the value of their first cell. */
  leftOut: LeftOutRow[];
}

function trailingBlank(cells: Cell[]): number {
  let n = 0;
  while (n < cells.length && cells[cells.length - 1 - n]!.value.trim() === '') n++;
  return n;
}

/** A header cell as a column name: NFC, without invisible or non-breaking spaces, trimmed. */
export const headerName = (value: string) =>
  value
    .normalize('NFC')
    .replace(/[\u00a0\u200b-\u200d\ufeff]/g, ' ')
    .trim();

/** A cell's value as a row's name in messages: cleaned of invisible characters, and cut short when long. */
export function recordName(value: string): string {
  const name = value
    .normalize('NFC')
    .replace(/[\u00a0\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .trim();
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/** The column that names a row in messages ("ID 'ks'"): the first required id column. */
export function keyColumn(columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  return columns.find((c) => c.kind === 'id' && c.required);
}

export function mapTable<C extends readonly ColumnSpec[]>(table: CsvTable, columns: C): MappedTable<C[number]['field']> {
  type F = C[number]['field'];
  const { file } = table;
  const problems: Problem[] = [];
  const leftOut: LeftOutRow[] = [];
  const known = columns.map((c) => c.header);
  const byHeader = new Map<string, ColumnSpec>(columns.map((c) => [c.header, c]));
  const fieldAt = new Map<number, ColumnSpec>();
  const seen = new Map<string, Cell>();
  const pos = (c: Cell) => ({ file, line: c.line, column: c.column });
  const fileName = file.split('/').pop()!;

  let headerWidth = table.header.length;
  while (headerWidth > 0 && table.header[headerWidth - 1]!.value.trim() === '') headerWidth--;

  if (headerWidth === 1 && columns.length > 1) {
    const name = table.header[0]!.value.trim();
    const guess = /[|:]/.exec(name)?.[0];
    return {
      records: [],
      problems: [error('single-column', { file, line: 1, column: 1 }, guess ? { guess } : {})],
      present: new Set(),
      leftOut,
    };
  }
  for (const cell of table.header.slice(0, headerWidth)) {
    const name = headerName(cell.value);
    const spec = byHeader.get(name);
    if (name === '') {
      problems.push(error('header-empty', pos(cell), { column: cell.column }));
    } else if (!spec) {
      problems.push(error('unknown-column', pos(cell), { name, ...suggestion(name, known) }, name));
    } else if (seen.has(name)) {
      problems.push(error('duplicate-column', pos(cell), { name, other: seen.get(name)!.column }, name));
    } else {
      seen.set(name, cell);
      fieldAt.set(cell.column, spec);
    }
  }
  for (const spec of columns) {
    if (spec.required && !seen.has(spec.header)) {
      problems.push(error('missing-column', { file, line: 1, column: 1 }, { header: spec.header, file: fileName }, spec.header));
    }
  }

  const key = keyColumn(columns);
  const keyAt = key ? [...fieldAt].find(([, spec]) => spec === key)?.[0] : undefined;
  const records: TableRecord<F>[] = [];
  for (const row of table.rows) {
    const id = row.cells[(keyAt ?? 1) - 1]?.value.trim() ?? '';
    const at = { row: row.row, ...(key && id !== '' ? { record: { column: key.header, id: recordName(id) } } : {}) };
    const extra = row.cells.slice(headerWidth).filter((c) => c.value.trim() !== '');
    if (extra.length > 0) {
      const where = { ...pos(extra[0]!), ...at };
      problems.push(
        error('ragged-row', where, {
          variant: 'long',
          cells: row.cells.length - trailingBlank(row.cells),
          header: headerWidth,
          delimiter: table.delimiter,
        }),
      );
      if (id !== '') leftOut.push({ id, cause: where });
      continue;
    }
    if (row.cells.length < headerWidth) {
      // Cut short: the row is read (its cells are where they belong), but the facts in the missing cells are lost.
      const lastCell = row.cells.at(-1)!;
      problems.push(
        error(
          'ragged-row',
          { file, line: lastCell.line, column: row.cells.length + 1, ...at },
          {
            variant: 'short',
            cells: row.cells.length,
            header: headerWidth,
            delimiter: table.delimiter,
            last: headerName(table.header[row.cells.length]!.value),
          },
        ),
      );
    }
    const cells: Partial<Record<F, Cell>> = {};
    for (const cell of row.cells.slice(0, headerWidth)) {
      const spec = fieldAt.get(cell.column);
      if (spec) cells[spec.field as F] = cell;
    }
    records.push({ file, line: row.line, row: row.row, cells });
  }
  return { records, problems, present: new Set([...fieldAt.values()].map((spec) => spec.field as F)), leftOut };
}

/** One warning naming the optional columns that are not in the header: the site will show none of their values. */
export function missingOptionalColumns(file: string, columns: readonly ColumnSpec[], present: ReadonlySet<string>): Problem[] {
  const headers = columns.filter((c) => !c.required && !present.has(c.field)).map((c) => c.header);
  if (headers.length === 0) return [];
  return [
    warning(
      'optional-column-missing',
      { file, line: 1, column: 1 },
      { headers, file: file.split('/').pop()! },
      headers.length === 1 ? headers[0] : undefined,
    ),
  ];
}
