/**
 * "Min referanseliste" in Chromium, with the shipped Content Security Policy, at
 * the root and under a sub-path: entries added from an entry page and a list
 * page show on /referanseliste/ as one reference list, formatted in the browser
 * by the bundled citeproc-js exactly as the list formatter formats them in Node
 * (2016a/2016b for the two KS works of 2016 in Norsk APA); switching style,
 * copying, the downloads of just those entries, removing, and reloading work.
 */
import { readFile } from 'node:fs/promises';
import CSL from 'citeproc';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceListStyles } from '../../pipeline/cite/format-references.ts';
import { formatReferenceList, type Citeproc } from '../../pipeline/cite/reference-list.ts';
import type { ReferenceStyleId } from '../../pipeline/cite/reference-rules.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { openSiteInBrowser, watchPage, type PageReports, type SiteInBrowser } from '../helpers/site-in-browser.ts';

const PICKED = ['ks-2016-hefte', 'ks-2016-fagseminar', 'loga-2016'];

describe.runIf(browserAvailable()).each(['/kb/', '/'])('the reference list, site at %s', (prefix) => {
  let opened: SiteInBrowser;
  let page: Page;
  let base: string;
  let reports: PageReports;
  beforeAll(async () => {
    opened = await openSiteInBrowser(SHIPPED_DATA, prefix, { shippedHeaders: true });
    page = opened.page;
    base = opened.server.url;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    reports = await watchPage(page);
  });
  afterAll(() => opened?.close());

  /** What the list formatter prints for the picked entries in Node: the browser must print the same. */
  function expected(styleId: ReferenceStyleId) {
    const items = PICKED.map((key) => opened.site.dataset.bibliography.find((e) => e.key === key)!.csl);
    return formatReferenceList(CSL as Citeproc, referenceListStyles(), styleId, items);
  }

  const listTexts = () => page.locator('.references-list .list-reference').allTextContents();

  it('says without JavaScript that the list needs it, and shows nothing else', async () => {
    const html = await opened.site.page('/referanseliste/');
    expect(html).toContain('trenger JavaScript');
    expect(html).toMatch(/<div data-list hidden>/);
    expect(await opened.site.page('/bibliografi/type/arrangement/')).toMatch(
      /<button type="button" class="mark" data-mark="ks-2016-fagseminar" data-mark-title="Fagseminar om sosialt entreprenørskap" hidden>/,
    );
    expect(await opened.site.page('/bibliografi/ks-2016-hefte/')).toContain('data-mark="ks-2016-hefte" hidden');
  });

  it('adds entries from an entry page and from a list page, and says so', async () => {
    await page.goto(`${base}bibliografi/ks-2016-hefte/`);
    const add = page.getByRole('button', { name: 'Legg til i referanselisten' });
    await add.click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toBe('Lagt til i referanselisten. Listen har 1 kilde.');
    await expect.poll(() => page.locator('button[data-mark]').textContent()).toBe('Fjern fra referanselisten');

    await page.goto(`${base}bibliografi/type/arrangement/`);
    await page.getByRole('button', { name: /^Legg til i referanselisten: Fagseminar om sosialt entreprenørskap$/ }).click();
    await page.goto(`${base}bibliografi/`);
    await page
      .getByRole('button', { name: /^Legg til i referanselisten: Sosiale entreprenører – partnerskap/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toBe('Lagt til i referanselisten. Listen har 3 kilder.');
  });

  it('shows the three as one list in Norsk APA, with 2016a and 2016b, as citeproc formats them', async () => {
    // The list page on /bibliografi/ picked loga-2016 or ks-2016-hefte first; make the list exactly PICKED.
    await page.goto(`${base}bibliografi/`);
    await page.evaluate(
      (keys) => (window as unknown as { KildebankMyList: { write(k: string[]): void } }).KildebankMyList.write(keys),
      PICKED,
    );
    await page.goto(`${base}referanseliste/`);
    await expect.poll(listTexts).toHaveLength(3);
    const apa = expected('norsk-apa-manual');
    expect(await listTexts()).toEqual(apa.map((r) => r.text));
    expect(apa.map((r) => r.text).join('\n')).toMatch(/KS\. \(2016a[,)][\s\S]*KS\. \(2016b[,)]/);
    expect(await page.locator('[data-list-nojs]').isHidden()).toBe(true);
  });

  it('switches style: Harvard, and Vancouver numbered in the order added', async () => {
    await page.getByLabel('Referansestil').selectOption({ label: 'Harvard' });
    await expect.poll(listTexts).toEqual(expected('harvard-cite-them-right').map((r) => r.text));
    await page.getByLabel('Referansestil').selectOption({ label: 'Vancouver' });
    const vancouver = expected('vancouver');
    await expect.poll(listTexts).toEqual(vancouver.map((r) => `${r.label} ${r.text}`));
    expect(vancouver.map((r) => r.id)).toEqual(PICKED);
    await page.getByLabel('Referansestil').selectOption({ label: 'Norsk APA' });
  });

  it('copies the list as plain text and as rich text', async () => {
    const apa = expected('norsk-apa-manual');
    await page.getByRole('button', { name: 'Kopier som ren tekst' }).click();
    await expect.poll(() => page.locator('[data-list-status]').textContent()).toBe('Referanselisten er kopiert.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apa.map((r) => r.text).join('\n'));
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Kopier listen' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(apa.map((r) => r.text).join('\n'));
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    expect(html).toContain('<i>Sosiale entreprenører – partnerskap for nye løsninger</i>');
    expect(html.match(/<p>/g)).toHaveLength(3);
  });

  it('downloads exactly the three entries as BibLaTeX, RIS and CSL-JSON', async () => {
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const bib = await download('BibLaTeX');
    expect(bib.name).toBe('referanseliste.bib');
    expect([...bib.text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort()).toEqual([...PICKED].sort());
    const ris = await download('RIS');
    expect(ris.name).toBe('referanseliste.ris');
    expect([...ris.text.matchAll(/^ID {2}- (.+?)\r$/gm)].map((m) => m[1]).sort()).toEqual([...PICKED].sort());
    expect(ris.text.match(/^ER {2}- /gm)).toHaveLength(3);
    const json = await download('CSL-JSON');
    expect(json.name).toBe('referanseliste.json');
    const byKey = new Map(opened.site.dataset.bibliography.map((e) => [e.key, e]));
    // The same items as each entry's own CSL-JSON download (the form Zotero imports).
    expect(JSON.parse(json.text)).toEqual(PICKED.flatMap((k) => JSON.parse(byKey.get(k)!.exports.csljson) as unknown[]));
  });

  it('keeps the list on reload, and removes an entry', async () => {
    await page.reload();
    await expect.poll(listTexts).toHaveLength(3);
    await page.getByRole('button', { name: 'Fjern fra listen: Fagseminar om sosialt entreprenørskap' }).click();
    await expect.poll(listTexts).toHaveLength(2);
    expect((await listTexts()).join('\n')).not.toMatch(/2016a|2016b/);
    await page.reload();
    await expect.poll(listTexts).toHaveLength(2);
  });

  it('ran without a CSP violation or an error', () => {
    expect([...reports.violations, ...reports.errors]).toEqual([]);
  });
});
