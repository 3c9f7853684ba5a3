import { describe, expect, it } from 'vitest';
import { bibDraft } from '../helpers/drafts.ts';
import { mergeBibliography } from '../../pipeline/normalise/merge-bibliography.ts';

const draft = bibDraft;

describe('mergeBibliography', () => {
  it('merges a BibTeX entry into the CSV record with the same DOI; the CSV wins and conflicts are reported', () => {
    const csv = draft({ key: 'a', doi: '10.1/x', year: 2016 });
    const bib = draft({ key: 'other', doi: '10.1/X', year: 2015, pages: '212' }, 'data/z.bib', 9);
    const { drafts, problems } = mergeBibliography([csv], [bib]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ key: 'a', year: 2016, pages: '212' });
    expect(drafts[0]!.sources).toEqual([
      { file: 'data/bibliografi.csv', line: 2 },
      { file: 'data/z.bib', line: 9 },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'merge-conflict', severity: 'warning' });
    expect(problems[0]!.message).toContain('data/z.bib:9');
  });

  it('matches by ISBN and by normalised title and year', () => {
    expect(
      mergeBibliography([draft({ key: 'a', isbn: ['978-82-8095-104-5'] })], [draft({ key: 'b', isbn: ['9788280951045'] }, 'z.bib')]).drafts,
    ).toHaveLength(1);
    expect(
      mergeBibliography(
        [draft({ key: 'a', title: 'Velferd i nytt terreng', year: 2014 })],
        [draft({ key: 'b', title: 'Velferd i nytt terreng!', year: 2014 }, 'z.bib')],
      ).drafts,
    ).toHaveLength(1);
  });

  it('reports a duplicate key within the CSV', () => {
    const { drafts, problems } = mergeBibliography(
      [draft({ key: 'a' }), draft({ key: 'a', title: 'Annen' }, 'data/bibliografi.csv', 3)],
      [],
    );
    expect(drafts).toHaveLength(1);
    expect(problems).toMatchObject([{ rule: 'duplicate-key', line: 3 }]);
  });

  it('reports the same work under two keys', () => {
    const { problems } = mergeBibliography(
      [draft({ key: 'a', doi: '10.1/x' }), draft({ key: 'b', doi: '10.1/x' }, 'data/bibliografi.csv', 3)],
      [],
    );
    expect(problems).toMatchObject([{ rule: 'duplicate-work', line: 3 }]);
  });

  it('keeps works of different types that share a title and year apart', () => {
    const { drafts, problems } = mergeBibliography([draft({ key: 'a', year: 2016 }), draft({ key: 'b', year: 2016, type: 'hefte' })], []);
    expect(drafts).toHaveLength(2);
    expect(problems).toEqual([]);
  });
});

describe('mergeBibliography with one key for two works', () => {
  it('reports a .bib entry that reuses a CSV key for another work, instead of merging', () => {
    const { drafts, problems } = mergeBibliography(
      [draft({ key: 'a', title: 'Frivillighet', year: 2016 })],
      [draft({ key: 'a', title: 'Kommunen som partner', year: 2016 }, 'data/z.bib', 3)],
    );
    expect(drafts.map((d) => d.title)).toEqual(['Frivillighet']);
    expect(problems).toMatchObject([{ rule: 'duplicate-key', file: 'data/z.bib', line: 3 }]);
  });

  it('merges when the .bib title carries the subtitle after a colon', () => {
    const { drafts, problems } = mergeBibliography(
      [draft({ key: 'a', title: 'Sosialt entreprenørskap', subtitle: 'Kartlegging i Norden', year: 2015 })],
      [draft({ key: 'a', title: 'Sosialt entreprenørskap: Kartlegging i Norden', year: 2015 }, 'data/z.bib', 3)],
    );
    expect(drafts).toHaveLength(1);
    expect(problems.map((p) => p.rule)).toEqual(['merge-conflict']);
  });
});
