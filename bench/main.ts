/**
 * `npm run bench`: what a build costs as the bibliography grows.
 *
 * For 100, 1,000 and 10,000 entries: generate synthetic data (./generate.ts)
 * in a temporary folder, build it cold with the real build code in a child
 * process (./build-child.ts) while sampling the memory of its process tree
 * (./memory.ts), measure the built site (./site-metrics.ts), render the same
 * number of bare pages with a minimal Eleventy project (./floor.ts), time
 * pandoc on the same BibTeX file when it is installed, and rebuild after one
 * CSV row changes. Prints a Markdown table on stdout; progress goes to stderr.
 *
 *   npm run bench [-- --sizes 100,1000] [--keep] [--json results.json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../pipeline/build/eleventy.ts';
import type { BuildReport, ParseReport } from './build-child.ts';
import { runFloor } from './floor.ts';
import { generateData, type GeneratedData } from './generate.ts';
import { now, TreeSampler } from './memory.ts';
import { measurePagefindFloor, type PagefindFloor } from './pagefind-floor.ts';
import { measurePreview, type PreviewTiming } from './preview.ts';
import { entryPageWeight, firstQueryBytes, listFiles, type PageWeight, type SearchBytes } from './site-metrics.ts';

const QUERY = 'sosiale entreprenører';
/** The preview is timed up to this many entries. */
const PREVIEW_UP_TO = 20_000;
const SAMPLE_MS = 100;

interface ChildRun<R> {
  report: R;
  wallMs: number;
  peak: number | undefined;
  sampler: TreeSampler;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function runChild<R>(args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun<R>> {
  const tsx = import.meta.resolve('tsx');
  const script = fileURLToPath(new URL('./build-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const start = now();
    // V8's default heap limit on this machine is 4 GB; the pipeline holds the dataset in memory, about 5 GB at 100,000
    // entries (docs/performance.md). The limit is a ceiling, not a use: smaller sizes use what they did before.
    const child = spawn(process.execPath, ['--max-old-space-size=16384', '--import', tsx, script, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = new TreeSampler(child.pid!, SAMPLE_MS).start();
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      sampler.stop();
      const wallMs = now() - start;
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return reject(new Error(`bench child ${args[0]} failed (exit ${code}):\n${err.slice(-3000)}`));
      resolve({ report: JSON.parse(line.slice(6)) as R, wallMs, peak: sampler.peak(), sampler });
    });
  });
}

interface StageRow {
  stage: string;
  ms: number;
  peak: number | undefined;
  detail: string;
}

/** Each stage's time and the peak memory sampled while it ran (windows follow each other from the build's start). */
function stageRows(run: ChildRun<BuildReport>, parse: ChildRun<ParseReport>): StageRow[] {
  const rows: StageRow[] = [];
  let t = run.report.start;
  for (const s of run.report.stages) {
    const from = t;
    const to = t + s.ms;
    t = to;
    const peak = run.sampler.peak(from, to) ?? run.sampler.peak(from, to + SAMPLE_MS * 1.5);
    if (s.stage === 'read and check') {
      // Split with the separate read-and-parse run: check = the rest of ingest (check, normalise, merge).
      rows.push({
        stage: 'read and parse',
        ms: parse.report.ms,
        peak: parse.peak,
        detail: `CSV ${fmtMs(parse.report.csvMs)}, BibTeX ${fmtMs(parse.report.bibtexMs)} (${parse.report.bibtexEntries} entries)`,
      });
      rows.push({ stage: 'check', ms: Math.max(0, s.ms - parse.report.ms), peak, detail: s.detail });
    } else rows.push({ stage: s.stage, ms: s.ms, peak, detail: s.detail });
  }
  return rows;
}

interface SizeResult {
  size: number;
  data: GeneratedData;
  stages: StageRow[];
  coldMs: number;
  coldPeak: number | undefined;
  rebuildMs: number;
  rebuildPeak: number | undefined;
  rebuildStages: StageRow[];
  preview: PreviewTiming | undefined;
  floorMs: number;
  eleventyMs: number;
  pandocMs: number | undefined;
  pagefindFloor: PagefindFloor;
  bibtexMs: number;
  search: SearchBytes;
  weight: PageWeight;
  files: number;
  htmlPages: number;
}

/** Give the first CSV row, whose title is `from`, the title `to` (a cell of its own between semicolons). */
async function retitleFirstRow(csvFile: string, from: string, to: string): Promise<void> {
  const csv = await readFile(csvFile, 'utf8');
  const changed = csv.replace(`;${from};`, `;${to};`);
  if (changed === csv) throw new Error(`could not change the first row's title "${from}"`);
  await writeFile(csvFile, changed);
}

function pandocAvailable(): string | undefined {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

function timePandoc(bibFile: string): number {
  const start = now();
  const r = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson', bibFile, '-o', '/dev/null'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return now() - start;
}

async function benchSize(size: number, keep: boolean, pandoc: boolean): Promise<SizeResult> {
  const root = await mkdtemp(path.join(tmpdir(), `kildebank-bench-${size}-`));
  try {
    log(`\n## ${size} entries (${root})`);
    const data = await generateData(root, size);
    log(
      `  generated: ${data.csvEntries} CSV + ${data.bibEntries} BibTeX entries, ${data.concepts} concepts, ${data.organisations} organisations`,
    );
    const env: NodeJS.ProcessEnv = {
      KILDEBANK_CITATION_CACHE: path.join(root, 'cache', 'citations'),
      // Above 20,000 entries every Node process of the build (Eleventy's, the citation threads) may use more than V8's
      // default 4 GB heap: the lists and indexes Eleventy renders read about 600 MB of JSON at 100,000 entries.
      ...(size > 20_000 ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=16384`.trim() } : {}),
    };
    const out = path.join(root, 'dist');
    const json = path.join(root, 'json');
    const buildArgs = ['build', data.dataDir, out, json];

    log('  read and parse only:');
    const parse = await runChild<ParseReport>(['parse', data.dataDir], env);
    log('  cold build:');
    const cold = await runChild<BuildReport>(buildArgs, env);
    if (!cold.report.built) throw new Error(`the ${size}-entry build failed:\n${cold.report.errors.join('\n')}`);
    const stages = stageRows(cold, parse);

    const files = await listFiles(out);
    const htmlPages = files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).length;
    const weight = await entryPageWeight(out, data.keys);
    const search = await firstQueryBytes(out, QUERY);
    log(`  site: ${files.length} files, ${htmlPages} pages; first query ${kb(search.total)}; entry page ${kb(weight.max)} (largest)`);

    log('  floor (bare Eleventy pages):');
    const floorMs = await runFloor(root, json, htmlPages, { entries: size, concepts: data.concepts, organisations: data.organisations });
    log(`    ${fmtMs(floorMs)}`);
    const pandocMs = pandoc ? timePandoc(data.bibFile) : undefined;
    if (pandocMs !== undefined) log(`  pandoc: ${fmtMs(pandocMs)}`);
    log('  Pagefind floor:');
    const pagefindFloor = await measurePagefindFloor(out);
    log(
      `    addDirectory ${fmtMs(pagefindFloor.directoryMs)}, ready-made records ${fmtMs(pagefindFloor.recordsMs)} (${pagefindFloor.pages} pages)`,
    );

    // Rebuild after one row changes: the first CSV row gets a new title.
    const csvFile = path.join(data.dataDir, 'bibliografi.csv');
    await retitleFirstRow(csvFile, data.firstTitle, `${data.firstTitle} (revidert utgave)`);
    log('  rebuild after one row changed:');
    const rebuild = await runChild<BuildReport>(buildArgs, env);
    if (!rebuild.report.built) throw new Error(`the ${size}-entry rebuild failed`);

    // The preview after a save: the same row changed once more, with `npm run dev` running (not above PREVIEW_UP_TO,
    // where its first build alone would take as long as the cold one).
    let preview: PreviewTiming | undefined;
    if (size <= PREVIEW_UP_TO) {
      log('  preview (npm run dev), the row saved again:');
      const saveAgain = () => retitleFirstRow(csvFile, `${data.firstTitle} (revidert utgave)`, `${data.firstTitle} (andre utgave)`);
      preview = await measurePreview(data.dataDir, path.join(root, 'preview'), path.join(root, 'preview-json'), env, saveAgain);
      log(`    first build ${fmtMs(preview.firstMs)}; updated ${fmtMs(preview.updateMs)} after the save`);
    }

    return {
      size,
      data,
      stages,
      coldMs: cold.wallMs,
      coldPeak: cold.peak,
      rebuildMs: rebuild.wallMs,
      rebuildPeak: rebuild.peak,
      rebuildStages: stageRows(rebuild, parse),
      preview,
      floorMs,
      eleventyMs: cold.report.stages.find((s) => s.stage === 'Eleventy')?.ms ?? NaN,
      pandocMs,
      pagefindFloor,
      bibtexMs: parse.report.bibtexMs,
      search,
      weight,
      files: files.length,
      htmlPages,
    };
  } finally {
    if (!keep) await rm(root, { recursive: true, force: true });
  }
}

// ---- formatting ----

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 2 ** 20)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n: number) => n.toLocaleString('en-US');
const ratio = (r: number) => `${r.toFixed(2)}×`;

interface Target {
  label: string;
  ok: (r: SizeResult, all: SizeResult[]) => boolean | undefined;
}

function table(results: SizeResult[], pandocVersion: string | undefined): string {
  const big = results.find((r) => r.size === 10_000) ?? results[results.length - 1]!;
  const cols = results.map((r) => int(r.size));
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  row(['entries', ...cols, `target at ${int(big.size)}`, 'met']);
  row(['---', ...cols.map(() => '---:'), '---', '---']);
  const mark = (v: boolean | undefined) => (v === undefined ? '–' : v ? 'yes' : '**no**');

  // Stages, in build order.
  const stageNames = big.stages.map((s) => s.stage);
  for (const name of stageNames) {
    row([
      `${name}: time · peak memory`,
      ...results.map((r) => {
        const s = r.stages.find((x) => x.stage === name);
        return s ? `${fmtMs(s.ms)} · ${mb(s.peak)}` : '–';
      }),
      '',
      '',
    ]);
  }
  const gb1 = 1024 ** 3;
  row(['**cold build** (wall, whole process)', ...results.map((r) => fmtMs(r.coldMs)), '≤ 60 s', mark(big.coldMs <= 60_000)]);
  row([
    '**peak memory** (build process tree)',
    ...results.map((r) => mb(r.coldPeak)),
    '≤ 1 GB',
    mark(big.coldPeak === undefined ? undefined : big.coldPeak <= gb1),
  ]);
  // The rebuild's bar: 10 s, or Pagefind's own floor plus 3 s when that is higher (the index is rebuilt from every page).
  const floorOf = (r: SizeResult) => Math.min(r.pagefindFloor.directoryMs, r.pagefindFloor.recordsMs);
  const rebuildBar = (r: SizeResult) => Math.max(10_000, floorOf(r) + 3_000);
  row([
    '**rebuild after one CSV row changes**',
    ...results.map((r) => fmtMs(r.rebuildMs)),
    `≤ ${fmtMs(rebuildBar(big))}`,
    mark(big.rebuildMs <= rebuildBar(big)),
  ]);
  // A rebuild formats the changed shards of the list while Eleventy and Pagefind may run (the cold build's is done before): its own peak.
  row([
    'peak memory of that rebuild (build process tree)',
    ...results.map((r) => mb(r.rebuildPeak)),
    '≤ 1 GB',
    mark(big.rebuildPeak === undefined ? undefined : big.rebuildPeak <= gb1),
  ]);
  row([
    '**preview updated after a one-row save** (`npm run dev`; its peak memory meanwhile)',
    ...results.map((r) => (r.preview ? `${fmtMs(r.preview.updateMs)} · ${mb(r.preview.updatePeak)}` : '–')),
    '≤ 5 s',
    mark(big.preview === undefined ? undefined : big.preview.updateMs <= 5_000),
  ]);
  row([
    'Pagefind floor: its own indexing of the site · of ready-made records',
    ...results.map((r) => `${fmtMs(r.pagefindFloor.directoryMs)} · ${fmtMs(r.pagefindFloor.recordsMs)}`),
    '',
    '',
  ]);
  row([
    'Eleventy ÷ floor (bare pages)',
    ...results.map((r) => `${ratio(r.eleventyMs / r.floorMs)} (${fmtMs(r.floorMs)})`),
    '≤ 1.3×',
    mark(big.eleventyMs / big.floorMs <= 1.3),
  ]);
  row([
    'BibTeX read and parse ÷ pandoc',
    ...results.map((r) =>
      r.pandocMs === undefined ? 'no pandoc' : `${ratio(r.bibtexMs / r.pandocMs)} (${fmtMs(r.bibtexMs)} vs ${fmtMs(r.pandocMs)})`,
    ),
    '≤ 0.25×',
    mark(big.pandocMs === undefined ? undefined : big.bibtexMs / big.pandocMs <= 0.25),
  ]);
  row([
    `first search query “${QUERY}”`,
    ...results.map((r) => `${kb(r.search.total)} (${r.search.requests} files)`),
    '≤ 150 KB',
    mark(big.search.total <= 150 * 1024),
  ]);
  row([
    'entry page, largest (median)',
    ...results.map((r) => `${kb(r.weight.max)} (${kb(r.weight.median)})`),
    '≤ 30 KB',
    mark(big.weight.max <= 30 * 1024),
  ]);
  row(['files in dist/', ...results.map((r) => int(r.files)), '≤ 20,000', mark(big.files <= 20_000)]);
  const k1 = results.find((r) => r.size === 1000);
  const growth = k1 && big.size === 10_000 ? big.coldMs / k1.coldMs : undefined;
  row([
    'growth: cold build ÷ 1,000-entry build',
    ...results.map((r) => (k1 ? ratio(r.coldMs / k1.coldMs) : '–')),
    '≤ 11×',
    mark(growth === undefined ? undefined : growth <= 11),
  ]);

  const notes = [
    '',
    `Search bytes by kind at ${int(big.size)}: ${Object.entries(big.search.parts)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ')}; ` +
      `${big.search.results} results; the search scripts add ${kb(big.search.scriptsGzip)} gzipped (pagefind.js and our search.js).`,
    `Rebuild stages at ${int(big.size)}: ${big.rebuildStages.map((s) => `${s.stage} ${fmtMs(s.ms)}`).join(', ')}.`,
    `Pages rendered: ${results.map((r) => `${int(r.htmlPages)} at ${int(r.size)}`).join(', ')}. ` +
      `Largest entry page at ${int(big.size)}: ${big.weight.maxPage} (${kb(big.weight.assets)} of it CSS and JS).`,
    `pandoc: ${pandocVersion ?? 'not installed, so the BibTeX comparison was skipped'}.`,
  ];
  return lines.join('\n') + '\n' + notes.join('\n') + '\n';
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const pandocVersion = pandocAvailable();
  const loadBefore = loadavg();
  const start = now();
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, values.keep, pandocVersion !== undefined));
  const totalMs = now() - start;
  for (const r of results) r.data.keys = [];
  const load = `load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} after`;
  const output = `Machine: ${machine()}. Bench time: ${fmtMs(totalMs)} (${load}).\n\n${table(results, pandocVersion)}`;
  process.stdout.write(`\n${output}`);
  if (values.json) await writeFile(values.json, JSON.stringify({ machine: machine(), totalMs, results }, null, 2) + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
