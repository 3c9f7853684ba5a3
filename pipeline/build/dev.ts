/**
 * `npm run dev`: build the JSON, start Eleventy's dev server on it, and rerun
 * the pipeline whenever a file in the data folder changes. Eleventy watches
 * the JSON folder and reloads the browser. Errors are printed and the last
 * good JSON stays in place.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { addReferences } from '../cite/add-references.ts';
import { emitJson } from '../emit/json.ts';
import { formatReport } from '../model/problems.ts';
import type { Lang } from '../model/messages.ts';
import { runPipeline } from '../run.ts';
import { eleventyArgs, eleventyEnv, PROJECT_ROOT } from './eleventy.ts';

const JSON_DIR = path.join(PROJECT_ROOT, '.cache', 'json');
const DEV_SITE = path.join(PROJECT_ROOT, '.cache', 'dev-site');

async function refresh(dataDir: string, lang: Lang): Promise<void> {
  const result = await runPipeline(dataDir, { cite: addReferences });
  if (result.problems.length > 0) console.log(formatReport(result.problems, lang));
  if (!result.dataset) {
    console.log('The data has errors: the preview keeps showing the last good version.');
    return;
  }
  const staging = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'json-staging-'));
  try {
    await emitJson(result.dataset, staging);
    // File by file, so the dev server's watcher sees each change (a swapped folder it would lose).
    await mkdir(JSON_DIR, { recursive: true });
    for (const entry of await readdir(staging, { withFileTypes: true })) {
      // A folder (the downloads) cannot be renamed onto an existing one: replace it.
      if (entry.isDirectory()) await rm(path.join(JSON_DIR, entry.name), { recursive: true, force: true });
      await rename(path.join(staging, entry.name), path.join(JSON_DIR, entry.name));
    }
    console.log(`Data updated: ${result.dataset.bibliography.length} entries, ${result.dataset.glossary.length} concepts.`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export interface DevOptions {
  /** The language of the messages. */
  lang?: Lang;
  /** The address the preview listens on; 127.0.0.1 (this machine only) unless given, e.g. '0.0.0.0' for the network. */
  host?: string;
  port?: number;
}

export async function startDev(dataDir: string, options: DevOptions = {}): Promise<void> {
  await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
  await refresh(dataDir, options.lang ?? 'nb');
  let timer: NodeJS.Timeout | undefined;
  watch(dataDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(dataDir, options.lang ?? 'nb'), 200);
  });
  // Eleventy's dev server cannot be told where to listen; listen-host.js tells every server in its process.
  const listenHost = path.join(PROJECT_ROOT, 'pipeline', 'build', 'listen-host.js');
  const args = [
    '--import',
    listenHost,
    ...eleventyArgs(DEV_SITE, ['--serve', ...(options.port !== undefined ? [`--port=${options.port}`] : [])]),
  ];
  const env = { ...eleventyEnv(JSON_DIR, {}), KILDEBANK_DEV: '1', KILDEBANK_LISTEN_HOST: options.host ?? '127.0.0.1' };
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
  await new Promise((resolve) => child.on('close', resolve));
}
