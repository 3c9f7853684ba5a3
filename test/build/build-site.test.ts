import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../pipeline/build/build-site.ts';
import { indexedPages } from '../../pipeline/build/pagefind.ts';
import { copyData, FIXTURES } from '../helpers/fixtures.ts';
import { searchSite } from '../helpers/pagefind-search.ts';

describe('building the site from a small fixture', () => {
  let root: string;
  let dist: string;
  let result: BuildResult;
  beforeAll(async () => {
    ({ root } = await copyData(path.join(FIXTURES, 'site', 'data')));
    dist = path.join(root, 'dist');
    result = await buildSite({ dataDir: path.join(root, 'data'), outDir: dist, jsonDir: path.join(root, 'json') });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const page = (url: string) => readFile(path.join(dist, url, 'index.html'), 'utf8');

  it('builds without problems', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.built).toBe(true);
  });

  it('writes a home page in Norwegian bokmål', async () => {
    expect(await page('/')).toContain('<html lang="nb">');
  });

  it('writes a page per bibliography record, from CSV and BibTeX, with its title', async () => {
    expect(await page('/bibliografi/hansen-2020/')).toContain(
      '<h1 data-pagefind-weight="5">Grønne kommuner<span class="subtitle">: Et eksempel</span></h1>',
    );
    expect(await page('/bibliografi/kommune-a-2019/')).toContain('Innovasjonsstrategi for Kommune A');
    const bib = await page('/bibliografi/berg-2018/');
    expect(bib).toContain('Sosial innovasjon i Norden');
    expect(bib).toContain('Åse Berg og Nordisk ministerråd');
  });

  it('writes a page per glossary term and per organisation', async () => {
    expect(await page('/begrep/innovasjon/')).toContain('<h1 data-pagefind-weight="10">innovasjon</h1>');
    expect(await page('/begrep/sosiale-entreprenorer/')).toContain('sosiale entreprenører');
    expect(await page('/organisasjon/forsk/')).toContain('Forskningsinstituttet');
    expect(await page('/tema/om-feltet/')).toContain('<h1>Om feltet</h1>');
  });

  it('makes every site link relative, so the site works under any path', async () => {
    const html = await page('/bibliografi/hansen-2020/');
    expect(html).toContain('href="../../organisasjon/forsk/"');
    expect(html).not.toMatch(/(href|src)="\/(?!\/)/);
    expect(await page('/tema/om-feltet/')).toContain('href="../../bibliografi/hansen-2020/"');
  });

  it('shows the Norsk APA reference first', async () => {
    const html = await page('/bibliografi/hansen-2020/');
    expect(html).toMatch(
      /<h3 id="ref-norsk-apa-manual-label">Norsk APA<\/h3>\s*<p id="ref-norsk-apa-manual">Hansen, K\. &#38; Olsen, P\. \(2020\)\. <i>Grønne kommuner: Et eksempel<\/i> \(Rapport 3-2020\)\. Forskningsinstituttet\. https:\/\/example\.org\/gronne<\/p>/,
    );
  });

  it('indexes the site with Pagefind so a word from one record finds it', async () => {
    const hits = await searchSite(dist, 'blåbærsyltetøy');
    expect(hits.map((h) => h.url)).toEqual(['/bibliografi/hansen-2020/']);
  });

  it('gives Pagefind every page with a data-pagefind-body: one per record, per theme page and the about page', async () => {
    const html = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${path.sep}`));
    const body: string[] = [];
    for (const f of html) if ((await readFile(path.join(dist, f), 'utf8')).includes('data-pagefind-body')) body.push(f);
    const count = async (part: string) => JSON.parse(await readFile(path.join(root, 'json', `${part}.json`), 'utf8')).length as number;
    const records = (await count('bibliography')) + (await count('glossary')) + (await count('organisations')) + (await count('pages'));
    expect(body).toHaveLength(records + 1);
    // Pagefind reads only the pages INDEXED_PAGES matches: a page it missed would be missing from the index.
    expect(await indexedPages(path.join(dist, 'pagefind'))).toBe(body.length);
    expect(result.log.find((l) => l.stage === 'Pagefind index')?.detail).toBe(`${body.length} pages indexed`);
    // Pagefind writes, its costliest part in memory, only once the list (and the process formatting it) is done.
    expect(result.log.map((l) => l.stage).slice(-3)).toEqual(['Pagefind', 'reference list', 'Pagefind index']);
    // The pages it leaves out are there (lists, the author index, the search page), so the glob is tested.
    expect(html.length - body.length).toBeGreaterThan(5);
  });

  it('emits the normalised JSON with its JSON Schema', async () => {
    const files = await readdir(path.join(root, 'json'));
    expect(files).toEqual(
      expect.arrayContaining(['bibliography.json', 'bibliography.schema.json', 'glossary.json', 'glossary.schema.json']),
    );
    const bibliography = JSON.parse(await readFile(path.join(root, 'json', 'bibliography.json'), 'utf8'));
    expect(bibliography.map((e: { key: string }) => e.key)).toEqual(['hansen-2020', 'kommune-a-2019', 'berg-2018']);
  });
});
