/**
 * The pure parts of formatting references: what the build (./format-references.ts,
 * with citation-js in Node) and the reference list in the browser
 * (./reference-list.ts, bundled by emit) must do alike, so both print the same
 * reference for the same item. No Node imports here: this module is bundled for
 * the browser.
 *
 * - {@link prepareItemForStyle}: the item adjustments for rules of each style's
 *   manual that CSL cannot express.
 * - {@link standaloneStyle}: a style without its list-context options.
 * - {@link splitHtml}, {@link splitText}, {@link htmlToText}, {@link derivable}:
 *   citeproc's output split into one inline reference per entry.
 * - {@link norwegianWords}: English that an official style hard-codes.
 */
import type { CompactNode } from './official-styles.ts';

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
 * Without them, the sort and the citation's layout only cost time, and go too.
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
  return withoutCitationLayout(withoutBibliographySort(withoutSubstitute));
}

/**
 * The style with a `<citation>` that prints the title alone. citeproc renders
 * every item's citation when the item is added (to find citations that look
 * alike), which cost a fifth of formatting the entry pages' references; with
 * no disambiguation the citation is never used. The title keeps the
 * citations apart: one text for all would make every item look like every
 * other to citeproc.
 */
function withoutCitationLayout(style: CompactNode): CompactNode {
  return {
    ...style,
    c: style.c?.map((child) =>
      typeof child !== 'string' && child.n === 'citation'
        ? { ...child, c: [{ n: 'layout', c: [{ n: 'text', a: { variable: 'title' } }] }] }
        : child,
    ),
  };
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
 * express: the one documented place for them. Returns a shallow copy; the
 * input is not changed. The descriptors in brackets ("[Film]", "[Hefte]") are
 * not here: they are the CSL `genre`/`medium` of each publication type
 * (model/publication-types.ts, `citation`), which the official styles print.
 *
 * - All styles: a hyphen in `number` or `collection-number` is kept as a
 *   hyphen (citeproc otherwise reads "1-2016" as a range and prints "1–2016").
 * - Norsk APA (Norsk APA-manual, 2020):
 *   - the publisher is left out when it is the (sole) author (§ 10.1, 10.4);
 *   - a report's `number` in a series (`collection-title` without
 *     `collection-number`) is printed as the series number, "(Rapport 1-2016)",
 *     not "(Nr. 1–2016; Rapport)" (§ 10.4);
 *   - a brochure (`pamphlet`) is dated by its year, as reports and books are, not
 *     "(2017, 28. februar)" (§ 10.1, 10.4);
 *   - an event with a day is dated to the day, "(2016, 8. april)", as the manual
 *     dates conference sessions and seminars (§ 10.5): the style does that for
 *     `speech`, not for `event`;
 *   - the access date ("Hentet 1. oktober 2020, fra URL") only for sources without a
 *     date (§ 9.16: only for content designed to change): the official style
 *     already leaves it out when there is a date, so no adjustment is needed.
 * - Harvard (Cite Them Right, 12th ed.): the title of a work that stands alone
 *   is in italics; the style sets `pamphlet`, `document` and `event` in quotes, as
 *   parts of something else, so these are formatted as `book` (its series and
 *   number kept); a report in a series likewise, because the style drops the
 *   series of a report ("(TemaNord, 2015:502)").
 * - Vancouver (Citing Medicine, 2nd ed.):
 *   - a series number joins the series title, "(Rapport 1-2016)", which the
 *     official style would otherwise print without its number (ch. 2, "Series");
 *   - a work without a date gets "[dato ukjent]" ("[date unknown]", ch. 2,
 *     "Date of publication"), which also ends the stray "Ferd;" the style leaves;
 *   - a work with a DOI is linked through the DOI rather than another URL
 *     (ch. 22: DOI preferred); "[Internett]" and "[sitert …]" then follow from
 *     the URL and the access date as the style prints them.
 */
export function prepareItemForStyle(item: CslItem, styleId: string): CslItem {
  const prepared: CslItem = { ...item };
  const issued = item['issued'] as { 'date-parts'?: number[][] } | undefined;
  const dateParts = issued?.['date-parts']?.[0];
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
    if (item.type === 'pamphlet' && dateParts && dateParts.length > 1) prepared['issued'] = { 'date-parts': [[dateParts[0]]] };
    if (item.type === 'event' && dateParts && dateParts.length === 3) prepared.type = 'speech';
  }
  if (styleId === 'harvard-cite-them-right') {
    const standalone = ['pamphlet', 'document', 'event'].includes(item.type);
    const reportInSeries = item.type === 'report' && item['collection-title'] !== undefined;
    if (standalone || reportInSeries) prepared.type = 'book';
  }
  if (styleId === 'vancouver') {
    if (typeof item['collection-title'] === 'string' && item['collection-number'] !== undefined) {
      prepared['collection-title'] = `${item['collection-title']} ${String(item['collection-number'])}`;
      delete prepared['collection-number'];
    }
    if (!dateParts) prepared['issued'] = { literal: '[dato ukjent]' };
    if (typeof item['DOI'] === 'string') prepared['URL'] = `https://doi.org/${item['DOI']}`;
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
export function htmlToText(html: string): string {
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
export const derivable = (html: string): boolean => !PLAIN_TAGS.test(html) && !OTHER_ENTITIES.test(html) && !html.includes('\u00a0');

const ENTRY_DIV = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/;
const LEFT_MARGIN = /^\s*<div class="csl-left-margin">([\s\S]*?)<\/div>\s*<div class="csl-right-inline">([\s\S]*)<\/div>\s*$/;

/**
 * One entry of citeproc's HTML output as inline HTML, without the entry
 * `<div>` and without a `second-field-align` label (Vancouver's "1."), which
 * only means something in a numbered list; and the label, if there was one.
 */
export function splitHtml(id: string, htmlEntry: string): { html: string; label?: string } {
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
export function splitText(id: string, textEntry: string, label: string | undefined): string {
  const text = textEntry.trim();
  if (label === undefined) return text;
  if (!text.startsWith(label)) throw new Error(`Text entry for "${id}" does not start with its label "${label}": ${text}`);
  return text.slice(label.length).trim();
}

/**
 * English words that an official style writes as literal text, so no locale
 * can translate them, with their Norwegian form (for `nb-NO` and `nn-NO`).
 * Official Vancouver prints a report's number as "Report No.: R7940".
 */
const HARD_CODED_ENGLISH: Partial<Record<ReferenceStyleId, ReadonlyArray<[RegExp, string]>>> = {
  vancouver: [[/Report No\.: /g, 'Rapport nr. ']],
};

export function norwegianWords(styleId: ReferenceStyleId, lang: string, reference: FormattedReference): FormattedReference {
  const fixes = lang.startsWith('nb') || lang.startsWith('nn') ? HARD_CODED_ENGLISH[styleId] : undefined;
  if (!fixes) return reference;
  const fix = (s: string) => fixes.reduce((out, [pattern, norwegian]) => out.replace(pattern, norwegian), s);
  return { html: fix(reference.html), text: fix(reference.text) };
}
