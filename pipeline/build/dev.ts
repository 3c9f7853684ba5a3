/**
 * `npm run dev`: build the JSON, start Eleventy's dev server on it, and rerun
 * the pipeline whenever a file in the data folder changes.
 *
 * - One rebuild per save: the pipeline writes the JSON into a staging folder,
 *   swaps it in as a whole, then touches one stamp file. Eleventy watches only
 *   the stamp (not the JSON folder), so it sees one change and rebuilds once.
 * - Errors in the data are printed, and written to `_kildebank/problemer.json`
 *   in the served folder; a dev-only script (`dev-overlay/`, added by
 *   .eleventy.js only when KILDEBANK_DEV is set) polls it and shows them over
 *   every page. The last good JSON stays in place, so the page under the
 *   overlay is the last good version.
 * - A quiet log: Eleventy runs with --quiet and its own lines are filtered;
 *   each finished rebuild prints one line, "Oppdatert kl. HH:MM:SS: …".
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { addReferences } from '../cite/add-references.ts';
import { emitJson } from '../emit/json.ts';
import { formatReport, problemText, sortProblems, type Problem } from '../model/problems.ts';
import type { Lang } from '../model/messages.ts';
import { runPipeline } from '../run.ts';
import { eleventyArgs, eleventyEnv, PROJECT_ROOT } from './eleventy.ts';

/** Where the overlay finds the current problems, under the served folder. */
export const PROBLEMS_PATH = path.join('_kildebank', 'problemer.json');

/** What the dev server says, in the librarian's language. */
const TEXT: Record<
  Lang,
  {
    kept: string;
    updated: (time: string, entries: number, concepts: number) => string;
    address: (url: string) => string;
    overlayTitle: (errors: number) => string;
    overlayIntro: string;
    close: string;
    line: (line: number) => string;
  }
> = {
  nb: {
    kept: 'Dataene har feil: forhåndsvisningen viser siste gode versjon til feilene er rettet.',
    updated: (time, entries, concepts) => `Oppdatert kl. ${time}: ${entries} kilder, ${concepts} begreper.`,
    address: (url) => `Forhåndsvisningen vises på ${url}\nStopp med Ctrl+C.`,
    overlayTitle: (n) => (n === 1 ? '1 feil i dataene' : `${n} feil i dataene`),
    overlayIntro: 'Siden viser siste gode versjon til feilene er rettet. Lagre filen på nytt når du har rettet.',
    close: 'Skjul (Esc)',
    line: (line) => `linje ${line}`,
  },
  en: {
    kept: 'The data has errors: the preview shows the last good version until they are fixed.',
    updated: (time, entries, concepts) => `Updated at ${time}: ${entries} entries, ${concepts} concepts.`,
    address: (url) => `The preview is at ${url}\nStop it with Ctrl+C.`,
    overlayTitle: (n) => (n === 1 ? '1 error in the data' : `${n} errors in the data`),
    overlayIntro: 'The page shows the last good version until the errors are fixed. Save the file again once fixed.',
    close: 'Hide (Esc)',
    line: (line) => `line ${line}`,
  },
};

/** What `_kildebank/problemer.json` holds: the errors to show (none when the data is good), with the overlay's texts. */
export interface DevProblems {
  /** Each error: the file, its line when the message does not name a row, the message as `npm run check` says it. */
  errors: { file: string; where: string; message: string }[];
  title: string;
  intro: string;
  close: string;
}

export function devProblems(problems: readonly Problem[], lang: Lang): DevProblems {
  const text = TEXT[lang];
  const errors = sortProblems(problems)
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      file: p.file,
      // A CSV problem's message begins with its row ("Rad 18 (ID 'x'): …"); others get their line.
      where: p.row !== undefined ? '' : text.line(p.line),
      message: problemText(p, lang),
    }));
  return { errors, title: text.overlayTitle(errors.length), intro: text.overlayIntro, close: text.close };
}

/** HH:MM:SS on the local clock. */
const clock = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

/** What to do with a line of Eleventy's output: drop it, say it was built, say the address, or pass it on. */
export function eleventyLine(line: string): 'drop' | 'built' | { address: string } | 'keep' {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
  if (plain === '') return 'drop';
  const server = /^\[11ty\] Server at (?:\S+ )*?(https?:\/\/\S+)/.exec(plain);
  if (server) return { address: server[1]! };
  if (/^\[11ty\] (Copied \d+ )?Wrote \d+ files?\b/.test(plain)) return 'built';
  if (/^\[11ty\] (Writing |Copying |File (changed|added|deleted)|Watching|You saved while|Benchmark|Server at$)/.test(plain)) return 'drop';
  if (/^\[11ty\]\s*(Local|Network|Server at)?:?\s*$/.test(plain)) return 'drop';
  return 'keep';
}

/**
 * Calls onChange for every change in a folder and its subfolders. Each folder is watched on its own (Node 20's
 * recursive watch on Linux watches files, and loses a file that a spreadsheet or editor saves by replacing it).
 */
export function watchFolders(root: string, onChange: () => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const scan = (dir: string) => {
    if (!watchers.has(dir)) {
      try {
        const w = watch(dir, () => {
          scan(dir);
          onChange();
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        return;
      }
    }
    try {
      for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) scan(path.join(dir, e.name));
    } catch {
      // The folder is gone: its watcher reports an error and is dropped.
    }
  };
  scan(root);
  return { close: () => watchers.forEach((w) => w.close()) };
}

export interface DevOptions {
  /** The language of the messages. */
  lang?: Lang;
  /** The address the preview listens on; 127.0.0.1 (this machine only) unless given, e.g. '0.0.0.0' for the network. */
  host?: string;
  port?: number;
  /** Where the last good JSON is kept; `.cache/json` by default. */
  jsonDir?: string;
  /** The folder the dev server builds into and serves; `.cache/dev-site` by default. */
  outDir?: string;
}

export async function startDev(dataDir: string, options: DevOptions = {}): Promise<void> {
  const lang = options.lang ?? 'nb';
  const text = TEXT[lang];
  const host = options.host ?? '127.0.0.1';
  const jsonDir = path.resolve(options.jsonDir ?? path.join(PROJECT_ROOT, '.cache', 'json'));
  const outDir = path.resolve(options.outDir ?? path.join(PROJECT_ROOT, '.cache', 'dev-site'));
  // Next to the JSON folder, not in it: the folder is swapped as a whole, the stamp is only rewritten.
  const stamp = `${jsonDir}.stamp`;
  const problemsFile = path.join(outDir, PROBLEMS_PATH);
  await mkdir(path.dirname(jsonDir), { recursive: true });
  await mkdir(path.dirname(problemsFile), { recursive: true });
  let counts = { entries: 0, concepts: 0 };

  async function refresh(): Promise<void> {
    const result = await runPipeline(dataDir, { cite: addReferences });
    if (result.problems.length > 0) console.log(formatReport(result.problems, lang));
    if (result.dataset) {
      const staging = await mkdtemp(`${jsonDir}-staging-`);
      const old = `${staging}-old`;
      try {
        await emitJson(result.dataset, staging);
        // Two renames swap the whole folder; Eleventy does not watch it, so it sees nothing yet.
        if (existsSync(jsonDir)) await rename(jsonDir, old);
        await rename(staging, jsonDir).catch(async (e: unknown) => {
          if (existsSync(old)) await rename(old, jsonDir);
          throw e;
        });
      } finally {
        await rm(staging, { recursive: true, force: true });
        await rm(old, { recursive: true, force: true });
      }
      counts = { entries: result.dataset.bibliography.length, concepts: result.dataset.glossary.length };
      // The one change Eleventy sees.
      await writeFile(stamp, `${new Date().toISOString()}\n`);
    } else {
      console.log(text.kept);
    }
    await writeFile(problemsFile, JSON.stringify(devProblems(result.problems, lang), null, 2) + '\n');
  }

  // One refresh at a time; saves during a refresh lead to one more.
  let running = false;
  let again = false;
  async function schedule(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await refresh().catch((e: unknown) => console.error(e instanceof Error ? e.message : String(e)));
      } while (again);
    } finally {
      running = false;
    }
  }

  await schedule();
  if (!existsSync(stamp)) await writeFile(stamp, `${new Date().toISOString()}\n`);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watchFolders(dataDir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(), 200);
  });

  // Eleventy's dev server cannot be told where to listen; listen-host.js tells every server in its process.
  const listenHost = path.join(PROJECT_ROOT, 'pipeline', 'build', 'listen-host.js');
  const exitWithParent = path.join(PROJECT_ROOT, 'pipeline', 'build', 'exit-with-parent.js');
  const args = [
    '--import',
    listenHost,
    '--import',
    exitWithParent,
    ...eleventyArgs(outDir, ['--serve', '--quiet', ...(options.port !== undefined ? [`--port=${options.port}`] : [])]),
  ];
  const env = { ...eleventyEnv(jsonDir, {}), KILDEBANK_DEV: '1', KILDEBANK_DEV_STAMP: stamp, KILDEBANK_LISTEN_HOST: host };
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const onLine = (line: string, out: NodeJS.WriteStream) => {
    const kind = eleventyLine(line);
    if (kind === 'drop') return;
    if (kind === 'built') console.log(text.updated(clock(new Date()), counts.entries, counts.concepts));
    else if (kind === 'keep') out.write(`${line}\n`);
    else {
      const url = host === '0.0.0.0' || host === '::' ? kind.address : kind.address.replace('//localhost', `//${host}`);
      console.log(text.address(url));
    }
  };
  createInterface({ input: child.stdout }).on('line', (l) => onLine(l, process.stdout));
  createInterface({ input: child.stderr }).on('line', (l) => onLine(l, process.stderr));
  const stop = () => {
    watcher.close();
    clearTimeout(timer);
    child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((resolve) => child.on('close', resolve));
  watcher.close();
  clearTimeout(timer);
}
