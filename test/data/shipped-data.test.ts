import { describe, expect, it } from 'vitest';
import { startReferences } from '../../pipeline/cite/add-references.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

describe('the shipped data', async () => {
  const result = await runPipeline(SHIPPED_DATA, { cite: startReferences });
  const dataset = result.dataset!;
  const keys = () => dataset.bibliography.map((e) => e.key);

  it('checks without errors or warnings', () => {
    expect(result.problems).toEqual([]);
  });

  it('holds every source of the seed document', () => {
    expect(keys().sort()).toEqual([
      'asker-kommune-2015', 'baerum-kommune-samarbeidsavtale', 'eimhjellen-loga-2016', 'ferd-jeg-vil-bli-sosial-entreprenor',
      'kmd-2017', 'ks-2016-fagseminar', 'ks-2016-hefte', 'ks-film-nye-losninger', 'loga-2016', 'nordic-council-2015',
      'nordisk-ministerrad-2015', 'oppegard-mikrofinans-partnerskapsavtale', 'padriv', 'schanche-2014',
      'sosiale-entreprenorer-som-samarbeidspartnere', 'tankesmien-agenda-2016',
    ]);
  });

  it('holds the concepts the seed defines or names', () => {
    const ids = dataset.glossary.map((c) => c.id);
    for (const id of ['innovasjon', 'sosial-innovasjon', 'sosiale-entreprenorer', 'sosialt-entreprenorskap', 'aksjeselskap', 'ideelt-aksjeselskap', 'stiftelse', 'frivillig-organisasjon', 'samvirkeforetak', 'arbeidsinkludering', 'frivillig-sektor', 'sivilsamfunn', 'samarbeidsavtale', 'partnerskapsavtale', 'innovasjonsstrategi', 'offentlige-anskaffelser', 'utviklingskontrakt', 'tjenesteinnovasjon']) {
      expect(ids).toContain(id);
    }
    expect(dataset.glossary.every((c) => c.termNn && c.definition.text)).toBe(true);
  });

  it('holds the organisations the seed names', () => {
    expect(dataset.organisations.length).toBeGreaterThanOrEqual(18);
    expect(dataset.pages.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the verified facts of the reports', () => {
    const entry = (key: string) => dataset.bibliography.find((e) => e.key === key)!;
    expect(entry('loga-2016')).toMatchObject({ year: 2016, isbn: ['978-82-8095-104-5'], series: 'Rapport', number: '1-2016' });
    expect(entry('loga-2016').persons).toHaveLength(6);
    expect(entry('nordisk-ministerrad-2015')).toMatchObject({ year: 2015, doi: '10.6027/TN2015-502', corporateAuthors: ['Nordisk ministerråd'], persons: [] });
    expect(entry('schanche-2014').number).toBe('R7940');
    // Where the seed disagrees with the publication, the entry says so.
    expect(entry('loga-2016').note?.html).toContain('2015');
    expect(entry('nordisk-ministerrad-2015').note?.html).toContain('2014');
  });

  it('resolves every cross-reference', () => {
    const urls = new Set([...dataset.bibliography, ...dataset.glossary, ...dataset.organisations, ...dataset.pages].map((r) => r.url));
    const links = [
      ...dataset.bibliography.flatMap((e) => [...e.performers, ...e.commissioners, ...e.publishers, ...e.citedBy, ...e.concepts]),
      ...dataset.glossary.flatMap((c) => [...c.related, ...c.broader, ...c.narrower, ...c.usedIn, ...(c.source ? [c.source] : []), ...(c.noteSource ? [c.noteSource] : [])]),
      ...dataset.organisations.flatMap((o) => o.works),
    ];
    expect(links.length).toBeGreaterThan(50);
    for (const l of links) expect(urls).toContain(l.url);
    const html = [...dataset.bibliography.map((e) => `${e.abstract?.html}${e.note?.html}`), ...dataset.glossary.map((c) => `${c.definition.html}${c.note?.html}`), ...dataset.pages.map((p) => p.html)].join('');
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      if (href!.startsWith('/')) expect(urls).toContain(href);
    }
  });

  it('formats a Norwegian reference for every entry, Norsk APA first', () => {
    for (const e of dataset.bibliography) {
      expect(e.references.map((r) => r.label)).toEqual(['Norsk APA', 'Harvard', 'Vancouver']);
      for (const r of e.references) {
        // The words of the work's own title may be English; the style's words must not be.
        const styleWords = r.text.replace(e.csl.title, '').replace(e.title, '');
        expect(styleWords).not.toMatch(/\b(and|Retrieved from|Available from|et al\.|n\.d\.|Accessed|Report No)\b/);
      }
    }
  });
});
