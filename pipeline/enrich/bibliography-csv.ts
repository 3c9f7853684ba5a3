/**
 * The bibliography back in the librarians' own CSV format (the columns of
 * bibliografi.csv, `;`-separated UTF-8 with BOM), so a downloaded file can be
 * edited and dropped into another Kildebank.
 */
import { stringify } from 'csv-stringify/sync';
import { BIBLIOGRAPHY_COLUMNS, type BibliographyField } from '../model/columns.ts';
import type { LinkedEntry } from '../model/types.ts';

function cells(e: LinkedEntry): Record<BibliographyField, string> {
  const list = (values: string[]) => values.join('; ');
  const ids = (links: Array<{ id: string }>) => list(links.map((l) => l.id));
  return {
    key: e.key,
    type: e.type,
    title: e.title,
    subtitle: e.subtitle ?? '',
    authors: list(e.persons.map((p) => (p.given ? `${p.family}, ${p.given}` : p.family))),
    corporateAuthors: list(e.corporateAuthors),
    year: e.year !== undefined ? String(e.year) : '',
    date: e.date ?? '',
    performers: ids(e.performers),
    commissioners: ids(e.commissioners),
    publishers: ids(e.publishers),
    place: e.place ?? '',
    series: e.series ?? '',
    number: e.number ?? '',
    isbn: list(e.isbn),
    issn: list(e.issn),
    pages: e.pages ?? '',
    language: e.language ?? '',
    url: e.fullTextUrl ?? '',
    pdfUrl: e.pdfUrl ?? '',
    doi: e.doi ?? '',
    handle: e.handle ?? '',
    abstract: e.abstractMarkdown ?? '',
    keywords: list(e.keywords),
    note: e.noteMarkdown ?? '',
    dateAdded: e.dateAdded ?? '',
  };
}

export function bibliographyCsv(entries: LinkedEntry[]): string {
  const header = BIBLIOGRAPHY_COLUMNS.map((c) => c.header);
  const rows = entries.map((e) => {
    const c = cells(e);
    return BIBLIOGRAPHY_COLUMNS.map((col) => c[col.field]);
  });
  return '\ufeff' + stringify([header, ...rows], { delimiter: ';', record_delimiter: 'unix' });
}
