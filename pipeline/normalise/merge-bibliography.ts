/**
 * Merge bibliography drafts from the CSV and from BibTeX files into one record
 * per work. A BibTeX entry joins a CSV record with the same key, DOI, ISBN or
 * normalised title and year; the CSV (curated by the librarian) wins field by
 * field, and every conflicting value is reported. Two records of one source
 * with the same key, or the same work under two keys, are errors.
 */
import { error, warning, type Problem } from '../model/problems.ts';
import { BIBLIOGRAPHY_COLUMNS, isListKind } from '../model/columns.ts';
import type { BibDraft } from '../model/drafts.ts';
import { fullTitle, nameInverted } from '../model/facts.ts';
import type { PersonName } from '../model/columns.ts';

/** A title as the duplicate check compares it: without accents, case or punctuation. */
export const normaliseTitle = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nb')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const normaliseIsbn = (i: string) => i.replace(/[^0-9X]/gi, '').toUpperCase();

function workIds(d: BibDraft): string[] {
  const ids = [`key:${d.key}`];
  if (d.doi) ids.push(`doi:${d.doi.toLowerCase()}`);
  for (const i of d.isbn) ids.push(`isbn:${normaliseIsbn(i)}`);
  // Same title and year only means the same work within one type: a report and
  // the booklet that sums it up may share a title.
  if (d.year !== undefined) ids.push(`title:${d.type}:${normaliseTitle([d.title, d.subtitle].filter(Boolean).join(' '))}:${d.year}`);
  return ids;
}

/**
 * Whether two records with the same key describe the same work: they share a
 * DOI or an ISBN, or one's normalised title (with or without subtitle) begins
 * with the other's (a .bib title often carries the subtitle after a colon).
 */
function sameWork(a: BibDraft, b: BibDraft): boolean {
  if (a.doi && b.doi && a.doi.toLowerCase() === b.doi.toLowerCase()) return true;
  const isbns = new Set(a.isbn.map(normaliseIsbn));
  if (b.isbn.some((i) => isbns.has(normaliseIsbn(i)))) return true;
  const titles = (d: BibDraft) => [normaliseTitle(d.title), normaliseTitle(fullTitle(d))];
  return titles(a).some((x) => titles(b).some((y) => x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x))));
}

const where = (d: BibDraft) => d.sources.map((s) => `${s.file}:${s.line}`).join(', ');

/** Fields merged value by value, and fields merged as whole lists: every column but the key, by kind. */
const SCALAR_FIELDS = BIBLIOGRAPHY_COLUMNS.filter((c) => c.field !== 'key' && c.kind !== 'persons' && !isListKind(c.kind)).map(
  (c) => c.field,
);
const LIST_FIELDS = [
  ...BIBLIOGRAPHY_COLUMNS.filter((c) => c.kind === 'persons' || isListKind(c.kind)).map((c) => c.field),
  'publisherNames' as const,
];

/** A value for a message: text in quotes, persons as "Etternavn, Fornavn; …". */
function show(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => (v && typeof v === 'object' && 'family' in v ? nameInverted(v as PersonName) : String(v)));
    return `'${items.join('; ')}'`;
  }
  return `'${String(value)}'`;
}

/** Fill the CSV record's empty fields from the BibTeX one; report conflicts. */
function mergeInto(csv: BibDraft, bib: BibDraft, problems: Problem[]): BibDraft {
  const merged: BibDraft = { ...csv, sources: [...csv.sources, ...bib.sources], at: { ...bib.at, ...csv.at } };
  const rejected = [...new Set([...(csv.rejected ?? []), ...(bib.rejected ?? [])])];
  if (rejected.length > 0) merged.rejected = rejected;
  const record = merged as unknown as Record<string, unknown>;
  const conflict = (field: string, a: unknown, b: unknown) => {
    const at = csv.at[field] ?? { file: csv.sources[0]!.file, line: csv.sources[0]!.line, column: 1, field };
    problems.push(warning('merge-conflict', at, { key: csv.key, where: where(bib), here: show(a), there: show(b) }, at.field));
  };
  for (const f of SCALAR_FIELDS) {
    const a = (csv as unknown as Record<string, unknown>)[f];
    const b = (bib as unknown as Record<string, unknown>)[f];
    if (b === undefined) continue;
    if (a === undefined) record[f] = b;
    else if (String(a).trim().toLocaleLowerCase('nb') !== String(b).trim().toLocaleLowerCase('nb')) conflict(f, a, b);
  }
  for (const f of LIST_FIELDS) {
    const a = (csv as unknown as Record<string, unknown>)[f] as unknown[];
    const b = (bib as unknown as Record<string, unknown>)[f] as unknown[];
    if (b.length === 0) continue;
    if (a.length === 0) record[f] = b;
    else if (JSON.stringify(a) !== JSON.stringify(b) && f !== 'publisherNames' && f !== 'keywords') conflict(f, a, b);
  }
  return merged;
}

function sameWhat(id: string, d: BibDraft): { same: 'doi' | 'isbn' | 'title'; value: string; type?: string } {
  if (id.startsWith('doi:')) return { same: 'doi', value: d.doi ?? '' };
  if (id.startsWith('isbn:')) return { same: 'isbn', value: d.isbn.find((i) => `isbn:${normaliseIsbn(i)}` === id) ?? id.slice(5) };
  return { same: 'title', value: String(d.year), type: d.type };
}

export function mergeBibliography(csvDrafts: BibDraft[], bibDrafts: BibDraft[]): { drafts: BibDraft[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, BibDraft>();
  const result: BibDraft[] = [];
  const indexOf = new Map<BibDraft, number>();
  const firstPos = (d: BibDraft) => d.at.key ?? { file: d.sources[0]!.file, line: d.sources[0]!.line, column: 1, field: 'Nøkkel' };

  // Within the CSV and across BibTeX files: a second record with a known key or identifier is a duplicate.
  const addUnique = (d: BibDraft, source: 'csv' | 'bib') => {
    for (const id of workIds(d)) {
      const other = byId.get(id);
      if (!other) continue;
      const sameKey = id.startsWith('key:');
      const otherIsCsv = other.sources[0]!.file.endsWith('.csv');
      if (source === 'bib' && otherIsCsv && sameKey && !sameWork(other, d)) {
        // One key, two different works: not a match but a clash.
        problems.push(
          error(
            'duplicate-key',
            firstPos(d),
            { variant: 'two-works', key: d.key, title: fullTitle(d), otherTitle: fullTitle(other), where: where(other) },
            firstPos(d).field,
          ),
        );
        return;
      }
      if (source === 'bib' && otherIsCsv) {
        const merged = mergeInto(other, d, problems);
        const index = indexOf.get(other)!;
        result[index] = merged;
        indexOf.set(merged, index);
        for (const mid of workIds(merged)) byId.set(mid, merged);
        return;
      }
      problems.push(
        sameKey
          ? error('duplicate-key', firstPos(d), { variant: 'twice', key: d.key, where: where(other) }, firstPos(d).field)
          : error(
              'duplicate-work',
              firstPos(d),
              { key: d.key, otherKey: other.key, where: where(other), ...sameWhat(id, d) },
              firstPos(d).field,
            ),
      );
      return;
    }
    indexOf.set(d, result.push(d) - 1);
    for (const id of workIds(d)) byId.set(id, d);
  };
  for (const d of csvDrafts) addUnique(d, 'csv');
  for (const d of bibDrafts) addUnique(d, 'bib');
  return { drafts: result, problems };
}
