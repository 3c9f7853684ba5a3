/**
 * Which pages a build renders and which it reuses from the last good site.
 *
 * A page belongs to a unit: each item of a keyed source (an entry, a concept,
 * an organisation, a theme page, a publication type) is one unit, holding the
 * pages its templates write (the concept's page, its Turtle and its JSON-LD);
 * every other page (lists, indexes, sitemap, feed, word list) belongs to one
 * unit, `whole`. A unit's fingerprint hashes everything its pages may read:
 * the site's code and settings, what every page shows (the footer's newest
 * date), and, for an item, the item itself; for `whole`, all of the data.
 * Templates of a keyed source read only their item (the item is denormalised
 * by the pipeline for that purpose), so a unit whose fingerprint did not
 * change renders to the same bytes as before and is reused.
 *
 * Pure: data in, plan out. Reading the previous plan and linking the files
 * are ./reuse-pages.ts's job.
 */
import { createHash } from 'node:crypto';
import { RENDER_SOURCES, type RenderSource } from '../model/render-sources.ts';
import type { Dataset } from '../model/types.ts';

export const WHOLE_UNIT = 'whole';

/** A unit as the last build left it: its fingerprint and the files (relative to the site folder) its pages are in. */
export interface UnitRecord {
  fingerprint: string;
  outputs: string[];
}

/** What a build leaves for the next one (`render-plan.json` in the JSON folder). */
export interface RenderRecord {
  version: typeof RECORD_VERSION;
  units: Record<string, UnitRecord>;
}

export const RECORD_VERSION = 1;

/** What Eleventy is told to render: all of the `whole` unit or none of it, and per source the keys (null, when run by hand: all). */
export interface RenderSet {
  whole: boolean;
  sources: Record<string, { path: readonly string[]; key: string; only: string[] | null }>;
}

export interface RenderPlan {
  set: RenderSet;
  /** Every unit of this build with its fingerprint. */
  fingerprints: Map<string, string>;
  /** Units reused from the last build, with the files to take over. */
  reused: Map<string, UnitRecord>;
  /** Per source, item URL → unit id: which unit a rendered page belongs to. */
  unitsByUrl: Map<string, Map<string, string>>;
  /** Each item unit's weight ({@link unitWeight}), for splitting the render among processes. */
  weights: Map<string, number>;
}

type Item = Record<string, unknown>;

const sha = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

export function sourceItems(dataset: Dataset, source: RenderSource): Item[] {
  let value: unknown = dataset;
  for (const step of source.path) value = (value as Record<string, unknown>)[step];
  if (!Array.isArray(value)) throw new Error(`render plan: ${source.path.join('.')} is not a list`);
  return value as Item[];
}

export const unitId = (source: RenderSource, item: Item) => `${source.name}:${String(item[source.key])}`;

/** The COinS of the entries an item's pages list: they are not in the item but in the dataset's `coins`. */
function shownCoins(dataset: Dataset, source: RenderSource, item: Item): string {
  if (!source.shows) return '';
  const { list, key } = source.shows;
  const links = (item[list] ?? []) as Item[];
  return JSON.stringify(links.map((l) => dataset.coins[String(l[key])] ?? ''));
}

/** What every page shows besides its own data: the footer's newest date (site/_includes/trust.njk). */
export function sharedData(dataset: Dataset): string {
  return JSON.stringify({ newestAdded: dataset.facets.newest[0]?.dateAdded ?? '' });
}

/**
 * The fingerprint of every unit. `code` identifies the site's templates and
 * settings (./site-code.ts); `dataHash` all of the data (for `whole`);
 * `itemDigests` each item's JSON as emit wrote it, by unit id (so the items
 * are not serialised a second time here).
 */
export function fingerprintUnits(
  dataset: Dataset,
  code: string,
  dataHash: string,
  itemDigests: ReadonlyMap<string, string>,
): Map<string, string> {
  const shared = sharedData(dataset);
  const prints = new Map<string, string>([[WHOLE_UNIT, sha(code, 'whole', dataHash)]]);
  for (const source of RENDER_SOURCES) {
    for (const item of sourceItems(dataset, source)) {
      const id = unitId(source, item);
      if (prints.has(id)) throw new Error(`render plan: two items are ${id}`);
      const digest = itemDigests.get(id);
      if (digest === undefined) throw new Error(`render plan: the JSON has no item ${id}`);
      prints.set(id, sha(code, shared, digest, shownCoins(dataset, source, item)));
    }
  }
  return prints;
}

/** Decide what to render: every unit whose fingerprint is new or changed, or whose files the last build did not leave. */
export function planRender(dataset: Dataset, fingerprints: Map<string, string>, previous: RenderRecord | undefined): RenderPlan {
  const reused = new Map<string, UnitRecord>();
  for (const [id, fingerprint] of fingerprints) {
    const before = previous?.units[id];
    if (before && before.fingerprint === fingerprint) reused.set(id, before);
  }
  const sources: RenderSet['sources'] = {};
  const unitsByUrl = new Map<string, Map<string, string>>();
  const weights = new Map<string, number>();
  for (const source of RENDER_SOURCES) {
    const items = sourceItems(dataset, source);
    const byUrl = new Map<string, string>();
    const only: string[] = [];
    for (const item of items) {
      const id = unitId(source, item);
      byUrl.set(String(item.url), id);
      weights.set(id, unitWeight(source, item));
      if (!reused.has(id)) only.push(String(item[source.key]));
    }
    unitsByUrl.set(source.name, byUrl);
    sources[source.name] = { path: source.path, key: source.key, only };
  }
  return { set: { whole: !reused.has(WHOLE_UNIT), sources }, fingerprints, reused, unitsByUrl, weights };
}

/** The same build with nothing reused: every unit rendered (when the last build's pages turn out not to be there). */
export function renderEverything(plan: RenderPlan): RenderPlan {
  const sources: RenderSet['sources'] = {};
  for (const [name, source] of Object.entries(plan.set.sources)) {
    const ids = [...(plan.unitsByUrl.get(name)?.values() ?? [])];
    sources[name] = { ...source, only: ids.map((id) => id.slice(name.length + 1)) };
  }
  return { ...plan, set: { whole: true, sources }, reused: new Map() };
}

/** One page Eleventy wrote: its URL, its file relative to the site folder, and the keyed source its template paginates, if any. */
export interface RenderedPage {
  url: string;
  file: string;
  source: string | null;
}

/**
 * The unit a rendered page belongs to: for a keyed source's template, the
 * item whose URL is the longest folder prefix of the page's URL.
 */
export function unitOfPage(page: RenderedPage, plan: Pick<RenderPlan, 'unitsByUrl'>): string {
  if (page.source === null) return WHOLE_UNIT;
  const byUrl = plan.unitsByUrl.get(page.source);
  if (!byUrl) throw new Error(`render plan: ${page.file} comes from an unknown source '${page.source}'`);
  // '/begrep/x/begrep.ttl' → '/begrep/x/' → '/begrep/' → '/'.
  let end = page.url.length;
  while (end > 0) {
    const unit = byUrl.get(page.url.slice(0, end));
    if (unit) return unit;
    const next = end > 1 ? page.url.lastIndexOf('/', end - 2) + 1 : 0;
    end = next < end ? next : 0;
  }
  throw new Error(`render plan: no ${page.source} item has a URL above ${page.url}`);
}

/** The record the next build starts from: each unit with the files its pages are in now. */
export function recordRender(plan: RenderPlan, rendered: readonly RenderedPage[]): RenderRecord {
  const outputs = new Map<string, string[]>();
  for (const [id, record] of plan.reused) outputs.set(id, [...record.outputs]);
  for (const page of rendered) {
    const id = unitOfPage(page, plan);
    if (plan.reused.has(id)) throw new Error(`render plan: ${page.file} was rendered, but its unit ${id} was reused`);
    outputs.set(id, [...(outputs.get(id) ?? []), page.file]);
  }
  const units: Record<string, UnitRecord> = {};
  for (const [id, fingerprint] of [...plan.fingerprints].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    units[id] = { fingerprint, outputs: [...(outputs.get(id) ?? [])].sort() };
  }
  return { version: RECORD_VERSION, units };
}

/**
 * What rendering a unit costs an Eleventy process in memory, counted in entry
 * pages: Eleventy holds every page it renders until it is done, and a page
 * that lists entries (a concept's, an organisation's, a publication type's)
 * grows with them. About {@link LISTED_PER_ENTRY_PAGE} listed entries weigh
 * as much as one entry's page (at 10,000 entries a concept that 3,000 entries
 * use has a 3.7 MB page).
 */
export const LISTED_PER_ENTRY_PAGE = 16;

export function unitWeight(source: RenderSource, item: Item): number {
  const listed = source.shows ? ((item[source.shows.list] as unknown[] | undefined)?.length ?? 0) : 0;
  return 1 + listed / LISTED_PER_ENTRY_PAGE;
}

/**
 * Split a render set into sets of at most `size` weight each (see
 * {@link unitWeight}; a unit heavier than `size` goes alone), so that no
 * Eleventy process holds too much at once. The `whole` unit (the lists and
 * indexes, which read every entry's summary) weighs a full set and goes
 * first, in a set of its own. Items keep their order; an empty set stays one
 * set.
 */
export function batchRenderSet(set: RenderSet, size: number, weights: ReadonlyMap<string, number> = new Map()): RenderSet[] {
  const batches: RenderSet[] = [];
  const empty = (): RenderSet => ({
    whole: false,
    sources: Object.fromEntries(Object.entries(set.sources).map(([name, s]) => [name, { ...s, only: [] as string[] }])),
  });
  if (set.whole) batches.push({ ...empty(), whole: true });
  let current = empty();
  let load = 0;
  let count = 0;
  for (const [name, source] of Object.entries(set.sources)) {
    for (const key of source.only ?? []) {
      const weight = weights.get(`${name}:${key}`) ?? 1;
      if (count > 0 && load + weight > size) {
        batches.push(current);
        current = empty();
        load = 0;
        count = 0;
      }
      current.sources[name]!.only!.push(key);
      load += weight;
      count++;
    }
  }
  if (count > 0 || batches.length === 0) batches.push(current);
  return batches;
}
