/**
 * The whole bibliography's list kept between builds, shard by shard
 * (./list-shards.ts): a build formats only the shards whose items changed,
 * and merges them with the cached ones (./bibliography-list.ts). A changed
 * title at 10,000 entries formats about 256 entries again, not 10,000.
 *
 * The cache is one JSON file in the citation cache folder, written whole and
 * renamed into place, holding the shards of the last build only. A shard is
 * kept by the content of its items (without the data the style never prints,
 * `listItems`), within a version that is a hash of the code that formats, so
 * a new citeproc or a changed style formats everything again. A cache that
 * cannot be read or written only costs time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatListPart, listDocuments, listItems, mergeListParts, type BibliographyList } from './bibliography-list.ts';
import { SHARD_SIZE, listShards } from './list-shards.ts';
import { cacheVersion } from './reference-cache.ts';
import type { SortableEntry } from './reference-list.ts';
import type { CslItem } from './reference-rules.ts';

const CACHE_FILE = 'bibliography-list.json';

/**
 * Entries formatted by one engine, at most (unless one shard is larger): the
 * shards to format go to the threads in parts of up to this size. An engine
 * costs about 0.12 s to set up, so shards are not formatted one by one; and
 * two list engines side by side cost more than one after the other (the
 * citation stage at 10,000 items, references and list: 28 s and 53 s of CPU
 * in one part, 31–32 s and 60 s in parts of 2,500), so a list this size goes
 * whole to one thread while the others format the references. A larger list
 * is cut, so that no engine holds the whole of it (about 1 GB at 100,000).
 */
export const PART_SIZE = 20_000;

/** The version of the list's cache: the references' cache version and the list's own code. */
function listCacheVersion(): string {
  const hash = createHash('sha256').update(cacheVersion());
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of ['bibliography-list.ts', 'list-shards.ts', 'reference-list.ts', 'list-cache.ts'])
    hash.update(readFileSync(path.join(here, file)));
  return hash.digest('hex').slice(0, 16);
}

const shardKey = (items: readonly CslItem[]) => createHash('sha256').update(JSON.stringify(items)).digest('base64url').slice(0, 24);

interface CacheFile {
  version: string;
  shards: Record<string, SortableEntry[]>;
}

async function readCache(file: string, version: string): Promise<Record<string, SortableEntry[]>> {
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (cached.version === version && cached.shards && typeof cached.shards === 'object') return cached.shards;
  } catch {
    // No list cached yet, or a broken file: format it.
  }
  return {};
}

async function writeCache(file: string, content: CacheFile): Promise<void> {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify(content));
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Whether cached entries are the entries of `items`, one each: a damaged cache formats the shard again. */
function whole(entries: unknown, items: readonly CslItem[]): entries is SortableEntry[] {
  if (!Array.isArray(entries) || entries.length !== items.length) return false;
  const ids = new Set(items.map((item) => item.id));
  return entries.every(
    (e: Partial<SortableEntry> | null) =>
      !!e &&
      typeof e.id === 'string' &&
      ids.delete(e.id) &&
      typeof e.html === 'string' &&
      typeof e.text === 'string' &&
      Array.isArray(e.sortkeys),
  );
}

/**
 * Whole shards packed into parts of up to `partSize` entries, each part's items
 * in the order of `items`: citeproc breaks a tie in its sort by that order, and
 * a part of every shard is then the whole list as it was always formatted.
 */
function pack(shards: readonly CslItem[][], partSize: number, items: readonly CslItem[]): CslItem[][] {
  const order = new Map(items.map((item, i) => [item.id, i]));
  const parts: CslItem[][] = [];
  let part: CslItem[] = [];
  for (const shard of shards) {
    if (part.length > 0 && part.length + shard.length > partSize) {
      parts.push(part);
      part = [];
    }
    part.push(...shard);
  }
  if (part.length > 0) parts.push(part);
  return parts.map((p) => p.sort((x, y) => order.get(x.id)! - order.get(y.id)!));
}

/** What a build has to format of the list, and how it becomes the list. */
export interface ListPlan {
  /** The shards not in the cache, packed into parts that each format in one engine (./bibliography-list.ts `formatListPart`). */
  parts: CslItem[][];
  /** The list from the parts formatted (in the order of `parts`) and the cached shards; stores the new shards. */
  complete(formatted: ReadonlyArray<readonly SortableEntry[]>): Promise<BibliographyList>;
}

export interface ListPlanOptions {
  shardSize?: number;
  partSize?: number;
}

/** Look up the list of `items` in the cache folder: what is there, what is still to format. */
export async function planList(
  items: readonly CslItem[],
  title: string,
  cacheDir: string,
  { shardSize = SHARD_SIZE, partSize = PART_SIZE }: ListPlanOptions = {},
): Promise<ListPlan> {
  const listed = listItems(items);
  const shards = listShards(listed, shardSize).map((shard) => ({ key: shardKey(shard), items: shard }));
  const version = listCacheVersion();
  const file = path.join(cacheDir, CACHE_FILE);
  const cached = await readCache(file, version);
  const hits = new Map(shards.flatMap((s) => (whole(cached[s.key], s.items) ? [[s.key, cached[s.key]!] as const] : [])));
  const missing = shards.filter((s) => !hits.has(s.key));
  return {
    parts: pack(
      missing.map((s) => s.items),
      partSize,
      listed,
    ),
    async complete(formatted) {
      // A part's entries come in its order, which is each of its shards' own: a shard takes its entries in that order.
      const shardOf = new Map(missing.flatMap((shard) => shard.items.map((item) => [item.id, shard.key] as const)));
      const fresh = new Map<string, SortableEntry[]>(missing.map((shard) => [shard.key, []]));
      for (const entry of formatted.flat()) fresh.get(shardOf.get(entry.id) ?? '')?.push(entry);
      const entriesOf = (shard: (typeof shards)[number]): SortableEntry[] => {
        const cached = hits.get(shard.key);
        if (cached) return cached;
        const entries = fresh.get(shard.key)!;
        if (!whole(entries, shard.items))
          throw new Error(`The list's entries for ${shard.items.map((item) => item.id).join(', ')} were not all formatted`);
        return entries;
      };
      const entries = shards.map(entriesOf);
      // One part of every shard is the whole list, in its order already.
      const list = listDocuments(mergeListParts(listed, hits.size === 0 && formatted.length === 1 ? formatted : entries), title);
      const keys = new Set(shards.map((s) => s.key));
      const stale = Object.keys(cached).some((key) => !keys.has(key));
      if (missing.length > 0 || stale)
        await writeCache(file, { version, shards: Object.fromEntries(shards.map((s, i) => [s.key, entries[i]!])) });
      return list;
    },
  };
}

/**
 * The whole bibliography as a reference list, formatted here, kept in the
 * citation cache folder (see {@link planList}): a build whose bibliography did
 * not change formats nothing, a changed entry only its shard.
 */
export async function bibliographyListCached(
  items: readonly CslItem[],
  title: string,
  cacheDir: string,
  options: ListPlanOptions = {},
): Promise<BibliographyList> {
  const plan = await planList(items, title, cacheDir, options);
  return plan.complete(plan.parts.map((part) => formatListPart(part)));
}
