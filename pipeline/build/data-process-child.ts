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

async function run(options: PrepareOptions): Promise<void> {
  const prepared = await prepareData(options, (stage) => void send({ stage }));
  let listed: string[] | undefined;
  void prepared.list.then((files) => (listed = files)).catch(() => undefined);
  await send({ done: prepared.prepared });
  // A cold build's list is done by now, and the process ends at once; a rebuild's is not.
  if (!listed) giveBackMemory();
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
