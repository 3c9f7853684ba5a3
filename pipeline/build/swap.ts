/**
 * Replace a folder by a completed one in two renames, so readers see either
 * the old folder or the new one, never a half-written one. A folder left
 * aside by an interrupted swap is put back by `recoverSwap`.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const exists = (p: string) => stat(p).then(() => true, () => false);
const asideOf = (target: string) => `${target.replace(/\/+$/, '')}.previous`;

/** Put back the previous folder if an interrupted swap left the target missing. */
export async function recoverSwap(target: string): Promise<void> {
  const aside = asideOf(target);
  if (!(await exists(target)) && (await exists(aside))) await rename(aside, target);
}

export async function swapInto(completed: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await recoverSwap(target);
  const aside = asideOf(target);
  await rm(aside, { recursive: true, force: true });
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, aside);
  await rename(completed, target);
  if (hadTarget) await rm(aside, { recursive: true, force: true });
}
