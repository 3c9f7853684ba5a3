/**
 * Compact JSON in which the items of chosen lists stand one per line, with
 * the byte range of each: the site can then read the few items a build
 * renders without parsing the whole file (site/_data/kildebank.js). The text
 * parses to the same value as `JSON.stringify(value)`.
 *
 * The text comes in pieces, made as they are asked for (./write-pieces.ts
 * writes them), so that no more than one item's JSON is held at a time: the
 * value itself and the lists and records right below it are laid out item by
 * item, and only what lies deeper is stringified whole.
 */

/** Byte offset and length of one item in the file. */
export type ByteRange = [offset: number, length: number];

/** Per list (its path joined with '.'), each item's key and byte range, in order. */
export type ItemRanges = Record<string, Array<[key: string, range: ByteRange]>>;

/** One list to lay out: where it is in the value (relative to it), and the field that names an item. */
export interface ItemList {
  path: readonly string[];
  key: string;
}

/** Containers at this depth or above are laid out member by member, not stringified whole (0: the value itself). */
const STREAMED_DEPTH = 1;

/** What JSON.stringify leaves out of an object (and writes as `null` in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
/** A container JSON.stringify writes member by member: an array, or an object without its own `toJSON`. */
const isContainer = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/**
 * The text of `value` with the items of `lists` one per line, in pieces; once
 * they are all taken, the generator returns each listed item's byte range.
 * `onItem` sees each listed item's JSON as it is laid out.
 */
export function* itemLines<L extends ItemList>(
  value: unknown,
  lists: readonly L[],
  onItem?: (list: L, key: string, json: string) => void,
): Generator<string, ItemRanges, undefined> {
  let bytes = 0;
  const ranges: ItemRanges = {};
  const counted = (text: string) => {
    bytes += Buffer.byteLength(text);
    return text;
  };
  /** `at`: the path of `v` through objects, null below an array (where no list is); `depth`: its distance from `value`. */
  function* write(v: unknown, at: readonly string[] | null, depth: number): Generator<string, void, undefined> {
    const list = at && lists.find((l) => l.path.length === at.length && l.path.every((p, i) => p === at[i]));
    if (list && Array.isArray(v)) {
      const found: Array<[string, ByteRange]> = [];
      yield counted('[\n');
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as Record<string, unknown>;
        const json = JSON.stringify(item);
        const key = String(item[list.key]);
        onItem?.(list, key, json);
        found.push([key, [bytes, Buffer.byteLength(json)]]);
        yield counted(i < v.length - 1 ? `${json},\n` : `${json}\n`);
      }
      yield counted(']');
      ranges[list.path.join('.')] = found;
      return;
    }
    const below = at !== null && lists.some((l) => l.path.length > at.length && at.every((p, i) => l.path[i] === p));
    if (!isContainer(v) || (!below && depth > STREAMED_DEPTH)) {
      yield counted(JSON.stringify(v));
    } else if (Array.isArray(v)) {
      yield counted('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) yield counted(',');
        yield* write(omitted(v[i]) ? null : v[i], null, depth + 1);
      }
      yield counted(']');
    } else {
      let first = true;
      for (const [k, child] of Object.entries(v)) {
        if (omitted(child)) continue;
        yield counted(`${first ? '{' : ','}${JSON.stringify(k)}:`);
        first = false;
        yield* write(child, at && [...at, k], depth + 1);
      }
      yield counted(first ? '{}' : '}');
    }
  }
  yield* write(value, [], 0);
  yield counted('\n');
  return ranges;
}
