import { describe, expect, it } from 'vitest';
import { inParallel } from '../../pipeline/lib/in-parallel.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inParallel', () => {
  it('runs every task, never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inParallel(
      Array.from({ length: 20 }, (_, i) => async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        done.push(i);
      }),
      3,
    );
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
  });

  it('starts no task after a failure, and rejects with it once the running ones end', async () => {
    const started: number[] = [];
    let endedAfterFailure = false;
    const run = inParallel(
      Array.from({ length: 10 }, (_, i) => async () => {
        started.push(i);
        if (i === 1) throw new Error('broken link');
        await tick();
        if (i === 0) endedAfterFailure = true;
      }),
      2,
    );
    await expect(run).rejects.toThrow('broken link');
    expect(started).toEqual([0, 1]);
    expect(endedAfterFailure).toBe(true);
  });

  it('resolves at once for no tasks', async () => {
    await expect(inParallel([], 4)).resolves.toBeUndefined();
  });
});
