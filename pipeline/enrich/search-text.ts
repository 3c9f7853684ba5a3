/**
 * What search finds an entry by. The entry page's text gives the title,
 * abstract and note; {@link searchFacts} gives the facts a researcher or
 * librarian searches for that the page shows only as a labelled list (which
 * Pagefind does not index): they become the page's `facts` metadata
 * (site/_includes/entry-page.njk). {@link searchText} is their words, for the
 * site's word list (/sok/ord.json, site/_config/search-vocabulary.js), so that
 * the lists and indexes need not read the entries themselves.
 */
import { nameDisplay } from '../model/facts.ts';
import type { LinkedEntry } from '../model/types.ts';

/** Who wrote, did, commissioned and published the entry, and its series. */
function names(e: LinkedEntry): Array<string | undefined> {
  return [
    ...e.persons.map(nameDisplay),
    ...e.corporateAuthors,
    ...e.performers.map((o) => o.label),
    ...e.commissioners.map((o) => o.label),
    ...e.publishers.map((o) => o.label),
    ...e.publisherNames,
    e.series,
  ];
}

/** The entry's number in its series and its identifiers: searched as typed, never words to correct. */
function identifiers(e: LinkedEntry): Array<string | undefined> {
  return [e.number, ...e.isbn, ...e.issn, e.doi, e.handle];
}

const present = (values: Array<string | undefined>): string[] => values.filter((v): v is string => Boolean(v));

/**
 * The values of an entry's facts that search finds it by: who wrote, did,
 * commissioned and published it, its series and number, its identifiers and
 * keywords; each once, in that order. Not the labels, nor what is not searched
 * for or would only match noise: year, date and type (the `year` and `type`
 * metadata and the filters serve them), place of publication, pages, language,
 * URLs, the date read.
 */
export function searchFacts(e: LinkedEntry): string[] {
  return [...new Set(present([...names(e), ...identifiers(e), ...e.keywords]))];
}

/**
 * An entry's searchable words: its page's text and its {@link searchFacts}
 * but the identifiers (a DOI such as 10.94610/tromso-kommune-2019 would teach
 * the word list "tromso", and a query for it would then not be read as
 * «Tromsø»).
 */
export function searchText(e: LinkedEntry): string[] {
  return present([e.fullTitle, e.typeLabel, e.abstract?.markdown, e.note?.markdown, ...names(e), ...e.keywords]);
}
