/**
 * COinS (an OpenURL ContextObject in a span's title) for list pages, so
 * Zotero's connector offers to save several entries at once. Entry pages
 * carry none: Zotero would prefer it to their richer meta tags.
 */
import { dateString, nameDisplay } from '../model/facts.ts';
import { publicationType } from '../model/publication-types.ts';
import type { LinkedEntry } from '../model/types.ts';

export function coins(e: LinkedEntry): string {
  const pairs: Array<[string, string | undefined]> = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'],
    ['rfr_id', 'info:sid/kildebank'],
    ['rft.genre', publicationType(e.type).coinsGenre],
    ['rft.btitle', e.fullTitle],
  ];
  const first = e.persons[0];
  if (first) pairs.push(['rft.aulast', first.family], ['rft.aufirst', first.given]);
  for (const p of e.persons.slice(1)) pairs.push(['rft.au', nameDisplay(p)]);
  for (const c of e.corporateAuthors) pairs.push(['rft.aucorp', c]);
  pairs.push(['rft.date', dateString(e)]);
  pairs.push(['rft.pub', e.csl.publisher], ['rft.place', e.place], ['rft.series', e.series]);
  for (const isbn of e.isbn) pairs.push(['rft.isbn', isbn]);
  for (const issn of e.issn) pairs.push(['rft.issn', issn]);
  if (e.doi) pairs.push(['rft_id', `info:doi/${e.doi}`]);
  if (e.fullTextUrl) pairs.push(['rft_id', e.fullTextUrl]);
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}
