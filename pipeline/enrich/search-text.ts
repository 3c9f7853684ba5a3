/**
 * An entry's searchable texts: what the site's word list (/sok/ord.json,
 * site/_config/search-vocabulary.js) counts for the entry's page. The lists
 * and indexes then need not read the entries themselves.
 */
import type { LinkedEntry } from '../model/types.ts';

export function searchText(e: LinkedEntry): string[] {
  return [
    e.fullTitle,
    e.typeLabel,
    e.authorsDisplay,
    ...(e.publisherNames ?? []),
    e.abstract?.markdown,
    e.note?.markdown,
    ...(e.keywords ?? []),
    e.series,
    e.place,
  ].filter((t): t is string => Boolean(t));
}
