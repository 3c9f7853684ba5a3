/**
 * The whole bibliography as a Norsk APA reference list (the downloads
 * kildebank-apa.html and kildebank-apa.txt): every entry once, in the style's
 * order, with the year suffixes a list needs, as a valid HTML document.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import CSL from 'citeproc';
import { bibliographyList, listItems } from '../../pipeline/cite/bibliography-list.ts';
import { bibliographyListCached, planList } from '../../pipeline/cite/list-cache.ts';
import { referenceListStyles } from '../../pipeline/cite/format-references.ts';
import { formatReferenceList, type Citeproc } from '../../pipeline/cite/reference-list.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

describe('the Norsk APA list of the whole bibliography', async () => {
  const { dataset } = await runPipeline(SHIPPED_DATA);
  const list = bibliographyList(
    dataset!.bibliography.map((e) => e.csl),
    'Referanseliste',
  );
  const references = list.text.trim().split('\n\n');

  it('holds every entry once, sorted by author as APA sorts', () => {
    expect(references).toHaveLength(dataset!.bibliography.length);
    expect(references[0]).toMatch(/^Asker kommune\. \(2015\)/);
    const authors = references.map((r) => r.split('.')[0]!);
    expect(authors).toEqual([...authors].sort((a, b) => a.localeCompare(b, 'nb')));
  });

  it('tells two KS works from 2016 apart with 2016a and 2016b', () => {
    expect(references.filter((r) => /^KS\. \(2016[ab]/.test(r))).toHaveLength(2);
    expect(list.text).toContain('KS. (2016a).');
    expect(list.text).toContain('KS. (2016b, 8. april).');
  });

  it('is an HTML document in Norwegian with one paragraph per reference', () => {
    expect(list.html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(list.html.match(/<p class="csl-entry">/g)).toHaveLength(references.length);
  });

  it('is kept in the cache by content, shard by shard: a changed item formats its shard again, and nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-list-'));
    const items = dataset!.bibliography.map((e) => e.csl);
    const options = { shardSize: 2 };
    // Every shard to format, in one part, in the order of the items: as the whole list was formatted.
    expect((await planList(items, 'Referanseliste', dir, options)).parts.map((part) => part.map((item) => item.id))).toEqual([
      items.map((item) => item.id),
    ]);
    expect(await bibliographyListCached(items, 'Referanseliste', dir, options)).toEqual(list);
    const stored = await readFile(path.join(dir, 'bibliography-list.json'), 'utf8');
    expect((await planList(items, 'Referanseliste', dir, options)).parts).toEqual([]);
    expect(await bibliographyListCached(items, 'Referanseliste', dir, options)).toEqual(list);
    const changed = items.map((item) => (item.id === 'loga-2016' ? { ...item, title: 'Endret tittel' } : item));
    const plan = await planList(changed, 'Referanseliste', dir, options);
    const formatted = plan.parts.flat().map((item) => item.id);
    expect(formatted).toContain('loga-2016');
    expect(formatted.length).toBeLessThan(items.length / 2);
    const again = await bibliographyListCached(changed, 'Referanseliste', dir, options);
    expect(again.text).toContain('Endret tittel');
    expect(again).toEqual(bibliographyList(changed, 'Referanseliste'));
    expect(await readFile(path.join(dir, 'bibliography-list.json'), 'utf8')).not.toBe(stored);
  });

  it('gives the same list formatted in several parts of a few shards each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-list-'));
    const items = dataset!.bibliography.map((e) => e.csl);
    const options = { shardSize: 2, partSize: 3 };
    expect((await planList(items, 'Referanseliste', dir, options)).parts.length).toBeGreaterThan(3);
    expect(await bibliographyListCached(items, 'Referanseliste', dir, options)).toEqual(list);
  });

  it('formats a shard again when its cached entries are damaged, and gives the same list', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-list-'));
    const items = dataset!.bibliography.map((e) => e.csl);
    await bibliographyListCached(items, 'Referanseliste', dir, { shardSize: 2 });
    const file = path.join(dir, 'bibliography-list.json');
    const cache = JSON.parse(await readFile(file, 'utf8')) as { shards: Record<string, unknown[]> };
    const [first] = Object.keys(cache.shards);
    cache.shards[first!] = cache.shards[first!]!.slice(1);
    await writeFile(file, JSON.stringify(cache));
    expect((await planList(items, 'Referanseliste', dir, { shardSize: 2 })).parts.flat().length).toBeGreaterThan(0);
    expect(await bibliographyListCached(items, 'Referanseliste', dir, { shardSize: 2 })).toEqual(list);
  });

  it('is formatted without the data Norsk APA never prints, and gives the same list as with it', () => {
    const items = dataset!.bibliography.map((e) => e.csl);
    const withData = items.find((item) => item.abstract && item.keyword && item.ISBN)!;
    expect(withData).toBeDefined();
    const stripped = listItems(items).find((item) => item.id === withData.id)!;
    for (const v of ['abstract', 'keyword', 'ISBN', 'ISSN', 'number-of-pages']) expect(stripped).not.toHaveProperty(v);
    expect(stripped.title).toBe(withData.title);
    expect(stripped.author).toEqual(withData.author);
    const full = formatReferenceList(CSL as unknown as Citeproc, referenceListStyles(), 'norsk-apa-manual', items);
    expect(list.text).toBe(full.map((e) => e.text).join('\n\n') + '\n');
  });

  it('is not formatted again for a corrected abstract, keyword or ISBN', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-list-'));
    const items = dataset!.bibliography.map((e) => e.csl);
    expect(await bibliographyListCached(items, 'Referanseliste', dir)).toEqual(list);
    expect(await bibliographyListCached(items, 'Referanseliste', dir)).toEqual(list);
    const corrected = items.map((item) =>
      item.id === 'loga-2016' ? { ...item, abstract: 'Nytt sammendrag.', keyword: 'nytt emneord', ISBN: '978-82-00-00000-0' } : item,
    );
    expect((await planList(corrected, 'Referanseliste', dir)).parts).toEqual([]);
    const retitled = items.map((item) => (item.id === 'loga-2016' ? { ...item, title: 'Endret tittel' } : item));
    expect((await planList(retitled, 'Referanseliste', dir)).parts.flat().map((item) => item.id)).toContain('loga-2016');
  });
});
