/**
 * Map a parsed CSV table onto its column specification: find each known
 * column, report unknown, missing and doubled columns and ragged rows, and
 * give every record its cells by field name.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { error, type Problem } from '../model/problems.ts';
import type { Cell, CsvTable } from '../read/csv.ts';
import { didYouMean } from '../lib/closest.ts';

export interface TableRecord<F extends string> {
  file: string;
  line: number;
  cells: Partial<Record<F, Cell>>;
}

export interface MappedTable<F extends string> {
  records: TableRecord<F>[];
  problems: Problem[];
  /** Fields whose column is in the header. */
  present: Set<F>;
}

/** ` ('loga-2016')`: the row's first cell, to find the row by. */
function rowName(cells: Cell[]): string {
  const first = cells[0]?.value.trim() ?? '';
  return first === '' ? '' : ` ('${first.length > 40 ? `${first.slice(0, 40)}…` : first}')`;
}

function trailingBlank(cells: Cell[]): number {
  let n = 0;
  while (n < cells.length && cells[cells.length - 1 - n]!.value.trim() === '') n++;
  return n;
}

export function mapTable<C extends readonly ColumnSpec[]>(table: CsvTable, columns: C): MappedTable<C[number]['field']> {
  type F = C[number]['field'];
  const { file } = table;
  const problems: Problem[] = [];
  const known = columns.map((c) => c.header);
  const fieldAt = new Map<number, ColumnSpec>();
  const seen = new Map<string, Cell>();
  const pos = (c: Cell) => ({ file, line: c.line, column: c.column });

  let headerWidth = table.header.length;
  while (headerWidth > 0 && table.header[headerWidth - 1]!.value.trim() === '') headerWidth--;

  if (headerWidth === 1 && columns.length > 1) {
    const name = table.header[0]!.value.trim();
    const guess = /[|:]/.exec(name)?.[0];
    return {
      records: [],
      problems: [
        error(
          'single-column',
          { file, line: 1, column: 1 },
          `The header row was read as a single column${guess ? ` (the columns seem to be separated by '${guess}')` : ''}. ` +
            `Separate the columns with ';' or ',': in Excel use "Save as" → "CSV UTF-8 (comma delimited)"; in LibreOffice choose ';' as field delimiter. If every line is wrapped in quotes, remove them.`,
        ),
      ],
      present: new Set(),
    };
  }
  for (const cell of table.header.slice(0, headerWidth)) {
    const name = cell.value.replace(/[\u00a0\u200b-\u200d\ufeff]/g, ' ').trim();
    const spec = columns.find((c) => c.header === name);
    if (name === '') {
      problems.push(
        error(
          'header-empty',
          pos(cell),
          `Column ${cell.column} has no header, so its cells are not read. Give it a name from docs/data-model.md, or delete the column.`,
        ),
      );
    } else if (!spec) {
      problems.push(
        error(
          'unknown-column',
          pos(cell),
          `Unknown column '${name}'.${didYouMean(name, known)} Write the header exactly as in docs/data-model.md, or delete the column.`,
          name,
        ),
      );
    } else if (seen.has(name)) {
      problems.push(
        error('duplicate-column', pos(cell), `The column '${name}' appears twice (also column ${seen.get(name)!.column}). Keep one.`, name),
      );
    } else {
      seen.set(name, cell);
      fieldAt.set(cell.column, spec);
    }
  }
  for (const spec of columns) {
    if (spec.required && !seen.has(spec.header)) {
      problems.push(
        error(
          'missing-column',
          { file, line: 1, column: 1 },
          `The required column '${spec.header}' is missing from the header row. Add it, spelt exactly like this.`,
          spec.header,
        ),
      );
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
          `This row${rowName(row.cells)} has ${row.cells.length - trailingBlank(row.cells)} cells but the header has ${headerWidth}, so the row is left out. ` +
            `Probably a '${table.delimiter === '\t' ? 'tab' : table.delimiter}' inside a cell is not in quotes: put that cell in quotes ("…"), or fix the row in Excel or LibreOffice and save again (they quote by themselves). Delete anything to the right of the last column.`,
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
  return { records, problems, present: new Set([...fieldAt.values()].map((spec) => spec.field as F)) };
}
