/**
 * COinS (an OpenURL ContextObject in a span's title) for list pages, so
 * Zotero's connector offers to save several entries at once. Entry pages
 * carry none: Zotero would prefer it to their richer meta tags.
 *
 * The format and genre come from the publication type's row. Zotero's
 * openurl.js reads `rft.btitle` only for books and reports, so every other
 * type uses the Dublin Core format with `rft.type` (the Zotero item type) and
 * `rft.title`. Creators are all `rft.au`, in order: `rft.aucorp` would be put
 * first whatever its place. Organisations are written "Name," (one name).
 */
import { dateString, nameInverted } from '../model/facts.ts';
import { publicationType } from '../model/publication-types.ts';
import type { LinkedEntry } from '../model/types.ts';

const FORMATS = {
  book: 'info:ofi/fmt:kev:mtx:book',
  journal: 'info:ofi/fmt:kev:mtx:journal',
  dc: 'info:ofi/fmt:kev:mtx:dc',
} as const;

export function coins(e: LinkedEntry): string {
  const spec = publicationType(e.type);
  const format = spec.coins.format;
  const pairs: Array<[string, string | undefined]> = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', FORMATS[format]],
    ['rfr_id', 'info:sid/kildebank'],
  ];
  if (spec.coins.format === 'dc') pairs.push(['rft.type', spec.zotero.itemType], ['rft.title', e.fullTitle]);
  else if (spec.coins.format === 'journal') pairs.push(['rft.genre', spec.coins.genre], ['rft.atitle', e.fullTitle]);
  else pairs.push(['rft.genre', spec.coins.genre], ['rft.btitle', e.fullTitle]);
  for (const p of e.persons) pairs.push(['rft.au', nameInverted(p)]);
  for (const c of e.corporateAuthors) pairs.push(['rft.au', `${c},`]);
  pairs.push(['rft.date', dateString(e)]);
  pairs.push(['rft.pub', e.csl.publisher], ['rft.place', e.place], ['rft.series', e.series]);
  for (const isbn of e.isbn) pairs.push(['rft.isbn', isbn]);
  for (const issn of e.issn) pairs.push(['rft.issn', issn]);
  if (e.doi) pairs.push(['rft_id', `info:doi/${e.doi}`]);
  if (e.fullTextUrl) pairs.push(['rft_id', e.fullTextUrl]);
  pairs.push(['rft.language', e.language], ['rft.description', e.abstract?.text]);
  for (const k of e.keywords) pairs.push(['rft.subject', k]);
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}
