import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareInProcess } from '../../pipeline/build/data-process.ts';
import { WHOLE_UNIT } from '../../pipeline/build/render-plan.ts';
import type { StageLog } from '../../pipeline/run.ts';
import { copyData, FIXTURES } from '../helpers/fixtures.ts';

describe('the data stage in a process of its own', () => {
  let root: string;
  let work: string;
  beforeAll(async () => {
    ({ root } = await copyData(path.join(FIXTURES, 'site', 'data')));
    work = await mkdtemp(path.join(tmpdir(), 'kildebank-data-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  const options = (name: string, dataDir = path.join(root, 'data')) => ({
    dataDir,
    outDir: path.join(root, 'dist'),
    jsonDir: path.join(root, 'json'),
    stagedJson: path.join(work, name, 'json'),
    listDir: path.join(work, name, 'list'),
  });

  it('writes the JSON, reports each stage as it ends, returns the plan with its maps, and then the list', async () => {
    const stages: StageLog[] = [];
    const run = await prepareInProcess(options('ok'), (l) => stages.push(l));
    expect(run.prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(stages.map((s) => s.stage)).toEqual(['read and check', 'link', 'enrich', 'citations', 'JSON']);
    expect(run.prepared.log.map((s) => s.stage)).toEqual(stages.map((s) => s.stage));
    const plan = run.prepared.ready!.plan;
    expect(plan.fingerprints).toBeInstanceOf(Map);
    expect(plan.fingerprints.has(WHOLE_UNIT)).toBe(true);
    expect(plan.set.whole).toBe(true); // no last good site: everything renders
    expect(run.prepared.ready!.counts.entries).toBe(plan.set.sources.bibliography!.only!.length);
    expect(await readdir(path.join(work, 'ok', 'json'))).toContain('manifest.json');
    const list = await run.list;
    expect(list).toEqual(expect.arrayContaining([path.join('nedlasting', 'kildebank-apa.html')]));
    expect(await readdir(path.join(work, 'ok', 'list', 'nedlasting'))).toEqual(expect.arrayContaining(['kildebank-apa.html']));
  });

  it('returns the problems of data with errors, and no plan', async () => {
    const run = await prepareInProcess(options('errors', path.join(root, 'no-such-folder')));
    expect(run.prepared.ready).toBeUndefined();
    expect(run.prepared.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(await run.list).toEqual([]);
  });

  it('rejects with the reason when the stage fails, instead of hanging or crashing the build', async () => {
    // The staged JSON folder cannot be made: a file stands where its parent should be.
    const broken = { ...options('broken'), stagedJson: path.join(root, 'data', 'bibliografi.csv', 'json') };
    await expect(prepareInProcess(broken)).rejects.toThrow(/ENOTDIR|not a directory/);
  });
});
