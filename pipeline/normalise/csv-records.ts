/**
 * Check every cell of a mapped CSV table against its column and give back the
 * cleaned values by field, with positions, for the per-file normalisers.
 */
import type { ColumnSpec } from '../model/columns.ts';
import type { Position, Problem } from '../problems.ts';
import { checkCell } from '../validate/cells.ts';
import type { TableRecord } from '../validate/table.ts';

export interface CheckedRecord<F extends string> {
  file: string;
  line: number;
  values: Partial<Record<F, string>>;
  at: Partial<Record<F, Position & { field: string }>>;
  /** False when a required cell is missing or invalid: the record cannot be built. */
  complete: boolean;
}

export function checkRecords<C extends readonly ColumnSpec[]>(
  records: TableRecord<C[number]['field']>[],
  columns: C,
): { records: CheckedRecord<C[number]['field']>[]; problems: Problem[] } {
  type F = C[number]['field'];
  const problems: Problem[] = [];
  const out: CheckedRecord<F>[] = [];
  for (const record of records) {
    const values: Partial<Record<F, string>> = {};
    const at: Partial<Record<F, Position & { field: string }>> = {};
    let complete = true;
    for (const spec of columns) {
      const field = spec.field as F;
      const cell = record.cells[field];
      at[field] = { file: record.file, line: cell?.line ?? record.line, column: cell?.column ?? 1, field: spec.header };
      const checked = checkCell(spec, cell, record.file, record.line);
      problems.push(...checked.problems);
      if (checked.value !== undefined) values[field] = checked.value;
      else if (spec.required) complete = false;
    }
    out.push({ file: record.file, line: record.line, values, at, complete });
  }
  return { records: out, problems };
}
