import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { openSiteInBrowser, type SiteInBrowser } from '../helpers/site-in-browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const resultTitles = (page: Page) => page.locator('[data-search-results] li > a').allTextContents();
async function waitForResults(page: Page) {
  await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
  // The filter lists load after the results.
  await page.locator('[data-search-filters] input[type="checkbox"]').first().waitFor();
}

for (const prefix of ['/', '/noe/']) {
  describe.runIf(browserAvailable())(`search in the browser, site at ${prefix}`, () => {
    let opened: SiteInBrowser;
    let server: StaticServer;
    let page: Page;
    beforeAll(async () => {
      opened = await openSiteInBrowser(SHIPPED_DATA, prefix);
      ({ server, page } = opened);
    });
    afterAll(() => opened?.close());

    it('finds the concept first for a word of its term, and the reports about it', async () => {
      await page.goto(`${server.url}sok/?q=entrepren%C3%B8rer`);
      await waitForResults(page);
      const titles = await resultTitles(page);
      expect(titles[0]).toBe('sosiale entreprenører');
      // The excerpt keeps the spaces around highlighted words.
      expect(await page.locator('[data-search-results] li p').first().textContent()).toContain('entreprenører. Nynorsk');
      expect(titles).toContain('Sosiale entreprenører – partnerskap for nye løsninger');
      await page.locator('[data-search-results] li > a').first().click();
      await page.waitForURL(/\/begrep\/sosiale-entreprenorer\/$/);
    });

    it('shows ten results at a time, and more on request', async () => {
      await page.goto(`${server.url}sok/?q=sosiale`);
      await waitForResults(page);
      expect(await resultTitles(page)).toHaveLength(10);
      await page.getByRole('button', { name: 'Vis flere treff' }).click();
      await expect.poll(async () => (await resultTitles(page)).length).toBe(20);
      // Focus moves to the first new result, so keyboard users continue where the list grew.
      expect(
        await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-results] li')[10]),
      ).toBe(true);
    });

    it('sorts by year without dropping hits that have none', async () => {
      await page.goto(`${server.url}sok/?q=sosiale`);
      await waitForResults(page);
      const count = await page.locator('[data-search-status]').textContent();
      await page.goto(`${server.url}sok/?q=sosiale&sort=year-desc`);
      await waitForResults(page);
      expect(await page.locator('[data-search-status]').textContent()).toBe(count);
      expect((await resultTitles(page))[0]).toBe(
        'Veier til samarbeid: Sosiale entreprenører som samarbeidspartnere i offentlig sektor – eksempler og idéer',
      );
    });

    it('finds the base form from an inflected one', async () => {
      await page.goto(`${server.url}sok/?q=innovasjonen`);
      await waitForResults(page);
      expect((await resultTitles(page))[0]).toBe('innovasjon');
    });

    it('finds a concept first through its admitted term', async () => {
      await page.goto(`${server.url}sok/?q=tredje+sektor`);
      await waitForResults(page);
      expect((await resultTitles(page))[0]).toBe('frivillig sektor');
    });

    it('narrows the results with a year filter', async () => {
      await page.goto(`${server.url}sok/?q=sosiale`);
      await waitForResults(page);
      const all = await resultTitles(page);
      await page.getByRole('checkbox', { name: /^2016 / }).check();
      await page.locator('[data-search-status]').filter({ hasText: /treff/ }).waitFor();
      await expect.poll(async () => (await resultTitles(page)).length).toBeLessThan(all.length);
      const narrowed = await resultTitles(page);
      expect(narrowed.length).toBeGreaterThan(0);
      expect(page.url()).toContain('Utgivelses%C3%A5r=2016');
    });

    it('leads from the header form on any page to the results, with the keyboard alone', async () => {
      await page.goto(`${server.url}bibliografi/loga-2016/`);
      // Tab from the top of the page to the header's search field.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.id === 'header-q')) break;
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-q');
      await page.keyboard.type('samarbeidsavtale');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sok\/\?q=samarbeidsavtale/);
      await waitForResults(page);
      expect((await resultTitles(page))[0]).toBe('samarbeidsavtale');
      const before = (await resultTitles(page)).length;
      // Tab to the filter "Innhold: Begrep" and tick it with the space bar.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === 'checkbox' ? `${el.name}=${el.value}` : '';
        });
        if (at === 'Innhold=Begrep') break;
      }
      await page.keyboard.press('Space');
      await expect.poll(async () => (await resultTitles(page)).length).toBeLessThan(before);
      // Tab on to the first result and open it with Enter.
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const inResults = await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null);
        if (inResults) break;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/begrep\/samarbeidsavtale\/$/);
    });
  });
}
