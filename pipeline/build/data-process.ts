/**
 * Run the data half of the build (./prepare-data.ts) in a child process and
 * hand back its result. The dataset, the citation engines and their threads
 * live and die in that process: once it exits, their memory is the system's
 * again, rather than the build's for as long as Eleventy and Pagefind run.
 *
 * The child reports each finished stage and its progress as it goes, so the
 * command line shows them as before; it stops when the build that started it
 * goes away (its IPC channel closes).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportProgress, type Progress } from '../lib/progress.ts';
import type { StageLog } from '../run.ts';
import { PROJECT_ROOT } from './eleventy.ts';
import type { Prepared, PrepareOptions } from './prepare-data.ts';

/** What the child sends: a finished stage, progress, its result, or why it failed. */
export type DataMessage = { stage: StageLog } | { progress: Progress } | { done: Prepared } | { failed: string };

const CHILD = path.join(PROJECT_ROOT, 'pipeline', 'build', 'data-process-child.ts');

/** The heap limit this process was given (`--max-old-space-size`), passed on: the dataset lives in the child now. */
const heapFlags = () => process.execArgv.filter((a) => a.startsWith('--max-old-space-size'));

export function prepareInProcess(options: PrepareOptions, onStage: (log: StageLog) => void = () => {}): Promise<Prepared> {
  const tsx = pathToFileURL(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('tsx')).href;
  return new Promise((resolve, reject) => {
    // 'advanced' serialisation: the plan's Maps cross as Maps.
    const child = fork(CHILD, [], { execArgv: ['--import', tsx, ...heapFlags()], serialization: 'advanced', stdio: 'inherit' });
    let result: Prepared | undefined;
    let failure: string | undefined;
    child.on('message', (message: DataMessage) => {
      if ('stage' in message) onStage(message.stage);
      else if ('progress' in message) reportProgress(message.progress);
      else if ('done' in message) result = message.done;
      else failure = message.failed;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(failure ?? `the data stage stopped before it was done (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
    child.send(options);
  });
}
