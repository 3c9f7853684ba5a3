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
      // The excerpt reads as sentences: the title, then the definition, with the spaces around highlighted words kept.
      expect(await page.locator('[data-search-results] li p').first().textContent()).toContain('entreprenører. Aktører som tilbyr');
      expect(titles).toContain('Sosiale entreprenører – partnerskap for nye løsninger');
      await page.locator('[data-search-results] li > a').first().click();
      await page.waitForURL(`${server.url}begrep/sosiale-entreprenorer/`);
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
      // The groups other than "Innhold" are folded until opened.
      await page.locator('summary', { hasText: 'Utgivelsesår' }).click();
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
      // The results come before the filters: Tab on to the first result.
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)) break;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('samarbeidsavtale');
      // Tab on to the filter "Innhold: Begrep" and tick it with the space bar.
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === 'checkbox' ? `${el.name}=${el.value}` : '';
        });
        if (at === 'Innhold=Begrep') break;
      }
      await page.keyboard.press('Space');
      await expect.poll(async () => (await resultTitles(page)).length).toBeLessThan(before);
      // Back to the first result with Shift+Tab, and open it with Enter.
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Shift+Tab');
        const first = await page.evaluate(() => document.activeElement === document.querySelector('[data-search-results] li > a'));
        if (first) break;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/begrep\/samarbeidsavtale\/$/);
    });

    it.each([
      ['innvoasjon', 'innovasjon'],
      ['entreprenorer', 'sosiale entreprenører'],
      ['hva er sosialt entreprenørskap', 'sosialt entreprenørskap'],
      ['entreprenørar', 'sosiale entreprenører'],
      ['social entrepreneurship', 'sosialt entreprenørskap'],
      ['samvirkeføretak', 'samvirkeforetak'],
      [
        '"velferd i nytt terreng"',
        'Velferd i nytt terreng: Hvordan kan kommunen som arbeidsgiver samarbeide med frivillig sektor og sosiale entreprenører innen pleie- og omsorgstjenestene?',
      ],
      ['Baerum', 'Bærum kommune'],
    ])('forgives the query %s: %s comes first', async (query, first) => {
      await page.goto(`${server.url}sok/?q=${encodeURIComponent(query)}`);
      await waitForResults(page);
      expect((await resultTitles(page))[0]).toBe(first);
    });

    it('says what a misspelt word was read as, and searches as typed on request', async () => {
      await page.goto(`${server.url}sok/?q=innvoasjon`);
      await waitForResults(page);
      const suggestion = page.locator('[data-search-suggestion]');
      await expect.poll(() => suggestion.textContent()).toContain('Mente du «innovasjon»?');
      expect(await page.locator('[data-search-status]').textContent()).toContain('for «innovasjon»');
      await suggestion.getByRole('link', { name: 'Søk likevel etter «innvoasjon»' }).click();
      await page.waitForURL(/som-skrevet=1/);
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('for «innvoasjon»');
      expect(await suggestion.isHidden()).toBe(true);
    });

    it('says so when nothing is found', async () => {
      await page.goto(`${server.url}sok/?q=${encodeURIComponent('xqzzy')}`);
      await page.locator('[data-search-status]').filter({ hasText: 'Ingen treff for «xqzzy».' }).waitFor();
      expect(await resultTitles(page)).toEqual([]);
    });

    it('names the kind of every hit, and the type and year of a source', async () => {
      await page.goto(`${server.url}sok/?q=${encodeURIComponent('Sosiale entreprenører – partnerskap for nye løsninger')}`);
      await waitForResults(page);
      const items = await page.locator('[data-search-results] li > .meta').allTextContents();
      const titles = await resultTitles(page);
      // The KS booklet and the Rokkan report share their title; the list tells them apart.
      expect(titles.slice(0, 2)).toEqual([
        'Sosiale entreprenører – partnerskap for nye løsninger',
        'Sosiale entreprenører – partnerskap for nye løsninger',
      ]);
      expect(
        items
          .slice(0, 2)
          .map((t) => t.trim())
          .sort(),
      ).toEqual(['Kilde: Hefte, 2016', 'Kilde: Rapport, 2016']);
      await page.goto(`${server.url}sok/?q=KS`);
      await waitForResults(page);
      const kinds = (await page.locator('[data-search-results] li > .meta').allTextContents()).map((t) => t.trim().split(':')[0]);
      expect(kinds[0]).toBe('Organisasjon');
      const offered = await page
        .locator('[data-search-filters] input[name="Innhold"]')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
      expect(offered).not.toContain('Side');
      for (const kind of offered) expect(['Kilde', 'Begrep', 'Organisasjon', 'Tema', 'Om']).toContain(kind);
    });

    it('counts the filter values among the hits of the query', async () => {
      await page.goto(`${server.url}sok/?q=Loga`);
      await waitForResults(page);
      const hits = Number((await page.locator('[data-search-status]').textContent())!.match(/(\d+) treff/)![1]);
      const labels = await page.locator('[data-search-filters] details').first().locator('label').allTextContents();
      const sum = labels.reduce((n, l) => n + Number(l.match(/\((\d+)\)$/)![1]), 0);
      expect(sum).toBe(hits);
      await page.locator('summary', { hasText: 'Type publikasjon' }).click();
      const types = await page
        .locator('[data-search-filters] input[name="Type publikasjon"]')
        .evaluateAll((boxes) => boxes.map((b) => b.parentElement!.textContent!.trim()));
      for (const t of types) expect(Number(t.match(/\((\d+)\)$/)![1])).toBeLessThanOrEqual(hits);
    });

    it('goes Back and Forward through the searches', async () => {
      await page.goto(`${server.url}sok/?q=innovasjon`);
      await waitForResults(page);
      await page.locator('#q').fill('stiftelse');
      await page.locator('#q').press('Enter');
      await page.waitForURL(/q=stiftelse/);
      await expect.poll(async () => (await resultTitles(page))[0]).toBe('stiftelse');
      await page.locator('#q').fill('samvirkeforetak');
      await page.locator('#q').press('Enter');
      await page.waitForURL(/q=samvirkeforetak/);
      await expect.poll(async () => (await resultTitles(page))[0]).toBe('samvirkeforetak');
      await page.goBack();
      await page.waitForURL(/q=stiftelse/);
      await expect.poll(async () => (await resultTitles(page))[0]).toBe('stiftelse');
      expect(await page.locator('#q').inputValue()).toBe('stiftelse');
      await page.goBack();
      await page.waitForURL(/q=innovasjon/);
      await expect.poll(async () => (await resultTitles(page))[0]).toBe('innovasjon');
      await page.goForward();
      await page.waitForURL(/q=stiftelse/);
      await expect.poll(async () => (await resultTitles(page))[0]).toBe('stiftelse');
    });
  });
}
