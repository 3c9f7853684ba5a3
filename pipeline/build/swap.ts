/**
 * Replace a folder by a completed one in two renames, so readers see either
 * the old folder or the new one, never a half-written one. A folder left
 * aside by an interrupted swap is put back by `recoverSwap`.
 */
import { rename, rm, stat } from 'node:fs/promises';

/** Whether anything is at a path. */
export const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const asideOf = (target: string) => `${target.replace(/\/+$/, '')}.previous`;

/** Put back the previous folder if an interrupted swap left the target missing. */
export async function recoverSwap(target: string): Promise<void> {
  const aside = asideOf(target);
  if (!(await exists(target)) && (await exists(aside))) await rename(aside, target);
}

/**
 * Swap several completed folders in as one step: each target is moved aside
 * and its completed folder moved in; if any rename fails, the ones already
 * done are undone in reverse order, so the targets are either all new or all
 * as before. The folders moved aside are deleted afterwards; one that cannot
 * be deleted is left for the next build's {@link clearAside}, which fails
 * before any work if it still cannot.
 */
export async function swapAllInto(pairs: ReadonlyArray<{ completed: string; target: string }>): Promise<void> {
  const done: Array<{ completed: string; target: string; hadTarget: boolean }> = [];
  try {
    for (const { completed, target } of pairs) {
      await recoverSwap(target);
      const aside = asideOf(target);
      await rm(aside, { recursive: true, force: true });
      const hadTarget = await exists(target);
      if (hadTarget) await rename(target, aside);
      try {
        await rename(completed, target);
      } catch (e) {
        if (hadTarget) await rename(aside, target);
        throw e;
      }
      done.push({ completed, target, hadTarget });
    }
  } catch (e) {
    for (const { completed, target, hadTarget } of done.reverse()) {
      await rename(target, completed);
      if (hadTarget) await rename(asideOf(target), target);
    }
    throw e;
  }
  for (const { target, hadTarget } of done)
    if (hadTarget) await rm(asideOf(target), { recursive: true, force: true }).catch(() => undefined);
}

/** Delete a folder left aside by an earlier swap, if the target is in place (after {@link recoverSwap}). */
export async function clearAside(target: string): Promise<void> {
  await rm(asideOf(target), { recursive: true, force: true });
}

export { asideOf };
