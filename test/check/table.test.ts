import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_COLUMNS } from '../../pipeline/model/columns.ts';
import { parseCsv } from '../../pipeline/read/csv.ts';
import { mapTable } from '../../pipeline/check/table.ts';

const map = (text: string) => mapTable(parseCsv(text, 'b.csv'), BIBLIOGRAPHY_COLUMNS);

describe('mapTable', () => {
  it('gives each record its cells by field', () => {
    const { records, problems } = map('Nøkkel;Type publikasjon;Tittel\nx;rapport;T\n');
    expect(problems).toEqual([]);
    expect(records[0]!.cells.title).toEqual({ value: 'T', line: 2, column: 3, row: 2 });
  });

  it('suggests the closest known name for an unknown column', () => {
    const { problems } = map('Nøkkel;Type publikasjon;Tittel;Utgivelsesar\nx;rapport;T;2016\n');
    expect(problems).toMatchObject([{ rule: 'unknown-column', line: 1, column: 4 }]);
    expect(problems[0]!.message).toContain("Mente du 'Utgivelsesår'?");
  });

  it('reports a missing required column', () => {
    expect(map('Nøkkel;Tittel\nx;T\n').problems.map((p) => p.rule)).toEqual(['missing-column']);
  });

  it('reports a ragged row from an unquoted delimiter in a cell', () => {
    const { records, problems } = map('Nøkkel;Type publikasjon;Tittel\nx;rapport;Tittel; med semikolon\ny;rapport;T\n');
    expect(problems).toMatchObject([{ rule: 'ragged-row', line: 2, column: 4 }]);
    expect(records.map((r) => r.cells.key?.value)).toEqual(['y']);
  });

  it('reports a file read as a single column', () => {
    expect(map('Nøkkel|Type publikasjon|Tittel\nx|rapport|T\n').problems.map((p) => p.rule)).toContain('single-column');
  });

  it('ignores trailing empty columns', () => {
    expect(map('Nøkkel;Type publikasjon;Tittel;;\nx;rapport;T;;\n').problems).toEqual([]);
  });
});
