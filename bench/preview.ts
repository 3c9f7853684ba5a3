/**
 * The preview's answer to a save: `npm run dev` (pipeline/cli.ts dev) runs on
 * the benchmark's data in a child process, builds its site once, and then
 * one CSV row is saved with a change; the time from the save to the preview's
 * "Oppdatert kl. …" line (the new site swapped in and being served) is the
 * measurement. The page in the browser reloads at the overlay's next poll,
 * up to a second later (pipeline/build/dev-overlay/overlay.js), which is not
 * counted. The memory of the preview's process tree is sampled meanwhile.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../pipeline/build/eleventy.ts';
import { now, TreeSampler } from './memory.ts';

export interface PreviewTiming {
  /** The preview's first build, from its start (its pages differ from the build's: they carry the overlay). */
  firstMs: number;
  /** From the save to the preview's line that it is updated. */
  updateMs: number;
  /** The preview's process tree while it rebuilt after the save. */
  updatePeak: number | undefined;
}

const UPDATED = /^Oppdatert kl\./m;
const KEPT = /^Dataene har feil/m;

/**
 * Start the preview on `dataDir` with its site and JSON in `outDir` and
 * `jsonDir`, wait for its first build, run `save` and time the preview's update.
 */
export async function measurePreview(
  dataDir: string,
  outDir: string,
  jsonDir: string,
  env: NodeJS.ProcessEnv,
  save: () => Promise<void>,
): Promise<PreviewTiming> {
  const cli = fileURLToPath(new URL('../pipeline/cli.ts', import.meta.url));
  const start = now();
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '--import',
      import.meta.resolve('tsx'),
      cli,
      'dev',
      '--lang',
      'nb',
      '--data',
      dataDir,
      '--out',
      outDir,
      '--cache',
      jsonDir,
      '--port',
      '0',
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const sampler = new TreeSampler(child.pid!, 100).start();
  let out = '';
  let err = '';
  let waiting: { after: number; resolve: (at: number) => void; reject: (e: Error) => void } | undefined;
  const failed = (why: string) => new Error(`the preview ${why}:\n${(out + err).slice(-3000)}`);
  const check = () => {
    if (!waiting) return;
    const seen = out.slice(waiting.after);
    if (KEPT.test(seen)) waiting.reject(failed('kept the last good version: the data has errors'));
    else if (UPDATED.test(seen)) waiting.resolve(now());
  };
  child.stdout.on('data', (d) => {
    out += d;
    check();
  });
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  void exited.then(() => waiting?.reject(failed('stopped')));
  /** The time of the next "Oppdatert" line after what the preview has printed so far. */
  const nextUpdate = () =>
    new Promise<number>((resolve, reject) => {
      waiting = { after: out.length, resolve, reject };
      check();
    });
  try {
    const first = await nextUpdate();
    const update = nextUpdate();
    const saved = now();
    await save();
    const updated = await update;
    return { firstMs: first - start, updateMs: updated - saved, updatePeak: sampler.peak(saved, updated) };
  } finally {
    sampler.stop();
    child.kill('SIGTERM');
    await exited;
  }
}
