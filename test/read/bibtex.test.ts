import { describe, expect, it } from 'vitest';
import { readBibtex, splitChunks } from '../../pipeline/read/bibtex.ts';

const FILE = `@string{ks = {KS}}

@report{first,
  author = {{Nordisk ministerr{\\aa}d}},
  title = {Kartlegging i {\\O}st},
  institution = ks,
  year = 2015,
}

@book{broken,
  title = {Never closed,
  year = 2016

@report{third, author = {Hansen, Kari and S{\\o}rensen, Per}, title = {Tredje}, year = {2017}, publisher = nomacro}
`;

describe('readBibtex', () => {
  const { entries, problems } = readBibtex(FILE, 'x.bib');

  it('reads every good entry even when one is broken, with its start line', () => {
    expect(entries.map((e) => [e.key, e.line])).toEqual([['first', 3], ['third', 14]]);
  });

  it('reports the broken entry with its line and key', () => {
    expect(problems.find((p) => p.rule === 'bibtex-syntax')).toMatchObject({ line: 10, file: 'x.bib' });
    expect(problems.find((p) => p.rule === 'bibtex-syntax')!.message).toContain("'broken'");
  });

  it('decodes LaTeX escapes for Norwegian letters and expands @string macros', () => {
    expect(entries[0]!.csl.title).toBe('Kartlegging i Øst');
    expect(entries[0]!.csl.publisher).toBe('KS');
    expect(entries[1]!.csl.author).toEqual([{ family: 'Hansen', given: 'Kari' }, { family: 'Sørensen', given: 'Per' }]);
  });

  it('keeps a corporate author in double braces whole', () => {
    expect(entries[0]!.csl.author).toEqual([{ literal: 'Nordisk ministerråd' }]);
  });

  it('reports an undefined @string macro', () => {
    expect(problems.find((p) => p.rule === 'undefined-macro')).toMatchObject({ line: 14 });
  });

  it('splits a file into top-level chunks', () => {
    expect(splitChunks('@a{x, t={y}}\n@b{z, t={w}}').chunks.map((c) => c.line)).toEqual([1, 2]);
  });
});
