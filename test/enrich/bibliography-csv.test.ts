/**
 * The bibliography download's cells are written as csv-stringify writes them
 * (with the delimiter ';' and Unix line ends), compared on random values.
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../pipeline/enrich/bibliography-csv.ts';

describe('csvField', () => {
  it('writes rows as csv-stringify does', () => {
    const value = fc
      .array(fc.constantFrom('a', 'ø', ' ', ';', ',', '"', '""', '\n', '\r', '\t', "'", '=', '-', '\\'), { maxLength: 8 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const ours = rows.map((row) => `${row.map(csvField).join(';')}\n`).join('');
        expect(ours).toBe(stringify(rows, { delimiter: ';', record_delimiter: 'unix' }));
      }),
      { numRuns: 3000 },
    );
  });
});
