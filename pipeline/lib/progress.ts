/**
 * Progress of long work (how many of how many items are done), reported by
 * the stage doing it and shown by the command line as a progress line.
 */
export interface Progress {
  stage: string;
  done: number;
  total: number;
  unit: string;
}

type Listener = (progress: Progress) => void;
const listeners = new Set<Listener>();

/** Listen to progress reports; returns the function that stops listening. */
export function onProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportProgress(progress: Progress): void {
  for (const listener of listeners) listener(progress);
}

export interface ProgressLine {
  /** Remove the line before something else is printed; the next stage starts counting from now. */
  clear(): void;
  stop(): void;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * On a terminal, a status line under the stage lines once work has run for
 * `afterMs` without a new stage line: the latest progress report ("citations:
 * 3,400 of 10,000 entries") and the time so far, redrawn in place. When the
 * output is not a terminal (a log, CI), it writes nothing: the stage lines are
 * the plain record.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stdout, afterMs = 2000): ProgressLine {
  if (!stream.isTTY) return { clear: () => undefined, stop: () => undefined };
  let since = Date.now();
  let latest: Progress | undefined;
  let shown = '';
  const render = () => {
    const ms = Date.now() - since;
    if (ms < afterMs) return;
    const what = !latest
      ? 'working'
      : latest.total > 0
        ? `${latest.stage}: ${count(latest.done)} of ${count(latest.total)} ${latest.unit}`
        : `${latest.stage}: ${latest.unit}`;
    const line = `  … ${what}, ${Math.floor(ms / 1000)} s`;
    if (line !== shown) stream.write(`\r\x1b[2K${line}`);
    shown = line;
  };
  const timer = setInterval(render, 200);
  timer.unref();
  const off = onProgress((p) => (latest = p));
  const erase = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = '';
  };
  return {
    clear: () => {
      erase();
      since = Date.now();
      latest = undefined;
    },
    stop: () => {
      clearInterval(timer);
      off();
      erase();
    },
  };
}
