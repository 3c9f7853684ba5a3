import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../pipeline/build/build-site.ts';
import { PROJECT_ROOT } from '../../pipeline/build/eleventy.ts';
import { copyData, FIXTURES } from '../helpers/fixtures.ts';

/** Every file under a folder with its contents, to compare two states. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, file)] = (await readFile(file)).toString('base64');
    }
  }
  return out;
}

describe('a failed build never damages the last good site', () => {
  let root: string;
  let data: string;
  let before: Record<string, string>;
  let jsonBefore: Record<string, string>;
  const dist = () => path.join(root, 'dist');
  const json = () => path.join(root, 'json');

  beforeAll(async () => {
    ({ root, data } = await copyData(path.join(FIXTURES, 'site', 'data')));
    const first = await buildSite({ dataDir: data, outDir: dist(), jsonDir: json() });
    expect(first.built).toBe(true);
    before = await snapshot(dist());
    jsonBefore = await snapshot(json());
  });

  it('writes nothing when the data has errors', async () => {
    const file = path.join(data, 'bibliografi.csv');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(';2020;', ';20x0;'));
    const result = await buildSite({ dataDir: data, outDir: dist(), jsonDir: json() });
    await writeFile(file, good);
    expect(result.built).toBe(false);
    expect(result.problems.map((p) => p.rule)).toContain('invalid-year');
    expect(await snapshot(dist())).toEqual(before);
    expect(await snapshot(json())).toEqual(jsonBefore);
  });

  it('leaves the previous site in place when the build is killed midway', async () => {
    // Changed data, so that any page written before the kill would differ from the last good site.
    const file = path.join(data, 'bibliografi.csv');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('Grønne kommuner', 'Blå kommuner'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'pipeline', 'cli.ts'), 'build', `--data=${data}`, `--out=${dist()}`, `--cache=${json()}`],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Kill it as soon as Eleventy starts rendering into the staging folder.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('JSON')) child.kill('SIGKILL');
      });
      child.on('close', () => resolve());
    });
    await writeFile(file, good);
    expect(child.signalCode).toBe('SIGKILL');
    expect(await snapshot(dist())).toEqual(before);
    // The next build cleans up what the killed one left behind and succeeds.
    const next = await buildSite({ dataDir: data, outDir: dist(), jsonDir: json() });
    expect(next.built).toBe(true);
    expect((await readdir(root)).filter((n) => n.includes('staging'))).toEqual([]);
  });
});
