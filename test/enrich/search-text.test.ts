import { describe, expect, it } from 'vitest';
import { searchFacts, searchText } from '../../pipeline/enrich/search-text.ts';
import type { LinkedEntry } from '../../pipeline/model/types.ts';
import { emptyLists } from '../helpers/drafts.ts';

const org = (label: string) => ({ id: label.toLowerCase(), label, url: `/organisasjon/${label.toLowerCase()}/` });
const rendered = (text: string) => ({ markdown: text, html: `<p>${text}</p>`, text, lines: text });

/** An entry with every fact filled in; KS is author, performer and publisher. */
const entry = {
  key: 'loga-2016',
  type: 'rapport',
  typeLabel: 'Rapport',
  title: 'Sosiale entreprenører',
  fullTitle: 'Sosiale entreprenører: Samarbeidspartnere',
  persons: [{ family: 'Loga', given: 'Jill M.' }, { family: 'Winsvold' }],
  corporateAuthors: ['KS'],
  year: 2016,
  date: '2016-03',
  performers: [org('Rokkansenteret')],
  commissioners: [org('KS')],
  publishers: [org('Rokkansenteret')],
  publisherNames: ['Fagbokforlaget'],
  place: 'Bergen',
  series: 'Rapport',
  number: '1-2016',
  isbn: ['978-82-8095-104-5'],
  issn: ['2387-5615'],
  pages: '120',
  language: 'nb',
  languageLabel: 'Bokmål',
  fullTextUrl: 'https://example.org/loga.pdf',
  pdfUrl: 'https://example.org/loga-full.pdf',
  doi: '10.1234/abc',
  handle: '11250/2442345',
  abstract: rendered('Om samarbeid.'),
  note: rendered('Andre utgave.'),
  keywords: ['kommuner', 'samarbeid'],
  accessed: '2024-01-02',
  dateAdded: '2024-01-01',
} as unknown as LinkedEntry;

describe('what search finds an entry by', () => {
  it('is the values of its facts a visitor searches for, each once, in the order of the list', () => {
    expect(searchFacts(entry)).toEqual([
      'Jill M. Loga',
      'Winsvold',
      'KS',
      'Rokkansenteret',
      'Fagbokforlaget',
      'Rapport',
      '1-2016',
      '978-82-8095-104-5',
      '2387-5615',
      '10.1234/abc',
      '11250/2442345',
      'kommuner',
      'samarbeid',
    ]);
  });

  it('leaves out labels, dates, place, pages, language and links', () => {
    const facts = searchFacts(entry).join(' ');
    for (const left of ['Forfatter', 'Type publikasjon', '2016-03', 'Bergen', '120', 'Bokmål', 'https', '2024'])
      expect(facts).not.toContain(left);
  });

  it('is empty for an entry with no facts', () => {
    const bare = { ...entry, ...emptyLists() };
    for (const f of ['series', 'number', 'doi', 'handle'] as const) delete (bare as Partial<LinkedEntry>)[f];
    expect(searchFacts(bare)).toEqual([]);
  });

  it('gives the word list the page text and the facts but the identifiers', () => {
    expect(searchText(entry)).toEqual([
      'Sosiale entreprenører: Samarbeidspartnere',
      'Rapport',
      'Om samarbeid.',
      'Andre utgave.',
      'Jill M. Loga',
      'Winsvold',
      'KS',
      'Rokkansenteret',
      'KS',
      'Rokkansenteret',
      'Fagbokforlaget',
      'Rapport',
      'kommuner',
      'samarbeid',
    ]);
  });
});
