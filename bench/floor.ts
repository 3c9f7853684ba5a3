/**
 * The floor for the Eleventy stage: a minimal Eleventy project, generated in
 * the benchmark's temporary folder, that reads the same JSON files the same
 * way (global data; the entries one by one from their byte ranges, with the
 * site's own reader, the other parts with JSON.parse) and renders the same
 * number of pages as bare HTML: one per entry, concept and organisation (title
 * and heading only), and as many numbered filler pages as make up the rest of
 * our site's page count. It runs as Eleventy's CLI in one child process (our
 * stage may run two at a time).
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../pipeline/build/eleventy.ts';
import { now } from './memory.ts';

const page = (data: string, alias: string, label: string, permalink: string) => `---
pagination:
  data: ${data}
  size: 1
  alias: ${alias}
permalink: "${permalink}"
---
<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>{{ ${label} }}</title></head>
<body><h1>{{ ${label} }}</h1></body></html>
`;

/** Render `pages` bare pages from the JSON in `jsonDir`; resolves with the wall time in ms. */
export async function runFloor(
  root: string,
  jsonDir: string,
  pages: number,
  counts: { entries: number; concepts: number; organisations: number },
): Promise<number> {
  const dir = path.join(root, 'floor');
  const src = path.join(dir, 'src');
  await mkdir(src, { recursive: true });
  const filler = Math.max(0, pages - counts.entries - counts.concepts - counts.organisations);
  await writeFile(
    path.join(dir, 'eleventy.config.mjs'),
    `import { readFileSync } from 'node:fs';
import { readItems } from ${JSON.stringify(path.join(PROJECT_ROOT, 'site', '_config', 'render-set.js'))};
export default function (config) {
  const dir = ${JSON.stringify(jsonDir)};
  const manifest = JSON.parse(readFileSync(dir + '/manifest.json', 'utf8'));
  config.addGlobalData('bibliography', () => {
    const index = JSON.parse(readFileSync(dir + '/' + manifest.items, 'utf8')).bibliography;
    return readItems(dir, index, index.items.map(([key]) => key));
  });
  for (const name of ['glossary', 'organisations']) {
    config.addGlobalData(name, () => JSON.parse(readFileSync(dir + '/' + manifest.data[name], 'utf8')));
  }
  config.addGlobalData('filler', () => Array.from({ length: ${filler} }, (_, i) => i));
  return { templateFormats: ['njk'] };
}
`,
  );
  await writeFile(path.join(src, 'entry.njk'), page('bibliography', 'entry', 'entry.title', '{{ entry.url }}'));
  await writeFile(path.join(src, 'concept.njk'), page('glossary', 'concept', 'concept.termNb', '{{ concept.url }}'));
  await writeFile(path.join(src, 'organisation.njk'), page('organisations', 'org', 'org.name', '{{ org.url }}'));
  await writeFile(path.join(src, 'filler.njk'), page('filler', 'n', 'n', '/side/{{ n }}/'));
  const cmd = path.join(PROJECT_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const start = now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cmd, `--config=${path.join(dir, 'eleventy.config.mjs')}`, `--input=${src}`, `--output=${path.join(dir, 'out')}`, '--quiet'],
      {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`floor Eleventy failed (${code}): ${err}`))));
  });
  return now() - start;
}
