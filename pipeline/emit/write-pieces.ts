/**
 * Write a text given in pieces (./item-lines.ts) to a file as it comes,
 * a batch of about {@link FLUSH_AT} characters at a time, and feed the same
 * bytes to a hash: the whole text is never held, neither as a string nor as
 * bytes. A piece longer than a batch is cut between characters, never inside
 * a surrogate pair, so the file holds exactly the UTF-8 of the joined pieces.
 */
import type { Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * Characters gathered before they are encoded and written (at most three bytes each in UTF-8). Small on purpose: pieces
 * that wait in a batch of 4 MB outlive V8's young generation and are moved to the old one, where they stay until a full
 * collection; at 10,000 entries that made the bibliography's writing grow the heap by 276 MB instead of about 60.
 */
export const FLUSH_AT = 1 << 16;

export interface WritePiecesOptions {
  /** Updated with every byte written, in order. */
  hash?: Hash;
  /** Characters per batch; default {@link FLUSH_AT}. */
  flushAt?: number;
}

/** Write `pieces` to `file` (replacing it); returns what the iterator returned once done (./item-lines.ts: the byte ranges). */
export async function writePieces<R>(file: string, pieces: Iterator<string, R, undefined>, options: WritePiecesOptions = {}): Promise<R> {
  const flushAt = options.flushAt ?? FLUSH_AT;
  const handle = await open(file, 'w');
  try {
    const write = async (text: string) => {
      const bytes = Buffer.from(text);
      options.hash?.update(bytes);
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
    };
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length > 0) await write(batch.join(''));
      batch = [];
      size = 0;
    };
    for (;;) {
      const next = pieces.next();
      if (next.done) {
        await flush();
        return next.value;
      }
      const piece = next.value;
      if (piece.length >= flushAt) {
        await flush();
        for (const slice of slices(piece, flushAt)) await write(slice);
        continue;
      }
      batch.push(piece);
      size += piece.length;
      if (size >= flushAt) await flush();
    }
  } finally {
    await handle.close();
  }
}

/** `text` in slices of `size` characters (at least two), one fewer where a slice would end between the halves of a surrogate pair. */
export function* slices(text: string, size: number): Generator<string, void, undefined> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + Math.max(size, 2), text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}
