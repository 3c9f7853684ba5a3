/** Ids become folder names: the names Windows reserves, and the length limit. */
import { describe, expect, it } from 'vitest';
import { checkCell } from '../../pipeline/check/cells.ts';
import { MAX_ID_LENGTH, windowsReservedName } from '../../pipeline/lib/identifiers.ts';

describe('windowsReservedName', () => {
  it.each([
    ['con', 'con'],
    ['PRN', 'prn'],
    ['aux', 'aux'],
    ['nul.txt', 'nul'],
    ['com0', 'com0'],
    ['com9', 'com9'],
    ['lpt1', 'lpt1'],
    ['COM¹', 'com¹'],
    ['lpt3.tar.gz', 'lpt3'],
  ])('finds %s', (name, reserved) => {
    expect(windowsReservedName(name)).toBe(reserved);
  });

  it.each(['console', 'con-2016', 'nul-lab', 'com10', 'lpt', 'auxiliary', 'icon', 'ks'])('lets %s pass', (name) => {
    expect(windowsReservedName(name)).toBeUndefined();
  });
});

describe('an id cell', () => {
  const spec = { header: 'ID', field: 'id', kind: 'id' as const, required: true };
  const listSpec = { header: 'Utgiver', field: 'publishers', kind: 'ids' as const };
  const check = (value: string, s: typeof spec | typeof listSpec = spec) =>
    checkCell(s, { value, line: 2, column: 1 }, 'data/organisasjoner.csv', 2);

  it(`takes up to ${MAX_ID_LENGTH} characters`, () => {
    expect(check('a'.repeat(MAX_ID_LENGTH)).value).toBe('a'.repeat(MAX_ID_LENGTH));
    expect(check('a'.repeat(MAX_ID_LENGTH + 1)).problems.map((p) => p.rule)).toEqual(['id-too-long']);
  });

  it('refuses a reserved name, also in a list, and says why', () => {
    const [problem] = check('aux').problems;
    expect(problem).toMatchObject({ rule: 'id-reserved-name', severity: 'error', field: 'ID' });
    expect(problem!.message).toContain("Windows holder av navnet 'aux' for en enhet");
    expect(check('ks; nul', listSpec).problems.map((p) => p.rule)).toEqual(['id-reserved-name']);
    expect(check('ks; console', listSpec).value).toBe('ks; console');
  });
});
