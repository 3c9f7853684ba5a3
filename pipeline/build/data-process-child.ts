/**
 * The child process of ./data-process.ts: takes the options, prepares the
 * data, reports as it goes, answers when the JSON is written, writes the
 * list when it is done, and exits.
 */
import v8 from 'node:v8';
import { onProgress } from '../lib/progress.ts';
import type { DataMessage } from './data-process.ts';
import { prepareData, type PrepareOptions } from './prepare-data.ts';

const send = (message: DataMessage) =>
  new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (e) => (e ? reject(e) : resolve())));

// The build that started this process is gone: nobody will use what it writes.
const orphaned = () => process.exit(1);
process.on('disconnect', orphaned);

/**
 * Give back the memory the dataset took, now that it is written and gone, while
 * the list is being finished. A full collection alone leaves V8 holding the
 * pages the dataset was spread over (at 10,000 entries 330 MB of heap for
 * 70 MB of live objects, and the process at 620 MB while Eleventy and Pagefind
 * run); one that compacts them lets them go (105 MB of heap, the process at
 * 370 MB). Only this collection compacts: the list's thread collects often.
 */
function giveBackMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  v8.setFlagsFromString('--compact-on-every-full-gc');
  gc();
  v8.setFlagsFromString('--no-compact-on-every-full-gc');
}

/** Whether `promise` has settled by the time the events already queued have run. */
const settledNow = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => setImmediate(() => resolve(false))),
  ]);

async function run(options: PrepareOptions): Promise<void> {
  const prepared = await prepareData(options, (stage) => void send({ stage }));
  // A cold build's list is done by now, and the process ends once it has answered. A rebuild's is not: the memory goes
  // back before the answer, so that Eleventy's processes do not start beside the dataset (at 10,000 entries the process
  // held 885 MB when they started, 390 MB once this collection had run).
  if (!(await settledNow(prepared.list))) giveBackMemory();
  await send({ done: prepared.prepared });
  await send({ listed: await prepared.list });
}

process.once('message', (options: PrepareOptions) => {
  onProgress((progress) => void send({ progress }).catch(() => undefined));
  run(options)
    .catch((e: unknown) => send({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
    .finally(() => {
      process.off('disconnect', orphaned);
      process.disconnect();
    });
});
