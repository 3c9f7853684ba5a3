// A worker thread that formats batches of CSL items, or the whole bibliography's
// list (see ./format-parallel.ts).
// Plain JavaScript: a worker does not inherit the main thread's TypeScript
// loader, so it registers tsx itself before loading the formatter.
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import { register } from 'tsx/esm/api';

// A full collection after a task that left the thread's heap above
// GC_ABOVE: every batch builds its own citation engines, and a thread left to
// collect when it likes floats about 60 MB more each at 10,000 entries. A
// collection after every task held less still, but cost a quarter more time.
const GC_ABOVE = 150e6;
v8.setFlagsFromString('--expose_gc');
/** @type {(() => void) | undefined} */
const gc = vm.runInNewContext('gc');
register();
const { formatReferences } = await import('./format-references.ts');
const { bibliographyList } = await import('./bibliography-list.ts');

/** @param {import('./format-parallel.ts').WorkerTask} task */
function onMessage(task) {
  try {
    if (task.kind === 'list') parentPort?.postMessage({ ok: true, list: bibliographyList(task.items, task.title) });
    else parentPort?.postMessage({ ok: true, results: [...formatReferences(task.items, task.lang)] });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
  if (v8.getHeapStatistics().used_heap_size > GC_ABOVE) gc?.();
}

parentPort?.on('message', onMessage);
parentPort?.postMessage({ ready: true });
