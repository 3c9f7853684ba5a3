// A worker thread that formats batches of CSL items, or parts of the whole
// bibliography's list (see ./format-parallel.ts).
// Plain JavaScript: a worker does not inherit the main thread's TypeScript
// loader, so it registers tsx itself before loading the formatter.
import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import { register } from 'tsx/esm/api';

// A full collection after a task that left the thread's heap above
// GC_ABOVE: every batch builds its own citation engines, and a thread left to
// collect when it likes floats about 60 MB more each at 10,000 entries. A
// collection after every task held less still, but cost a quarter more time.
const GC_ABOVE = 150e6;
v8.setFlagsFromString('--expose_gc');
// A heap that grows by a quarter at a time, rather than by V8's default factor
// (up to four times): citeproc leaves far more garbage than it keeps (the
// whole list's engine keeps about 55 MB of the 300 MB a thread grew to at
// 10,000 items), and V8 would let it pile up. Measured at 10,000 entries: the
// build's process tree during the citation stage 1.19 GB → 0.85–0.94 GB. A
// tenth held as little but doubled the list's full collections (23 against 11;
// the default makes 4) and cost it about 2 s of pauses on a busy machine; a
// half held 0.1 GB more. V8's flags are the process's, so the process that
// runs the threads (the build's data stage) collects the same way from here
// on; set for its whole life, it made linking and enriching 1.5 s slower.
// Only for collections of up to FRUGAL_UP_TO items (./format-parallel.ts),
// where it saves memory; on larger ones it costs time and saves nothing.
if (/** @type {import('./format-parallel.ts').WorkerSetup | undefined} */ (workerData)?.frugal)
  v8.setFlagsFromString('--heap-growing-percent=25');
/** @type {(() => void) | undefined} */
const gc = vm.runInNewContext('gc');
register();
const { formatReferences } = await import('./format-references.ts');
const { formatListPart } = await import('./bibliography-list.ts');

/** @param {import('./format-parallel.ts').WorkerTask} task */
function onMessage(task) {
  try {
    if (task.kind === 'list') parentPort?.postMessage({ ok: true, part: task.part, entries: formatListPart(task.items) });
    else parentPort?.postMessage({ ok: true, results: [...formatReferences(task.items, task.lang)] });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
  if (v8.getHeapStatistics().used_heap_size > GC_ABOVE) gc?.();
}

parentPort?.on('message', onMessage);
parentPort?.postMessage({ ready: true });
