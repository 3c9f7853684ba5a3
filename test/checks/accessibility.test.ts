import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { openPage, openSiteInBrowser, type SiteInBrowser } from '../helpers/site-in-browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

/** One page of every kind the site has. */
const PAGE_TYPES: Record<string, string> = {
  home: '',
  'bibliography list': 'bibliografi/',
  'type page': 'bibliografi/type/rapport/',
  entry: 'bibliografi/loga-2016/',
  organisation: 'organisasjon/uni-research-rokkansenteret/',
  'author index': 'bibliografi/forfattere/',
  "author index's page of a letter": 'bibliografi/forfattere/l/',
  'glossary index': 'begrep/',
  concept: 'begrep/sosiale-entreprenorer/',
  'search with results': 'sok/?q=entrepren%C3%B8rer',
  '404': 'finnes/ikke/',
  'intro page': 'tema/samarbeid-med-kommunen/',
  about: 'om/',
  'reference list': 'referanseliste/',
  'check page': 'sjekk/',
};

describe.runIf(browserAvailable())('accessibility in Chromium (WCAG 2.1 A and AA)', () => {
  let opened: SiteInBrowser;
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    opened = await openSiteInBrowser(SHIPPED_DATA, '/kb/');
    ({ server, page } = opened);
  });
  afterAll(() => opened?.close());

  async function open(path: string) {
    await openPage(page, server, path);
  }

  it.each(Object.entries(PAGE_TYPES))('%s has no axe violations', async (_, path) => {
    await open(path);
    // Open the charts so their content is checked too.
    await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(violations).toEqual([]);
  });

  it.each([
    ['entry', PAGE_TYPES.entry!],
    ['search with results', PAGE_TYPES['search with results']!],
    ['glossary index', PAGE_TYPES['glossary index']!],
  ])('the keyboard alone reaches every link and control of the %s page, with a visible focus', async (_, path) => {
    await open(path);
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter(
          (el) =>
            !el.closest('[hidden]') &&
            !(el as HTMLButtonElement).disabled &&
            el.getClientRects().length > 0 &&
            getComputedStyle(el).visibility !== 'hidden',
        )
        .map((el, i) => {
          el.dataset.focusCheck = String(i);
          return i;
        }),
    );
    const reached = new Set<string>();
    const invisible: string[] = [];
    for (let i = 0; i < focusable.length + 5; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none';
        return {
          id: el.dataset.focusCheck ?? '',
          visible: outline || shadow,
          label: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}`,
        };
      });
      if (!state) continue;
      if (state.id) reached.add(state.id);
      if (!state.visible) invisible.push(state.label);
    }
    expect(invisible).toEqual([]);
    expect(focusable.filter((i) => !reached.has(String(i)))).toEqual([]);
  });
});
