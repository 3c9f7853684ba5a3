/**
 * Related entries: compared, on random bibliographies, with the plain
 * definition (score every other entry by the features it shares, sort them
 * all, keep the best five).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relatedEntries } from '../../pipeline/enrich/related.ts';
import type { LinkedEntry } from '../../pipeline/model/types.ts';

/** The definition: weights 2 for a concept, 1 for a keyword (any case), oppdragsutfører or series; features of more than 100 entries left out. */
function reference(entries: LinkedEntry[]): Map<string, string[]> {
  const features = (e: LinkedEntry): Array<[string, number]> => [
    ...e.concepts.map((c): [string, number] => [`concept:${c.id}`, 2]),
    ...e.keywords.map((k): [string, number] => [`keyword:${k.toLocaleLowerCase('nb')}`, 1]),
    ...e.performers.map((p): [string, number] => [`performer:${p.id}`, 1]),
    ...(e.series ? [[`series:${e.series}`, 1] as [string, number]] : []),
  ];
  const count = new Map<string, number>();
  for (const e of entries) for (const [f] of features(e)) count.set(f, (count.get(f) ?? 0) + 1);
  return new Map(
    entries.map((e, i) => {
      const scores = entries.map((other, j) => {
        if (j === i) return 0;
        const theirs = features(other);
        let score = 0;
        for (const [f, weight] of features(e)) if (count.get(f)! <= 100) score += weight * theirs.filter(([g]) => g === f).length;
        return score;
      });
      const ranked = scores
        .map((score, j) => ({ score, j }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.j - b.j);
      return [e.key, ranked.slice(0, 5).map((s) => entries[s.j]!.key)];
    }),
  );
}

const link = (id: string) => ({ id, label: id, url: `/${id}/` });
const entry = fc.record({
  concepts: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 2 }),
  keywords: fc.array(fc.constantFrom('Kommune', 'kommune', 'velferd', 'innovasjon', 'ungdom', 'bolig'), { maxLength: 3 }),
  performers: fc.uniqueArray(fc.constantFrom('nibr', 'ks', 'sintef'), { maxLength: 2 }),
  series: fc.option(fc.constantFrom('TemaNord', 'NIBR-rapport'), { nil: undefined }),
});

describe('relatedEntries', () => {
  it('ranks as scoring and sorting every other entry does', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 130 }), (records) => {
        const entries = records.map(
          (r, i) =>
            ({
              key: `e${i}`,
              fullTitle: `Tittel ${i}`,
              url: `/kilder/e${i}/`,
              concepts: r.concepts.map(link),
              keywords: r.keywords,
              performers: r.performers.map(link),
              ...(r.series ? { series: r.series } : {}),
            }) as unknown as LinkedEntry,
        );
        const related = relatedEntries(entries);
        const expected = reference(entries);
        for (const e of entries) expect(related.get(e.key)!.map((l) => l.id)).toEqual(expected.get(e.key));
      }),
      { numRuns: 150 },
    );
  });
});
