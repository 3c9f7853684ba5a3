/** A data folder built into a site, served on 127.0.0.1 under a path prefix, and a Chromium page to drive it. */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildInto, type BuiltSite } from './built-site.ts';
import { headersFor, readHeadersFile } from './headers-file.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface SiteInBrowser {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  /** A page in a browser context of its own (axe needs one). */
  page: Page;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Serve every file with the headers the built site's `_headers` file gives it (CSP and others), as Netlify would. */
  shippedHeaders?: boolean;
}

export async function openSiteInBrowser(dataDir: string, pathPrefix: string, options: OpenOptions = {}): Promise<SiteInBrowser> {
  const site = await buildInto(dataDir, { pathPrefix });
  const rules = options.shippedHeaders ? await readHeadersFile(site.dist) : [];
  const server = await serveStatic(site.dist, pathPrefix, { headers: (pathname) => headersFor(rules, pathname) });
  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  return {
    site,
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      await rm(site.root, { recursive: true, force: true });
    },
  };
}

/** Go to a page of the served site; on the search page, wait for the results and the filter lists (which load after them). */
export async function openPage(page: Page, server: StaticServer, sitePath: string): Promise<void> {
  await page.goto(`${server.url}${sitePath}`);
  if (sitePath.startsWith('sok/')) {
    await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
    await page.locator('[data-search-filters] input[type="checkbox"]').first().waitFor();
  }
}

/** Everything the browser reports about a page: CSP violations (from the page and its workers), console errors, uncaught errors. */
export interface PageReports {
  violations: string[];
  errors: string[];
}

export async function watchPage(page: Page): Promise<PageReports> {
  const reports: PageReports = { violations: [], errors: [] };
  await page.exposeFunction('reportCspViolation', (text: string) => reports.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') reports.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => reports.errors.push(`uncaught: ${e.message}`));
  page.on('worker', (worker) =>
    worker.on('console', (m) => {
      if (m.type() === 'error') reports.errors.push(`worker error: ${m.text()}`);
    }),
  );
  return reports;
}
