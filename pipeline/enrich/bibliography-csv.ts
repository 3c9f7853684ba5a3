/**
 * The bibliography back in the librarians' own CSV format (the columns of
 * bibliografi.csv, `;`-separated UTF-8 with BOM), so a downloaded file can be
 * edited and dropped into another Kildebank. Each cell is written from its
 * column's kind, so every column is in the download.
 */
import { stringify } from 'csv-stringify/sync';
import { BIBLIOGRAPHY_COLUMNS, type ColumnSpec, type PersonName } from '../model/columns.ts';
import { nameInverted } from '../model/facts.ts';
import type { LinkedEntry, Link, Rendered } from '../model/types.ts';

/** A column's value as the librarian writes it in the cell. */
function cell(column: ColumnSpec, value: unknown): string {
  if (value === undefined) return '';
  if (column.kind === 'persons') return (value as PersonName[]).map(nameInverted).join('; ');
  if (column.kind === 'markdown') return (value as Rendered).markdown;
  if (column.refers) return (Array.isArray(value) ? (value as Link[]) : [value as Link]).map((l) => l.id).join('; ');
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

export function bibliographyCsv(entries: LinkedEntry[]): string {
  const header = BIBLIOGRAPHY_COLUMNS.map((c) => c.header);
  const rows = entries.map((e) => BIBLIOGRAPHY_COLUMNS.map((c) => cell(c, (e as unknown as Record<string, unknown>)[c.field])));
  return '\ufeff' + stringify([header, ...rows], { delimiter: ';', record_delimiter: 'unix' });
}
