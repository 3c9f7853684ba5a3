/**
 * Map a parsed CSV table onto its column specification: find each known
 * column, report unknown, missing and doubled columns and ragged rows, and
 * give every record its cells by field name.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { error, type Problem } from '../problems.ts';
import type { Cell, CsvTable } from '../read/csv.ts';
import { didYouMean } from './closest.ts';

export interface TableRecord<F extends string> {
  file: string;
  line: number;
  cells: Partial<Record<F, Cell>>;
}

export interface MappedTable<F extends string> {
  records: TableRecord<F>[];
  problems: Problem[];
}

export function mapTable<C extends readonly ColumnSpec[]>(
  table: CsvTable,
  columns: C,
): MappedTable<C[number]['field']> {
  type F = C[number]['field'];
  const { file } = table;
  const problems: Problem[] = [];
  const known = columns.map((c) => c.header);
  const fieldAt = new Map<number, ColumnSpec>();
  const seen = new Map<string, Cell>();
  const pos = (c: Cell) => ({ file, line: c.line, column: c.column });

  let headerWidth = table.header.length;
  while (headerWidth > 0 && table.header[headerWidth - 1]!.value.trim() === '') headerWidth--;

  for (const cell of table.header.slice(0, headerWidth)) {
    const name = cell.value.replace(/[\u00a0\u200b-\u200d\ufeff]/g, ' ').trim();
    const spec = columns.find((c) => c.header === name);
    if (name === '') {
      problems.push(error('header-empty', pos(cell), `Column ${cell.column} has no header. Give it a name from the data model or delete the column.`));
    } else if (!spec) {
      problems.push(
        error('unknown-column', pos(cell), `Unknown column '${name}'.${didYouMean(name, known)}`, name),
      );
    } else if (seen.has(name)) {
      problems.push(error('duplicate-column', pos(cell), `The column '${name}' appears twice (also column ${seen.get(name)!.column}). Keep one.`, name));
    } else {
      seen.set(name, cell);
      fieldAt.set(cell.column, spec);
    }
  }
  if (headerWidth === 1 && columns.length > 1) {
    problems.push(
      error(
        'single-column',
        { file, line: 1, column: 1 },
        `The header was read as a single column. Separate columns with ';' or ',' (in Excel: "Save as" → CSV).`,
      ),
    );
    return { records: [], problems };
  }
  for (const spec of columns) {
    if (spec.required && !seen.has(spec.header)) {
      problems.push(error('missing-column', { file, line: 1, column: 1 }, `The required column '${spec.header}' is missing from the header.`, spec.header));
    }
  }

  const records: TableRecord<F>[] = [];
  for (const row of table.rows) {
    const extra = row.cells.slice(headerWidth).filter((c) => c.value.trim() !== '');
    if (extra.length > 0) {
      problems.push(
        error(
          'ragged-row',
          pos(extra[0]!),
          `This row has ${headerWidth + extra.length} or more cells but the header has ${headerWidth}. ` +
            `A ';' or ',' inside a cell must be in a quoted cell ("…"); in Excel this happens by itself.`,
        ),
      );
      continue;
    }
    const cells: Partial<Record<F, Cell>> = {};
    for (const cell of row.cells.slice(0, headerWidth)) {
      const spec = fieldAt.get(cell.column);
      if (spec) cells[spec.field as F] = cell;
    }
    records.push({ file, line: row.line, cells });
  }
  return { records, problems };
}
