import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { htmlFiles, readPage, sitePathOf } from '../helpers/site-files.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// Every field of this fixture holds markup and script payloads that set window.xss.
const XSS_DATA = path.join(FIXTURES, 'xss', 'data');
const ALLOWED_SCRIPT =
  /^<script (type="application\/ld\+json">|src="[^"]*(?:assets|referanseliste|sjekk)\/[a-z-]+\.js" defer>|type="module" src="[^"]*assets\/search\.js">)/;

describe('a site built from data full of script payloads', () => {
  let site: BuiltSite;
  let pages: Awaited<ReturnType<typeof readPage>>[];
  beforeAll(async () => {
    site = await buildInto(XSS_DATA, { siteUrl: 'https://kildebank.example.no' });
    pages = await Promise.all((await htmlFiles(site.dist)).map((f) => readPage(site.dist, f)));
  });
  afterAll(() => rm(site.root, { recursive: true, force: true }));

  it('has only its own scripts', () => {
    for (const p of pages) {
      for (const [tag] of p.html.matchAll(/<script\b[^>]*>/gi)) expect(tag, p.sitePath).toMatch(ALLOWED_SCRIPT);
    }
  });

  it('has no event-handler attributes and no javascript: links', () => {
    for (const p of pages) {
      expect(p.html, p.sitePath).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(
        p.links.filter((l) => /^\s*javascript:/i.test(l)),
        p.sitePath,
      ).toEqual([]);
    }
  });

  it('keeps titles and meta tags whole', () => {
    for (const p of pages) {
      const title = /<title>([^]*?)<\/title>/.exec(p.html)![1]!;
      expect(title, p.sitePath).not.toContain('<');
      const metas = p.html.match(/<meta\b/g) ?? [];
      const wellFormed = p.html.match(/<meta (name|property|charset)="[^"<>]*"( content="[^"<>]*")?>/g) ?? [];
      expect(wellFormed.length, p.sitePath).toBe(metas.length);
    }
  });

  it('keeps the payloads as data in the JSON-LD', () => {
    const entry = pages.find((p) => p.sitePath === '/bibliografi/xss-rapport/')!;
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(entry.html)![1]!;
    expect(json).not.toMatch(/<\/?script/i);
    expect(JSON.parse(json).name).toContain('<script>window.xss=1</script>');
  });

  it('keeps the facts metadata for search whole', () => {
    const entry = site.dataset.bibliography.find((e) => e.key === 'xss-rapport')!;
    expect(entry.searchFacts).toContain('"onmouseover="window.xss=2" x="');
    const html = pages.find((p) => p.sitePath === '/bibliografi/xss-rapport/')!.html;
    const attribute = /<dl class="facts" data-pagefind-meta="([^"]*)">/.exec(html)![1]!;
    const decoded = attribute.replace(
      /&(quot|#39|lt|gt|amp);/g,
      (_, e: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[e]!,
    );
    expect(decoded).toBe(`facts:${entry.searchFacts}`);
  });

  it('passes the Nu Html Checker', async () => {
    expect(await vnuErrors(site.dist)).toEqual([]);
  }, 120_000);

  it.runIf(browserAvailable())(
    'runs none of the payloads in a browser',
    async () => {
      const server = await serveStatic(site.dist);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        for (const file of await htmlFiles(site.dist)) {
          await page.goto(`${server.url}${sitePathOf(site.dist, file).slice(1)}`);
          expect(await page.evaluate(() => (window as unknown as { xss?: number }).xss), file).toBeUndefined();
        }
      } finally {
        await browser.close();
        await server.close();
      }
    },
    120_000,
  );
});
