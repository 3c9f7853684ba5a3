import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugins } from '../../pipeline/lib/citation-js.ts';
import { LANGID } from '../../pipeline/lib/latex.ts';
import { nameInverted } from '../../pipeline/model/facts.ts';
import { publicationType } from '../../pipeline/model/publication-types.ts';
import { letterSlug, URLS } from '../../pipeline/model/urls.ts';
import type { BibEntry } from '../../pipeline/model/types.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

const SITE_URL = 'https://kildebank.example.no';
let site: BuiltSite;
beforeAll(async () => {
  site = await buildInto(SHIPPED_DATA, { siteUrl: SITE_URL, pathPrefix: '/kb/' });
});
afterAll(() => rm(site.root, { recursive: true, force: true }));

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
function metaOf(html: string): Array<[string, string]> {
  return [...html.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1]!, decode(m[2]!)]);
}
const REPORT_TYPES = new Set(['rapport', 'notat', 'strategi']);
/** The fields two CSL items must agree on after an export round trip. */
function essentials(item: Record<string, unknown>) {
  // RIS files a film's maker as its director.
  const authors = ((item.author ?? item.director) as Array<Record<string, string>> | undefined)?.map(
    (a) => a.literal ?? [a.family, a.given].filter(Boolean).join(', '),
  );
  // An undated entry is written `date = {XXXX}` (ISO 8601-2: year unspecified), which citation-js reads as year 0.
  const year = (item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]?.[0] || undefined;
  return { title: item.title, authors, year, publisher: item.publisher, DOI: item.DOI, URL: item.URL, language: item.language };
}

describe('entry pages carry what citation tools read', () => {
  const entries = () => site.dataset.bibliography;

  it('has Highwire tags for every entry, as its type needs', async () => {
    for (const e of entries()) {
      const meta = metaOf(await site.page(e.url));
      const names = meta.map(([n]) => n);
      expect(meta).toContainEqual(['citation_title', e.fullTitle]);
      expect(names.filter((n) => n === 'citation_author')).toHaveLength(e.persons.length + e.corporateAuthors.length);
      if (e.year) expect(names).toContain('citation_publication_date');
      expect(names.includes('citation_technical_report_institution')).toBe(
        REPORT_TYPES.has(e.type) && e.publishers.length + e.performers.length + e.corporateAuthors.length > 0,
      );
      if (REPORT_TYPES.has(e.type) && e.number) expect(meta).toContainEqual(['citation_technical_report_number', e.number]);
      for (const isbn of e.isbn) expect(meta).toContainEqual(['citation_isbn', isbn]);
      expect(names).toContain('DC.title');
      expect(names).toContain('DC.type');
    }
  });

  it('saves the Rokkansenteret report as a report with its institution and number', async () => {
    const meta = metaOf(await site.page('/bibliografi/loga-2016/'));
    expect(meta).toEqual(
      expect.arrayContaining([
        ['citation_technical_report_institution', 'Uni Research Rokkansenteret'],
        ['citation_technical_report_number', '1-2016'],
        ['citation_isbn', '978-82-8095-104-5'],
        ['citation_author', 'Loga, Jill M.'],
        ['citation_language', 'nb'],
        ['citation_publication_date', '2016/03'],
        ['citation_public_url', `${SITE_URL}/kb/bibliografi/loga-2016/`],
      ]),
    );
  });

  it('puts no COinS span on entry pages', async () => {
    for (const e of entries()) expect(await site.page(e.url)).not.toContain('Z3988');
  });

  it('has valid schema.org JSON-LD of the right type on every entry page', async () => {
    const types: Record<string, string> = {
      rapport: 'Report',
      notat: 'Report',
      strategi: 'Report',
      hefte: 'Book',
      film: 'Movie',
      nettside: 'WebPage',
      arrangement: 'Event',
      avtale: 'DigitalDocument',
    };
    for (const e of entries()) {
      const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await site.page(e.url))![1]!;
      const doc = JSON.parse(script);
      expect(doc['@context']).toBe('https://schema.org');
      expect(doc['@type']).toBe(types[e.type]);
      expect(doc.name).toBe(e.fullTitle);
      expect(doc.url).toBe(`${SITE_URL}/kb${e.url}`);
    }
  });

  it('offers the entry in three Norwegian reference styles, Norsk APA first, with copy buttons and downloads', async () => {
    for (const e of entries()) {
      const html = await site.page(e.url);
      expect([...html.matchAll(/<h3 id="ref-[^"]+-label">([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['Norsk APA', 'Harvard', 'Vancouver']);
      expect(html.match(/<button type="button" class="copy" data-pagefind-ignore hidden/g)).toHaveLength(3);
      const download = (ext: string) => {
        const m = new RegExp(`href="data:[^;"]+;charset=utf-8;base64,([^"]+)" download="${e.key}\\.${ext}"`).exec(html);
        return m ? Buffer.from(m[1]!, 'base64').toString('utf8') : undefined;
      };
      expect(download('bib')).toBe(e.exports.bibtex);
      expect(download('ris')).toBe(e.exports.ris);
      expect(download('json')).toBe(e.exports.csljson);
      expect(html).toContain(`https://zbib.org/import?q=${encodeURIComponent(`${SITE_URL}/kb${e.url}`)}`);
    }
  });

  it('lists every entry on a list page with a COinS span that Zotero reads as the right item', async () => {
    const list = await site.page('/bibliografi/');
    const spans = [...list.matchAll(/<span class="Z3988" title="([^"]*)"><\/span>/g)].map((m) => new URLSearchParams(decode(m[1]!)));
    expect(spans).toHaveLength(entries().length);
    for (const [i, e] of entries().entries()) {
      const span = spans[i]!;
      const coins = publicationType(e.type).coins;
      expect(span.get('rft_val_fmt')).toBe(`info:ofi/fmt:kev:mtx:${coins.format}`);
      // Zotero reads rft.btitle only for books and reports; other formats carry rft.title (dc) or rft.atitle (journal).
      const titleKey = coins.format === 'dc' ? 'rft.title' : coins.format === 'journal' ? 'rft.atitle' : 'rft.btitle';
      expect(span.get(titleKey)).toBe(e.fullTitle);
      if (coins.format === 'dc') expect(span.get('rft.type')).toBe(publicationType(e.type).zotero.itemType);
      else expect(span.get('rft.genre')).toBe(coins.genre);
      // Every creator as rft.au, in order; organisations as "Name," so Zotero keeps them whole.
      expect(span.getAll('rft.au')).toEqual([
        ...e.persons.map((p) => [p.family, p.given].filter(Boolean).join(', ')),
        ...e.corporateAuthors.map((c) => `${c},`),
      ]);
    }
  });
});

describe('exports', () => {
  const parse = (text: string) =>
    plugins.input.chain(text, { target: '@csl/list+object', generateGraph: false }) as Array<Record<string, unknown>>;

  it('round-trips every entry through BibLaTeX', () => {
    for (const e of site.dataset.bibliography) {
      const [back] = parse(e.exports.bibtex);
      expect(back!.id).toBe(e.key);
      // biblatex's @unpublished (agreements, events) has no publisher field.
      // The language is written as biblatex's langid ("norsk"), which citation-js reads as it is.
      const expected = {
        ...e.csl,
        language: e.csl.language && LANGID[e.csl.language],
        ...(publicationType(e.type).biblatex.entry === 'unpublished' ? { publisher: undefined } : {}),
      };
      expect(essentials(back!)).toEqual(essentials(expected));
      // biblatex's @report has no ISBN field (docs/for-forskere.md).
      if (publicationType(e.type).biblatex.entry !== 'report') expect(back!.ISBN).toBe(e.csl.ISBN);
      expect(back!.number ?? back!['collection-number']).toBe(e.csl.number ?? e.csl['collection-number']);
    }
  });

  it('round-trips every entry through RIS', () => {
    for (const e of site.dataset.bibliography) {
      const [back] = parse(e.exports.ris);
      expect(back!.id).toBe(e.key);
      expect(essentials(back!)).toEqual(essentials(e.csl));
      if (e.csl.type === 'report') expect(back!.number).toBe(e.csl['collection-number'] ?? e.csl.number);
    }
  });

  it('writes only bibliographic fields to BibLaTeX, in UTF-8', () => {
    const all = site.dataset.exports.bibtex;
    expect(all).toContain('Sosiale entreprenører');
    expect(all).not.toMatch(/\\o\{\}|_graph|sources|dateAdded/);
  });

  it('serves the whole bibliography in four formats', async () => {
    expect(await site.page('/nedlasting/kildebank.bib')).toBe(site.dataset.exports.bibtex);
    expect(JSON.parse(await site.page('/nedlasting/kildebank.json'))).toHaveLength(site.dataset.bibliography.length);
    expect((await site.page('/nedlasting/kildebank.ris')).match(/^TY {2}- /gm)).toHaveLength(site.dataset.bibliography.length);
    const csv = await site.page('/nedlasting/kildebank.csv');
    expect(csv.startsWith('\ufeffNøkkel;Type publikasjon;Tittel')).toBe(true);
  });
});

describe('Norsk APA references of the shipped reports', () => {
  // Worked out by hand from Norsk APA-manual's rules for reports: Author. (Year). Title (Series number). Publisher. URL —
  // "&" without a comma before it; the publisher left out when it is the author; a description in brackets for a notat.
  const expected: Record<string, string> = {
    'loga-2016':
      'Loga, J. M., Eimhjellen, I., Eschweiler, J., Ingstad, E. L., Stokstad, S. & Winsvold, M. (2016). Sosiale entreprenører – partnerskap for nye løsninger (Rapport 1-2016). Uni Research Rokkansenteret.',
    'nordisk-ministerrad-2015':
      'Nordisk ministerråd. (2015). Sosialt entreprenørskap og sosial innovasjon: Kartlegging av innsatser for sosialt entreprenørskap og sosial innovasjon i Norden (TemaNord 2015:502). https://doi.org/10.6027/TN2015-502',
    'tankesmien-agenda-2016': 'Tankesmien Agenda. (2016). Sosialt entreprenørskap i velferdsstaten [Notat].',
    // The institution that did the work issues the report when no other publisher is named.
    'eimhjellen-loga-2016':
      'Eimhjellen, I. & Loga, J. (2016). Utvikling av sosialt entreprenørskap i Norge. Uni Research Rokkansenteret. https://www.regjeringen.no/no/dokumenter/sosialt-entrepenorskap-i-norge/id2526850/',
    'schanche-2014':
      'Schanche, P. (2014). Velferd i nytt terreng: Hvordan kan kommunen som arbeidsgiver samarbeide med frivillig sektor og sosiale entreprenører innen pleie- og omsorgstjenestene? (Nr. R7940). Agenda Kaupang.',
  };
  it.each(Object.entries(expected))('%s', (key, reference) => {
    const e = site.dataset.bibliography.find((x: BibEntry) => x.key === key)!;
    expect(e.references[0]).toMatchObject({ label: 'Norsk APA', text: reference });
  });
});

describe('Vancouver references keep the series number', () => {
  it.each([
    ['loga-2016', '(Rapport 1-2016).'],
    ['nordisk-ministerrad-2015', '(TemaNord 2015:502).'],
    ['schanche-2014', 'Rapport nr. R7940.'],
  ])('%s', (key, part) => {
    const e = site.dataset.bibliography.find((x: BibEntry) => x.key === key)!;
    expect(e.references.find((r) => r.label === 'Vancouver')!.text).toContain(part);
  });
});

describe('ways into the bibliography', () => {
  it('has a static page per type and an author index in Norwegian order', async () => {
    for (const t of site.dataset.facets.types)
      expect(await site.page(t.url)).toContain(`<h1>${t.label} <span class="subtitle">(${t.count})</span></h1>`);
    const names = site.dataset.facets.authorLetters.flatMap((l) => l.authors.map((a) => a.name));
    expect(names.indexOf('Eimhjellen, Ivar')).toBeLessThan(names.indexOf('Loga, Jill M.'));
    expect(names.indexOf('Loga, Jill M.')).toBeLessThan(names.indexOf('Winsvold, Marte'));
    const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort(collator.compare));
    const letter = site.dataset.facets.authorLetters.find((l) => l.letter === 'L')!;
    expect(letter.url).toBe('/bibliografi/forfattere/l/');
    expect(await site.page(letter.url)).toContain('<dt>Loga, Jill M.</dt>');
  });

  it('splits the author index into a page per letter that together list every author and work exactly once', async () => {
    const d = site.dataset;
    const letters = d.facets.authorLetters;
    expect(letters.length).toBeGreaterThan(1);
    // Every author of the data, with each of their works: from the entries themselves, not from the facets.
    const expected: string[] = [];
    for (const e of d.bibliography) {
      for (const p of e.persons) expected.push(`${nameInverted(p)}\t${e.key}`);
      for (const c of e.corporateAuthors) expected.push(`${c}\t${e.key}`);
    }
    const byUrl = new Map(d.bibliography.map((e) => [e.url, e]));
    const listed: string[] = [];
    const authorsListed: string[] = [];
    const index = await site.page('/bibliografi/forfattere/');
    const indexLinks = [
      ...index.matchAll(/<li id="forfatter-(\d+)"><a href="([^"]+)">([^<]+)<\/a> <span class="meta">([^<]+)<\/span><\/li>/g),
    ];
    expect(indexLinks).toHaveLength(letters.length);
    const slugs = new Set<string>();
    for (const [i, l] of letters.entries()) {
      expect(l.slug).toMatch(/^[a-z0-9-]+$/);
      slugs.add(l.slug);
      // The index links to the letter's page (its links are relative to the page), with its counts.
      const [, n, href, label, counts] = indexLinks[i]!;
      expect(n).toBe(String(i + 1));
      expect(new URL(href!, `http://site/kb/bibliografi/forfattere/`).pathname).toBe(`/kb${l.url}`);
      expect(decode(label!)).toBe(l.letter);
      expect(counts).toBe(`${l.count} ${l.count === 1 ? 'forfatter' : 'forfattere'}, ${l.works} verk`);
      expect(l.count).toBe(l.authors.length);
      expect(l.works).toBe(new Set(l.authors.flatMap((a) => a.works.map((w) => w.id))).size);

      const html = await site.page(l.url);
      expect(html).toContain(`<h1>Forfattere: ${l.letter} <span class="subtitle">(${l.count})</span></h1>`);
      expect(html).toContain('aria-current="page">');
      const dl = html.slice(html.indexOf('<dl class="authors-index">'), html.indexOf('</dl>'));
      let author = '';
      for (const m of dl.matchAll(
        /<dt>(.*?)(?: <span class="tag">organisasjon<\/span>)?<\/dt>|<dd><a href="([^"]+)">[^<]*<\/a><span class="Z3988" title="([^"]*)"><\/span><\/dd>/g,
      )) {
        if (m[1] !== undefined) {
          author = decode(m[1]);
          authorsListed.push(author);
          continue;
        }
        const entry = byUrl.get(new URL(m[2]!, `http://site/kb${l.url}`).pathname.slice('/kb'.length))!;
        expect(entry, m[2]).toBeDefined();
        expect(decode(m[3]!)).toBe(d.coins[entry.key]);
        listed.push(`${author}\t${entry.key}`);
      }
    }
    expect(slugs.size).toBe(letters.length);
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(authorsListed).toEqual(letters.flatMap((l) => l.authors.map((a) => a.name)));
    expect(new Set(authorsListed).size).toBe(authorsListed.length);
    // Every entry with an author is on some letter's page.
    const keys = new Set(listed.map((x) => x.split('\t')[1]));
    expect(d.bibliography.filter((e) => e.persons.length + e.corporateAuthors.length > 0).every((e) => keys.has(e.key))).toBe(true);
    // …and in the sitemap.
    const sitemap = await site.page('/sitemap.xml');
    for (const l of letters) expect(sitemap).toContain(`<loc>${SITE_URL}/kb${l.url}</loc>`);
  });

  it('gives each index letter a stable, ASCII page name', () => {
    expect(['A', 'Z', 'Æ', 'Ø', 'Å', '#', 'É', 'Ü', 'SS'].map(letterSlug)).toEqual([
      'a',
      'z',
      'ae',
      'oe',
      'aa',
      'andre',
      'u00c9',
      'u00dc',
      'u0053-0053',
    ]);
    expect(URLS.authorLetter('Ø')).toBe('/bibliografi/forfattere/oe/');
  });

  it('draws entries per year as SVG with a table as its text alternative', async () => {
    const list = await site.page('/bibliografi/');
    expect(list).toMatch(/<svg class="bar-chart"[^>]*aria-hidden="true"/);
    for (const y of site.dataset.facets.years) expect(list).toContain(`<tr><td>${y.year ?? 'Uten år'}</td><td>${y.count}</td></tr>`);
  });

  it('orders the list newest first, the same way every build', () => {
    const years = site.dataset.bibliography.map((e) => e.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });
});
