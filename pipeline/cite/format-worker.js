// A worker thread that formats batches of CSL items, or the whole bibliography's
// list (see ./format-parallel.ts).
// Plain JavaScript: a worker does not inherit the main thread's TypeScript
// loader, so it registers tsx itself before loading the formatter.
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';

// A full collection after each task: every batch builds its own citation
// engines, and a thread left to collect when it likes held about 150 MB more
// at 10,000 entries (two threads: 373 MB above the main thread, now 222 MB).
v8.setFlagsFromString('--expose_gc');
/** @type {(() => void) | undefined} */
const gc = vm.runInNewContext('gc');
import { register } from 'tsx/esm/api';

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
  gc?.();
}

parentPort?.on('message', onMessage);
parentPort?.postMessage({ ready: true });
