import { describe, expect, it } from 'vitest';
import { itemLines } from '../../pipeline/emit/item-lines.ts';

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
    const text = itemLines(value, [{ path: ['types'], key: 'id' }]).chunks.join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text.split('\n')).toHaveLength(5);
  });

  it('gives the byte range of every item of the chosen list, multi-byte characters included', () => {
    const { chunks, ranges } = itemLines(value, [{ path: ['types'], key: 'id' }]);
    const text = chunks.join('');
    const bytes = Buffer.from(text);
    expect(ranges.types!.map(([key]) => key)).toEqual(['a', 'b']);
    const items = ranges.types!.map(([, [offset, length]]) => JSON.parse(bytes.subarray(offset, offset + length).toString('utf8')));
    expect(items).toEqual(JSON.parse(JSON.stringify(value.types)));
  });

  it('lays out a top-level list, and an empty one', () => {
    const list = [{ key: 'x' }, { key: 'y' }];
    const { chunks, ranges } = itemLines(list, [{ path: [], key: 'key' }]);
    const text = chunks.join('');
    expect(JSON.parse(text)).toEqual(list);
    expect(ranges['']!.map(([key]) => key)).toEqual(['x', 'y']);
    expect(JSON.parse(itemLines([], [{ path: [], key: 'key' }]).chunks.join(''))).toEqual([]);
  });
});
