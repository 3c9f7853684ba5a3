/**
 * `npm run bench:check`: how long `npm run check` takes as the data grows,
 * to see that checking and linking stay linear in the number of rows.
 *
 * For each size (default 100,000 entries) it generates the benchmark's
 * synthetic data (./generate.ts) in a temporary folder and times the real
 * command, `node --import tsx pipeline/cli.ts check --data <folder>`, in a
 * child process, wall clock from start to exit. Prints one line per size.
 *
 *   npm run bench:check [-- --sizes 10000,100000] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../pipeline/build/eleventy.ts';
import { generateData } from './generate.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { sizes: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));

console.log('| entries | CSV rows | .bib entries | npm run check | exit code | last line |');
console.log('| ------: | -------: | -----------: | ------------: | --------: | --------- |');
for (const size of sizes) {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-bench-check-'));
  try {
    process.stderr.write(`generating ${size} entries in ${root}\n`);
    const generated = await generateData(root, size);
    const data = path.join(root, 'data');
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'check', '--data', data], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    const rows = generated.csvEntries + generated.concepts + generated.organisations;
    console.log(
      `| ${size.toLocaleString('en')} | ${rows.toLocaleString('en')} | ${generated.bibEntries.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${run.status} | ${last} |`,
    );
  } finally {
    if (!values.keep) await rm(root, { recursive: true, force: true });
  }
}
