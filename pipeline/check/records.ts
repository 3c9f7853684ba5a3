/**
 * Check every cell of a mapped CSV table against its column and give back the
 * cleaned values by field, with positions, for the per-file normalisers.
 */
import type { ColumnSpec } from '../model/columns.ts';
import type { Position, Problem } from '../model/problems.ts';
import { checkCell } from './cells.ts';
import type { TableRecord } from './table.ts';

export interface CheckedRecord<F extends string> {
  file: string;
  line: number;
  values: Partial<Record<F, string>>;
  at: Partial<Record<F, Position & { field: string }>>;
  /** False when a required cell is missing or invalid: the record cannot be built. */
  complete: boolean;
  /** Fields whose cell had a value that was reported as invalid and left out. */
  rejected: F[];
}

/**
 * `present` holds the fields whose column is in the header: an empty required
 * cell is reported only there (a missing column is reported once, for the header).
 */
export function checkRecords<C extends readonly ColumnSpec[]>(
  records: TableRecord<C[number]['field']>[],
  columns: C,
  present?: ReadonlySet<C[number]['field']>,
): { records: CheckedRecord<C[number]['field']>[]; problems: Problem[] } {
  type F = C[number]['field'];
  const problems: Problem[] = [];
  const out: CheckedRecord<F>[] = [];
  for (const record of records) {
    const values: Partial<Record<F, string>> = {};
    const at: Partial<Record<F, Position & { field: string }>> = {};
    const rejected: F[] = [];
    let complete = true;
    for (const spec of columns) {
      const field = spec.field as F;
      const cell = record.cells[field];
      at[field] = { file: record.file, line: cell?.line ?? record.line, column: cell?.column ?? 1, field: spec.header };
      if (!cell && present && !present.has(field)) {
        if (spec.required) complete = false;
        continue;
      }
      const checked = checkCell(spec, cell, record.file, record.line);
      problems.push(...checked.problems);
      if (checked.value !== undefined) values[field] = checked.value;
      else {
        if (spec.required) complete = false;
        if (checked.problems.some((p) => p.severity === 'error')) rejected.push(field);
      }
    }
    out.push({ file: record.file, line: record.line, values, at, complete, rejected });
  }
  return { records: out, problems };
}
