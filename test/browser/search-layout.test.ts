/**
 * The search page at 1,000 generated entries (bench/generate.ts), where the
 * filter lists are long: the first result is visible without scrolling on a
 * desktop screen and on a phone, and the filters come after the results on
 * the phone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData } from '../../bench/generate.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { openSiteInBrowser, type SiteInBrowser } from '../helpers/site-in-browser.ts';

describe.runIf(browserAvailable())('the search page at 1,000 entries', () => {
  let dataRoot: string;
  let opened: SiteInBrowser;
  let page: Page;
  beforeAll(async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), 'kildebank-search-layout-'));
    const generated = await generateData(dataRoot, 1000);
    opened = await openSiteInBrowser(generated.dataDir, '/');
    page = opened.page;
  }, 300_000);
  afterAll(async () => {
    await opened?.close();
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  });

  for (const [name, viewport] of [
    ['a 1280×800 screen', { width: 1280, height: 800 }],
    ['a 390 px phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows the first result without scrolling on ${name}`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`${opened.server.url}sok/?q=${encodeURIComponent('sosiale entreprenører')}`);
      await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
      // The filters are shown after the results; wait for them, so the layout is final.
      await page.locator('[data-search-filters] input[type="checkbox"]').first().waitFor({ state: 'attached' });
      const first = page.locator('[data-search-results] li').first();
      const box = (await first.boundingBox())!;
      const scrollY = await page.evaluate(() => window.scrollY);
      expect(scrollY).toBe(0);
      // The whole title and the type line of the first result are on the first screen.
      const link = (await first.locator('a').boundingBox())!;
      expect(box.y).toBeGreaterThan(0);
      expect(link.y + link.height).toBeLessThanOrEqual(viewport.height);
      const filters = (await page.locator('[data-search-options]').boundingBox())!;
      if (viewport.width < 600) expect(filters.y).toBeGreaterThan(box.y);
    });
  }
});
