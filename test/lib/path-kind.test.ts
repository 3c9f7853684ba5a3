import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../pipeline/lib/path-kind.ts';

describe('kindOf', () => {
  it('tells a folder, a file, something else and nothing apart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-kind-'));
    await writeFile(path.join(dir, 'a.txt'), 'a');
    expect(await kindOf(dir)).toBe('folder');
    expect(await kindOf(path.join(dir, 'a.txt'))).toBe('file');
    expect(await kindOf('/dev/null')).toBe('other');
    expect(await kindOf(path.join(dir, 'missing'))).toBeUndefined();
  });
});
