// Small formatting filters for the templates. Formatting only: no sorting or linking.
import { barChart } from './bar-chart.js';
import { searchVocabulary } from './search-vocabulary.js';
import { registerSkosFilters } from './skos.js';

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/**
 * '2016-04-08' → '8. april 2016', '2016-03' → 'mars 2016', '2016' → '2016'.
 * @param {string | undefined} iso
 */
export function norwegianDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y ?? '';
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)}. ${month} ${y}` : `${month} ${y}`;
}

/**
 * Group items by a key, keeping the items' order and the groups' first-seen order.
 * @template {Record<string, unknown>} T
 * @param {T[]} items
 * @param {string} key
 * @returns {Array<{ key: unknown, items: T[] }>}
 */
export function groupBy(items, key) {
  /** @type {Map<unknown, T[]>} */
  const groups = new Map();
  for (const item of items) {
    const k = item[key];
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

/**
 * JSON for a <script type="application/ld+json">: '<', '>' and '&' escaped so
 * no value can end the script element.
 * @param {Record<string, unknown>} doc
 * @param {string} [url] the page's absolute URL, when known
 */
export function jsonLdScript(doc, url) {
  const full = url ? { ...doc, url } : doc;
  return JSON.stringify(full).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * A data: URL, so a file downloads straight from the page without a file of its own. Base64, not percent-encoding:
 * reference files are mostly spaces, punctuation and Norwegian letters, which percent-encoding makes three to six
 * bytes each, so base64 is the smaller (a fifth smaller for BibLaTeX and RIS, a third for CSL-JSON).
 * @param {string} content
 * @param {string} mediaType
 */
export function dataUrl(content, mediaType) {
  return `data:${mediaType};charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}`;
}

/**
 * The absolute URL of a site path ('/begrep/x/'), or '' when the site's URL is not configured.
 * @param {string} sitePath
 * @param {{ siteUrl: string, pathPrefix: string }} site
 */
export function absoluteUrl(sitePath, site) {
  return site.siteUrl ? `${site.siteUrl}${site.pathPrefix}${sitePath.replace(/^\//, '')}` : '';
}

/** @param {{ addFilter(name: string, fn: (...args: any[]) => unknown): void }} eleventyConfig */
export function registerFilters(eleventyConfig) {
  eleventyConfig.addFilter('norwegianDate', norwegianDate);
  eleventyConfig.addFilter('groupBy', groupBy);
  eleventyConfig.addFilter('jsonLdScript', jsonLdScript);
  eleventyConfig.addFilter('dataUrl', dataUrl);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('barChart', barChart);
  eleventyConfig.addFilter('searchVocabulary', searchVocabulary);
  registerSkosFilters(eleventyConfig);
}
