/**
 * `npm run dev`: build the site the way `npm run build` does, serve it, and
 * build again whenever a file in the data folder changes.
 *
 * - The same path as `npm run build` (./build-site.ts): a save renders only
 *   the pages whose data changed and reuses the rest (./render-plan.ts), with
 *   the same atomic swap, so the preview shows what the build will publish.
 * - Errors in the data are printed, and written to `_kildebank/problemer.json`
 *   in the served folder; a dev-only script (`dev-overlay/`, added by
 *   .eleventy.js only when KILDEBANK_DEV is set) polls it and shows them over
 *   every page, and reloads the page when a new build is in place. A build
 *   with errors changes nothing, so the page under the overlay is the last
 *   good version.
 * - A quiet log: each finished build prints one line, "Oppdatert kl. HH:MM:SS: …".
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReport, problemText, sortProblems, type Problem } from '../model/problems.ts';
import type { Lang } from '../model/messages.ts';
import { buildSite } from './build-site.ts';
import { PROJECT_ROOT } from './eleventy.ts';
import { kindOf } from '../lib/path-kind.ts';
import { startServer } from './serve.ts';

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
  /** When the page being served was built: the overlay reloads the page when it changes. */
  built: string;
  title: string;
  intro: string;
  close: string;
}

export function devProblems(problems: readonly Problem[], lang: Lang, built = ''): DevProblems {
  const text = TEXT[lang];
  const errors = sortProblems(problems)
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      file: p.file,
      // A CSV problem's message begins with its row ("Rad 18 (ID 'x'): …"); others get their line.
      where: p.row !== undefined ? '' : text.line(p.line),
      message: problemText(p, lang),
    }));
  return { errors, built, title: text.overlayTitle(errors.length), intro: text.overlayIntro, close: text.close };
}

/** HH:MM:SS on the local clock. */
const clock = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

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

/** Until the data builds once: a page that only shows the overlay with the errors. */
const WAITING_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kildebank</title><link rel="stylesheet" href="_kildebank/overlay.css"></head>
<body><main><h1>Kildebank</h1></main><script src="_kildebank/overlay.js" defer></script></body></html>
`;

export async function startDev(dataDir: string, options: DevOptions = {}): Promise<void> {
  const lang = options.lang ?? 'nb';
  const text = TEXT[lang];
  const host = options.host ?? '127.0.0.1';
  const jsonDir = path.resolve(options.jsonDir ?? path.join(PROJECT_ROOT, '.cache', 'json'));
  const outDir = path.resolve(options.outDir ?? path.join(PROJECT_ROOT, '.cache', 'dev-site'));
  const problemsFile = path.join(outDir, PROBLEMS_PATH);
  let built = '';

  async function refresh(): Promise<void> {
    const result = await buildSite({ dataDir, outDir, jsonDir, dev: true });
    if (result.problems.length > 0) console.log(formatReport(result.problems, lang));
    if (result.built) {
      built = new Date().toISOString();
      console.log(text.updated(clock(new Date()), result.counts?.entries ?? 0, result.counts?.concepts ?? 0));
    } else {
      console.log(text.kept);
      if ((await kindOf(path.join(outDir, 'index.html'))) !== 'file') await writeWaitingPage(outDir);
    }
    // After the swap, in the folder now served: the build's own files never include it.
    await mkdir(path.dirname(problemsFile), { recursive: true });
    await writeFile(problemsFile, JSON.stringify(devProblems(result.problems, lang, built), null, 2) + '\n');
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
  let timer: NodeJS.Timeout | undefined;
  const watcher = watchFolders(dataDir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(), 200);
  });
  const server = await startServer({ root: outDir, host, port: options.port ?? 8080 }).catch((e: unknown) => {
    watcher.close();
    throw e;
  });
  console.log(text.address(server.url));
  await new Promise<void>((resolve) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function writeWaitingPage(outDir: string): Promise<void> {
  const overlay = path.join(outDir, '_kildebank');
  await mkdir(overlay, { recursive: true });
  for (const file of ['overlay.js', 'overlay.css'])
    await copyFile(path.join(PROJECT_ROOT, 'pipeline', 'build', 'dev-overlay', file), path.join(overlay, file));
  await writeFile(path.join(outDir, 'index.html'), WAITING_PAGE);
}
