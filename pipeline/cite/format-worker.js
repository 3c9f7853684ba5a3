// A worker thread that formats batches of CSL items (see ./format-parallel.ts).
// Plain JavaScript: a worker does not inherit the main thread's TypeScript
// loader, so it registers tsx itself before loading the formatter.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { formatReferences } = await import('./format-references.ts');

/** @param {{ items: import('./reference-rules.ts').CslItem[], lang: string }} message */
function onMessage({ items, lang }) {
  try {
    parentPort?.postMessage({ ok: true, results: [...formatReferences(items, lang)] });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

parentPort?.on('message', onMessage);
parentPort?.postMessage({ ready: true });
