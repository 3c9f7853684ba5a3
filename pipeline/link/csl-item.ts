/** A bibliography draft as a CSL-JSON item: the form citation tools read. */
import { fullTitle } from '../model/facts.ts';
import { publicationType } from '../model/publication-types.ts';
import type { CslItem } from '../model/types.ts';
import type { BibDraft } from '../model/drafts.ts';

export function toCslItem(d: BibDraft, publisherNames: string[], abstractText: string | undefined): CslItem {
  const { csl } = publicationType(d.type);
  const item: CslItem = { id: d.key, type: csl.type, title: fullTitle(d) };
  const authors = [...d.persons.map((p) => ({ ...p })), ...d.corporateAuthors.map((literal) => ({ literal }))];
  if (authors.length > 0) item.author = authors;
  if (d.date) item.issued = { 'date-parts': [d.date.split('-').map(Number)] };
  else if (d.year !== undefined) item.issued = { 'date-parts': [[d.year]] };
  if (publisherNames.length > 0) item.publisher = publisherNames.join('; ');
  if (d.place) item['publisher-place'] = d.place;
  if (d.series) item['collection-title'] = d.series;
  // A number within a series is the series number ("Rapport 1-2016"); alone it is the report's number.
  if (d.number) {
    if (d.series) item['collection-number'] = d.number;
    else item.number = d.number;
  }
  const { citation } = publicationType(d.type);
  const genre = citation.genre ?? csl.genre;
  if (genre) item.genre = genre;
  if (citation.medium) item.medium = citation.medium;
  if (d.isbn[0]) item.ISBN = d.isbn[0];
  if (d.issn[0]) item.ISSN = d.issn[0];
  if (d.doi) item.DOI = d.doi;
  if (d.fullTextUrl) item.URL = d.fullTextUrl;
  // When the source was read: each style decides whether to print it (see cite/reference-rules.ts).
  if (d.accessed) item.accessed = { 'date-parts': [d.accessed.split('-').map(Number)] };
  if (d.language) item.language = d.language;
  if (d.pages) item['number-of-pages'] = d.pages;
  if (abstractText) item.abstract = abstractText;
  if (d.keywords.length > 0) item.keyword = d.keywords.join(', ');
  return item;
}
