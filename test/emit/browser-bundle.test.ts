import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../pipeline/emit/browser-bundle.ts';

describe('bundleForBrowser', () => {
  let dir: string;
  let entry: string;
  let before: string | undefined;
  beforeAll(async () => {
    before = process.env.KILDEBANK_BUNDLE_CACHE;
    dir = await mkdtemp(path.join(tmpdir(), 'kildebank-bundle-'));
    process.env.KILDEBANK_BUNDLE_CACHE = path.join(dir, 'cache');
    entry = path.join(dir, 'entry.ts');
    await writeFile(path.join(dir, 'part.ts'), 'export const word = "hei";\n');
    await writeFile(entry, 'import { word } from "./part.ts";\nconsole.log(word);\n');
  });
  afterAll(() => {
    if (before === undefined) delete process.env.KILDEBANK_BUNDLE_CACHE;
    else process.env.KILDEBANK_BUNDLE_CACHE = before;
  });

  const cacheFile = async () => path.join(dir, 'cache', (await readdir(path.join(dir, 'cache')))[0]!);

  it('reuses the kept bundle while no input changed', async () => {
    const first = await bundleForBrowser(entry, '/* x */');
    expect(first.text).toContain('"hei"');
    // Mark the kept copy: a reused bundle is the kept one.
    const file = await cacheFile();
    const kept = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...kept, text: `${kept.text}// kept\n` }));
    expect((await bundleForBrowser(entry, '/* x */')).text).toContain('// kept');
  });

  it('bundles again when an input changed', async () => {
    await writeFile(path.join(dir, 'part.ts'), 'export const word = "hallo";\n');
    const again = await bundleForBrowser(entry, '/* x */');
    expect(again.text).toContain('"hallo"');
    expect(again.text).not.toContain('// kept');
  });
});
