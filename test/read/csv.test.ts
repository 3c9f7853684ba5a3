import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../pipeline/read/csv.ts';

describe('parseCsv', () => {
  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"a;x",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
  });

  it('gives each row the line it starts on, also after a cell with line breaks', () => {
    const table = parseCsv('A;B\r\n1;"to\r\nlinjer"\r\n\r\n3;4\r\n;\r\n', 'f.csv');
    expect(table.header.map((c) => c.value)).toEqual(['A', 'B']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.rows[0]!.cells[1]).toEqual({ value: 'to\nlinjer', line: 2, column: 2, row: 2 });
  });

  it('keeps values exactly as typed', () => {
    const table = parseCsv('A;B;C\n12,5;05.03.2016;0123456789\n', 'f.csv');
    expect(table.rows[0]!.cells.map((c) => c.value)).toEqual(['12,5', '05.03.2016', '0123456789']);
  });

  it('reports a quote that is never closed with its line', () => {
    const table = parseCsv('A;B\n1;2\n3;"open\n', 'f.csv');
    expect(table.problems).toMatchObject([{ rule: 'csv-syntax', file: 'f.csv', severity: 'error' }]);
    expect(table.problems[0]!.message).toContain('aldri lukket');
  });

  it('reports an empty file', () => {
    expect(parseCsv('  \n', 'f.csv').problems[0]!.rule).toBe('file-empty');
  });
});
