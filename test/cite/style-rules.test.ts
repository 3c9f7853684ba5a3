/**
 * The references as the manuals write them (issue #14): the three styles'
 * output for an example of every publication type, held in a fixture
 * (test/fixtures/references/by-type.json), and what the shipped entries must
 * show: "[Film]", the seminar's day and descriptor, Harvard titles in italics,
 * no Vancouver reference ending in ";" or without a date, the TemaNord DOIs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReferences } from '../../pipeline/cite/format-references.ts';
import { REFERENCE_STYLES } from '../../pipeline/cite/reference-rules.ts';
import { startReferences } from '../../pipeline/cite/add-references.ts';
import { publicationType, PUBLICATION_TYPES } from '../../pipeline/model/publication-types.ts';
import type { Dataset } from '../../pipeline/model/types.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { CslItem } from '../../pipeline/cite/reference-rules.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

/** An example of each type as csl-item.ts makes it: the row's CSL type, genre and medium, with a day, a series and a URL. */
function example(type: (typeof PUBLICATION_TYPES)[number], dated: boolean): CslItem {
  const row = publicationType(type);
  const genre = row.citation.genre ?? row.csl.genre;
  return {
    id: `${type}${dated ? '' : '-uten-dato'}`,
    type: row.csl.type,
    title: 'Eksempeltittel',
    author: [{ literal: 'Eksempelorganisasjonen' }],
    publisher: 'Eksempelforlaget',
    'collection-title': 'Rapport',
    'collection-number': '1-2016',
    URL: 'https://example.org/kilde',
    ...(dated ? { issued: { 'date-parts': [[2016, 4, 8]] } } : { accessed: { 'date-parts': [[2020, 10, 1]] } }),
    ...(genre ? { genre } : {}),
    ...(row.citation.medium ? { medium: row.citation.medium } : {}),
  };
}

describe('references per publication type', () => {
  it('match the fixture in every style, with and without a date', async () => {
    const items = PUBLICATION_TYPES.flatMap((t) => [example(t, true), example(t, false)]);
    const formatted = formatReferences(items);
    const byType = Object.fromEntries(
      [...formatted].map(([id, refs]) => [id, Object.fromEntries(REFERENCE_STYLES.map((s) => [s.label, refs[s.id].text]))]),
    );
    await expect(JSON.stringify(byType, null, 2) + '\n').toMatchFileSnapshot('../fixtures/references/by-type.json');
  });
});

describe('the shipped references follow the manuals', () => {
  let dataset: Dataset;
  const ref = (key: string, style: string) => dataset.bibliography.find((e) => e.key === key)!.references.find((r) => r.style === style)!;
  beforeAll(async () => {
    dataset = (await runPipeline(SHIPPED_DATA, { cite: startReferences })).dataset!;
  });

  it('Norsk APA: the film has "[Film]", the seminar its day and a descriptor, a booklet its year only', () => {
    expect(ref('ks-film-nye-losninger', 'norsk-apa-manual').text).toContain('[Film]');
    expect(ref('ks-2016-fagseminar', 'norsk-apa-manual').text).toMatch(/^KS\. \(2016, 8\. april\)\. .* \[Arrangement\]\.$/);
    expect(ref('kmd-2017', 'norsk-apa-manual').text).toContain('(2017).');
    expect(ref('baerum-kommune-samarbeidsavtale', 'norsk-apa-manual').text).toContain('[Avtale]');
  });

  it('Harvard: every title is in italics, and series numbers are kept', () => {
    for (const e of dataset.bibliography) {
      const harvard = e.references.find((r) => r.style === 'harvard-cite-them-right')!;
      expect(harvard.html, e.key).toContain(`<i>${e.fullTitle.replace(/&/g, '&#38;')}</i>`);
      expect(harvard.text, e.key).not.toMatch(/«/);
    }
    expect(ref('nordisk-ministerrad-2015', 'harvard-cite-them-right').text).toContain('(TemaNord, 2015:502)');
    expect(ref('loga-2016', 'harvard-cite-them-right').text).toContain('(Rapport, 1-2016)');
  });

  it('Vancouver: no reference ends in ";", every one has a date or "[dato ukjent]", TemaNord carries its DOI', () => {
    for (const e of dataset.bibliography) {
      const vancouver = e.references.find((r) => r.style === 'vancouver')!.text;
      expect(vancouver, e.key).not.toMatch(/;\s*$/);
      expect(vancouver, e.key).toMatch(/\b(19|20)\d\d\b|\[dato ukjent\]/);
    }
    expect(ref('nordisk-ministerrad-2015', 'vancouver').text).toContain('https://doi.org/10.6027/TN2015-502');
    expect(ref('nordic-council-2015', 'vancouver').text).toContain('https://doi.org/10.6027/TN2015-562');
  });
});
