/**
 * The check page (/sjekk/) in Chromium, with the shipped Content Security
 * Policy, under a sub-path: the pipeline's own check, bundled for the browser,
 * finds in files chosen on the page exactly the problems `runPipeline(…, {
 * checkOnly: true })` finds in the same folder on disk (rule, file, line,
 * column, severity, and the message word for word) — for the shipped data
 * ("0 feil") and for every case of the corpus of bad inputs, in one browser
 * session. Loose files and a dropped folder (DataTransferItem.webkitGetAsEntry)
 * work too, offline, and no request leaves the page after it has loaded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCheckPage } from '../../pipeline/emit/check-page.ts';
import { formatProblem, sortProblems, type Problem } from '../../pipeline/model/problems.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { FIXTURES, SHIPPED_DATA } from '../helpers/fixtures.ts';
import { openSiteInBrowser, watchPage, type PageReports, type SiteInBrowser } from '../helpers/site-in-browser.ts';

const BAD = path.join(FIXTURES, 'bad');

/**
 * Cases a browser cannot express: it sees no symbolic links (a chosen or
 * dropped link is read as the file it points to), so the page cannot say that
 * a file is one. The page says so; `npm run check` reports it.
 */
const NOT_IN_A_BROWSER: Record<string, string> = {
  'main-file-is-a-symbolic-link': 'a browser cannot tell a symbolic link from a file',
};

const CASES = readdirSync(BAD, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !(d.name in NOT_IN_A_BROWSER))
  .map((d) => d.name)
  .sort();

/** What both sides must agree on, one line per problem, in report order. */
const lineOf = (p: Pick<Problem, 'file' | 'line' | 'column' | 'severity' | 'rule'> & { message: string }) =>
  `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`;

async function expectedFor(dataDir: string): Promise<string[]> {
  const { problems } = await runPipeline(dataDir, { checkOnly: true });
  return sortProblems(problems).map((p) => {
    const line = formatProblem(p);
    return lineOf({ ...p, message: line.slice(line.indexOf(p.message)) });
  });
}

/** The files of a folder, by their path in it. */
function filesOf(dir: string, rel = ''): { name: string; path: string }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      const r = rel ? `${rel}/${n}` : n;
      return statSync(p).isDirectory() ? filesOf(p, r) : [{ name: r, path: p }];
    });
}

describe('the check page bundle', () => {
  it('holds the pipeline check and no Node module', async () => {
    const { metafile } = await bundleCheckPage();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('pipeline/read/data-files.ts');
    expect(inputs).toContain('pipeline/normalise/ingest-files.ts');
    expect(inputs).toContain('pipeline/link/link.ts');
    expect(inputs.filter((i) => /^node:|data-folder|node-fetch\/|fetch-blob|worker_threads|\bfs\b/.test(i))).toEqual([]);
  });
});

describe.runIf(browserAvailable())('the check page, site at /kb/', () => {
  let opened: SiteInBrowser;
  let page: Page;
  const requests: string[] = [];
  let reports: PageReports;
  let loaded = false;

  beforeAll(async () => {
    opened = await openSiteInBrowser(SHIPPED_DATA, '/kb/', { shippedHeaders: true });
    page = opened.page;
    reports = await watchPage(page);
    page.on('request', (r: Request) => {
      if (loaded) requests.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(`${opened.server.url}sjekk/`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    loaded = true;
    // Once loaded, the page needs no network: everything below runs offline.
    await page.context().setOffline(true);
  }, 300_000);
  afterAll(() => opened?.close());

  const summary = () => page.locator('[data-check-summary]').textContent();
  const shown = () =>
    page.locator('[data-check-list] li').evaluateAll((lis) =>
      lis.map((li) => {
        const d = (li as HTMLElement).dataset;
        return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${li.querySelector('.check-message')!.textContent}`;
      }),
    );

  /** Choose files and wait until the page has checked them (a new summary each time). */
  async function choose(run: () => Promise<void>) {
    await page.evaluate(() => {
      document.querySelector('[data-check-summary]')!.textContent = '';
    });
    await run();
    await page
      .locator('[data-check-summary]')
      .filter({ hasText: /^Sjekket/ })
      .waitFor({ timeout: 30_000 });
  }

  it('says that nothing is uploaded, and offers a folder and a file input with labels', async () => {
    await expect.poll(() => page.locator('[data-check]').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('Ingenting blir lastet opp');
    expect(await page.getByLabel('Velg hele data-mappen').evaluate((i) => (i as HTMLInputElement).webkitdirectory)).toBe(true);
    expect(await page.getByLabel('Velg én eller flere filer').getAttribute('multiple')).not.toBeNull();
    expect(await page.getByRole('status').filter({ hasText: 'Ingen filer' }).count()).toBe(1);
  });

  it('shows "0 feil" for the shipped data folder, as npm run check', async () => {
    await choose(() => page.getByLabel('Velg hele data-mappen').setInputFiles(SHIPPED_DATA));
    expect(await summary()).toMatch(/^Sjekket \d+ filer: 0 feil/);
    expect(await shown()).toEqual(await expectedFor(SHIPPED_DATA));
    expect(await page.locator('[data-check-not-given]').isHidden()).toBe(true);
  });

  it('checks loose files chosen one by one, and names the CSV files that were not given', async () => {
    const csv = filesOf(SHIPPED_DATA).filter((f) => f.name === 'organisasjoner.csv');
    await choose(() => page.getByLabel('Velg én eller flere filer').setInputFiles(csv.map((f) => f.path)));
    expect(await summary()).toBe('Sjekket 1 fil: 0 feil, 1 advarsel.');
    expect((await shown()).map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual(['data/bibliografi.csv:1:1 warning file-missing']);
    expect(await page.locator('[data-check-not-given]').textContent()).toContain('bibliografi.csv, begreper.csv, definisjoner.csv');
  });

  it('checks a dropped folder (webkitGetAsEntry), as npm run check', async () => {
    const dir = path.join(BAD, 'isbn-13-wrong-check-digit', 'data');
    const files = filesOf(dir).map((f) => ({ name: f.name, text: readFileSync(f.path).toString('base64') }));
    await choose(() =>
      page.evaluate((files) => {
        // A DataTransfer cannot hold a folder from a script, so the drop event gets items whose entries are a folder 'data'.
        const fileEntry = (f: { name: string; text: string }) => ({
          isFile: true,
          isDirectory: false,
          fullPath: `/data/${f.name}`,
          file: (ok: (file: File) => void) =>
            ok(new File([Uint8Array.from(atob(f.text), (c) => c.charCodeAt(0))], f.name.split('/').pop()!)),
        });
        let given = false;
        const folder = {
          isFile: false,
          isDirectory: true,
          fullPath: '/data',
          createReader: () => ({
            readEntries: (ok: (e: unknown[]) => void) => {
              // Called again from within `ok` until a batch is empty, as the real reader is.
              const batch = given ? [] : files.map(fileEntry);
              given = true;
              ok(batch);
            },
          }),
        };
        const event = new Event('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', {
          value: { items: [{ kind: 'file', webkitGetAsEntry: () => folder }], files: [] },
        });
        document.querySelector('[data-check-drop]')!.dispatchEvent(event);
      }, files),
    );
    expect(await shown()).toEqual(await expectedFor(dir));
    expect(await summary()).toMatch(/^Sjekket 2 filer: 1 feil/);
  });

  it('shows, for every case of the corpus of bad inputs, the problems npm run check finds', { timeout: 300_000 }, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(90);
    const differ: string[] = [];
    for (const name of CASES) {
      const dir = path.join(BAD, name, 'data');
      await choose(() => page.getByLabel('Velg hele data-mappen').setInputFiles(dir));
      const got = await shown();
      const want = await expectedFor(dir);
      if (JSON.stringify(got) !== JSON.stringify(want))
        differ.push(`${name}:\n  got  ${got.join('\n       ')}\n  want ${want.join('\n       ')}`);
      const { errors } = { errors: want.filter((w) => / error /.test(w)).length };
      expect(await summary(), name).toMatch(new RegExp(`: ${errors} feil`));
    }
    expect(differ).toEqual([]);
  });

  it('sent no request after the page had loaded, and ran without a CSP violation or an error', () => {
    expect(requests).toEqual([]);
    expect([...reports.violations, ...reports.errors]).toEqual([]);
  });
});
