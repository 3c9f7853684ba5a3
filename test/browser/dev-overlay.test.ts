/**
 * `npm run dev` on a copy of the fixture data, in Chromium: an error saved
 * into the data shows over the page within five seconds (with the same
 * Norwegian message as `npm run check`) while the page keeps the last good
 * version; fixing it takes the overlay away and the page shows the new text.
 * Each save is one rebuild and one log line. The overlay is never part of
 * `npm run build`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/build/eleventy.ts';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { buildInto } from '../helpers/built-site.ts';

const CLI = path.join(PROJECT_ROOT, 'pipeline', 'cli.ts');
const FIXTURE_DATA = path.join(PROJECT_ROOT, 'test', 'fixtures', 'site', 'data');
const ENTRY = 'bibliografi/hansen-2020/';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True while any process of the group is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!browserAvailable())('npm run dev shows errors in the data over the page', () => {
  let root: string;
  let csv: string;
  let child: ChildProcessWithoutNullStreams;
  let log = '';
  let url: string;
  let browser: Browser;
  let page: Page;

  const updates = () => log.split('\n').filter((l) => /^Oppdatert kl\. \d\d:\d\d:\d\d: 3 kilder, 2 begreper\.$/.test(l)).length;
  const overlay = () => page.locator('.kb-dev-overlay[role="alert"]');
  const heading = () => page.locator('main h1');

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kildebank-dev-'));
    await cp(FIXTURE_DATA, path.join(root, 'data'), { recursive: true });
    csv = path.join(root, 'data', 'bibliografi.csv');
    const port = await freePort();
    // Its own process group, so that the dev server and its Eleventy child are stopped together.
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'dev',
        `--data=${path.join(root, 'data')}`,
        `--cache=${path.join(root, 'json')}`,
        `--out=${path.join(root, 'site')}`,
        `--port=${port}`,
      ],
      { cwd: PROJECT_ROOT, detached: true, env: { ...process.env, LANG: 'nb_NO.UTF-8', LC_ALL: '' } },
    );
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run dev did not start:\n${log}`)), 90_000);
      child.stdout.on('data', () => {
        const m = /Forhåndsvisningen vises på (http:\/\/\S+)/.exec(log);
        if (m && updates() === 1) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('close', () => reject(new Error(`npm run dev stopped:\n${log}`)));
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (child?.pid !== undefined && groupAlive(child.pid)) {
      const closed = new Promise((resolve) => child.once('close', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
      // Eleventy's child too: wait for the whole group, then make sure.
      for (let i = 0; i < 50 && groupAlive(child.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    }
  });

  it('prints the address on 127.0.0.1 and one line per build, without Eleventy’s file list', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(log).not.toMatch(/\[11ty\] (Writing|Wrote|Copied|File changed|Watching)/);
  });

  it('shows a saved error within five seconds, over the last good page', async () => {
    await page.goto(`${url}${ENTRY}`);
    await expect.poll(() => heading().textContent()).toContain('Grønne kommuner');
    expect(await overlay().count()).toBe(0);

    const good = await readFile(csv, 'utf8');
    expect(good).toContain(';2020;forsk;');
    await writeFile(csv, good.replace(';2020;forsk;', ';20x0;forsk;'));
    await overlay().waitFor({ state: 'visible', timeout: 5000 });
    const text = await overlay().textContent();
    expect(text).toContain('1 feil i dataene');
    expect(text).toContain('bibliografi.csv');
    expect(text).toContain(
      "Rad 2 (Nøkkel 'hansen-2020'): '20x0' er ikke et mulig år. Skriv fire sifre mellom 1500 og 2100, for eksempel 2016. (kolonne 'Utgivelsesår')",
    );
    expect(await heading().textContent()).toContain('Grønne kommuner');
    // It fits 320 px: nothing sticks out sideways.
    const box = await overlay().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // Escape hides it (the errors are still there, and it comes back on another page).
    await page.keyboard.press('Escape');
    expect(await overlay().count()).toBe(0);
    await page.goto(url);
    await overlay().waitFor({ state: 'visible', timeout: 5000 });
    await page.goto(`${url}${ENTRY}`);
    await overlay().waitFor({ state: 'visible', timeout: 5000 });
    expect(updates()).toBe(1);
    expect(log).toContain('Dataene har feil: forhåndsvisningen viser siste gode versjon til feilene er rettet.');
  });

  it('takes the overlay away when the error is fixed, and shows the new text after one rebuild', async () => {
    const bad = await readFile(csv, 'utf8');
    await writeFile(csv, bad.replace(';20x0;forsk;', ';2020;forsk;').replace('Grønne kommuner', 'Grønnere kommuner'));
    await overlay().waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toContain('Grønnere kommuner');
    // One save, one rebuild: no second build follows.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(updates()).toBe(2);
    expect(await overlay().count()).toBe(0);
  });

  it('stops with its Eleventy child when the process group is stopped', async () => {
    const closed = new Promise((resolve) => child.once('close', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await closed;
    for (let i = 0; i < 50 && groupAlive(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(groupAlive(child.pid!)).toBe(false);
  });
});

describe('the dev overlay in npm run build', () => {
  it('is not there', async () => {
    const site = await buildInto(FIXTURE_DATA);
    expect(await readdir(site.dist)).not.toContain('_kildebank');
    for (const url of ['/', `/${ENTRY}`]) expect(await site.page(url)).not.toMatch(/_kildebank|overlay/);
  });
});
