/**
 * The citation stage starts on the linked dataset and completes on the
 * enriched one (pipeline/run.ts): the references are formatted while enrich
 * runs, and added to the enriched entries.
 */
import { describe, expect, it } from 'vitest';
import type { Citing, Dataset, LinkedDataset } from '../../pipeline/model/types.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

describe('the citation stage around enrich', () => {
  it('starts before enrich with the CSL items, completes after it, and logs its stage after enrich', async () => {
    const calls: string[] = [];
    let started: LinkedDataset | undefined;
    let completed: Dataset | undefined;
    const cite = async (linked: LinkedDataset): Promise<Citing> => {
      started = linked;
      calls.push('start');
      return {
        complete: async (enriched) => {
          completed = enriched;
          calls.push('complete');
          return { dataset: enriched };
        },
        cancel: async () => void calls.push('cancel'),
      };
    };
    const result = await runPipeline(SHIPPED_DATA, { cite });
    expect(calls).toEqual(['start', 'complete']);
    expect(started!.bibliography.every((e) => typeof e.csl.id === 'string')).toBe(true);
    // The enriched dataset: the same entries, with what enrich adds.
    expect(completed!.bibliography.map((e) => e.key)).toEqual(started!.bibliography.map((e) => e.key));
    expect(completed!.facets).toBeDefined();
    expect(result.dataset).toBe(completed);
    expect(result.log.map((l) => l.stage)).toEqual(['read and check', 'link', 'enrich', 'citations']);
  });
});
