/**
 * A checked CSV row → the fields of a draft, one per column, each value
 * converted by its column's kind (lists split, persons parsed, years as
 * numbers). The same for every file: the columns say what to do.
 */
import { splitList } from '../check/cells.ts';
import type { CheckedRecord } from '../check/records.ts';
import { isListKind, type ColumnSpec, type DraftFields, type PersonName } from '../model/columns.ts';

/** "Etternavn, Fornavn; Etternavn, Fornavn" → persons. */
export function parsePersons(value: string | undefined): PersonName[] {
  return splitList(value).map((p) => {
    const [family, ...given] = p.split(',');
    const g = given.join(',').trim();
    return g ? { family: family!.trim(), given: g } : { family: family!.trim() };
  });
}

export function draftFields<C extends readonly ColumnSpec[]>(columns: C, record: CheckedRecord<C[number]['field']>): DraftFields<C> {
  const out: Record<string, unknown> = {};
  const values = record.values as Partial<Record<string, string>>;
  for (const column of columns) {
    const raw = values[column.field];
    if (column.kind === 'persons') out[column.field] = parsePersons(raw);
    else if (isListKind(column.kind)) out[column.field] = splitList(raw);
    else if (raw === undefined || raw === '') continue;
    else if (column.kind === 'year') out[column.field] = Number(raw);
    else out[column.field] = raw;
  }
  return out as DraftFields<C>;
}
