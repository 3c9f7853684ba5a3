import { describe, expect, it } from 'vitest';
import { batchRenderSet, LISTED_PER_ENTRY_PAGE, unitWeight, type RenderSet } from '../../pipeline/build/render-plan.ts';
import { RENDER_SOURCES } from '../../pipeline/model/render-sources.ts';

const source = (name: string) => RENDER_SOURCES.find((s) => s.name === name)!;

const set = (whole: boolean, entries: string[], concepts: string[] = []): RenderSet => ({
  whole,
  sources: {
    bibliography: { path: ['bibliography'], key: 'key', only: entries },
    glossary: { path: ['glossary'], key: 'id', only: concepts },
  },
});

const keysOf = (batches: RenderSet[]) => batches.map((b) => [b.whole, b.sources.bibliography!.only, b.sources.glossary!.only]);

describe('splitting a render among Eleventy processes', () => {
  it('weighs an entry as one page, and a page that lists entries by how many it lists', () => {
    expect(unitWeight(source('bibliography'), { key: 'a' })).toBe(1);
    expect(unitWeight(source('glossary'), { id: 'c', usedIn: [] })).toBe(1);
    expect(unitWeight(source('glossary'), { id: 'c', usedIn: Array(3 * LISTED_PER_ENTRY_PAGE).fill({}) })).toBe(4);
  });

  it('gives the lists and indexes a process of their own, first, and fills the others up to the size, in order', () => {
    expect(keysOf(batchRenderSet(set(true, ['a', 'b', 'c', 'd', 'e']), 2))).toEqual([
      [true, [], []],
      [false, ['a', 'b'], []],
      [false, ['c', 'd'], []],
      [false, ['e'], []],
    ]);
  });

  it('splits by weight: a heavy item closes the set before it, and one heavier than the size goes alone', () => {
    const weights = new Map([
      ['glossary:big', 10],
      ['glossary:mid', 2],
    ]);
    expect(keysOf(batchRenderSet(set(false, ['a', 'b'], ['mid', 'big', 'x']), 3, weights))).toEqual([
      [false, ['a', 'b'], []],
      [false, [], ['mid']],
      [false, [], ['big']],
      [false, [], ['x']],
    ]);
  });

  it('keeps an empty render as one set, and one holding only the lists as that set', () => {
    expect(keysOf(batchRenderSet(set(false, []), 5))).toEqual([[false, [], []]]);
    expect(keysOf(batchRenderSet(set(true, []), 5))).toEqual([[true, [], []]]);
  });
});
