/**
 * Runs in a child process of the benchmark, so that each measurement starts
 * cold and its memory can be sampled as a process tree:
 *
 *   build <data> <out> <json>   the real build (buildSite with the real citation stage)
 *   parse <data>                only reading and parsing the data files (the "read and parse" stage)
 *
 * Reports on stdout as lines `BENCH <json>`; everything else the build prints goes to stderr.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite } from '../pipeline/build/build-site.ts';
import { now } from './memory.ts';

export interface StageEvent {
  stage: string;
  ms: number;
  detail: string;
}

export interface BuildReport {
  kind: 'build';
  /** When buildSite was called (epoch ms). */
  start: number;
  end: number;
  built: boolean;
  errors: string[];
  stages: StageEvent[];
}

export interface ParseReport {
  kind: 'parse';
  ms: number;
  csvMs: number;
  bibtexMs: number;
  bibtexEntries: number;
  pagesMs: number;
}

const report = (value: BuildReport | ParseReport) => process.stdout.write(`BENCH ${JSON.stringify(value)}\n`);

async function build(dataDir: string, outDir: string, jsonDir: string): Promise<void> {
  const stages: StageEvent[] = [];
  const start = now();
  const result = await buildSite({
    dataDir,
    outDir,
    jsonDir,
    onStage: (l) => {
      stages.push({ stage: l.stage, ms: l.ms, detail: l.detail });
      process.stderr.write(`    ${l.stage.padEnd(16)} ${(l.ms / 1000).toFixed(2).padStart(7)} s  ${l.detail}\n`);
    },
  });
  const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`);
  report({ kind: 'build', start, end: now(), built: result.built, errors: errors.slice(0, 10), stages });
}

async function parse(dataDir: string): Promise<void> {
  // Loaded here, so that a build's process holds only what a real build's does.
  const [{ readBibtex }, { parseCsv }, { readDataFolder }, { decodeText }, { readPage }] = await Promise.all([
    import('../pipeline/read/bibtex.ts'),
    import('../pipeline/read/csv.ts'),
    import('../pipeline/read/data-folder.ts'),
    import('../pipeline/read/decode.ts'),
    import('../pipeline/read/pages.ts'),
  ]);
  const start = now();
  const files = await readDataFolder(dataDir);
  const csvStart = now();
  for (const file of Object.values(files.csv)) {
    if (file) parseCsv(decodeText(file.bytes, file.display).text, file.display);
  }
  const csvMs = now() - csvStart;
  // What pandoc is compared with: the .bib file read from disk, decoded and parsed.
  let bibtexMs = 0;
  let bibtexEntries = 0;
  for (const file of files.bib) {
    const t = now();
    const bytes = await readFile(path.join(dataDir, path.basename(file.display)));
    const parsed = readBibtex(decodeText(bytes, file.display).text, file.display);
    bibtexMs += now() - t;
    bibtexEntries += parsed.entries.length;
  }
  const pagesStart = now();
  for (const file of files.pages) readPage(decodeText(file.bytes, file.display).text, file.display);
  const pagesMs = now() - pagesStart;
  report({ kind: 'parse', ms: now() - start, csvMs, bibtexMs, bibtexEntries, pagesMs });
}

const [mode, ...args] = process.argv.slice(2);
const run =
  mode === 'build'
    ? build(args[0]!, args[1]!, args[2]!)
    : mode === 'parse'
      ? parse(args[0]!)
      : Promise.reject(new Error(`unknown mode ${mode}`));
run.catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
