import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      files.set(path.relative(dir, file), await readFile(file));
    }
  }
  return files;
}

describe('reproducible builds', () => {
  it('give byte-identical dist/ for the same data', async () => {
    const a = await buildInto(SHIPPED_DATA, { siteUrl: 'https://kildebank.example.no' });
    const b = await buildInto(SHIPPED_DATA, { siteUrl: 'https://kildebank.example.no' });
    try {
      const [ta, tb] = [await tree(a.dist), await tree(b.dist)];
      expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
      const differing = [...ta].filter(([name, bytes]) => !bytes.equals(tb.get(name)!)).map(([name]) => name);
      expect(differing).toEqual([]);
    } finally {
      await rm(a.root, { recursive: true, force: true });
      await rm(b.root, { recursive: true, force: true });
    }
  }, 120_000);
});
