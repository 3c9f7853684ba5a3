/**
 * The citation stage: every entry's reference in each style, Norsk APA first.
 *
 * References are cached by content (./reference-cache.ts), so a rebuild
 * formats only the entries that changed; the rest are formatted on all cores
 * (./format-parallel.ts). Either way the references are the same strings.
 */
import type { Dataset } from '../model/types.ts';
import { bibliographyListCached } from './bibliography-list.ts';
import { formatReferencesInParallel } from './format-parallel.ts';
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
  const fresh = await formatReferencesInParallel(misses, { lang, onProgress: (done) => onProgress?.(hits + done, items.length) });
  for (const [id, refs] of fresh) {
    result.set(id, refs);
    cache.set(keys.get(id)!, refs);
  }
  await cache.save();
  const ordered: FormattedReferences = new Map();
  for (const item of items) ordered.set(item.id, result.get(item.id)!);
  return ordered;
}

export async function addReferences(dataset: Dataset): Promise<Dataset> {
  const formatted = await formatReferencesCached(
    dataset.bibliography.map((e) => e.csl),
    { onProgress: (done, total) => reportProgress({ stage: 'citations', done, total, unit: 'entries' }) },
  );
  const list = await bibliographyListCached(
    dataset.bibliography.map((e) => e.csl),
    'Kildebank: referanseliste (Norsk APA)',
    defaultCacheDir(),
  );
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
