/**
 * The whole list in shards (pipeline/cite/list-shards.ts): entries whose
 * in-text citations could read alike stay in one shard, and the list
 * formatted in shards and merged is the list formatted whole, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { bibliographyList, formatListPart, listDocuments, mergeListParts } from '../../pipeline/cite/bibliography-list.ts';
import { citationTokens, listShards, shardCount } from '../../pipeline/cite/list-shards.ts';
import type { CslItem } from '../../pipeline/cite/reference-rules.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

const year = (y: number) => ({ 'date-parts': [[y]] });
const report = (id: string, fields: Partial<CslItem>): CslItem => ({ id, type: 'report', title: `Rapport ${id}`, ...fields });

/** Entries that need each other in a list: year suffixes, given names, particles, organisations and titles that read alike. */
const items: CslItem[] = [
  // The same person twice in one year: 2016a and 2016b.
  report('hansen-a', { author: [{ family: 'Hansen', given: 'Kari' }], issued: year(2016) }),
  report('hansen-b', { author: [{ family: 'Hansen', given: 'Kari' }], issued: year(2016) }),
  // Two persons with one family name: the given-name rule, across years.
  report('andersen-anne', { author: [{ family: 'Andersen', given: 'Anne' }], issued: year(2015) }),
  report('andersen-arne', { author: [{ family: 'Andersen', given: 'Arne' }], issued: year(2019) }),
  report('andersen-arne-2015', { author: [{ family: 'Andersen', given: 'Arne' }], issued: year(2015) }),
  // "Hansen mfl." twice in 2016: names are added, then year suffixes.
  ...[
    ['hansen-mfl-1', { family: 'Berg', given: 'Ola' }],
    ['hansen-mfl-2', { family: 'Dahl', given: 'Eva' }],
  ].map(([id, third]) =>
    report(id as string, {
      author: [{ family: 'Hansen', given: 'Kari' }, { family: 'Olsen', given: 'Per' }, third as { family: string; given: string }],
      issued: year(2016),
    }),
  ),
  // "van Berg" written with and without a particle field: they read alike.
  report('vanberg-1', { author: [{ family: 'van Berg', given: 'Jan' }], issued: year(2018) }),
  report('vanberg-2', { author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van' } as never], issued: year(2018) }),
  // An organisation, and a work without an author whose title is that organisation's name.
  report('ks-rapport', { author: [{ literal: 'KS' }], issued: year(2016) }),
  { id: 'ks-side', type: 'webpage', title: 'KS', issued: year(2016), URL: 'https://example.org/ks' },
  // Two works without an author with one title in one year.
  { id: 'veileder-1', type: 'webpage', title: 'Veileder for samarbeid', issued: year(2017), URL: 'https://example.org/v1' },
  { id: 'veileder-2', type: 'webpage', title: 'Veileder for samarbeid', issued: year(2017), URL: 'https://example.org/v2' },
  // An editor in the author's place.
  { id: 'hansen-red', type: 'book', title: 'Antologi', editor: [{ family: 'Hansen', given: 'Kari' }], issued: year(2016) },
  // Entries that need nobody.
  report('solberg', { author: [{ family: 'Solberg', given: 'Erna' }], issued: year(2014) }),
  report('eimhjellen', { author: [{ family: 'Eimhjellen', given: 'Ivar' }], issued: year(2014) }),
  report('agenda', { author: [{ literal: 'Tankesmien Agenda' }], issued: year(2016) }),
  { id: 'udatert', type: 'webpage', title: 'Uten dato', URL: 'https://example.org/u' },
];

const shardOf = (shards: CslItem[][], id: string) => shards.findIndex((shard) => shard.some((item) => item.id === id));

describe('the whole list in shards', () => {
  const shards = listShards(items, 1);

  it('cuts the list into several shards', () => {
    expect(shards.length).toBeGreaterThan(4);
    expect(shards.flat()).toHaveLength(items.length);
  });

  it('keeps together the entries whose citations can read alike', () => {
    const together = [
      ['hansen-a', 'hansen-b', 'hansen-mfl-1', 'hansen-mfl-2', 'hansen-red'],
      ['andersen-anne', 'andersen-arne', 'andersen-arne-2015'],
      ['vanberg-1', 'vanberg-2'],
      ['ks-rapport', 'ks-side'],
      ['veileder-1', 'veileder-2'],
    ];
    for (const group of together) expect(new Set(group.map((id) => shardOf(shards, id))).size).toBe(1);
  });

  it('gives a title its organisation only when the title begins with its name', () => {
    const namesInUse = new Set(['n:ks', 'n:tankesmien agenda']);
    expect(
      citationTokens(
        items.find((i) => i.id === 'ks-side')!,
        namesInUse,
      ),
    ).toEqual(['t:ks', 'n:ks']);
    expect(citationTokens({ id: 'x', type: 'webpage', title: 'Om KS' }, namesInUse)).toEqual(['t:om']);
  });

  it('formats, in shards, the list that formatting it whole gives', () => {
    const whole = bibliographyList(items, 'Referanseliste');
    expect(whole.text).toContain('(2016a)');
    expect(bibliographyList(items, 'Referanseliste', 1)).toEqual(whole);
    expect(bibliographyList(items, 'Referanseliste', 3)).toEqual(whole);
  });

  it('would give another list cut anyhow: these entries do need each other', () => {
    const oneByOne = listDocuments(
      mergeListParts(
        items,
        items.map((item) => formatListPart([item])),
      ),
      'Referanseliste',
    );
    expect(oneByOne.text).not.toContain('(2016a)');
    expect(oneByOne).not.toEqual(bibliographyList(items, 'Referanseliste'));
  });

  it('formats the shipped bibliography, in shards of one, as a whole', async () => {
    const { dataset } = await runPipeline(SHIPPED_DATA);
    const shipped = dataset!.bibliography.map((e) => e.csl);
    expect(listShards(shipped, 1).length).toBeGreaterThan(8);
    expect(bibliographyList(shipped, 'Referanseliste', 1)).toEqual(bibliographyList(shipped, 'Referanseliste'));
  });

  it('has about a shard per 256 entries, in a power of two', () => {
    expect(shardCount(1)).toBe(1);
    expect(shardCount(256)).toBe(1);
    expect(shardCount(257)).toBe(2);
    expect(shardCount(10_000)).toBe(64);
  });
});
