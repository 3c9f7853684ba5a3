/** Temporary copies of fixture data folders, and files written into them. */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
export const SHIPPED_DATA = path.resolve(import.meta.dirname, '..', '..', 'data');

/** A fresh temporary folder holding a copy of `source` as `data/`. */
export async function copyData(source: string): Promise<{ root: string; data: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-test-'));
  const data = path.join(root, 'data');
  await cp(source, data, { recursive: true });
  return { root, data };
}

/** A temporary data folder with the given files (name → text). */
export async function dataWith(files: Record<string, string | Uint8Array>): Promise<{ root: string; data: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-test-'));
  const data = path.join(root, 'data');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(data, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return { root, data };
}
