/**
 * Format many items on all cores: the items are cut into batches that worker
 * threads (./format-worker.js) take one at a time, each formatting its batch
 * with {@link formatReferences}. Every batch formats as formatting its items
 * alone would (see ./format-references.ts), so the result does not depend on
 * how the items were cut or which thread took them.
 *
 * The whole bibliography's list (./bibliography-list.ts) is one task that
 * does not split: {@link formatListInWorker} runs it on a thread of its own.
 *
 * Few items, or one core, are formatted here, in batches too, so progress can
 * be reported. A worker that cannot start (or dies) is not an error: the work
 * is then done here instead. An error in formatting is.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bibliographyList, type BibliographyList } from './bibliography-list.ts';
import { formatReferences } from './format-references.ts';
import { type CslItem, type FormattedReferences } from './reference-rules.ts';

/** The whole bibliography as one reference list (./bibliography-list.ts): about 19 s at 10,000 items. */
export interface ListJob {
  items: readonly CslItem[];
  title: string;
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

/** A worker's task: a batch of references, or the list. */
export type WorkerTask =
  { kind: 'references'; items: CslItem[]; lang: string } | { kind: 'list'; items: readonly CslItem[]; title: string };

type WorkerReply =
  | { ready: true }
  | { ok: true; results: Array<[string, References]> }
  | { ok: true; list: BibliographyList }
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
): Promise<Formatted> {
  const references: FormattedReferences = new Map();
  let done = 0;
  for (const batch of batches) {
    for (const [id, refs] of formatReferences(batch, lang)) references.set(id, refs);
    done += batch.length;
    onProgress?.(done, total);
    // Let timers (the progress line) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { references };
}

/** A task's answer from a thread: a batch's references, or the list. */
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
    const feed = (worker: Worker) => {
      if (next < tasks.length) worker.postMessage(tasks[next++]);
      else if (finished === tasks.length) finish();
    };
    for (let i = 0; i < Math.min(threads, tasks.length); i++) {
      const worker = new Worker(new URL('./format-worker.js', import.meta.url));
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
        if (!settled) finish(new WorkerFailure(`a formatting thread exited (${code}) before the work was done`));
      });
    }
  });
  return { done, cancel: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

async function formatInWorkers(
  batches: CslItem[][],
  lang: string,
  threads: number,
  total: number,
  onProgress?: ParallelOptions['onProgress'],
): Promise<Formatted> {
  const result: Formatted = { references: new Map() };
  let done = 0;
  const tasks = batches.map((items): WorkerTask => ({ kind: 'references', items, lang }));
  await onThreads(tasks, threads, (reply) => {
    if (!('results' in reply)) throw new Error('a formatting thread answered with a list');
    for (const [id, refs] of reply.results) result.references.set(id, refs);
    done += reply.results.length;
    onProgress?.(done, total);
  }).done;
  return result;
}

/** {@link formatReferences} for many items, on all cores; the result is in the order of `items`. */
export async function formatReferencesInParallel(items: readonly CslItem[], options: ParallelOptions = {}): Promise<FormattedReferences> {
  const { lang = 'nb-NO', batchSize = 250, minParallel = 400, onProgress } = options;
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`Duplicate CSL item id "${item.id}"`);
    ids.add(item.id);
  }
  const threads = options.threads ?? (items.length >= minParallel ? Math.min(availableParallelism(), 4) : 1);
  const batches = batchesOf(items, batchSize);
  let formatted: Formatted;
  if (threads > 1 && batches.length > 1) {
    try {
      formatted = await formatInWorkers(batches, lang, threads, items.length, onProgress);
    } catch (e) {
      if (!(e instanceof WorkerFailure)) throw e;
      formatted = await formatHere(batches, lang, items.length, onProgress);
    }
  } else {
    formatted = await formatHere(batches, lang, items.length, onProgress);
  }
  // The order of the items, whichever thread finished first.
  const references: FormattedReferences = new Map();
  for (const item of items) references.set(item.id, formatted.references.get(item.id)!);
  return references;
}

/** A list being formatted on a thread of its own: its result, and how to stop it. */
export interface ListRun {
  result: Promise<BibliographyList>;
  cancel(): Promise<void>;
}

/**
 * Format the list on a thread of its own, so the caller goes on meanwhile
 * (the build renders and indexes the site while it runs). A thread that
 * cannot start or dies is not an error: the list is then formatted here.
 */
export function formatListInWorker(list: ListJob): ListRun {
  let cancelled = false;
  let formatted: BibliographyList | undefined;
  const run = onThreads([{ kind: 'list', items: list.items, title: list.title }], 1, (reply) => {
    if (!('list' in reply)) throw new Error("the list's thread answered with references");
    formatted = reply.list;
  });
  const result = run.done.then(
    () => formatted!,
    (e: unknown) => {
      if (cancelled) throw new Error('the list was cancelled');
      if (!(e instanceof WorkerFailure)) throw e;
      return bibliographyList(list.items, list.title);
    },
  );
  return {
    result,
    cancel: async () => {
      cancelled = true;
      await run.cancel();
    },
  };
}
