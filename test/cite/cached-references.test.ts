import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReferencesCached } from '../../pipeline/cite/add-references.ts';
import { formatListPart } from '../../pipeline/cite/bibliography-list.ts';
import { formatInParallel, formatListInWorker, formatReferencesInParallel } from '../../pipeline/cite/format-parallel.ts';
import { formatReferences } from '../../pipeline/cite/format-references.ts';
import { type CslItem } from '../../pipeline/cite/reference-rules.ts';

const items: CslItem[] = [
  {
    id: 'a',
    type: 'report',
    title: 'Sosiale entreprenører i kommunene',
    author: [{ family: 'Hansen', given: 'Kari' }],
    issued: { 'date-parts': [[2016]] },
    publisher: 'KS',
  },
  { id: 'b', type: 'book', title: 'Velferd i nytt terreng', author: [{ literal: 'Agenda Kaupang' }], issued: { 'date-parts': [[2014]] } },
  { id: 'c', type: 'webpage', title: 'Veier til samarbeid', URL: 'https://example.org/veier', author: [{ family: 'Ås', given: 'Øyvind' }] },
];

describe('formatting references on several threads', () => {
  it('gives what formatting in one run gives, in the order of the items', async () => {
    const parallel = await formatReferencesInParallel(items, { threads: 2, batchSize: 1, minParallel: 0 });
    expect([...parallel.keys()]).toEqual(['a', 'b', 'c']);
    expect(parallel).toEqual(formatReferences(items));
  }, 60_000);

  it('formats the references and the whole list on the same two threads, as formatting each here does', async () => {
    const parts = [items.slice(0, 1), items.slice(1)];
    const run = formatInParallel(items, { threads: 2, batchSize: 1, minParallel: 0, list: { parts } });
    expect(await run.references).toEqual(formatReferences(items));
    expect(await run.list!.result).toEqual(parts.map((part) => formatListPart(part)));
  }, 60_000);

  it('says a cancelled list was cancelled', async () => {
    const run = formatInParallel(items, { threads: 1, list: { parts: [items] } });
    await run.list!.cancel();
    await expect(run.list!.result).rejects.toThrow(/cancelled/);
  }, 60_000);

  it('stops the references on their threads when cancelled, without a list too', async () => {
    const run = formatInParallel(items, { threads: 2, batchSize: 1, minParallel: 0 });
    await run.cancel();
    await expect(run.references).rejects.toThrow(/cancelled/);
  }, 60_000);

  it('stops the references formatted here when cancelled', async () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ ...items[0]!, id: `a${i}` }));
    const run = formatInParallel(many, { threads: 1, batchSize: 1 });
    await run.cancel();
    await expect(run.references).rejects.toThrow(/cancelled/);
  }, 60_000);

  it('formats the parts of the whole list on a thread of its own, as formatting them here does', async () => {
    const run = formatListInWorker({ parts: [items] });
    expect(await run.result).toEqual([formatListPart(items)]);
  }, 60_000);
});

describe('the reference cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kildebank-cite-cache-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('formats every item the first time, none the second, and only a changed item after that', async () => {
    const first: number[] = [];
    const cold = await formatReferencesCached(items, { cacheDir: dir, onProgress: (done) => first.push(done) });
    expect(first[0]).toBe(0);
    expect(cold).toEqual(formatReferences(items));

    const second: number[] = [];
    expect(await formatReferencesCached(items, { cacheDir: dir, onProgress: (done) => second.push(done) })).toEqual(cold);
    expect(second[0]).toBe(3);

    const changed = [items[0]!, { ...items[1]!, title: 'Velferd i nytt terreng (2. utgave)' }, items[2]!];
    const third: number[] = [];
    const warm = await formatReferencesCached(changed, { cacheDir: dir, onProgress: (done) => third.push(done) });
    expect(third[0]).toBe(2);
    expect(warm).toEqual(formatReferences(changed));
  });

  it('keeps only the items of the last build', async () => {
    await formatReferencesCached(items.slice(0, 1), { cacheDir: dir });
    const file = JSON.parse(await readFile(path.join(dir, 'references.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(file.entries)).toHaveLength(1);
  });

  it('starts over from a broken cache file', async () => {
    await writeFile(path.join(dir, 'references.json'), '{"version": "x", "entr');
    expect(await formatReferencesCached(items, { cacheDir: dir })).toEqual(formatReferences(items));
  });

  it('rejects duplicate ids', async () => {
    await expect(formatReferencesCached([items[0]!, items[0]!], { cacheDir: dir })).rejects.toThrow('Duplicate CSL item id "a"');
  });
});
