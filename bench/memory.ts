/**
 * Peak memory of a process tree: the resident set size (RSS) of a process and
 * all its descendants (the build, its Eleventy child, Pagefind's binary),
 * summed and sampled from /proc at a fixed interval. Linux only; elsewhere
 * it records nothing and peaks are reported as unknown.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

export interface Sample {
  /** Epoch milliseconds (performance.timeOrigin + performance.now()). */
  t: number;
  rss: number;
}

export const now = (): number => performance.timeOrigin + performance.now();

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (c.trim()) out.push(Number(c));
    } catch {
      // The thread ended while we looked.
    }
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** The summed RSS of `pid` and its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  const queue = [pid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    total += rssOf(p);
    queue.push(...childrenOf(p));
  }
  return total;
}

export class TreeSampler {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    const tick = () => {
      const rss = treeRss(this.pid);
      if (rss > 0) this.samples.push({ t: now(), rss });
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The highest sample between two times (the whole run when omitted); undefined when none fell in the window. */
  peak(from = -Infinity, to = Infinity): number | undefined {
    let max: number | undefined;
    for (const s of this.samples) if (s.t >= from && s.t <= to && (max === undefined || s.rss > max)) max = s.rss;
    return max;
  }
}
