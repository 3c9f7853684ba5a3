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
  beforeAll(async () => {
    ({ root } = await copyData(path.join(FIXTURES, 'site', 'data')));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const options = (stagedJson: string, dataDir = path.join(root, 'data')) => ({
    dataDir,
    outDir: path.join(root, 'dist'),
    jsonDir: path.join(root, 'json'),
    stagedJson,
  });

  it('writes the JSON with the whole list, reports each stage as it ends, and returns the plan with its maps', async () => {
    const staged = await mkdtemp(path.join(tmpdir(), 'kildebank-data-'));
    const stages: StageLog[] = [];
    const prepared = await prepareInProcess(options(staged), (l) => stages.push(l));
    expect(prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(stages.map((s) => s.stage)).toEqual(['read and check', 'link', 'enrich', 'citations', 'JSON', 'reference list']);
    expect(prepared.log.map((s) => s.stage)).toEqual(stages.map((s) => s.stage));
    const plan = prepared.ready!.plan;
    expect(plan.fingerprints).toBeInstanceOf(Map);
    expect(plan.fingerprints.has(WHOLE_UNIT)).toBe(true);
    expect(plan.set.whole).toBe(true); // no last good site: everything renders
    expect(prepared.ready!.counts.entries).toBe(plan.set.sources.bibliography!.only!.length);
    expect(await readdir(path.join(staged, 'nedlasting'))).toEqual(expect.arrayContaining(['kildebank-apa.html']));
    await rm(staged, { recursive: true, force: true });
  });

  it('returns the problems of data with errors, and no plan', async () => {
    const staged = await mkdtemp(path.join(tmpdir(), 'kildebank-data-'));
    const prepared = await prepareInProcess(options(staged, path.join(root, 'no-such-folder')));
    expect(prepared.ready).toBeUndefined();
    expect(prepared.problems.some((p) => p.severity === 'error')).toBe(true);
    await rm(staged, { recursive: true, force: true });
  });

  it('rejects with the reason when the stage fails, instead of hanging or crashing the build', async () => {
    // The staged JSON folder cannot be made: a file stands where its parent should be.
    const staged = path.join(root, 'data', 'bibliografi.csv', 'json');
    await expect(prepareInProcess(options(staged))).rejects.toThrow(/ENOTDIR|not a directory/);
  });
});
