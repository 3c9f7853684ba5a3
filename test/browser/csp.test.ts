/**
 * The built site's `_headers` file (Content-Security-Policy and other security
 * headers) served as Netlify or Cloudflare Pages would, under a path prefix:
 * every page, the search with its WebAssembly, filters and sorting, the copy
 * buttons and the data: downloads work without a single CSP violation. A
 * deliberately broken policy shows that the test sees violations at all.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../site/_config/site-config.js';
import { browserAvailable } from '../helpers/browser.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { headersFor, parseHeadersFile, readHeadersFile } from '../helpers/headers-file.ts';
import { openSiteInBrowser, watchPage, type PageReports, type SiteInBrowser } from '../helpers/site-in-browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const PREFIX = '/noe/';
const CSP = SECURITY_HEADERS['Content-Security-Policy']!;

async function searchFor(page: Page, url: string) {
  await page.goto(url);
  await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor({ timeout: 10_000 });
  await page.locator('[data-search-filters] input[type="checkbox"]').first().waitFor({ timeout: 10_000 });
}

describe('the shipped _headers file', () => {
  it('covers every path under the prefix with the policy, and only those', () => {
    const text = `# comment\n/noe/*\n  Content-Security-Policy: ${CSP}\n  X-Content-Type-Options: nosniff\n`;
    const rules = parseHeadersFile(text);
    expect(headersFor(rules, '/noe/')['Content-Security-Policy']).toBe(CSP);
    expect(headersFor(rules, '/noe/pagefind/pagefind.js')['X-Content-Type-Options']).toBe('nosniff');
    expect(headersFor(rules, '/annet/')).toEqual({});
  });

  it('is described with the same values for nginx and Apache in docs/hosting.md', async () => {
    const docs = await readFile(new URL('../../docs/hosting.md', import.meta.url), 'utf8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(docs, name).toContain(`add_header ${name} "${value}" always;`);
      expect(docs, name).toContain(`Header always set ${name} "${value}"`);
    }
  });
});

describe.runIf(browserAvailable())(`Content-Security-Policy from dist/_headers, site at ${PREFIX}`, () => {
  let opened: SiteInBrowser;
  let server: StaticServer;
  let page: Page;
  let reports: PageReports;
  beforeAll(async () => {
    opened = await openSiteInBrowser(SHIPPED_DATA, PREFIX, { shippedHeaders: true });
    ({ server, page } = opened);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    reports = await watchPage(page);
  });
  afterAll(() => opened?.close());
  beforeEach(() => {
    reports.violations.length = 0;
    reports.errors.length = 0;
  });

  it('is written for the prefix and sent with pages, scripts, the search index and the 404 page', async () => {
    const rules = await readHeadersFile(opened.site.dist);
    expect(rules.map((r) => r.pattern)).toEqual([`${PREFIX}*`]);
    for (const path of ['', 'sok/', 'assets/search.js', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'finnes/ikke/']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('lets the search run: results, filters, sorting, more results, and the header search form', async () => {
    await searchFor(page, `${server.url}sok/?q=sosiale`);
    const before = await page.locator('[data-search-results] li').count();
    await page.locator('summary', { hasText: 'Utgivelsesår' }).click();
    await page.getByRole('checkbox', { name: /^2016 / }).check();
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBeLessThan(before);
    await page.locator('select[name="sort"]').selectOption('year-desc');
    await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
    await searchFor(page, `${server.url}sok/?q=sosiale`);
    await page.getByRole('button', { name: 'Vis flere treff' }).click();
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBeGreaterThan(10);
    await page.goto(`${server.url}om/`);
    await page.locator('#header-q').fill('innovasjon');
    await page.locator('#header-q').press('Enter');
    await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
    expect(reports.violations).toEqual([]);
    expect(reports.errors).toEqual([]);
  });

  it('lets the copy buttons copy and the data: links download', async () => {
    await page.goto(`${server.url}bibliografi/loga-2016/`);
    await page.getByRole('button', { name: 'Kopier' }).first().click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Referansen er kopiert.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'BibLaTeX' }).click()]);
    expect(download.suggestedFilename()).toBe('loga-2016.bib');
    expect(reports.violations).toEqual([]);
    expect(reports.errors).toEqual([]);
  });

  it.each([
    '',
    'bibliografi/',
    'bibliografi/type/rapport/',
    'bibliografi/forfattere/',
    'bibliografi/forfattere/l/',
    'bibliografi/oppdragsutforer/',
    'begrep/',
    'begrep/sosiale-entreprenorer/',
    'organisasjon/',
    'organisasjon/ks/',
    'tema/',
    'tema/samarbeid-med-kommunen/',
    'om/',
    'referanseliste/',
    'sjekk/',
  ])('page /%s loads without a violation', async (path) => {
    await page.goto(`${server.url}${path}`);
    await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(reports.violations).toEqual([]);
    expect(reports.errors).toEqual([]);
  });

  it('sees the violations of a deliberately broken policy (so a pass above means something)', async () => {
    const broken = CSP.replace(" 'wasm-unsafe-eval'", '').replace("style-src 'self'", "style-src 'none'");
    expect(broken).not.toBe(CSP);
    const brokenServer = await serveStatic(opened.site.dist, PREFIX, { headers: () => ({ 'Content-Security-Policy': broken }) });
    const brokenPage = await (await opened.browser.newContext()).newPage();
    const seen = await watchPage(brokenPage);
    try {
      await brokenPage.goto(`${brokenServer.url}sok/?q=sosiale`);
      await expect.poll(() => seen.violations.length + seen.errors.length).toBeGreaterThan(0);
      await expect.poll(() => seen.violations.some((v) => v.startsWith('style-src'))).toBe(true);
      await expect.poll(() => [...seen.violations, ...seen.errors].some((v) => /wasm/i.test(v))).toBe(true);
    } finally {
      await brokenPage.context().close();
      await brokenServer.close();
    }
  });
});
