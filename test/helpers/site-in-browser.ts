/** A data folder built into a site, served on 127.0.0.1 under a path prefix, and a Chromium page to drive it. */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildInto, type BuiltSite } from './built-site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface SiteInBrowser {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  /** A page in a browser context of its own (axe needs one). */
  page: Page;
  close(): Promise<void>;
}

export async function openSiteInBrowser(dataDir: string, pathPrefix: string): Promise<SiteInBrowser> {
  const site = await buildInto(dataDir, { pathPrefix });
  const server = await serveStatic(site.dist, pathPrefix);
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
