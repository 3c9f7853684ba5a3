import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemLines } from '../../pipeline/emit/item-lines.ts';
import { slices, writePieces } from '../../pipeline/emit/write-pieces.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Write `pieces` with batches of `flushAt` characters; the file's bytes, the hash of what was written and the iterator's result. */
async function write<R>(pieces: Iterator<string, R, undefined>, flushAt?: number) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'kb-pieces-')), 'out.json');
  const hash = createHash('sha256');
  const result = await writePieces(file, pieces, { hash, ...(flushAt ? { flushAt } : {}) });
  return { bytes: await readFile(file), digest: hash.digest('hex'), result };
}

describe('writePieces', () => {
  const pieces = ['{"a":"æøå",', '"b":"😀😀",', '"c":"', 'x'.repeat(7), '🇳🇴 Å', '"}', '\n'];
  const whole = pieces.join('');

  it('writes the UTF-8 of the joined pieces and hashes the same bytes, whatever the batch size', async () => {
    for (const flushAt of [1, 2, 3, 4, 5, 7, 11, 1000, undefined]) {
      const { bytes, digest } = await write(pieces.values(), flushAt);
      expect(bytes.equals(Buffer.from(whole)), `flushAt ${flushAt}`).toBe(true);
      // The digest the emit computed from the whole text before it wrote piece by piece.
      expect(digest).toBe(sha256(whole));
    }
  });

  it('cuts a piece longer than a batch between characters, not inside an emoji', async () => {
    const long = 'a😀'.repeat(20) + 'ø'.repeat(5) + '👩‍👩‍👧';
    for (const flushAt of [1, 2, 3, 4, 8]) {
      const { bytes } = await write([long, 'b', long].values(), flushAt);
      expect(bytes.toString('utf8')).toBe(long + 'b' + long);
      expect(bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    }
  });

  it('writes an empty file for no pieces, and returns what the iterator returns', async () => {
    const { bytes, digest, result } = await write([].values());
    expect(bytes.length).toBe(0);
    expect(digest).toBe(sha256(''));
    expect(result).toBeUndefined();
  });

  it("gives itemLines' byte ranges, which point at the items in the file", async () => {
    const value = {
      entries: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, title: `${'Ærlig talt 😀 '.repeat(i % 4)}${i}` })),
      other: ['å', '🙂'],
    };
    const lists = [{ path: ['entries'], key: 'key' }];
    const reference = itemLines(value, lists);
    const all: string[] = [];
    let next = reference.next();
    for (; !next.done; next = reference.next()) all.push(next.value);
    const text = all.join('');
    for (const flushAt of [1, 5, 64, undefined]) {
      const { bytes, digest, result } = await write(itemLines(value, lists), flushAt);
      expect(bytes.equals(Buffer.from(text))).toBe(true);
      expect(digest).toBe(sha256(text));
      expect(result).toEqual(next.value);
      const items = result.entries!.map(([key, [offset, length]]) => [key, JSON.parse(bytes.subarray(offset, offset + length).toString())]);
      expect(items).toEqual(value.entries.map((e) => [e.key, e]));
    }
  });
});

describe('slices', () => {
  it('never ends a slice between the halves of a surrogate pair', () => {
    const text = 'x😀😀æ😀';
    for (const size of [1, 2, 3, 4, 100]) {
      const parts = [...slices(text, size)];
      expect(parts.join('')).toBe(text);
      for (const p of parts) expect(Buffer.from(p).toString('utf8')).toBe(p);
    }
  });
});
