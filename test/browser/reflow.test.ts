/**
 * Reflow (WCAG 2.1 success criterion 1.4.10): at 320 CSS pixels wide, and at
 * 640 pixels with the text at 200 %, no page scrolls sideways. Only a box that
 * scrolls by itself (a wide table or chart) may hold content wider than the
 * viewport.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { openPage, openSiteInBrowser, type SiteInBrowser } from '../helpers/site-in-browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

/** One page of every kind the site has. */
const PAGE_TYPES: Record<string, string> = {
  'front page': '',
  'bibliography list': 'bibliografi/',
  entry: 'bibliografi/loga-2016/',
  'entry with a long title': 'bibliografi/sosiale-entreprenorer-som-samarbeidspartnere/',
  'type page': 'bibliografi/type/rapport/',
  'authors page': 'bibliografi/forfattere/',
  'authors page of a letter': 'bibliografi/forfattere/l/',
  'oppdragsutfører page': 'bibliografi/oppdragsutforer/',
  'concept index': 'begrep/',
  concept: 'begrep/sosiale-entreprenorer/',
  'organisation index': 'organisasjon/',
  organisation: 'organisasjon/kommunal-og-moderniseringsdepartementet/',
  'tema index': 'tema/',
  'tema page': 'tema/samarbeid-med-kommunen/',
  about: 'om/',
  'reference list': 'referanseliste/',
  'check page': 'sjekk/',
  'search with a query': 'sok/?q=sosiale',
  '404': 'finnes/ikke/',
};

/** The elements and text that reach past the viewport's right edge outside a scroll container. */
function overflowing(page: Page): Promise<{ scrollWidth: number; viewport: number; offenders: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrolls = (el: Element) => /^(auto|scroll)$/.test(getComputedStyle(el).overflowX);
    /** Inside a box that scrolls by itself (the box itself must still fit). */
    const inScroller = (node: Node) => {
      for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) if (scrolls(el)) return true;
      return false;
    };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const offenders: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= viewport + 0.5 || inScroller(el)) continue;
      offenders.push(`${describe(el)} reaches ${Math.round(rect.right)} px`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || inScroller(node)) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width > 0 && rect.right > viewport + 0.5)
        offenders.push(
          `text "${node.textContent.trim().slice(0, 40)}" in ${describe(node.parentElement!)} reaches ${Math.round(rect.right)} px`,
        );
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders };
  });
}

describe.runIf(browserAvailable())('reflow at 320 CSS pixels (WCAG 2.1 1.4.10)', () => {
  let opened: SiteInBrowser;
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    opened = await openSiteInBrowser(SHIPPED_DATA, '/');
    ({ server, page } = opened);
  });
  afterAll(() => opened?.close());

  async function open(path: string) {
    await openPage(page, server, path);
    // Open the charts and other disclosures so their content is measured too.
    await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  }

  it.each(Object.entries(PAGE_TYPES))('%s fits 320 px without sideways scrolling', async (_, path) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await open(path);
    const result = await overflowing(page);
    expect(result.offenders).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(320);
  });

  it.each(Object.entries(PAGE_TYPES))('%s fits 640 px with the text at 200 %%', async (_, path) => {
    await page.setViewportSize({ width: 640, height: 800 });
    await open(path);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const result = await overflowing(page);
    expect(result.offenders).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(640);
  });
});
