import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, readSimpleCsv } from '../../pipeline/read/csv.ts';

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

describe('readSimpleCsv', () => {
  /** What csv-parse reads, with parseCsv's options: each record and the line it starts on. */
  const csvParse = (text: string, delimiter: string) =>
    (
      parse(text, { delimiter, info: true, raw: true, relax_column_count: true, skip_empty_lines: false }) as unknown as Array<{
        record: string[];
        info: { lines: number };
        raw: string;
      }>
    ).map(({ record, info, raw }) => ({ record, line: info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0) }));
  const csv = fc
    .tuple(
      fc.constantFrom(';', ',', '\t'),
      fc.array(fc.constantFrom('a', 'b c', 'ø', ';', ',', '\t', '\n', '\n', '"', '""', '"x;\ny"', ' ', ''), { maxLength: 25 }),
    )
    .map(([delimiter, parts]) => ({ delimiter, text: parts.join('') }));

  it('reads what csv-parse reads, where it reads the text at all', () => {
    let read = 0;
    fc.assert(
      fc.property(csv, ({ delimiter, text }) => {
        const simple = readSimpleCsv(text, delimiter);
        if (simple === undefined) return;
        read++;
        expect(simple).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(1000);
  });

  it('leaves quotes csv-parse has to judge to it', () => {
    for (const text of ['a;b"c\n', '"a"b;c\n', 'a;"open\n', ' "a";b\n']) expect(readSimpleCsv(text, ';')).toBeUndefined();
    expect(readSimpleCsv('"a;""b""\nc";d\n\ne;\n', ';')).toEqual([
      { record: ['a;"b"\nc', 'd'], line: 1 },
      { record: [''], line: 3 },
      { record: ['e', ''], line: 4 },
    ]);
  });
});
