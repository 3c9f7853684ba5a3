/**
 * A build that cannot finish says so before it does any work, in Norwegian
 * and without a stack trace: another build holds the output folder, or the
 * output folder or the JSON cache cannot be written or swapped. Whatever
 * fails, the last good site and JSON stay as they were, and the next build
 * works.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/build/build-site.ts';
import { PROJECT_ROOT } from '../../pipeline/build/eleventy.ts';
import { acquireLock, BuildError, lockFileOf } from '../../pipeline/build/lock.ts';
import { swapAllInto } from '../../pipeline/build/swap.ts';
import { copyData, FIXTURES } from '../helpers/fixtures.ts';

const CLI = path.join(PROJECT_ROOT, 'pipeline', 'cli.ts');
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const tempRoot = () => mkdtemp(path.join(tmpdir(), 'kildebank-safety-'));

/** A folder standing in for the last good site or JSON. */
async function lastGood(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), 'last good');
}

function runCli(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(?.*:\d+:\d+\)?$/m);

describe('the build lock', () => {
  it('is held by one build at a time, and the second is told which process holds it', async () => {
    const root = await tempRoot();
    const target = path.join(root, 'dist');
    const lock = await acquireLock(target);
    expect(JSON.parse(await readFile(lockFileOf(target), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    const second = await acquireLock(target).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(BuildError);
    expect((second as Error).message).toContain(`En annen bygging (prosess ${process.pid}`);
    expect((second as Error).message).toContain(lockFileOf(target));
    await lock.release();
    expect(await exists(lockFileOf(target))).toBe(false);
    await (await acquireLock(target)).release();
  });

  it('takes over a lock left by a build that no longer runs', async () => {
    const root = await tempRoot();
    const target = path.join(root, 'dist');
    await writeFile(lockFileOf(target), JSON.stringify({ pid: await deadPid(), host: hostname(), started: new Date().toISOString() }));
    const lock = await acquireLock(target);
    expect(JSON.parse(await readFile(lockFileOf(target), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    // Nothing else is left beside the target.
    expect(await readdir(root)).toEqual([]);
  });

  it('respects a lock held by a process that runs', async () => {
    const root = await tempRoot();
    const target = path.join(root, 'dist');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(lockFileOf(target), JSON.stringify({ pid: other.pid, host: hostname(), started: new Date().toISOString() }));
      await expect(acquireLock(target)).rejects.toThrow(`En annen bygging (prosess ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('makes one of two builds at the same time fail at once, while the other finishes', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    const options = { dataDir: data, outDir: path.join(root, 'dist'), jsonDir: path.join(root, 'json') };
    // Either may take the lock first; exactly one builds and the other fails at once.
    const results = await Promise.allSettled([buildSite(options), buildSite(options)]);
    const built = results.filter((r) => r.status === 'fulfilled' && r.value.built);
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof BuildError);
    expect([built.length, refused.length]).toEqual([1, 1]);
    expect((await readdir(root)).sort()).toEqual(['data', 'dist', 'json']);
  });

  it('names the other build on the command line, without a stack trace, and takes over once it is killed', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    const dist = path.join(root, 'dist');
    // Another build, as far as the lock is concerned: a process that holds the lock and never finishes.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { acquireLock } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'pipeline', 'build', 'lock.ts'))}); await acquireLock(${JSON.stringify(dist)}); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()));
    const args = ['build', `--data=${data}`, `--out=${dist}`, `--cache=${path.join(root, 'json')}`];
    const second = await runCli(args).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`En annen bygging (prosess ${holder.pid}, startet `);
    expect(second.stderr).toContain(`skriver allerede til ${dist}. Vent til den er ferdig, og bygg på nytt.`);
    noStackTrace(second.stderr);
    expect(await exists(dist)).toBe(false);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('close', resolve));
    const third = await runCli(args).done;
    expect(third.code, third.stderr).toBe(0);
    expect((await readdir(root)).sort()).toEqual(['data', 'dist', 'json']);
  });
});

describe('a build that cannot write its folders fails before any work', () => {
  it('refuses an output folder below a file, without touching the last good JSON', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    await writeFile(path.join(root, 'not-a-folder'), '');
    await lastGood(path.join(root, 'json'));
    const stages: string[] = [];
    const outDir = path.join(root, 'not-a-folder', 'dist');
    await expect(
      buildSite({ dataDir: data, outDir, jsonDir: path.join(root, 'json'), onStage: (l) => stages.push(l.stage) }),
    ).rejects.toThrow(
      `Kan ikke bygge til ${outDir}: ${path.join(root, 'not-a-folder')} er en fil, ikke en mappe. Velg en annen mappe med --out`,
    );
    expect(stages).toEqual([]);
    expect(await readFile(path.join(root, 'json', 'index.html'), 'utf8')).toBe('last good');
  });

  it('refuses a JSON cache below a file, without touching the last good site, and says so on the command line', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    await writeFile(path.join(root, 'cache'), '');
    await lastGood(path.join(root, 'dist'));
    const { code, stdout, stderr } = await runCli([
      'build',
      `--data=${data}`,
      `--out=${path.join(root, 'dist')}`,
      `--cache=${path.join(root, 'cache', 'json')}`,
    ]).done;
    expect(code).toBe(1);
    expect(stderr).toContain(`${path.join(root, 'cache')} er en fil, ikke en mappe. Velg en annen mappe med --cache`);
    noStackTrace(stderr);
    // No stage ran.
    expect(stdout).not.toContain('read and check');
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('last good');
    expect((await readdir(root)).sort()).toEqual(['cache', 'data', 'dist']);
  });

  it('refuses --out and --cache that are the same folder', async () => {
    const root = await tempRoot();
    await expect(
      buildSite({ dataDir: path.join(root, 'data'), outDir: path.join(root, 'x'), jsonDir: path.join(root, 'x', 'json') }),
    ).rejects.toThrow('må være to ulike mapper');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder above the site (not as root, whom permissions do not stop)', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    const site = path.join(root, 'site');
    await lastGood(path.join(site, 'dist'));
    await chmod(site, 0o555);
    try {
      await expect(buildSite({ dataDir: data, outDir: path.join(site, 'dist'), jsonDir: path.join(root, 'json') })).rejects.toThrow(
        `Kan ikke skrive i mappen ${site} (ingen skrivetilgang)`,
      );
    } finally {
      await chmod(site, 0o755);
    }
    expect(await readFile(path.join(site, 'dist', 'index.html'), 'utf8')).toBe('last good');
    expect((await buildSite({ dataDir: data, outDir: path.join(site, 'dist'), jsonDir: path.join(root, 'json') })).built).toBe(true);
  });

  it('creates missing folders above the output folder', async () => {
    const { root, data } = await copyData(path.join(FIXTURES, 'site', 'data'));
    const outDir = path.join(root, 'missing', 'deeper', 'dist');
    const result = await buildSite({ dataDir: data, outDir, jsonDir: path.join(root, 'cache', 'json') });
    expect(result.built).toBe(true);
    expect(await exists(path.join(outDir, 'index.html'))).toBe(true);
    expect(await exists(path.join(root, 'cache', 'json', 'bibliography.json'))).toBe(true);
  });
});

describe('the swap of site and JSON', () => {
  it('puts everything back when the second folder cannot be swapped in', async () => {
    const root = await tempRoot();
    await lastGood(path.join(root, 'dist'));
    await lastGood(path.join(root, 'json'));
    await mkdir(path.join(root, 'new-site'));
    await writeFile(path.join(root, 'new-site', 'index.html'), 'new');
    const swap = swapAllInto([
      { completed: path.join(root, 'new-site'), target: path.join(root, 'dist') },
      { completed: path.join(root, 'missing-json'), target: path.join(root, 'json') },
    ]);
    await expect(swap).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('last good');
    expect(await readFile(path.join(root, 'json', 'index.html'), 'utf8')).toBe('last good');
    expect(await readFile(path.join(root, 'new-site', 'index.html'), 'utf8')).toBe('new');
    expect((await readdir(root)).sort()).toEqual(['dist', 'json', 'new-site']);
  });

  it('swaps both in when both can be', async () => {
    const root = await tempRoot();
    await lastGood(path.join(root, 'dist'));
    for (const name of ['new-site', 'new-json']) {
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'index.html'), name);
    }
    await swapAllInto([
      { completed: path.join(root, 'new-site'), target: path.join(root, 'dist') },
      { completed: path.join(root, 'new-json'), target: path.join(root, 'json') },
    ]);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('new-site');
    expect(await readFile(path.join(root, 'json', 'index.html'), 'utf8')).toBe('new-json');
    expect((await readdir(root)).sort()).toEqual(['dist', 'json']);
  });
});
