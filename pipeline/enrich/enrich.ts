/**
 * The enrich stage: what citation tools and readers get besides the record
 * itself — meta tags, JSON-LD, COinS, export files, related entries and the
 * bibliography's facets.
 */
import { bibliographyCsv } from './bibliography-csv.ts';
import { cslForExport, toBiblatex, toCslJson, toRis } from './reference-files.ts';
import { facets } from './facets.ts';
import { glossaryIndex } from './glossary-index.ts';
import { coins } from './coins.ts';
import { jsonLd } from './json-ld.ts';
import { metaTags } from './meta-tags.ts';
import type { BibEntry, Dataset, LinkedDataset } from '../model/types.ts';
import { relatedEntries } from './related.ts';
import { searchFacts, searchText } from './search-text.ts';

/**
 * The CSL-JSON of all entries from each entry's own file (`[\n  {…}\n]\n`, see
 * toCslJson): the same text as stringifying all items at once, without
 * stringifying them twice.
 */
function cslJsonList(files: string[]): string {
  if (files.length === 0) return JSON.stringify([], null, 2) + '\n';
  return `[\n${files.map((f) => f.slice('[\n'.length, -'\n]\n'.length)).join(',\n')}\n]\n`;
}

export function enrich(linked: LinkedDataset): Dataset {
  const related = relatedEntries(linked.bibliography);
  const bibliography: BibEntry[] = linked.bibliography.map((e) => ({
    ...e,
    related: related.get(e.key) ?? [],
    exports: { bibtex: toBiblatex(e), ris: toRis(e), csljson: toCslJson(cslForExport(e)) },
    meta: metaTags(e),
    jsonLd: jsonLd(e),
    coins: coins(e),
    searchFacts: searchFacts(e).join('; '),
  }));
  return {
    ...linked,
    bibliography,
    facets: { glossary: glossaryIndex(linked.glossary), ...facets(linked.bibliography) },
    coins: Object.fromEntries(bibliography.map((e) => [e.key, e.coins])),
    searchText: linked.bibliography.map(searchText),
    exports: {
      bibtex: bibliography.map((e) => e.exports.bibtex).join('\n'),
      ris: bibliography.map((e) => e.exports.ris).join(''),
      csljson: cslJsonList(bibliography.map((e) => e.exports.csljson)),
      csv: bibliographyCsv(linked.bibliography),
    },
  };
}
