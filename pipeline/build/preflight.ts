/**
 * Checks before a build does any work, so that it never runs the pipeline,
 * Eleventy and Pagefind only to fail at the swap: the output folder and the
 * JSON cache must be folders (or not exist yet), and their parent folders
 * must exist and be writable, since the staging folders, the lock and the
 * swap's renames all happen there.
 *
 * Missing parent folders are created (`build --out site/kildebank` with no
 * `site/` makes it), like the default cache `.cache/json` on a fresh checkout.
 * Writability is probed by creating and removing a folder, not with
 * `access()`, which says yes to root on a read-only bind mount and knows
 * nothing of ACLs.
 */
import { mkdir, mkdtemp, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { kindOf } from '../lib/path-kind.ts';
import { BuildError } from './lock.ts';
import { asideOf, clearAside, recoverSwap } from './swap.ts';

/** A folder the build replaces, and how to name it in messages. */
export interface Target {
  dir: string;
  /** The command-line option that chooses it, e.g. '--out'. */
  option: string;
}

const REASONS: Record<string, string> = {
  EACCES: 'ingen skrivetilgang',
  EPERM: 'ingen skrivetilgang',
  EROFS: 'filsystemet er skrivebeskyttet',
  ENOSPC: 'disken er full',
  EDQUOT: 'diskkvoten er brukt opp',
};

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (code || String(e));
};

/** The first path on the way from the root to `dir` that is not a folder. */
async function fileInTheWay(dir: string): Promise<string | undefined> {
  let p = path.parse(dir).root;
  for (const part of path.relative(p, dir).split(path.sep).filter(Boolean)) {
    p = path.join(p, part);
    const kind = await kindOf(p);
    if (kind === undefined) return undefined;
    if (kind !== 'folder') return p;
  }
  return undefined;
}

/** Make sure the target's parent folder exists (creating it if needed) and is writable, and that the target is not a file. */
export async function ensureParent({ dir, option }: Target): Promise<void> {
  const resolved = path.resolve(dir);
  const parent = path.dirname(resolved);
  const kind = await kindOf(resolved);
  const blocker = kind !== undefined && kind !== 'folder' ? resolved : await fileInTheWay(parent);
  if (blocker) {
    throw new BuildError(
      `Kan ikke bygge til ${dir}: ${blocker} er en fil, ikke en mappe. Velg en annen mappe med ${option}, eller flytt filen. Ingenting er endret.`,
    );
  }
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    // A recursive mkdir may report ENOENT for a read-only file system; the closest existing folder tells the real reason.
    let existing = parent;
    while ((await kindOf(existing)) === undefined && path.dirname(existing) !== existing) existing = path.dirname(existing);
    await probe(existing, dir, option);
    throw new BuildError(
      `Kan ikke lage mappen ${parent} for ${dir} (${reasonOf(e)}). Velg en annen mappe med ${option}, eller lag mappen selv. Ingenting er endret.`,
    );
  }
  await probe(parent, dir, option);
}

/** Create and remove a folder in `folder`, or throw a BuildError saying that `dir` cannot be replaced. */
async function probe(folder: string, dir: string, option: string): Promise<void> {
  try {
    await rmdir(await mkdtemp(path.join(folder, '.kildebank-skrivetest-')));
  } catch (e) {
    throw new BuildError(
      `Kan ikke skrive i mappen ${folder} (${reasonOf(e)}), så ${dir} kan ikke byttes ut med en ny versjon. ` +
        `Gi skrivetilgang til mappen, eller velg en annen mappe med ${option}. Ingenting er endret.`,
    );
  }
}

/**
 * Check, with the lock held, that the target can be swapped: the target
 * itself, whose `..` a rename may update and whose old files are deleted
 * after the swap, is writable too, and what an earlier interrupted swap left
 * behind is put back or removed.
 */
export async function checkSwappable({ dir, option }: Target): Promise<void> {
  const resolved = path.resolve(dir);
  if ((await kindOf(resolved)) === 'folder') await probe(resolved, dir, option);
  try {
    await recoverSwap(resolved);
    await clearAside(resolved);
  } catch (e) {
    throw new BuildError(
      `Kan ikke rydde bort ${asideOf(resolved)}, som en tidligere bygging lot ligge (${reasonOf(e)}). Slett mappen, og bygg på nytt. Ingenting er endret.`,
    );
  }
}

/** `--out` and `--cache` must be two separate folders, neither inside the other. */
export function checkSeparate(a: Target, b: Target): void {
  const [x, y] = [path.resolve(a.dir), path.resolve(b.dir)];
  const inside = (p: string, q: string) => p === q || p.startsWith(q + path.sep);
  if (inside(x, y) || inside(y, x)) {
    throw new BuildError(
      `${a.option} ${a.dir} og ${b.option} ${b.dir} må være to ulike mapper, og den ene kan ikke ligge i den andre. Velg en annen mappe. Ingenting er endret.`,
    );
  }
}
