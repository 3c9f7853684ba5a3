/**
 * The whole bibliography as one reference list in Norsk APA, for the
 * downloads: formatted by citeproc-js with the official style as it is (its
 * sort and its "2016a"/"2016b"), through the same list formatter the visitor's
 * "Min referanseliste" runs in the browser (./reference-list.ts), in parts
 * that format apart exactly (./list-shards.ts) and are merged by citeproc's
 * own sort; ./list-cache.ts keeps the parts between builds.
 */
import CSL from 'citeproc';
import { referenceListStyles } from './format-references.ts';
import { listShards } from './list-shards.ts';
import { formatSortableList, listEngine, type Citeproc, type ListEntry, type ListStyles, type SortableEntry } from './reference-list.ts';
import type { CslItem, ReferenceStyleId } from './reference-rules.ts';

/** The style of the downloadable list: Norsk APA, the site's first style. */
export const LIST_STYLE: ReferenceStyleId = 'norsk-apa-manual';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A complete HTML document: the list with a hanging indent, readable offline and pasteable into a word processor. */
function asHtml(entries: readonly ListEntry[], title: string): string {
  const items = entries.map((e) => `<p class="csl-entry">${e.html}</p>`).join('\n');
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>.csl-entry { padding-left: 2em; text-indent: -2em; margin: 0 0 .75em; } body { font-family: serif; max-width: 45em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${items}
</body>
</html>
`;
}

/**
 * Item variables that hold data only (citeproc reads them for nothing but the
 * style's own `variable="…"`): a style that never names one cannot print it.
 */
const DATA_ONLY = ['abstract', 'keyword', 'ISBN', 'ISSN', 'number-of-pages'] as const;

/**
 * The items as the list is formatted from: without the data-only variables
 * its style never names (Norsk APA names none of them). The list's cache is
 * kept by these, so correcting an abstract, a keyword or an ISBN does not
 * format any of the list again.
 */
export function listItems(items: readonly CslItem[], styles: ListStyles = referenceListStyles()): CslItem[] {
  const xml = styles.styles.find((s) => s.id === LIST_STYLE)!.list;
  const named = new Set([...xml.matchAll(/variable="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  const unused = DATA_ONLY.filter((v) => !named.has(v));
  return items.map((item) => {
    if (!unused.some((v) => v in item)) return item;
    const kept = { ...item };
    for (const v of unused) delete kept[v];
    return kept;
  });
}

/** One part of the list formatted on its own: shards that format apart exactly (./list-shards.ts), one engine for all. */
export function formatListPart(items: readonly CslItem[], styles: ListStyles = referenceListStyles()): SortableEntry[] {
  return formatSortableList(CSL as unknown as Citeproc, styles, LIST_STYLE, items);
}

/**
 * The entries of parts formatted apart, in the list's order: sorted as
 * citeproc sorts a whole list, by its comparison of the items' sort keys and
 * then by their order in `items`. Every item must be in exactly one part.
 */
export function mergeListParts(
  items: readonly CslItem[],
  parts: ReadonlyArray<readonly SortableEntry[]>,
  styles: ListStyles = referenceListStyles(),
): ListEntry[] {
  const seq = new Map(items.map((item, i) => [item.id, i + 1]));
  const entries = parts.flat().map((entry) => ({ entry, sortkeys: entry.sortkeys, seq: seq.get(entry.id) ?? 0 }));
  const ids = new Set(entries.map((e) => e.entry.id));
  if (entries.length !== items.length || ids.size !== items.length || entries.some((e) => e.seq === 0))
    throw new Error(`The list's parts hold ${entries.length} entries (${ids.size} items) for ${items.length} items`);
  if (parts.length > 1) {
    const xml = styles.styles.find((s) => s.id === LIST_STYLE)!.list;
    entries.sort(listEngine(CSL as unknown as Citeproc, styles, xml).registry.sorter.compareKeys);
  }
  return entries.map(({ entry: { sortkeys: _, ...entry } }) => entry);
}

/** The list's two downloads from its entries in order. */
export function listDocuments(entries: readonly ListEntry[], title: string): BibliographyList {
  return { html: asHtml(entries, title), text: entries.map((e) => e.text).join('\n\n') + '\n' };
}

/**
 * The whole bibliography as a Norsk APA reference list: an HTML document and
 * plain text (a reference a paragraph). Formatted in shards
 * (./list-shards.ts) when `shardSize` is given, else in one engine.
 */
export function bibliographyList(items: readonly CslItem[], title: string, shardSize?: number): BibliographyList {
  const styles = referenceListStyles();
  const listed = listItems(items, styles);
  const parts = shardSize === undefined ? [listed] : listShards(listed, shardSize);
  return listDocuments(
    mergeListParts(
      listed,
      parts.map((part) => formatListPart(part, styles)),
      styles,
    ),
    title,
  );
}

/** The whole bibliography as a reference list: an HTML document and plain text. */
export interface BibliographyList {
  html: string;
  text: string;
}
