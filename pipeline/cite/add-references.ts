/**
 * The citation stage: every entry's reference in each style, Norsk APA first.
 *
 * References are cached by content (./reference-cache.ts), so a rebuild
 * formats only the entries that changed; the rest are formatted on all cores
 * (./format-parallel.ts), with the Norsk APA list of the whole bibliography
 * (./bibliography-list.ts) as one more task. Either way the references are the
 * same strings.
 */
import type { Dataset } from '../model/types.ts';
import { lookUpBibliographyList, type BibliographyList } from './bibliography-list.ts';
import { formatInParallel, type ListJob } from './format-parallel.ts';
import { REFERENCE_STYLES, type CslItem, type FormattedReferences } from './reference-rules.ts';
import { reportProgress } from '../lib/progress.ts';
import { defaultCacheDir, itemKey, ReferenceCache } from './reference-cache.ts';

export interface CachedOptions {
  /** Default: `KILDEBANK_CITATION_CACHE`, or `.cache/citations` in the working folder. */
  cacheDir?: string;
  lang?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Every item's references, from the cache where it has them, formatted (and cached) where not. */
export async function formatReferencesCached(items: readonly CslItem[], options: CachedOptions = {}): Promise<FormattedReferences> {
  return (await formatCached(items, options)).references;
}

/** {@link formatReferencesCached}, and the list of `list`, formatted on the same threads as the references. */
async function formatCached(
  items: readonly CslItem[],
  options: CachedOptions & { list?: ListJob },
): Promise<{ references: FormattedReferences; list?: BibliographyList }> {
  const { lang = 'nb-NO', onProgress } = options;
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`Duplicate CSL item id "${item.id}"`);
    ids.add(item.id);
  }
  const cache = await ReferenceCache.open(options.cacheDir ?? defaultCacheDir());
  const keys = new Map(items.map((item) => [item.id, itemKey(item, lang)]));
  const result: FormattedReferences = new Map();
  const misses: CslItem[] = [];
  for (const item of items) {
    const hit = cache.get(keys.get(item.id)!);
    if (hit) result.set(item.id, hit);
    else misses.push(item);
  }
  const hits = items.length - misses.length;
  onProgress?.(hits, items.length);
  const fresh = await formatInParallel(misses, {
    lang,
    onProgress: (done) => onProgress?.(hits + done, items.length),
    ...(options.list ? { list: options.list } : {}),
  });
  for (const [id, refs] of fresh.references) {
    result.set(id, refs);
    cache.set(keys.get(id)!, refs);
  }
  await cache.save();
  const ordered: FormattedReferences = new Map();
  for (const item of items) ordered.set(item.id, result.get(item.id)!);
  return fresh.list ? { references: ordered, list: fresh.list } : { references: ordered };
}

const LIST_TITLE = 'Kildebank: referanseliste (Norsk APA)';

export async function addReferences(dataset: Dataset): Promise<Dataset> {
  const items = dataset.bibliography.map((e) => e.csl);
  // The list of the whole bibliography, unless it is cached, is formatted with the references, on the same threads.
  const cachedList = await lookUpBibliographyList(items, LIST_TITLE, defaultCacheDir());
  const { references: formatted, list: freshList } = await formatCached(items, {
    onProgress: (done, total) => reportProgress({ stage: 'citations', done, total, unit: 'entries' }),
    ...(cachedList.list ? {} : { list: { items, title: LIST_TITLE } }),
  });
  const list = cachedList.list ?? freshList;
  if (!list) throw new Error('The reference list of the whole bibliography was not formatted');
  if (!cachedList.list) await cachedList.save(list);
  return {
    ...dataset,
    exports: { ...dataset.exports, apaHtml: list.html, apaText: list.text },
    bibliography: dataset.bibliography.map((e) => {
      const refs = formatted.get(e.key);
      if (!refs) throw new Error(`No reference was formatted for '${e.key}'`);
      return { ...e, references: REFERENCE_STYLES.map((s) => ({ style: s.id, label: s.label, ...refs[s.id] })) };
    }),
  };
}
