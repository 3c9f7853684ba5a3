import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../pipeline/read/decode.ts';

describe('decodeText', () => {
  const text = 'Tittel;År\nBlåbær – «søt»;2016 €\n';
  it('reads UTF-8 with and without BOM the same', () => {
    const plain = decodeText(Buffer.from(text, 'utf8'), 'f.csv');
    const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'f.csv');
    expect(plain.text).toBe(text);
    expect(bom.text).toBe(text);
    expect(bom.problems).toEqual([]);
  });

  it('reads windows-1252 with a warning', () => {
    const decoded = decodeText(iconv.encode(text, 'windows-1252'), 'f.csv');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.problems.map((p) => p.rule)).toEqual(['encoding-windows-1252']);
  });

  it('refuses an Excel workbook renamed to .csv', () => {
    const decoded = decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'f.csv');
    expect(decoded.problems.map((p) => [p.rule, p.severity])).toEqual([['file-not-csv', 'error']]);
  });
});
