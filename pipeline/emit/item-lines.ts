/**
 * Compact JSON in which the items of chosen lists stand one per line, with
 * the byte range of each: the site can then read the few items a build
 * renders without parsing the whole file (site/_data/kildebank.js). The text
 * parses to the same value as `JSON.stringify(value)`.
 */

/** Byte offset and length of one item in the file. */
export type ByteRange = [offset: number, length: number];

export interface ItemLines {
  /** The JSON text in pieces: at 100,000 entries the whole would be longer than a JavaScript string can be. */
  chunks: string[];
  /** Per list (its path joined with '.'), each item's key and byte range, in order. */
  ranges: Record<string, Array<[key: string, range: ByteRange]>>;
}

/** One list to lay out: where it is in the value (relative to it), and the field that names an item. */
export interface ItemList {
  path: readonly string[];
  key: string;
}

export function itemLines(value: unknown, lists: readonly ItemList[]): ItemLines {
  const chunks: string[] = [];
  let bytes = 0;
  const ranges: ItemLines['ranges'] = {};
  const put = (text: string) => {
    chunks.push(text);
    bytes += Buffer.byteLength(text);
  };
  const write = (v: unknown, at: readonly string[]) => {
    const list = lists.find((l) => l.path.length === at.length && l.path.every((p, i) => p === at[i]));
    const below = lists.filter((l) => l.path.length > at.length && at.every((p, i) => l.path[i] === p));
    if (list && Array.isArray(v)) {
      const found: Array<[string, ByteRange]> = [];
      put('[\n');
      v.forEach((item: Record<string, unknown>, i) => {
        const json = JSON.stringify(item);
        found.push([String(item[list.key]), [bytes, Buffer.byteLength(json)]]);
        put(i < v.length - 1 ? `${json},\n` : `${json}\n`);
      });
      put(']');
      ranges[list.path.join('.')] = found;
    } else if (below.length > 0 && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      put('{');
      let first = true;
      for (const [k, child] of Object.entries(v)) {
        if (child === undefined || typeof child === 'function') continue;
        put(`${first ? '' : ','}${JSON.stringify(k)}:`);
        first = false;
        write(child, [...at, k]);
      }
      put('}');
    } else {
      put(JSON.stringify(v));
    }
  };
  write(value, []);
  put('\n');
  return { chunks, ranges };
}
