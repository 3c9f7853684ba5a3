/**
 * Format many items on all cores: the items are cut into batches that worker
 * threads (./format-worker.js) take one at a time, each formatting its batch
 * with {@link formatReferences}. Every batch formats as formatting its items
 * alone would (see ./format-references.ts), so the result does not depend on
 * how the items were cut or which thread took them.
 *
 * The whole bibliography's list comes in parts that format apart
 * (./list-cache.ts, ./list-shards.ts): {@link formatInParallel} gives them to
 * the threads first, and the batches after them.
 *
 * Few items, or one core, are formatted here, in batches too, so progress can
 * be reported. A worker that cannot start (or dies) is not an error: the work
 * is then done here instead. An error in formatting is.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { formatListPart } from './bibliography-list.ts';
import { formatReferences } from './format-references.ts';
import type { SortableEntry } from './reference-list.ts';
import { type CslItem, type FormattedReferences } from './reference-rules.ts';

/**
 * Parts of the whole bibliography's list (./list-cache.ts), each formatted in
 * one engine (./bibliography-list.ts `formatListPart`): about 21 s of one core
 * for all of 10,000 items.
 */
export interface ListJob {
  parts: ReadonlyArray<readonly CslItem[]>;
}

export interface ParallelOptions {
  lang?: string;
  /** Threads to use; default: one per core (at most 4) when there are at least `minParallel` items. */
  threads?: number;
  batchSize?: number;
  /** Starting threads costs about a second: below this many items, format here. Default 400. */
  minParallel?: number;
  /** Called after each batch with the number of items done. */
  onProgress?: (done: number, total: number) => void;
}

type References = FormattedReferences extends Map<string, infer V> ? V : never;

/** A worker's task: a batch of references, or a part of the list. */
export type WorkerTask = { kind: 'references'; items: CslItem[]; lang: string } | { kind: 'list'; part: number; items: readonly CslItem[] };

type WorkerReply =
  | { ready: true }
  | { ok: true; results: Array<[string, References]> }
  | { ok: true; part: number; entries: SortableEntry[] }
  | { ok: false; error: string };

/** The references, in the order of the items. */
interface Formatted {
  references: FormattedReferences;
}

/** Raised for a worker that failed to run, as opposed to an item that failed to format. */
class WorkerFailure extends Error {}

const batchesOf = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

async function formatHere(
  batches: CslItem[][],
  lang: string,
  total: number,
  onProgress?: ParallelOptions['onProgress'],
  cancelled: () => boolean = () => false,
): Promise<Formatted> {
  const references: FormattedReferences = new Map();
  let done = 0;
  for (const batch of batches) {
    if (cancelled()) throw new Error('the formatting was cancelled');
    for (const [id, refs] of formatReferences(batch, lang)) references.set(id, refs);
    done += batch.length;
    onProgress?.(done, total);
    // Let timers (the progress line) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { references };
}

/**
 * A formatting thread's young generation, in MB (V8's default is 48 MB): with
 * the heap growing by a quarter at a time (./format-worker.js), a smaller one
 * held the references and the list of 10,000 items on two threads at 0.43 GB
 * instead of 0.73 GB, in the same time (40.4 s against 43.1–43.5 s under one
 * load). In the build, either setting alone saved little.
 */
const YOUNG_GENERATION_MB = 12;

/**
 * Up to this many items the threads collect their garbage often (a small
 * young generation, a heap that grows by a quarter). Above it the live data
 * outweighs the garbage: the list of 100,000 items took 531 s that way and
 * 409 s with V8's defaults, at the same memory (about 1 GB).
 */
export const FRUGAL_UP_TO = 20_000;

/** What a thread is told when it starts (./format-worker.js). */
export interface WorkerSetup {
  /** Collect often, holding less memory for a little more time. */
  frugal: boolean;
}

/** A task's answer from a thread: a batch's references, or a part of the list. */
type TaskReply = Extract<WorkerReply, { ok: true }>;

/**
 * Run `tasks` on up to `threads` worker threads (./format-worker.js), each
 * thread taking the next task when it is done; `onReply` gets every answer.
 * `done` rejects with a {@link WorkerFailure} when a thread fails to run, and
 * with the error when a task fails; `cancel` stops the threads.
 */
function onThreads(
  tasks: readonly WorkerTask[],
  threads: number,
  setup: WorkerSetup,
  onReply: (reply: TaskReply) => void,
): { done: Promise<void>; cancel(): Promise<void> } {
  const workers: Worker[] = [];
  const done = new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const retired = new Set<Worker>();
    const feed = (worker: Worker) => {
      if (next < tasks.length) worker.postMessage(tasks[next++]);
      else if (finished === tasks.length) finish();
      else {
        // Nothing left for this thread while others finish theirs (the list): let its memory go now.
        retired.add(worker);
        void worker.terminate();
      }
    };
    for (let i = 0; i < Math.min(threads, tasks.length); i++) {
      const worker = new Worker(new URL('./format-worker.js', import.meta.url), {
        workerData: setup,
        ...(setup.frugal ? { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } } : {}),
      });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) return feed(worker);
        if (!reply.ok) return finish(new Error(reply.error));
        finished++;
        try {
          onReply(reply);
        } catch (e) {
          return finish(e instanceof Error ? e : new Error(String(e)));
        }
        feed(worker);
      });
      worker.on('error', (e) => finish(new WorkerFailure(e.message)));
      worker.on('exit', (code) => {
        if (!settled && !retired.has(worker)) finish(new WorkerFailure(`a formatting thread exited (${code}) before the work was done`));
      });
    }
  });
  return { done, cancel: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/** Items are told apart by their ids: two with one id are a bug upstream. */
export function assertUniqueIds(items: readonly CslItem[]): void {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`Duplicate CSL item id "${item.id}"`);
    ids.add(item.id);
  }
}

/** Formatting under way: the references, the list when one was asked for, and how to stop both. */
export interface FormattingRun {
  /** In the order of the items. */
  references: Promise<FormattedReferences>;
  list?: ListRun;
  /** Stop formatting (a later stage failed): the threads end, and what is not done rejects. */
  cancel(): Promise<void>;
}

/** A list being formatted: its parts' entries (in the order of the parts), and how to stop it. */
export interface ListRun {
  result: Promise<SortableEntry[][]>;
  cancel(): Promise<void>;
}

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

/**
 * {@link formatReferences} for many items on all cores and, with `list`, the
 * parts of the whole bibliography's list on the same threads: the threads take
 * the list's parts first, then the batches. One thread per core, rather than
 * one more for the list, keeps the cores as busy and holds one formatter less
 * in memory. The references resolve when their batches are done, while the
 * list may still run; a thread that cannot start or dies is not an error (the
 * rest is then formatted here).
 */
export function formatInParallel(items: readonly CslItem[], options: ParallelOptions & { list?: ListJob } = {}): FormattingRun {
  const { lang = 'nb-NO', batchSize = 250, minParallel = 400, onProgress, list } = options;
  assertUniqueIds(items);
  const parts = list?.parts ?? [];
  const threads = options.threads ?? (items.length >= minParallel || parts.length > 0 ? Math.min(availableParallelism(), 4) : 1);
  const batches = batchesOf(items, batchSize);
  const inOrder = (formatted: FormattedReferences): FormattedReferences => {
    // The order of the items, whichever thread finished first.
    const references: FormattedReferences = new Map();
    for (const item of items) references.set(item.id, formatted.get(item.id)!);
    return references;
  };
  const tasks: WorkerTask[] = [
    ...parts.map((items, part): WorkerTask => ({ kind: 'list', part, items })),
    ...batches.map((b): WorkerTask => ({ kind: 'references', items: b, lang })),
  ];
  if (parts.length === 0 && (threads <= 1 || batches.length <= 1)) {
    let stopped = false;
    const here = formatHere(batches, lang, items.length, onProgress, () => stopped).then((f) => inOrder(f.references));
    here.catch(() => undefined);
    const cancel = async () => void (stopped = true);
    return { references: here, cancel, ...(list ? { list: { result: Promise.resolve([]), cancel } } : {}) };
  }

  const references = deferred<FormattedReferences>();
  const listed = deferred<SortableEntry[][]>();
  let referencesDone = false;
  const partsDone: SortableEntry[][] = [];
  let partCount = 0;
  const listDone = () => partCount === parts.length;
  let cancelled = false;
  const formatted: FormattedReferences = new Map();
  let done = 0;
  const referencesReady = () => {
    referencesDone = true;
    references.resolve(inOrder(formatted));
  };
  if (batches.length === 0) referencesReady();
  if (parts.length === 0) listed.resolve([]);
  const frugal =
    Math.max(
      items.length,
      parts.reduce((n, p) => n + p.length, 0),
    ) <= FRUGAL_UP_TO;
  const run = onThreads(tasks, Math.max(1, threads), { frugal }, (reply) => {
    if ('part' in reply) {
      partsDone[reply.part] = reply.entries;
      if (++partCount === parts.length) listed.resolve(partsDone);
      return;
    }
    for (const [id, refs] of reply.results) formatted.set(id, refs);
    done += reply.results.length;
    onProgress?.(done, items.length);
    if (done === items.length) referencesReady();
  });
  run.done.catch(async (e: unknown) => {
    if (cancelled) e = new Error('the formatting was cancelled');
    else if (e instanceof WorkerFailure) {
      // A thread failed to run: format here what is not done yet.
      try {
        if (!referencesDone) references.resolve(inOrder((await formatHere(batches, lang, items.length, onProgress)).references));
        if (!listDone()) listed.resolve(parts.map((part, i) => partsDone[i] ?? formatListPart(part)));
        return;
      } catch (here) {
        e = here;
      }
    }
    references.reject(e);
    listed.reject(e);
  });
  // Whoever does not wait for one of them must not see its failure as unhandled.
  references.promise.catch(() => undefined);
  listed.promise.catch(() => undefined);
  const cancel = async () => {
    cancelled = true;
    await run.cancel();
  };
  return { references: references.promise, cancel, ...(list ? { list: { result: listed.promise, cancel } } : {}) };
}

/** {@link formatReferences} for many items, on all cores; the result is in the order of `items`. */
export function formatReferencesInParallel(items: readonly CslItem[], options: ParallelOptions = {}): Promise<FormattedReferences> {
  return formatInParallel(items, options).references;
}

/** The list's parts alone, on a thread of its own, so the caller goes on meanwhile. */
export function formatListInWorker(list: ListJob): ListRun {
  return formatInParallel([], { list, threads: 1 }).list!;
}
