/**
 * The citation stage: every entry's reference in each style, Norsk APA first.
 *
 * References are cached by content (./reference-cache.ts), so a rebuild
 * formats only the entries that changed; the rest are formatted on all cores
 * (./format-parallel.ts). The Norsk APA list of the whole bibliography
 * (./bibliography-list.ts) is formatted on the same threads, first, only in
 * the shards the cache does not have (./list-cache.ts), and handed on as
 * pending exports. Either way the references are the same
 * strings.
 */
import type { Cited, Citing, Dataset, LinkedDataset } from '../model/types.ts';
import { planList } from './list-cache.ts';
import { assertUniqueIds, formatInParallel, type FormattingRun, type ListJob } from './format-parallel.ts';
import { REFERENCE_STYLES, type CslItem, type FormattedReferences } from './reference-rules.ts';
import { reportProgress } from '../lib/progress.ts';
import { defaultCacheDir, itemKey, ReferenceCache } from './reference-cache.ts';

export interface CachedOptions {
  /** Default: `KILDEBANK_CITATION_CACHE`, or `.cache/citations` in the working folder. */
  cacheDir?: string;
  lang?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Start formatting every item's references, from the cache where it has
 * them, formatted (and cached) where not; with `list`, the parts of the list
 * to format, on the same threads (./format-parallel.ts). Resolves once the work has started.
 */
export async function startCached(items: readonly CslItem[], options: CachedOptions & { list?: ListJob } = {}): Promise<FormattingRun> {
  const { lang = 'nb-NO', onProgress } = options;
  assertUniqueIds(items);
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
  const run = formatInParallel(misses, {
    lang,
    onProgress: (done) => onProgress?.(hits + done, items.length),
    ...(options.list ? { list: options.list } : {}),
  });
  const references = run.references.then(async (fresh) => {
    for (const [id, refs] of fresh) {
      result.set(id, refs);
      cache.set(keys.get(id)!, refs);
    }
    await cache.save();
    const ordered: FormattedReferences = new Map();
    for (const item of items) ordered.set(item.id, result.get(item.id)!);
    return ordered;
  });
  references.catch(() => undefined);
  return { references, cancel: run.cancel, ...(run.list ? { list: run.list } : {}) };
}

/** Every item's references, from the cache where it has them, formatted (and cached) where not. */
export async function formatReferencesCached(items: readonly CslItem[], options: CachedOptions = {}): Promise<FormattedReferences> {
  return (await startCached(items, options)).references;
}

const LIST_TITLE = 'Kildebank: referanseliste (Norsk APA)';

/**
 * Start the citation stage: each entry's references, and the list of the
 * whole bibliography (the `apaHtml` and `apaText` downloads), formatted on the
 * threads from the linked dataset's CSL items while the pipeline enriches it.
 * Completing it adds the references to the enriched dataset and hands the list
 * on as pending exports: nothing but its own download waits for it, so the
 * build writes its JSON while it runs (about 21 s of one core at 10,000
 * entries when none of it is cached).
 */
export async function startReferences(dataset: LinkedDataset): Promise<Citing> {
  const items = dataset.bibliography.map((e) => e.csl);
  const listPlan = await planList(items, LIST_TITLE, defaultCacheDir());
  const run = await startCached(items, {
    onProgress: (done, total) => reportProgress({ stage: 'citations', done, total, unit: 'entries' }),
    ...(listPlan.parts.length > 0 ? { list: { parts: listPlan.parts } } : {}),
  });
  const cancel = () => run.cancel();
  return {
    cancel,
    async complete(enriched: Dataset): Promise<Cited> {
      let formatted: FormattedReferences;
      try {
        formatted = await run.references;
      } catch (e) {
        await cancel();
        throw e;
      }
      const list = (run.list?.result ?? Promise.resolve([])).then((formatted) => listPlan.complete(formatted));
      const exports = list.then((l) => ({ apaHtml: l.html, apaText: l.text }));
      // Handled here so that a failure while nobody waits yet is not an unhandled rejection; whoever awaits it still gets it.
      exports.catch(() => undefined);
      return {
        dataset: {
          ...enriched,
          bibliography: enriched.bibliography.map((e) => {
            const refs = formatted.get(e.key);
            if (!refs) throw new Error(`No reference was formatted for '${e.key}'`);
            return { ...e, references: REFERENCE_STYLES.map((s) => ({ style: s.id, label: s.label, ...refs[s.id] })) };
          }),
        },
        pending: { exports, cancel },
      };
    },
  };
}
