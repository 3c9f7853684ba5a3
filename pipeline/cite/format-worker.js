// A worker thread that formats batches of CSL items, or the whole bibliography's
// list (see ./format-parallel.ts).
// Plain JavaScript: a worker does not inherit the main thread's TypeScript
// loader, so it registers tsx itself before loading the formatter.
import { parentPort } from 'node:worker_threads';
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
}

parentPort?.on('message', onMessage);
parentPort?.postMessage({ ready: true });
