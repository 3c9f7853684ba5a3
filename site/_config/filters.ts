/** Small formatting filters for the templates. Formatting only: no sorting or linking. */

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** '2016-04-08' → '8. april 2016', '2016-03' → 'mars 2016', '2016' → '2016'. */
export function norwegianDate(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y ?? '';
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)}. ${month} ${y}` : `${month} ${y}`;
}

/** Group items by a key, keeping the items' order and the groups' first-seen order. */
export function groupBy<T extends Record<string, unknown>>(items: T[], key: string): Array<{ key: unknown; items: T[] }> {
  const groups = new Map<unknown, T[]>();
  for (const item of items) {
    const k = item[key];
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

export function registerFilters(eleventyConfig: { addFilter(name: string, fn: (...args: any[]) => unknown): void }): void {
  eleventyConfig.addFilter('norwegianDate', norwegianDate);
  eleventyConfig.addFilter('groupBy', groupBy);
}
