/**
 * The BibLaTeX export, written field by field. Every value goes through
 * lib/latex.ts, so no value can end its field, add a field or an entry, or run
 * a LaTeX command; the entry types and fields are those biblatex's standard
 * data model allows for the type (`biber --tool --validate-datamodel` is
 * silent), and Zotero, pandoc and citation-js read them back.
 */
import { LANGID, latexEscape, latexFromMarkup, latexVerbatim } from '../lib/latex.ts';
import { dateString } from '../model/facts.ts';
import { publicationType, type BiblatexEntryType } from '../model/publication-types.ts';
import type { LinkedEntry } from '../model/types.ts';
import { issuingInstitution } from './meta-tags.ts';

/** Which optional fields each entry type has in biblatex's standard data model (blx-dm.def / biber-tool.conf). */
const FIELDS: Record<BiblatexEntryType, ReadonlySet<string>> = {
  report: new Set(['institution', 'location', 'number', 'type', 'pagetotal']),
  book: new Set(['publisher', 'location', 'series', 'number', 'isbn', 'pagetotal']),
  article: new Set(['journaltitle', 'issn', 'number', 'series']),
  misc: new Set(['organization', 'location', 'type']),
  online: new Set(['organization']),
  unpublished: new Set(['location', 'type', 'eventtitle', 'venue', 'eventdate']),
};

/** Fields every entry type has (the data model's global entry fields, plus author and title where used). */
const GLOBAL: ReadonlySet<string> = new Set([
  'author',
  'title',
  'entrysubtype',
  'date',
  'year',
  'month',
  'doi',
  'url',
  'urldate',
  'langid',
  'abstract',
  'keywords',
]);

/** A name part, braced when biblatex would otherwise split it (a comma, or "and" as a word). */
const namePart = (s: string) => {
  const escaped = latexEscape(s);
  return /,|\band\b/i.test(s) ? `{${escaped}}` : escaped;
};

/** The entry's creators as a BibLaTeX name list: persons "Family, Given", organisations whole in braces. */
function names(e: LinkedEntry): string | undefined {
  const list = [
    ...e.persons.map((p) => (p.given ? `${namePart(p.family)}, ${namePart(p.given)}` : namePart(p.family))),
    ...e.corporateAuthors.map((c) => `{${latexEscape(c)}}`),
  ];
  return list.length > 0 ? list.join(' and ') : undefined;
}

/** The BibLaTeX entry type for this entry: @online needs a URL or DOI, else it is @misc. */
function entryTypeOf(e: LinkedEntry): BiblatexEntryType {
  const entry = publicationType(e.type).biblatex.entry;
  return entry === 'online' && !e.fullTextUrl && !e.doi ? 'misc' : entry;
}

export function toBiblatex(e: LinkedEntry): string {
  const spec = publicationType(e.type);
  const entry = entryTypeOf(e);
  const allowed = FIELDS[entry];
  const fields: Array<[string, string]> = [];
  /** Add a field whose value is already LaTeX. */
  const addLatex = (name: string, latex: string | undefined) => {
    if (latex === undefined || latex === '') return;
    if (!GLOBAL.has(name) && !allowed.has(name)) return;
    fields.push([name, latex]);
  };
  const add = (name: string, text: string | undefined) => addLatex(name, text === undefined ? undefined : latexEscape(text));

  addLatex('author', names(e));
  // The whole title in an extra group: biblatex then keeps its case as written (no sentence-casing of English titles).
  addLatex('title', `{${latexFromMarkup(e.fullTitle)}}`);
  const label = entry === 'misc' && spec.biblatex.entry === 'online' ? 'type' : spec.biblatex.label;
  if (entry === 'report') {
    // biblatex's @report has no series: the series is its type ("TemaNord"), and its number the report's number.
    add('type', e.series ?? spec.genre);
    add('number', e.number);
  } else {
    if (label === 'type') add('type', spec.genre);
    if (label === 'entrysubtype') add('entrysubtype', spec.genre);
    add('series', e.series);
    add('number', e.number);
  }
  if (spec.zotero.eventTitle) add('eventtitle', e.fullTitle);
  add('institution', issuingInstitution(e));
  add('publisher', e.csl.publisher);
  add('organization', e.csl.publisher);
  add('location', e.place);
  if (spec.zotero.eventTitle) add('venue', e.place);
  const date = dateString(e);
  if (date) {
    add('date', date);
    if (spec.zotero.eventTitle) add('eventdate', date);
    add('year', date.slice(0, 4));
    if (date.length >= 7) add('month', String(Number(date.slice(5, 7))));
  } else {
    // No date is known. biblatex's data model requires one, and ISO 8601-2's "year unspecified" is what is true.
    add('date', 'XXXX');
  }
  for (const isbn of e.isbn.slice(0, 1)) add('isbn', isbn);
  for (const issn of e.issn.slice(0, 1)) add('issn', issn);
  if (e.pages && /^\d+$/.test(e.pages)) add('pagetotal', e.pages);
  addLatex('doi', e.doi && latexVerbatim(e.doi));
  addLatex('url', e.fullTextUrl && latexVerbatim(e.fullTextUrl));
  // When the page was read (Lest dato): biblatex prints it with the URL.
  if (e.fullTextUrl && e.accessed) add('urldate', e.accessed);
  if (e.language && LANGID[e.language]) add('langid', LANGID[e.language]);
  add('abstract', e.abstract?.text);
  if (e.keywords.length > 0) add('keywords', e.keywords.join(', '));

  return `@${entry}{${e.key},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}\n`;
}
