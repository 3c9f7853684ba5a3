/**
 * The child process of ./data-process.ts: takes the options, prepares the
 * data, reports as it goes, answers when the JSON is written, writes the
 * list when it is done, and exits.
 */
import { onProgress } from '../lib/progress.ts';
import type { DataMessage } from './data-process.ts';
import { prepareData, type PrepareOptions } from './prepare-data.ts';

const send = (message: DataMessage) =>
  new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (e) => (e ? reject(e) : resolve())));

// The build that started this process is gone: nobody will use what it writes.
const orphaned = () => process.exit(1);
process.on('disconnect', orphaned);

async function run(options: PrepareOptions): Promise<void> {
  const prepared = await prepareData(options, (stage) => void send({ stage }));
  await send({ done: prepared.prepared });
  // The dataset is written and gone: give its memory back while the list (if any) is finished.
  (globalThis as { gc?: () => void }).gc?.();
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
