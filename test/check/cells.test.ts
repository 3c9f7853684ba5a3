import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_COLUMNS, type ColumnSpec } from '../../pipeline/model/columns.ts';
import { checkCell, splitList } from '../../pipeline/check/cells.ts';

const spec = (field: string): ColumnSpec => BIBLIOGRAPHY_COLUMNS.find((c) => c.field === field)!;
const check = (field: string, value: string) => checkCell(spec(field), { value, line: 7, column: 3 }, 'b.csv', 7);
const rules = (field: string, value: string) => check(field, value).problems.map((p) => p.rule);

describe('checkCell', () => {
  it.each([
    ['year', '2016', []],
    ['year', '16', ['invalid-year']],
    ['year', '42370', ['excel-date-serial']],
    ['date', '2016-04-08', []],
    ['date', '2016-02-30', ['invalid-date']],
    ['date', '05.03.2016', ['invalid-date']],
    ['isbn', '978-82-8095-104-5', []],
    ['isbn', '978-82-8095-104-4', ['invalid-isbn']],
    ['isbn', '9.78828E+12', ['isbn-scientific']],
    ['isbn', '0-306-40615-2', []],
    ['issn', '0908-6692', []],
    ['issn', '0908-6691', ['invalid-issn']],
    ['fullTextUrl', 'https://www.ks.no/', []],
    ['fullTextUrl', 'javascript:alert(1)', ['invalid-url']],
    ['fullTextUrl', 'www.ks.no', ['invalid-url']],
    ['fullTextUrl', 'https://example.org/"><script>', ['invalid-url']],
    ['doi', '10.6027/TN2015-502', []],
    ['doi', 'TN2015-502', ['invalid-doi']],
    ['type', 'rapport', []],
    ['type', 'raport', ['unknown-type']],
    ['persons', 'Loga, Jill M.; Eimhjellen, Ivar', []],
    ['persons', 'Jill Loga', ['author-format']],
    ['key', 'loga-2016', []],
    ['key', 'Loga 2016', ['invalid-id']],
    ['title', '=A1&B1', ['spreadsheet-formula']],
    ['title', '#N/A', ['spreadsheet-error']],
    ['title', 'Sosialt {\\o}konomi', ['latex-leftover']],
    ['title', 'Blåbær\u00a0og\u200b syltetøy', ['whitespace']],
  ])('%s = %j gives %j', (field, value, expected) => {
    expect(rules(field, value)).toEqual(expected);
  });

  it('names the file, line, column and header of a problem', () => {
    expect(check('year', '16').problems[0]).toMatchObject({ file: 'b.csv', line: 7, column: 3, field: 'Utgivelsesår', severity: 'error' });
  });

  it('normalises languages to one BCP 47 tag, with a note', () => {
    for (const written of ['norsk', 'bokmål', 'no', 'Nb']) {
      const result = check('language', written);
      expect(result.value).toBe('nb');
      expect(result.problems.map((p) => [p.rule, p.severity])).toEqual([['language-normalised', 'warning']]);
    }
    expect(check('language', 'nb').problems).toEqual([]);
    expect(rules('language', 'klingon')).toEqual(['unknown-language']);
  });

  it('cleans non-breaking and zero-width spaces out of the value', () => {
    expect(check('title', ' Blåbær\u00a0og\u200b syltetøy ').value).toBe('Blåbær og syltetøy');
  });

  it('reports an empty required cell', () => {
    expect(checkCell(spec('title'), { value: ' ', line: 2, column: 3 }, 'b.csv', 2).problems.map((p) => p.rule)).toEqual([
      'required-empty',
    ]);
  });

  it('splits lists on semicolons', () => {
    expect(splitList(' a ;b;; c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('checkCell on names that look like built-in properties', () => {
  it('does not read a language or a type from the prototype chain', () => {
    expect(rules('language', 'constructor')).toEqual(['unknown-language']);
    expect(rules('language', 'toString')).toEqual(['unknown-language']);
    expect(rules('type', 'constructor')).toEqual(['unknown-type']);
  });

  it('understands the language names the site shows', () => {
    expect(check('language', 'Norsk (bokmål)').value).toBe('nb');
  });

  it('suggests "Etternavn, Fornavn" for a name written first name first', () => {
    expect(check('persons', 'Jill M. Loga').problems[0]!.message).toContain("Mente du 'Loga, Jill M.'?");
  });
});
