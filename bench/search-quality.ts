/**
 * `npm run search-quality`: how well the search page ranks the right answer.
 *
 * Builds the shipped data and the generated data at 1,000 entries
 * (./generate.ts), serves each build on 127.0.0.1, and asks the real search
 * page (site/assets/search.js with Pagefind) in Chromium every query of
 * ./search-queries.ts, as a visitor would: by opening `/sok/?q=…`. Prints,
 * per query, the rank of the first right answer among the shown results (up
 * to 30; "–" when not among them) and the page shown first, then per site the
 * share of queries with the right answer first and the mean reciprocal rank.
 * A measure, not a test: it never fails on a low score, only when a judged
 * answer page does not exist (the query set is then out of date).
 *
 *   npm run search-quality [-- --sites shipped,1000] [--json results.json] [--misses]
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../pipeline/build/eleventy.ts';
import { buildSite } from '../pipeline/build/build-site.ts';
import { chromiumPath, launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-server.ts';
import { generateData } from './generate.ts';
import { GENERATED_QUERIES, SHIPPED_QUERIES, type JudgedQuery } from './search-queries.ts';

/** Results read per query: the first page and two more ("Vis flere treff"). */
const DEPTH = 30;

interface Outcome {
  query: string;
  kind: string;
  answers: string[];
  /** 1-based rank of the first right answer; 0 when not among the first DEPTH results. */
  rank: number;
  first: string;
  hits: number;
}

interface SiteScore {
  site: string;
  queries: number;
  first: number;
  mrr: number;
  outcomes: Outcome[];
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** The site paths of the shown results, in order, reading up to `depth`. */
async function shownResults(page: Page, siteUrl: string, query: string, depth: number): Promise<{ paths: string[]; hits: number }> {
  await page.goto(`${siteUrl}sok/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: /treff/i }).waitFor({ timeout: 30_000 });
  const links = page.locator('[data-search-results] li > a');
  const more = page.locator('button.more-results');
  for (let n = await links.count(); n < depth && (await more.isVisible());) {
    await more.click();
    await page.waitForFunction((before) => document.querySelectorAll('[data-search-results] li > a').length > before, n);
    n = await links.count();
  }
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const hits = Number((await status.textContent())?.match(/(\d+) treff/)?.[1] ?? 0);
  return { paths: hrefs.slice(0, depth).map((h) => `/${h.slice(siteUrl.length)}`.replace(/index\.html$/, '')), hits };
}

async function measure(site: string, dataDir: string, queries: JudgedQuery[]): Promise<SiteScore> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-search-quality-'));
  try {
    const dist = path.join(root, 'dist');
    log(`${site}: building ${dataDir}`);
    const result = await buildSite({ dataDir, outDir: dist, jsonDir: path.join(root, 'json') });
    if (!result.built) throw new Error(`${site}: the build failed: ${JSON.stringify(result.problems.slice(0, 5), null, 2)}`);
    const missing: string[] = [];
    for (const answer of new Set(queries.flatMap((q) => q.answers))) {
      if (!(await stat(path.join(dist, answer, 'index.html')).catch(() => undefined))) missing.push(answer);
    }
    if (missing.length > 0)
      throw new Error(`${site}: judged answers that are not pages of the site (update bench/search-queries.ts): ${missing.join(', ')}`);
    const server = await serveStatic(dist, '/');
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      const outcomes: Outcome[] = [];
      for (const judged of queries) {
        const { paths, hits } = await shownResults(page, server.url, judged.query, DEPTH);
        const rank = paths.findIndex((p) => judged.answers.includes(p)) + 1;
        outcomes.push({ query: judged.query, kind: judged.kind, answers: judged.answers, rank, first: paths[0] ?? '', hits });
      }
      const first = outcomes.filter((o) => o.rank === 1).length;
      const mrr = outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / outcomes.length;
      return { site, queries: outcomes.length, first, mrr, outcomes };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function report(score: SiteScore, missesOnly: boolean): string {
  const lines = [
    `### ${score.site}: right answer first for ${score.first} of ${score.queries} (${((100 * score.first) / score.queries).toFixed(0)} %), MRR ${score.mrr.toFixed(2)}`,
    '',
    '| Query | Kind | Rank | Hits | First result |',
    '| --- | --- | ---: | ---: | --- |',
  ];
  for (const o of score.outcomes) {
    if (missesOnly && o.rank === 1) continue;
    lines.push(`| \`${o.query}\` | ${o.kind} | ${o.rank || '–'} | ${o.hits} | ${o.rank === 1 ? '✓' : o.first || '(none)'} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sites: { type: 'string', default: 'shipped,1000' }, json: { type: 'string' }, misses: { type: 'boolean', default: false } },
  });
  if (!chromiumPath()) throw new Error('Chromium is needed: apt-get install -y chromium');
  const scores: SiteScore[] = [];
  for (const site of values.sites.split(',')) {
    if (site === 'shipped') {
      scores.push(await measure('shipped data', path.join(PROJECT_ROOT, 'data'), SHIPPED_QUERIES));
    } else if (site === '1000') {
      const root = await mkdtemp(path.join(tmpdir(), 'kildebank-search-quality-data-'));
      try {
        const generated = await generateData(root, 1000);
        scores.push(await measure('1,000 generated entries', generated.dataDir, GENERATED_QUERIES));
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    } else throw new Error(`unknown site ${site}: use shipped and/or 1000`);
  }
  for (const score of scores) process.stdout.write(`${report(score, values.misses)}\n\n`);
  const all = scores.flatMap((s) => s.outcomes);
  const first = all.filter((o) => o.rank === 1).length;
  const mrr = all.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / all.length;
  process.stdout.write(
    `All: right answer first for ${first} of ${all.length} (${((100 * first) / all.length).toFixed(0)} %), MRR ${mrr.toFixed(2)}\n`,
  );
  if (values.json) await writeFile(values.json, JSON.stringify(scores, null, 2) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
