import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { htmlFiles } from '../helpers/site-files.ts';
import { vnuErrors } from '../helpers/vnu.ts';

describe('the built HTML', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildInto(SHIPPED_DATA, { siteUrl: 'https://kildebank.example.no', pathPrefix: '/kb/' });
  });
  afterAll(() => rm(site.root, { recursive: true, force: true }));

  it('has no errors by the Nu Html Checker, on any page', async () => {
    expect((await htmlFiles(site.dist)).length).toBeGreaterThan(60);
    expect(await vnuErrors(site.dist)).toEqual([]);
  }, 180_000);
});
