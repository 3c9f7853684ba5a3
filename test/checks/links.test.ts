import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { htmlFiles, readPage, type PageLinks } from '../helpers/site-files.ts';

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href);

/** Every internal link, asset and anchor of the site that does not resolve. */
async function brokenLinks(dist: string, prefix: string): Promise<string[]> {
  const pages = new Map<string, PageLinks>();
  for (const file of await htmlFiles(dist)) {
    const page = await readPage(dist, file);
    pages.set(page.sitePath, page);
  }
  const broken: string[] = [];
  for (const page of pages.values()) {
    for (const href of page.links) {
      if (href === '' || isExternal(href)) continue;
      const url = new URL(href, `http://site${prefix}${page.sitePath.slice(1)}`);
      if (!url.pathname.startsWith(prefix)) {
        broken.push(`${page.sitePath}: ${href} leaves the site's path ${prefix}`);
        continue;
      }
      const target = '/' + decodeURIComponent(url.pathname.slice(prefix.length));
      const file = path.join(dist, target.endsWith('/') ? `${target}index.html` : target);
      const exists = await stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) {
        broken.push(`${page.sitePath}: ${href} → ${target} does not exist`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !(pages.get(target)?.ids.has(anchor) ?? false))
        broken.push(`${page.sitePath}: ${href} → no id "${anchor}" in ${target}`);
    }
  }
  return broken;
}

for (const prefix of ['/', '/noe/']) {
  describe(`links in the built site at ${prefix}`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await buildInto(SHIPPED_DATA, { pathPrefix: prefix });
    });
    afterAll(() => rm(site.root, { recursive: true, force: true }));

    it('resolve: every internal link, anchor, stylesheet, script and download', async () => {
      const pages = await htmlFiles(site.dist);
      expect(pages.length).toBeGreaterThan(60);
      expect(await brokenLinks(site.dist, prefix)).toEqual([]);
    });

    it('are relative on ordinary pages, so a copied folder works too', async () => {
      const page = await readPage(site.dist, path.join(site.dist, 'bibliografi', 'loga-2016', 'index.html'));
      expect(page.links.filter((l) => l.startsWith('/'))).toEqual([]);
    });

    it('use the path prefix on the 404 page, which is served at any depth', async () => {
      const page = await readPage(site.dist, path.join(site.dist, '404.html'));
      const internal = page.links.filter((l) => !isExternal(l) && !l.startsWith('#'));
      expect(internal.length).toBeGreaterThan(3);
      for (const l of internal) expect(l.startsWith(prefix)).toBe(true);
    });
  });
}
