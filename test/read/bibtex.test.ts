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
    expect(entries.map((e) => [e.key, e.line])).toEqual([
      ['first', 3],
      ['third', 14],
    ]);
  });

  it('reports the broken entry with its line and key', () => {
    expect(problems.find((p) => p.rule === 'bibtex-syntax')).toMatchObject({ line: 10, file: 'x.bib' });
    expect(problems.find((p) => p.rule === 'bibtex-syntax')!.message).toContain("'broken'");
  });

  it('decodes LaTeX escapes for Norwegian letters and expands @string macros', () => {
    expect(entries[0]!.csl.title).toBe('Kartlegging i Øst');
    expect(entries[0]!.csl.publisher).toBe('KS');
    expect(entries[1]!.csl.author).toEqual([
      { family: 'Hansen', given: 'Kari' },
      { family: 'Sørensen', given: 'Per' },
    ]);
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

describe('readBibtex on what exports and hand edits leave behind', () => {
  const lines = (text: string) => {
    const { entries, problems } = readBibtex(text, 'x.bib');
    return { read: entries.map((e) => [e.key, e.line]), problems: problems.map((p) => [p.rule, p.line, p.column]) };
  };

  it('gives every field the line and column it starts on', () => {
    const { entries } = readBibtex('\n@report{a,\n  title = {T},\n\tyear = 2016, isbn = {978-82-8095-104-5}\n}\n', 'x.bib');
    expect(entries[0]!.positions).toMatchObject({
      title: { line: 3, column: 3 },
      year: { line: 4, column: 2 },
      isbn: { line: 4, column: 15 },
    });
  });

  it('reads entries in parentheses, and values with unmatched parentheses', () => {
    expect(lines('@report(a, title = {A}, year = 2016)\n@report{b, title = {Tre funn: a) x, b) y}, year = 2017}\n').read).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('ignores a stray @ in text between entries', () => {
    expect(lines('Kontakt: kari@ks.no\n@report{c, title = {C}, year = 2017}\n').read).toEqual([['c', 2]]);
  });

  it('reports every unclosed entry, and reads the ones after them', () => {
    expect(lines('@report{a, title = {A},\n@report{b, title = {B},\n@report{c, title = {C}}\n')).toEqual({
      read: [['c', 3]],
      problems: [
        ['bibtex-syntax', 1, 1],
        ['bibtex-syntax', 2, 1],
      ],
    });
  });

  it('counts a line break between the type and the brace', () => {
    expect(lines('@report\n{a, title = {A}}\n\n@report{,,\n}\n').problems).toEqual([['bibtex-syntax', 4, 9]]);
  });

  it('does not let a broken @string break every entry', () => {
    expect(lines('@string{ks KS}\n@report{a, title = {A}}\n@report{b, title = {B}}\n')).toEqual({
      read: [
        ['a', 2],
        ['b', 3],
      ],
      problems: [['bibtex-syntax', 1, 1]],
    });
  });

  it('points a syntax error at the place in the entry, in plain words', () => {
    const { problems } = readBibtex('@report{a,\n  title = {A}\n  year = 2016\n}\n', 'x.bib');
    expect(problems).toMatchObject([{ rule: 'bibtex-syntax', line: 3, column: 3 }]);
    expect(problems[0]!.message).toContain('det mangler et komma');
  });

  it('reads an entry with an undefined macro as if the value were in braces, reporting the macro where it stands', () => {
    const { entries, problems } = readBibtex('@report{a,\n  title = {A},\n  institution = ks # { og } # nav,\n  month = jan\n}\n', 'x.bib');
    expect(entries.map((e) => e.key)).toEqual(['a']);
    expect(problems.map((p) => [p.rule, p.line, p.column, p.field])).toEqual([
      ['undefined-macro', 3, 17, 'institution'],
      ['undefined-macro', 3, 31, 'institution'],
    ]);
  });

  it('takes field names from the file as plain names', () => {
    const { entries } = readBibtex('@report{a, title = {A}, constructor = {x}, __proto__ = {y}}', 'x.bib');
    expect(Object.keys(entries[0]!.positions)).toEqual(['title', 'constructor', '__proto__']);
  });
});
