import { describe, expect, it } from 'vitest';
import { FILE_BUDGET, fragmentLimit } from '../../pipeline/build/pagefind.ts';

describe('the file budget for Pagefind fragments', () => {
  it('keeps one fragment per page while the site fits the budget', () => {
    expect(fragmentLimit(2_400, 1_200)).toBeUndefined();
    expect(fragmentLimit(9_000, 9_000)).toBeUndefined();
  });

  it('bundles fragments into the files left when one per page would not fit', () => {
    const limit = fragmentLimit(11_800, 11_650)!;
    expect(limit).toBeLessThan(11_650);
    expect(11_800 + limit).toBeLessThanOrEqual(FILE_BUDGET - 1_000);
  });

  it('never goes below a floor of fragment files, however full the site', () => {
    expect(fragmentLimit(25_000, 24_000)).toBe(1_000);
  });
});
