/**
 * Run the data half of the build (./prepare-data.ts) in a child process and
 * hand back its result. The dataset, the citation engines and their threads
 * live and die in that process: once it exits, their memory is the system's
 * again, rather than the build's for as long as Eleventy and Pagefind run.
 *
 * The child reports each finished stage and its progress as it goes, so the
 * command line shows them as before. It answers once the JSON is written and
 * goes on formatting the whole bibliography's list, if that is still under
 * way (a rebuild), until the list is written; it stops when the build that
 * started it goes away (its IPC channel closes) or stops it.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportProgress, type Progress } from '../lib/progress.ts';
import type { StageLog } from '../run.ts';
import { PROJECT_ROOT } from './eleventy.ts';
import type { Prepared, PrepareOptions } from './prepare-data.ts';

/** What the child sends: a finished stage, progress, its result, the list's files once written, or why it failed. */
export type DataMessage = { stage: StageLog } | { progress: Progress } | { done: Prepared } | { listed: string[] } | { failed: string };

/** The data stage's answer, with the list still to come (its files, relative to the options' `listDir`). */
export interface DataRun {
  prepared: Prepared;
  list: Promise<string[]>;
  /** Stop the child (the build failed): the list is not needed any more. */
  stop(): void;
}

const CHILD = path.join(PROJECT_ROOT, 'pipeline', 'build', 'data-process-child.ts');

/** The heap limit this process was given (`--max-old-space-size`), passed on: the dataset lives in the child now. */
const heapFlags = () => process.execArgv.filter((a) => a.startsWith('--max-old-space-size'));

export function prepareInProcess(options: PrepareOptions, onStage: (log: StageLog) => void = () => {}): Promise<DataRun> {
  const tsx = pathToFileURL(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('tsx')).href;
  return new Promise((resolve, reject) => {
    // 'advanced' serialisation: the plan's Maps cross as Maps. --expose-gc: the child collects once the JSON is out.
    const child = fork(CHILD, [], {
      execArgv: ['--import', tsx, '--expose-gc', ...heapFlags()],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    let answered = false;
    let listed: string[] | undefined;
    let failure: string | undefined;
    let settleList: { resolve: (files: string[]) => void; reject: (e: Error) => void } | undefined;
    const list = new Promise<string[]>((res, rej) => (settleList = { resolve: res, reject: rej }));
    list.catch(() => undefined);
    child.on('message', (message: DataMessage) => {
      if ('stage' in message) onStage(message.stage);
      else if ('progress' in message) reportProgress(message.progress);
      else if ('done' in message) {
        answered = true;
        resolve({ prepared: message.done, list, stop: () => void child.kill() });
      } else if ('listed' in message) listed = message.listed;
      else failure = message.failed;
    });
    child.on('error', (e) => (answered ? settleList!.reject(e) : reject(e)));
    child.on('exit', (code, signal) => {
      const why = new Error(failure ?? `the data stage stopped before it was done (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      if (!answered) reject(why);
      else if (listed) settleList!.resolve(listed);
      else settleList!.reject(why);
    });
    child.send(options);
  });
}
