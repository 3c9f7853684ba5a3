import { describe, expect, it } from 'vitest';
import { itemLines, type ItemList, type ItemRanges } from '../../pipeline/emit/item-lines.ts';

/** All of the generator's pieces, their text and the ranges it returns at the end. */
function drain(value: unknown, lists: readonly ItemList[]): { pieces: string[]; text: string; ranges: ItemRanges } {
  const lines = itemLines(value, lists);
  const pieces: string[] = [];
  for (let next = lines.next(); ; next = lines.next()) {
    if (next.done) return { pieces, text: pieces.join(''), ranges: next.value };
    pieces.push(next.value);
  }
}

describe('itemLines', () => {
  const value = {
    count: 2,
    types: [
      { id: 'a', label: 'Rapport – «ny»' },
      { id: 'b', note: undefined },
    ],
    newest: [{ id: 'a' }],
    skipped: undefined,
  };

  it('parses to the same value as JSON.stringify gives', () => {
    const { text } = drain(value, [{ path: ['types'], key: 'id' }]);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text).toBe('{"count":2,"types":[\n{"id":"a","label":"Rapport – «ny»"},\n{"id":"b"}\n],"newest":[{"id":"a"}]}\n');
  });

  it('gives the byte range of every item of the chosen list, multi-byte characters included', () => {
    const { text, ranges } = drain(value, [{ path: ['types'], key: 'id' }]);
    const bytes = Buffer.from(text);
    expect(ranges.types!.map(([key]) => key)).toEqual(['a', 'b']);
    const items = ranges.types!.map(([, [offset, length]]) => JSON.parse(bytes.subarray(offset, offset + length).toString('utf8')));
    expect(items).toEqual(JSON.parse(JSON.stringify(value.types)));
  });

  it('shows each listed item to onItem with its list, its key and the JSON written for it', () => {
    const seen: Array<[string, string, string]> = [];
    const lists = [{ path: ['types'], key: 'id', name: 'types' }];
    const lines = itemLines(value, lists, (list, key, json) => seen.push([list.name, key, json]));
    while (!lines.next().done);
    expect(seen).toEqual([
      ['types', 'a', JSON.stringify(value.types[0])],
      ['types', 'b', JSON.stringify(value.types[1])],
    ]);
  });

  it('lays out a top-level list, and an empty one', () => {
    const list = [{ key: 'x' }, { key: 'y' }];
    const { text, ranges } = drain(list, [{ path: [], key: 'key' }]);
    expect(text).toBe('[\n{"key":"x"},\n{"key":"y"}\n]\n');
    expect(ranges['']!.map(([key]) => key)).toEqual(['x', 'y']);
    expect(drain([], [{ path: [], key: 'key' }])).toEqual({ pieces: ['[\n', ']', '\n'], text: '[\n]\n', ranges: { '': [] } });
  });

  it('writes what lies outside the lists exactly as JSON.stringify does', () => {
    const odd = {
      record: { 'a"b': 'æøå 😀', empty: {}, gone: undefined, fn: () => 1 },
      array: [1, undefined, null, () => 2, [], { deep: [{ x: 'y' }] }],
      date: new Date(0),
      nothing: null,
      text: 'line\nbreak',
      lone: '\ud800',
    };
    expect(drain(odd, []).text).toBe(JSON.stringify(odd) + '\n');
    expect(drain([odd, odd], []).text).toBe(JSON.stringify([odd, odd]) + '\n');
    for (const v of ['x', 3, null, true, [], {}]) expect(drain(v, []).text).toBe(JSON.stringify(v) + '\n');
  });

  it('holds no more than one member of a part or of its lists and records at a time', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, body: 'x'.repeat(100) }));
    const part = { list: entries, byKey: Object.fromEntries(entries.map((e) => [e.key, e])), nested: { deep: entries } };
    const { pieces, text } = drain(part, []);
    expect(text).toBe(JSON.stringify(part) + '\n');
    const longest = Math.max(...pieces.map((p) => p.length));
    // Below the part's members everything is one piece: `nested.deep` is stringified whole.
    expect(longest).toBe(JSON.stringify(part.nested.deep).length);
    const { pieces: listed } = drain({ list: entries }, [{ path: ['list'], key: 'key' }]);
    // A listed item with its comma and line break.
    expect(Math.max(...listed.map((p) => p.length))).toBe(Math.max(...entries.map((e) => JSON.stringify(e).length)) + 2);
  });
});
