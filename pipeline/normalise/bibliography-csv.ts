/** Bibliography CSV rows → bibliography drafts. */
import type { BibliographyField } from '../model/columns.ts';
import type { PublicationType } from '../model/publication-types.ts';
import type { Person } from '../model/types.ts';
import { splitList } from '../check/cells.ts';
import type { CheckedRecord } from '../check/records.ts';
import type { BibDraft } from '../model/drafts.ts';
import { withOptional } from '../lib/with-optional.ts';

/** "Etternavn, Fornavn; Etternavn, Fornavn" → persons. */
export function parsePersons(value: string | undefined): Person[] {
  return splitList(value).map((p) => {
    const [family, ...given] = p.split(',');
    const g = given.join(',').trim();
    return g ? { family: family!.trim(), given: g } : { family: family!.trim() };
  });
}

const optional = <T extends string>(v: T | undefined) => (v === undefined || v === '' ? undefined : v);

export function bibDraftFromCsv(record: CheckedRecord<BibliographyField>): BibDraft {
  const v = record.values;
  const year = v.year ? Number(v.year) : v.date ? Number(v.date.slice(0, 4)) : undefined;
  const draft: BibDraft = {
    key: v.key!,
    type: v.type as PublicationType,
    title: v.title!,
    persons: parsePersons(v.authors),
    corporateAuthors: splitList(v.corporateAuthors),
    performers: splitList(v.performers),
    commissioners: splitList(v.commissioners),
    publishers: splitList(v.publishers),
    publisherNames: [],
    isbn: splitList(v.isbn),
    issn: splitList(v.issn),
    keywords: splitList(v.keywords),
    sources: [{ file: record.file, line: record.line }],
    // The persons come from the 'Forfatter' cell ('authors' in the CSV record).
    at: record.at.authors ? { ...record.at, persons: record.at.authors } : record.at,
  };
  const extras: Partial<BibDraft> = {
    subtitle: optional(v.subtitle),
    year,
    date: optional(v.date),
    place: optional(v.place),
    series: optional(v.series),
    number: optional(v.number),
    pages: optional(v.pages),
    language: optional(v.language),
    url: optional(v.url),
    pdfUrl: optional(v.pdfUrl),
    doi: optional(v.doi),
    handle: optional(v.handle),
    abstract: optional(v.abstract),
    note: optional(v.note),
    dateAdded: optional(v.dateAdded),
  };
  // Draft fields are named as the CSV's, except the persons in 'Forfatter'.
  if (record.rejected.length > 0) draft.rejected = record.rejected.map((f) => (f === 'authors' ? 'persons' : f));
  return withOptional(draft, extras);
}
