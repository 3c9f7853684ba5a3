/**
 * An entry as the files reference managers import. BibLaTeX comes from
 * citation-js (with our keys and UTF-8, see lib/citation-js.ts). RIS is written
 * here, tag by tag as Zotero's RIS translator reads it, because citation-js
 * breaks RIS values mid-word and files a report's number under two tags.
 */
import { plugins } from '../lib/citation-js.ts';
import { nameInverted } from '../model/facts.ts';
import { publicationType, type PublicationType } from '../model/publication-types.ts';
import type { CslItem } from '../model/types.ts';

/** CSL as citation-js's BibLaTeX mapping expects it: a series number is the entry's number. */
function forBiblatex(item: CslItem): CslItem {
  const out: CslItem = { ...item };
  if (out['collection-number'] !== undefined && out.number === undefined) out.number = out['collection-number'];
  return out;
}

export function toBiblatex(item: CslItem): string {
  return (plugins.output.format('biblatex', [forBiblatex(item)]) as string).trim() + '\n';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function toRis(item: CslItem, publication: PublicationType): string {
  const type = publicationType(publication).ris;
  const lines: Array<[string, string | undefined]> = [['TY', type]];
  for (const a of item.author ?? []) lines.push(['AU', 'literal' in a ? a.literal : nameInverted(a)]);
  lines.push(['TI', item.title]);
  const parts = item.issued?.['date-parts'][0];
  if (parts) {
    lines.push(['PY', String(parts[0])]);
    lines.push([
      'DA',
      `${parts[0]}/${parts[1] ? String(parts[1]).padStart(2, '0') : ''}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/`,
    ]);
  }
  lines.push(['T2', item['collection-title']]);
  // Zotero reads SN as a report's number, and as the ISBN of other types.
  lines.push(['SN', type === 'RPRT' ? (item['collection-number'] ?? item.number) : item.ISBN]);
  if (type !== 'RPRT') lines.push(['M1', item['collection-number'] ?? item.number]);
  lines.push(['PB', item.publisher], ['CY', item['publisher-place']], ['SP', item['number-of-pages']]);
  const accessed = item.accessed?.['date-parts'][0];
  // Zotero's RIS translator reads Y2 as the access date ("Accessed").
  if (accessed) lines.push(['Y2', accessed.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('/')]);
  lines.push(['DO', item.DOI], ['UR', item.URL], ['LA', item.language], ['AB', item.abstract]);
  for (const k of (item.keyword ?? '').split(',')) lines.push(['KW', k]);
  lines.push(['ID', item.id]);
  const body = lines
    .filter((l): l is [string, string] => l[1] !== undefined && oneLine(l[1]) !== '')
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return [...body, 'ER  - '].join('\r\n') + '\r\n';
}

export function toCslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2) + '\n';
}
