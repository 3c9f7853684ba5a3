import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { htmlFiles } from '../helpers/site-files.ts';
import { vnuErrors } from '../helpers/vnu.ts';

const BUILDS = [
  { name: 'at the root, without SITE_URL', options: {} },
  { name: 'under a sub-path, with SITE_URL', options: { siteUrl: 'https://kildebank.example.no', pathPrefix: '/kb/' } },
];

for (const { name, options } of BUILDS) {
  describe(`the built HTML ${name}`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await buildInto(SHIPPED_DATA, options);
    });
    afterAll(() => rm(site.root, { recursive: true, force: true }));

    it('has no errors by the Nu Html Checker, on any page', async () => {
      expect((await htmlFiles(site.dist)).length).toBeGreaterThan(60);
      expect(await vnuErrors(site.dist)).toEqual([]);
    }, 180_000);
  });
}
