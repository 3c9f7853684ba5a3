/**
 * A build after a change renders only the pages whose data changed and reuses
 * the rest from the last good site (pipeline/build/render-plan.ts); the result
 * must be the same, byte for byte, as a cold build of the same data.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions } from '../../pipeline/build/build-site.ts';
import { PROJECT_ROOT } from '../../pipeline/build/eleventy.ts';
import type { StageLog } from '../../pipeline/run.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

/** Every file of a folder with a hash of its bytes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const hashes = await Promise.all(
    files.map(async (f) => [
      path.relative(dir, f),
      createHash('sha256')
        .update(await readFile(f))
        .digest('hex'),
    ]),
  );
  return Object.fromEntries(hashes.sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

async function build(root: string, data: string, extra: Partial<BuildOptions> = {}): Promise<StageLog[]> {
  const log: StageLog[] = [];
  const result = await buildSite({
    dataDir: data,
    outDir: path.join(root, 'dist'),
    jsonDir: path.join(root, 'json'),
    onStage: (l) => log.push(l),
    ...extra,
  });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(result.built).toBe(true);
  return log;
}

const rendered = (log: StageLog[]) => Number(/^(\d+) pages rendered/.exec(log.filter((l) => l.stage === 'Eleventy').at(-1)!.detail)![1]);
const reused = (log: StageLog[]) => Number(/^(\d+) unchanged/.exec(log.find((l) => l.stage === 'reuse')?.detail ?? '0')![1]);

const CSV = 'bibliografi.csv';
const edit = async (data: string, change: (lines: string[]) => string[]) => {
  const text = await readFile(path.join(data, CSV), 'utf8');
  await writeFile(path.join(data, CSV), change(text.split('\n')).join('\n'));
};

/** A new entry: the first row again, under another key and title. */
const addRow = (lines: string[]) => {
  const row = lines[1]!
    .replace(/^tankesmien-agenda-2016;/, 'tankesmien-agenda-2016-ny;')
    .replace(';Sosialt entreprenørskap i velferdsstaten;', ';Et nytt notat;');
  return [...lines.slice(0, 2), row, ...lines.slice(2)];
};

describe('incremental builds', () => {
  let work: string;
  let base: string;
  let total: number;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kildebank-incremental-'));
    base = path.join(work, 'base');
    await cp(SHIPPED_DATA, path.join(base, 'data'), { recursive: true });
    total = rendered(await build(base, path.join(base, 'data')));
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** Rebuild a copy of the base build after `change`, build the changed data cold, and compare. */
  async function compare(
    name: string,
    change: (data: string, root: string) => Promise<void>,
    extra: (root: string) => Partial<BuildOptions> = () => ({}),
  ) {
    const inc = path.join(work, `${name}-incremental`);
    await cp(base, inc, { recursive: true });
    await change(path.join(inc, 'data'), inc);
    const log = await build(inc, path.join(inc, 'data'), extra(inc));
    const cold = path.join(work, `${name}-cold`);
    await cp(path.join(inc, 'data'), path.join(cold, 'data'), { recursive: true });
    await build(cold, path.join(cold, 'data'), extra(inc));
    expect(await tree(path.join(inc, 'dist'))).toEqual(await tree(path.join(cold, 'dist')));
    return { log, dist: path.join(inc, 'dist') };
  }

  it('reuses every page when nothing changed', async () => {
    const { log } = await compare('same', async () => undefined);
    expect(rendered(log)).toBe(0);
    expect(reused(log)).toBe(total);
  }, 120_000);

  it('renders the changed entry again, and reuses pages that do not show it', async () => {
    const { log, dist } = await compare('changed', (data) =>
      edit(data, (lines) =>
        lines.map((l, i) =>
          i === 1 ? l.replace(';Sosialt entreprenørskap i velferdsstaten;', ';Sosialt entreprenørskap i velferdsstaten (ny utgave);') : l,
        ),
      ),
    );
    expect(await readFile(path.join(dist, 'bibliografi', 'tankesmien-agenda-2016', 'index.html'), 'utf8')).toContain('(ny utgave)');
    expect(rendered(log)).toBeGreaterThan(0);
    expect(reused(log)).toBeGreaterThan(0);
  }, 120_000);

  it('renders an added entry', async () => {
    const { log, dist } = await compare('added', (data) => edit(data, addRow));
    expect(await readFile(path.join(dist, 'bibliografi', 'tankesmien-agenda-2016-ny', 'index.html'), 'utf8')).toContain('Et nytt notat');
    expect(reused(log)).toBeGreaterThan(0);
  }, 120_000);

  it('drops the pages of a deleted entry', async () => {
    // Every shipped entry is cited somewhere, so the entry deleted is one added first.
    const root = path.join(work, 'deleted');
    const data = path.join(root, 'data');
    await cp(path.join(base, 'data'), data, { recursive: true });
    await edit(data, addRow);
    await build(root, data);
    expect(await readFile(path.join(root, 'dist', 'bibliografi', 'tankesmien-agenda-2016-ny', 'index.html'), 'utf8')).toContain(
      'Et nytt notat',
    );
    await cp(path.join(base, 'data'), data, { recursive: true });
    const log = await build(root, data);
    expect(reused(log)).toBeGreaterThan(0);
    expect(await tree(path.join(root, 'dist'))).toEqual(await tree(path.join(base, 'dist')));
  }, 120_000);

  it('renders every page again when a template changed', async () => {
    const site = (root: string) => path.join(root, 'project');
    const { log, dist } = await compare(
      'template',
      async (_data, root) => {
        // A copy of the project's site and configuration, with one template changed.
        await cp(path.join(PROJECT_ROOT, 'site'), path.join(site(root), 'site'), { recursive: true });
        await cp(path.join(PROJECT_ROOT, '.eleventy.js'), path.join(site(root), '.eleventy.js'));
        await cp(path.join(PROJECT_ROOT, 'package-lock.json'), path.join(site(root), 'package-lock.json'));
        await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(site(root), 'node_modules'));
        const include = path.join(site(root), 'site', '_includes', 'entry-page.njk');
        await writeFile(
          include,
          (await readFile(include, 'utf8')).replace('<h2 id="facts-heading">Opplysninger</h2>', '<h2 id="facts-heading">Fakta</h2>'),
        );
      },
      (root) => ({ siteRoot: site(root) }),
    );
    expect(await readFile(path.join(dist, 'bibliografi', 'tankesmien-agenda-2016', 'index.html'), 'utf8')).toContain('>Fakta</h2>');
    expect(rendered(log)).toBe(total);
  }, 120_000);

  it('renders the same bytes in several Eleventy processes as in one', async () => {
    const root = path.join(work, 'batched');
    await cp(path.join(base, 'data'), path.join(root, 'data'), { recursive: true });
    const log = await build(root, path.join(root, 'data'), { renderBatch: 7 });
    expect(log.find((l) => l.stage === 'Eleventy')!.detail).toMatch(/by \d+ processes/);
    expect(await tree(path.join(root, 'dist'))).toEqual(await tree(path.join(base, 'dist')));
  }, 120_000);

  it('renders everything when a page of the last good site was removed by hand', async () => {
    const inc = path.join(work, 'damaged');
    await cp(base, inc, { recursive: true });
    await rm(path.join(inc, 'dist', 'bibliografi', 'tankesmien-agenda-2016', 'index.html'));
    const log = await build(inc, path.join(inc, 'data'));
    expect(rendered(log)).toBe(total);
    expect(await tree(path.join(inc, 'dist'))).toEqual(await tree(path.join(base, 'dist')));
  }, 120_000);
});
