/**
 * Highwire Press `citation_*`, Dublin Core and Zotero meta tags for an entry
 * page, the tags Zotero's Embedded Metadata translator and Google Scholar
 * read. A report names its institution, so Zotero saves it as a report with
 * its number; every other type names its Zotero item type (`z.itemType`),
 * which Zotero prefers to its guess from `citation_title` (a journal article).
 * `DC.type` is the Norwegian genre, which Zotero copies into the item's type
 * field. Organisations are written "Name," so that Zotero keeps them as one
 * name (see docs/for-forskere.md). Tags that need the page's own URL are added
 * by the site.
 */
import { dateString, nameInverted } from '../model/facts.ts';
import { isReport, publicationType } from '../model/publication-types.ts';
import type { LinkedEntry } from '../model/types.ts';

/**
 * A meta tag: its content, or a path on the site that the site writes as an
 * absolute URL (and leaves out when it has no public address, SITE_URL).
 */
export type MetaTag = { name: string; content: string } | { name: string; sitePath: string };

/** Who issued a report: its publisher, else who did the work, else its corporate author. */
export function issuingInstitution(e: LinkedEntry): string | undefined {
  return e.issuedBy[0] ?? e.corporateAuthors[0];
}

/** '2016-03' → '2016/03', as Highwire dates are written. */
const highwireDate = (e: LinkedEntry) => dateString(e)?.replace(/-/g, '/');

export function metaTags(e: LinkedEntry): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined) => {
    if (content !== undefined && content.trim() !== '') tags.push({ name, content: content.replace(/\s+/g, ' ').trim() });
  };
  const spec = publicationType(e.type);
  // Zotero's Embedded Metadata splits "Nordisk ministerråd" into given and family name, but not "Nordisk ministerråd,".
  const authors = [...e.persons.map(nameInverted), ...e.corporateAuthors.map((c) => `${c},`)];
  const publisher = e.csl.publisher;

  add('z.itemType', spec.zotero.itemType);
  add('citation_title', e.fullTitle);
  for (const a of authors) add('citation_author', a);
  add('citation_publication_date', highwireDate(e));
  if (isReport(e.type)) {
    add('citation_technical_report_institution', issuingInstitution(e));
    add('citation_technical_report_number', e.number);
  }
  add('citation_series_title', e.series);
  add('citation_publisher', publisher);
  add('eprints.place_of_pub', e.place);
  if (spec.zotero.eventTitle) {
    add('eprints.event_title', e.fullTitle);
    add('eprints.event_location', e.place);
  }
  for (const isbn of e.isbn) add('citation_isbn', isbn);
  for (const issn of e.issn) add('citation_issn', issn);
  add('citation_doi', e.doi);
  add('citation_language', e.language);
  if (e.keywords.length > 0) add('citation_keywords', e.keywords.join('; '));
  add('citation_abstract', e.abstract?.text);
  add('citation_pdf_url', e.pdfUrl);

  add('DC.title', e.fullTitle);
  for (const a of authors) add('DC.creator', a);
  add('DC.date', dateString(e));
  add('DC.type', spec.genre);
  add('DC.publisher', publisher);
  add('DC.language', e.language);
  for (const isbn of e.isbn) add('DC.identifier', `urn:isbn:${isbn.replace(/[^0-9X]/gi, '')}`);
  if (e.doi) add('DC.identifier', `https://doi.org/${e.doi}`);
  // No DC.description: with z.itemType, Zotero would copy it into Extra as well as the abstract (citation_abstract).
  for (const k of e.keywords) add('DC.subject', k);
  // Where the work can be read: its full text, else this page (which needs the site's public address).
  if (e.fullTextUrl) add('citation_public_url', e.fullTextUrl);
  else tags.push({ name: 'citation_public_url', sitePath: e.url });
  tags.push({ name: 'citation_abstract_html_url', sitePath: e.url });
  return tags;
}
