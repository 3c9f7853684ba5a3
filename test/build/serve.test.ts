/**
 * `npm run serve` shows the built site on 127.0.0.1 under PATH_PREFIX, as a
 * static host would; `npm run dev`'s Eleventy server listens on 127.0.0.1
 * unless told otherwise.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/build/eleventy.ts';
import { normalisePrefix } from '../../pipeline/build/serve.ts';

const CLI = path.join(PROJECT_ROOT, 'pipeline', 'cli.ts');

async function siteWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-serve-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

function serve(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
}

const closed = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

describe('npm run serve', () => {
  let child: ChildProcessWithoutNullStreams;
  let url: string;
  let stdout = '';

  beforeAll(async () => {
    const dist = await siteWith({
      'index.html': '<h1>Forside</h1>',
      'bibliografi/loga-2016/index.html': '<h1>Loga 2016</h1>',
      'assets/site.css': 'body {}',
      '404.html': '<h1>Fant ikke siden</h1>',
    });
    child = serve([`--out=${dist}`, '--port=0'], { PATH_PREFIX: '/noe/' });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d;
        const m = /vises på (http:\/\/\S+)\n(.*\n)*Stopp med Ctrl\+C\./.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error(`serve stopped: ${stdout}`)));
    });
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill();
  });

  it('prints the address on 127.0.0.1, under PATH_PREFIX', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/noe\/$/);
    expect(stdout).toContain('Stopp med Ctrl+C.');
  });

  it('serves pages, with the folder redirect that relative links need', async () => {
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>Forside</h1>');
    expect(await (await fetch(`${url}bibliografi/loga-2016/`)).text()).toBe('<h1>Loga 2016</h1>');
    const bare = await fetch(`${url}bibliografi/loga-2016`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/noe/bibliografi/loga-2016/');
    expect((await fetch(`${url}assets/site.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it("answers anything else with the site's 404 page, also outside the prefix and above the site", async () => {
    const origin = new URL(url).origin;
    for (const missing of [`${url}finnes-ikke/`, `${origin}/annet/`, `${url}%2e%2e/%2e%2e/etc/passwd`]) {
      const res = await fetch(missing);
      expect(res.status, missing).toBe(404);
      expect(await res.text()).toBe('<h1>Fant ikke siden</h1>');
    }
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/noe/');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const done = closed(child);
    child.kill('SIGTERM');
    expect(await done).toBe(0);
  });
});

describe('npm run serve without a built site', () => {
  it('says to build first, without a stack trace', async () => {
    const empty = await siteWith({});
    const child = serve([`--out=${empty}`, '--port=0']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    expect(await closed(child)).toBe(1);
    expect(stderr.trim()).toBe(`Finner ikke et bygget nettsted i ${empty} (ingen index.html). Bygg det først med npm run build.`);
  });
});

describe('the address servers listen on in the dev server process', () => {
  const listenHost = path.join(PROJECT_ROOT, 'pipeline', 'build', 'listen-host.js');
  const script =
    "const s = require('node:http').createServer(); s.listen({ port: 0 }, () => { console.log(s.address().address); s.close(); });";
  const run = (env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', listenHost, '-e', script], { env: { ...process.env, ...env } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out.trim()));
    });

  it('is 127.0.0.1 unless asked otherwise', async () => {
    expect(await run({ KILDEBANK_LISTEN_HOST: '' })).toBe('127.0.0.1');
    expect(await run({ KILDEBANK_LISTEN_HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});

describe('PATH_PREFIX for serve', () => {
  it('is read as a folder path', () => {
    expect(normalisePrefix('/')).toBe('/');
    expect(normalisePrefix('')).toBe('/');
    expect(normalisePrefix('/noe')).toBe('/noe/');
    expect(normalisePrefix('noe/under/')).toBe('/noe/under/');
  });
});
