/**
 * An entry as the files reference managers import. BibLaTeX is written in
 * biblatex.ts. RIS is written here, tag by tag as Zotero's RIS translator (and
 * EndNote) reads it for the type. The CSL-JSON download is the entry's CSL item
 * with the type and fields Zotero's CSL JSON import maps to the right item type
 * and fields (the item the site formats references from stays as it is).
 */
import { dateString, nameInverted } from '../model/facts.ts';
import { publicationType } from '../model/publication-types.ts';
import type { CslItem, LinkedEntry } from '../model/types.ts';
import { issuingInstitution } from './meta-tags.ts';

export { toBiblatex } from './biblatex.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The CSL-JSON item of the downloads. */
export function cslForExport(e: LinkedEntry): CslItem {
  const spec = publicationType(e.type);
  const item: CslItem = { ...e.csl, type: spec.zotero.csl };
  delete item.genre;
  if (spec.zotero.genreField) item.genre = spec.genre;
  if (spec.zotero.itemType === 'report' && e.number !== undefined) {
    // A report's number is its report number (Zotero: reportNumber); the series keeps only its title.
    item.number = e.number;
    delete item['collection-number'];
  }
  if (spec.zotero.eventTitle) item['event-title'] = e.fullTitle;
  if (spec.zotero.eventTitle && e.place) item['event-place'] = e.place;
  if (e.isbn.length > 1) item.ISBN = e.isbn.join(' ');
  if (e.issn.length > 1) item.ISSN = e.issn.join(' ');
  return item;
}

export function toRis(e: LinkedEntry): string {
  const spec = publicationType(e.type);
  const zoteroType = spec.zotero.itemType;
  const lines: Array<[string, string | undefined]> = [['TY', spec.ris]];
  // Organisations as written: a name without a comma is one field in Zotero and EndNote.
  for (const p of e.persons) lines.push(['AU', nameInverted(p)]);
  for (const c of e.corporateAuthors) lines.push(['AU', c]);
  lines.push(['TI', e.fullTitle]);
  const date = dateString(e);
  if (date) {
    const [y, m, d] = date.split('-');
    lines.push(['PY', y], ['DA', `${y}/${m ?? ''}/${d ?? ''}/`]);
  }
  if (spec.zotero.genreField) lines.push(['M3', spec.genre]);
  if (spec.zotero.eventTitle) lines.push(['T2', e.fullTitle]);
  if (zoteroType === 'report') {
    // RPRT: T2 is the series title, SN the report number. A report's ISBN/ISSN has no RIS tag Zotero reads into
    // a field; as "ISBN: …" lines in M1 they reach Zotero's Extra, which its citation processor reads.
    lines.push(['T2', e.series], ['SN', e.number]);
    for (const isbn of e.isbn) lines.push(['M1', `ISBN: ${isbn}`]);
    for (const issn of e.issn) lines.push(['M1', `ISSN: ${issn}`]);
    lines.push(['PB', issuingInstitution(e)]);
  } else {
    if (zoteroType === 'book') lines.push(['T2', e.series], ['M1', e.number]);
    // SN is the ISBN of a book, the ISSN of an article.
    lines.push(['SN', zoteroType === 'journalArticle' ? e.issn.join(' ') : e.isbn.join(' ')]);
    lines.push(['PB', e.csl.publisher]);
  }
  lines.push(['CY', e.place], ['SP', e.pages]);
  // Zotero's RIS translator reads Y2 as the access date ("Accessed").
  if (e.accessed) lines.push(['Y2', e.accessed.replace(/-/g, '/')]);
  lines.push(['DO', e.doi], ['UR', e.fullTextUrl], ['LA', e.language], ['AB', e.abstract?.text]);
  for (const k of e.keywords) lines.push(['KW', k]);
  lines.push(['ID', e.key]);
  const body: string[] = [];
  for (const [tag, value] of lines) {
    const line = value === undefined ? '' : oneLine(value);
    if (line !== '') body.push(`${tag}  - ${line}`);
  }
  return [...body, 'ER  - '].join('\r\n') + '\r\n';
}

export function toCslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2) + '\n';
}
