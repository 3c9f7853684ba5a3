/**
 * A reference list of several items in one style, as the visitor's "Min
 * referanseliste" shows it: formatted in the browser by citeproc-js itself
 * (the engine citation-js runs in the build), with the same official styles
 * and locales the build used (emitted by ../emit/reference-list.ts) and the
 * same item adjustments and output splitting (./reference-rules.ts). Unlike the
 * entry pages' standalone references, a list uses the full official style: its
 * bibliography sort and its disambiguation ("2016a", "2016b").
 *
 * No Node imports: this module is bundled for the browser (see
 * ./reference-list-browser.ts), and the citeproc-js engine is passed in.
 */
import {
  derivable,
  htmlToText,
  norwegianWords,
  prepareItemForStyle,
  splitHtml,
  splitText,
  type CslItem,
  type ReferenceStyleId,
} from './reference-rules.ts';

/** The parts of citeproc-js (the `citeproc` package, `CSL`) used here. */
export interface Citeproc {
  Engine: new (
    sys: { retrieveLocale(lang: string): string | Record<string, never>; retrieveItem(id: string): CslItem },
    style: string,
    lang: string,
    forceLang: boolean,
  ) => CiteprocEngine;
}

interface CiteprocEngine {
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
  setOutputFormat(format: 'html' | 'text'): void;
  updateItems(ids: string[], nosort?: boolean): string[];
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  /** The items as citeproc holds them (their sort keys), and its comparison of two items by those keys and their order. */
  registry: {
    registry: Record<string, { sortkeys?: string[] }>;
    sorter: { compareKeys(a: Sortable, b: Sortable): number };
  };
}

/** What citeproc sorts a list by: the keys of the style's `<sort>`, then the order the items came in. */
export interface Sortable {
  sortkeys: string[];
  seq: number;
}

/** What the build emits for the browser: the official styles and locales, as XML. */
export interface ListStyles {
  /** The locale of the references, e.g. `nb-NO`. */
  lang: string;
  /** Locale tag → XML: `lang`, and `en-US`, which citeproc reads first as the fall-back for terms. */
  locales: Record<string, string>;
  styles: Array<{
    id: ReferenceStyleId;
    label: string;
    /** The official style as it is: for lists. */
    list: string;
    /** The style as the entry pages use it (./reference-rules.ts, `standaloneStyle`). */
    standalone: string;
  }>;
}

/** A list's entry with the sort keys citeproc gave its item. */
export type SortableEntry = ListEntry & { sortkeys: string[] };

/** One entry of a formatted list, in the style's order. */
export interface ListEntry {
  id: string;
  /** The entry's label in a numbered style (Vancouver's "1."), else undefined. */
  label?: string;
  /** Inline HTML (`<i>`, `<b>`, `<span>`, entities), without the label. */
  html: string;
  /** Plain text, without the label. */
  text: string;
}

/** A citeproc engine for `xml`, finding the items in `items`. */
export function listEngine(
  CSL: Citeproc,
  styles: ListStyles,
  xml: string,
  items: ReadonlyMap<string, CslItem> = new Map(),
): CiteprocEngine {
  return new CSL.Engine(
    {
      retrieveLocale: (lang) => styles.locales[lang] ?? styles.locales[lang.replace('_', '-')] ?? {},
      retrieveItem: (id) => {
        const item = items.get(id);
        if (!item) throw new Error(`Cannot find entry with id '${id}'`);
        return item;
      },
    },
    xml,
    styles.lang,
    true,
  );
}

/** One formatted entry as citeproc gives it: the item's id, the entry, and the item's sort keys. */
type Formatted = [id: string, entry: string, sortkeys: string[]];

function run(
  CSL: Citeproc,
  styles: ListStyles,
  xml: string,
  items: ReadonlyMap<string, CslItem>,
  format: 'html' | 'text',
  nosort: boolean,
): Formatted[] {
  const engine = listEngine(CSL, styles, xml, items);
  engine.setOutputFormat(format);
  engine.opt.development_extensions.wrap_url_and_doi = false;
  engine.updateItems([...items.keys()], nosort);
  const bibliography = engine.makeBibliography();
  if (!bibliography) return [];
  const [meta, entries] = bibliography;
  return entries.map((entry, i) => {
    const id = String(meta.entry_ids[i]![0]);
    return [id, entry, engine.registry.registry[id]?.sortkeys ?? []];
  });
}

/**
 * The items as one reference list in the style `styleId`, in the style's order
 * (sorted by its `<bibliography>`'s sort, or in the order given for a style
 * that numbers by citation). `variant: 'standalone'` formats with the entry
 * pages' style instead, in the order given: each entry is then the reference
 * its entry page shows.
 */
export function formatReferenceList(
  CSL: Citeproc,
  styles: ListStyles,
  styleId: ReferenceStyleId,
  items: readonly CslItem[],
  variant: 'list' | 'standalone' = 'list',
): ListEntry[] {
  return formatSortableList(CSL, styles, styleId, items, variant).map(({ sortkeys: _, ...entry }) => entry);
}

/** {@link formatReferenceList}, each entry with citeproc's sort keys for it (to merge lists formatted apart). */
export function formatSortableList(
  CSL: Citeproc,
  styles: ListStyles,
  styleId: ReferenceStyleId,
  items: readonly CslItem[],
  variant: 'list' | 'standalone' = 'list',
): SortableEntry[] {
  const style = styles.styles.find((s) => s.id === styleId);
  if (!style) throw new Error(`Unknown reference style "${styleId}"`);
  if (items.length === 0) return [];
  const prepared = new Map<string, CslItem>();
  for (const item of items) {
    if (prepared.has(item.id)) throw new Error(`Duplicate CSL item id "${item.id}"`);
    prepared.set(item.id, prepareItemForStyle(item, styleId));
  }
  const xml = style[variant];
  const nosort = variant === 'standalone';
  const html = run(CSL, styles, xml, prepared, 'html', nosort).map(([id, entry, sortkeys]) => ({ id, sortkeys, ...splitHtml(id, entry) }));
  // As in the build: the text is the HTML without its markup, unless citeproc writes that markup differently as text.
  const text = html.every((e) => derivable(e.html))
    ? undefined
    : new Map(run(CSL, styles, xml, prepared, 'text', nosort).map(([id, entry]) => [id, entry]));
  return html.map(({ id, sortkeys, html: inline, label }) => {
    const textEntry = text?.get(id);
    const reference = norwegianWords(styleId, styles.lang, {
      html: inline,
      text: textEntry === undefined ? htmlToText(inline).trim() : splitText(id, textEntry, label),
    });
    return label === undefined ? { id, ...reference, sortkeys } : { id, label, ...reference, sortkeys };
  });
}

/** Entries per file of the list's data, about: 10,000 entries make 256 files, not one per entry and format. */
const ENTRIES_PER_BUCKET = 40;

/**
 * How many buckets `entries` go into: a power of two, so a bucket's size stays
 * near `perBucket` (by default {@link ENTRIES_PER_BUCKET}, the files of the
 * list's entry data).
 */
export function bucketCount(entries: number, perBucket = ENTRIES_PER_BUCKET): number {
  let count = 1;
  while (count * perBucket < entries) count *= 2;
  return count;
}

/** The file (0 … count − 1) that holds an entry's data: FNV-1a of its key, so the browser finds it from the key alone. */
export function bucketOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}
