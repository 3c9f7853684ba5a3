import { describe, expect, it } from 'vitest';
import { bibDraftFromBibtex } from '../../pipeline/normalise/bibliography-bibtex.ts';
import { readBibtex } from '../../pipeline/read/bibtex.ts';

const draftOf = (text: string) => {
  const { entries, problems } = readBibtex(text, 'x.bib');
  const results = entries.map((e) => bibDraftFromBibtex(e, 'x.bib', (name) => (name === 'KS' ? 'ks' : undefined)));
  return { drafts: results.flatMap((r) => (r.draft ? [r.draft] : [])), problems: [...problems, ...results.flatMap((r) => r.problems)] };
};

describe('bibDraftFromBibtex', () => {
  it('decodes title and subtitle one by one, as plain text', () => {
    const { drafts, problems } = draftOf(
      '@report{a, title = {Sosialt \\emph{entrepren{\\o}rskap}}, subtitle = {Om {\\AA}sane}, year = 2016, author = {{KS}}}',
    );
    expect(drafts[0]).toMatchObject({ title: 'Sosialt entreprenørskap', subtitle: 'Om Åsane', corporateAuthors: ['KS'] });
    expect(problems).toEqual([]);
  });

  it('reports a LaTeX command it cannot decode, as written, on its line', () => {
    const { problems } = draftOf('@report{a,\n  title = {I \\mbox{Norden}},\n  year = 2016}');
    expect(problems).toMatchObject([{ rule: 'latex-leftover', line: 2, column: 3, field: 'title', severity: 'warning' }]);
    expect(problems[0]!.message).toContain('\\mbox');
  });

  it('reports a year that is not a year, instead of dropping it', () => {
    expect(draftOf('@report{a, title = {A},\n year = {20x6}}').problems).toMatchObject([{ rule: 'invalid-year', line: 2, column: 2 }]);
  });

  it('reads several ISBNs separated by commas', () => {
    expect(draftOf('@book{a, title = {A}, year = 2016, isbn = {978-82-8095-104-5, 978-92-893-3898-1}}').drafts[0]!.isbn).toEqual([
      '978-82-8095-104-5',
      '978-92-893-3898-1',
    ]);
  });

  it('links a publisher by name and keeps other names as text', () => {
    expect(draftOf('@report{a, title = {A}, year = 2016, institution = {KS}}').drafts[0]).toMatchObject({
      publishers: ['ks'],
      publisherNames: [],
    });
  });

  it('does not take an entry type from the prototype chain', () => {
    expect(draftOf('@constructor{a, title = {A}, year = 2016}').problems.map((p) => p.rule)).toEqual(['unknown-type']);
  });
});
