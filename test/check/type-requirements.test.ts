import { describe, expect, it } from 'vitest';
import type { BibDraft } from '../../pipeline/model/drafts.ts';
import { bibDraft } from '../helpers/drafts.ts';
import { checkTypeRequirements } from '../../pipeline/check/type-requirements.ts';

const draft = (over: Partial<BibDraft>): BibDraft =>
  bibDraft(
    { at: { year: { file: 'data/bibliografi.csv', line: 4, column: 7, field: 'Utgivelsesår' } }, ...over },
    'data/bibliografi.csv',
    4,
  );
const rules = (d: BibDraft) => checkTypeRequirements([d]).map((p) => [p.rule, p.field, p.column]);

describe('checkTypeRequirements', () => {
  it('asks a rapport for a year and someone responsible', () => {
    expect(rules(draft({}))).toEqual([
      ['required-for-type', 'Utgivelsesår', 7],
      ['required-for-type', 'Forfatter', 1],
    ]);
    expect(rules(draft({ year: 2016, publishers: ['ks'] }))).toEqual([]);
    expect(rules(draft({ date: '2016-03', corporateAuthors: ['KS'] }))).toEqual([]);
  });

  it('asks a nettside for a URL (or a PDF)', () => {
    expect(rules(draft({ type: 'nettside' }))).toEqual([['required-for-type', 'URL', 1]]);
    expect(rules(draft({ type: 'nettside', pdfUrl: 'https://x.no/a.pdf' }))).toEqual([]);
  });

  it('accepts a gap that the note says was looked for', () => {
    expect(rules(draft({ type: 'nettside', note: 'Utgiver, dato og URL er ikke kjent.' }))).toEqual([]);
    expect(rules(draft({ year: 2016, note: 'Forfatter er ikke funnet.' }))).toEqual([]);
    // A note that merely mentions the word does not count.
    expect(rules(draft({ type: 'nettside', note: 'Se URL-en i rapporten.' }))).toHaveLength(1);
  });

  it('does not ask again for a value that was given but rejected', () => {
    expect(rules(draft({ publishers: ['ks'], rejected: ['year'] }))).toEqual([]);
  });

  it('names BibTeX fields for a record from a .bib file', () => {
    const [p] = checkTypeRequirements([draft({ sources: [{ file: 'data/z.bib', line: 3 }], at: {}, persons: [{ family: 'A' }] })]);
    expect(p).toMatchObject({ file: 'data/z.bib', line: 3, column: 1, field: 'year' });
    expect(p!.message).toContain("'year' eller 'date'");
  });
});
