/**
 * One build at a time per output folder: a lock file beside the folder
 * (`.dist.lock` next to `dist/`, `.json.lock` next to `.cache/json/`) holds
 * the pid of the build that owns it.
 *
 * The lock is created atomically: the owner's details are written to a file
 * of its own, which is then hard-linked to the lock's name; `link` fails if
 * the name exists, so a lock file is never seen half-written. A second build
 * does not wait: it fails at once with a message naming the first (waiting
 * would leave a librarian looking at a silent terminal). A lock whose pid no
 * longer runs on this machine (a build killed with SIGKILL, or a crash) is
 * stale and taken over.
 *
 * Taking over is not perfectly race-free: two builds that find the same stale
 * lock in the same millisecond both rename it aside, and the second then sees
 * that what it moved is not the stale lock but the first build's fresh one,
 * puts it back and reports the first build as running. A third build in that
 * window could slip through; that takes three builds started together right
 * after a crash.
 */
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** An expected failure of the build, with a message in Norwegian for whoever runs it; the CLI prints it without a stack trace. */
export class BuildError extends Error {
  override name = 'BuildError';
}

interface Owner {
  pid: number;
  host: string;
  started: string;
}

export interface BuildLock {
  /** The lock file's path. */
  file: string;
  release(): Promise<void>;
}

/** The lock file for a folder: `.<name>.lock` beside it. */
export function lockFileOf(target: string): string {
  const resolved = path.resolve(target);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? { pid: o.pid, host: o.host, started: String(o.started ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock held by someone else is live unless it was taken on this machine by a process that has ended. */
const isStale = (owner: Owner | undefined) =>
  owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid);

const readOwnerText = (file: string) =>
  readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));

const startedAt = (iso: string) => (Number.isNaN(Date.parse(iso)) ? 'ukjent tid' : new Date(iso).toLocaleString('nb-NO'));

function heldMessage(target: string, file: string, owner: Owner | undefined): string {
  const who = owner
    ? `En annen bygging (prosess ${owner.pid}${owner.host !== hostname() ? ` på maskinen ${owner.host}` : ''}, startet ${startedAt(owner.started)})`
    : 'En annen bygging';
  return (
    `${who} skriver allerede til ${target}. Vent til den er ferdig, og bygg på nytt. ` +
    `Er du sikker på at ingen annen bygging kjører, kan du slette låsefilen ${file}.`
  );
}

/**
 * Take the lock for `target` (whose parent folder must exist), or throw a
 * {@link BuildError} naming the build that holds it.
 */
export async function acquireLock(target: string): Promise<BuildLock> {
  const file = lockFileOf(target);
  const me: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const mine = JSON.stringify(me);
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(draft, mine, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(draft, file);
        return { file, release: () => releaseLock(file, mine) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const text = await readOwnerText(file);
      if (text === undefined) continue; // released meanwhile: try again
      const owner = parseOwner(text);
      // A lock file that cannot be read as an owner is being written by an older build or damaged: treated as held.
      if (!isStale(owner)) throw new BuildError(heldMessage(target, file, owner));
      // Stale: move it aside, and check that what was moved is the stale lock, not a fresh one taken meanwhile.
      const aside = `${file}.${process.pid}.stale`;
      try {
        await rename(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const moved = await readOwnerText(aside);
      if (moved !== text) {
        await link(aside, file).catch(() => undefined);
        await unlink(aside).catch(() => undefined);
        throw new BuildError(heldMessage(target, file, moved === undefined ? undefined : parseOwner(moved)));
      }
      await unlink(aside);
    }
    throw new BuildError(heldMessage(target, file, undefined));
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** Remove the lock if it is still ours. */
async function releaseLock(file: string, mine: string): Promise<void> {
  if ((await readOwnerText(file).catch(() => undefined)) === mine) await unlink(file).catch(() => undefined);
}
