// Small formatting filters for the templates. Formatting only: no sorting or linking.

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

/** @param {{ addFilter(name: string, fn: (...args: any[]) => unknown): void }} eleventyConfig */
export function registerFilters(eleventyConfig) {
  eleventyConfig.addFilter('norwegianDate', norwegianDate);
  eleventyConfig.addFilter('groupBy', groupBy);
}
