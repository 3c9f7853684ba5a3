/**
 * Check every cell of a mapped CSV table against its column and give back the
 * cleaned values by field, with positions, for the per-file normalisers.
 * Every problem names the row as the spreadsheet numbers it and the row's key.
 */
import type { ColumnSpec } from '../model/columns.ts';
import { inRecord, warning, type Position, type Problem, type RecordRef } from '../model/problems.ts';
import { checkCell } from './cells.ts';
import { keyColumn, recordName, type LeftOutRow, type TableRecord } from './table.ts';

export interface CheckedRecord<F extends string> {
  file: string;
  line: number;
  row: number;
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
 * `leftOut` names the rows that cannot be built, by id, with the error that left them out.
 */
export function checkRecords<C extends readonly ColumnSpec[]>(
  records: TableRecord<C[number]['field']>[],
  columns: C,
  present?: ReadonlySet<C[number]['field']>,
): { records: CheckedRecord<C[number]['field']>[]; problems: Problem[]; leftOut: LeftOutRow[] } {
  type F = C[number]['field'];
  const problems: Problem[] = [];
  const leftOut: LeftOutRow[] = [];
  const out: CheckedRecord<F>[] = [];
  const key = keyColumn(columns);
  for (const record of records) {
    const values: Partial<Record<F, string>> = {};
    const at: Partial<Record<F, Position & { field: string }>> = {};
    const rejected: F[] = [];
    const id = key ? record.cells[key.field as F]?.value.trim() : undefined;
    const ref: RecordRef | undefined = key && id ? { column: key.header, id: recordName(id) } : undefined;
    const context = { row: record.row, ...(ref ? { record: ref } : {}) };
    let complete = true;
    let cause: Position | undefined;
    for (const spec of columns) {
      const field = spec.field as F;
      const cell = record.cells[field];
      at[field] = { file: record.file, line: cell?.line ?? record.line, column: cell?.column ?? 1, field: spec.header, ...context };
      if (!cell && present && !present.has(field)) {
        if (spec.required) complete = false;
        continue;
      }
      const checked = checkCell(spec, cell, record.file, record.line);
      const placed = checked.problems.map((p) => inRecord(p, record.row, ref));
      problems.push(...placed);
      if (checked.value !== undefined) values[field] = checked.value;
      else {
        if (spec.required) {
          complete = false;
          cause ??= placed.find((p) => p.severity === 'error');
        }
        if (checked.problems.some((p) => p.severity === 'error')) rejected.push(field);
      }
    }
    // A row left out because of its own error: references to it are explained by that error, not called missing.
    if (!complete && id && cause) leftOut.push({ id, cause });
    out.push({ file: record.file, line: record.line, row: record.row, values, at, complete, rejected });
  }
  problems.push(...leadingZerosLost(out, columns));
  return { records: out, problems, leftOut };
}

/**
 * Numbers that lost their leading zero in a spreadsheet (`01` → `1`), found by
 * comparison: when other rows write the column's numbers with leading zeros
 * (`01-2016`, `07`), a number with fewer digits than theirs has lost one.
 */
function leadingZerosLost<F extends string>(records: CheckedRecord<F>[], columns: readonly ColumnSpec[]): Problem[] {
  const problems: Problem[] = [];
  const spec = columns.find((c) => c.field === 'number');
  if (!spec) return problems;
  const field = spec.field as F;
  const lead = (v: string) => /^(\d+)(.*)$/.exec(v);
  const padded = records.map((r) => r.values[field]).filter((v): v is string => v !== undefined && /^0\d/.test(v));
  if (padded.length === 0) return problems;
  // Compared with padded numbers of the same shape only ('01-2016' with '1-2016', '07' with '7').
  const shape = (rest: string) => rest.replace(/\d/g, '9');
  const widths = new Map<string, { width: number; example: string }>();
  for (const v of padded) {
    const m = lead(v)!;
    const known = widths.get(shape(m[2]!));
    if (!known || m[1]!.length > known.width) widths.set(shape(m[2]!), { width: m[1]!.length, example: known?.example ?? v });
  }
  for (const r of records) {
    const v = r.values[field];
    const m = v === undefined ? null : lead(v);
    const same = m ? widths.get(shape(m[2]!)) : undefined;
    if (!m || !same || m[1]!.length >= same.width || m[1]!.startsWith('0')) continue;
    const { width, example } = same;
    const at = r.at[field]!;
    problems.push(warning('leading-zero-lost', at, { value: v!, padded: `${m[1]!.padStart(width, '0')}${m[2]}`, example }, spec.header));
  }
  return problems;
}
