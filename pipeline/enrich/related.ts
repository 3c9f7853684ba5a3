/**
 * Related entries: the ones sharing the most concepts, keywords, series and
 * oppdragsutførere with an entry. Features shared by very many entries say
 * little and would make this quadratic, so they are left out.
 */
import type { Link, LinkedEntry } from '../model/types.ts';

const MAX_SHARED = 100;
const MAX_RELATED = 5;

function features(e: LinkedEntry): Array<[string, number]> {
  return [
    ...e.concepts.map((c): [string, number] => [`concept:${c.id}`, 2]),
    ...e.keywords.map((k): [string, number] => [`keyword:${k.toLocaleLowerCase('nb')}`, 1]),
    ...e.performers.map((p): [string, number] => [`performer:${p.id}`, 1]),
    ...(e.series ? [[`series:${e.series}`, 1] as [string, number]] : []),
  ];
}

/** Related entries for each entry, by key, best first; ties in bibliography order. */
export function relatedEntries(entries: LinkedEntry[]): Map<string, Link[]> {
  const featuresOf = entries.map(features);
  const postings = new Map<string, number[]>();
  featuresOf.forEach((list, i) => {
    for (const [f] of list) {
      const entriesWith = postings.get(f);
      if (entriesWith) entriesWith.push(i);
      else postings.set(f, [i]);
    }
  });
  // Scores of the entries that share a feature with the one at hand: reset after each entry, so no map per entry.
  const scores = new Float64Array(entries.length);
  const touched: number[] = [];
  const result = new Map<string, Link[]>();
  /** Whether entry a ranks before entry b: a higher score, or the same and earlier in the bibliography. */
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  entries.forEach((e, i) => {
    for (const [f, weight] of featuresOf[i]!) {
      const list = postings.get(f)!;
      if (list.length > MAX_SHARED) continue;
      for (const j of list) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j] = scores[j]! + weight;
      }
    }
    // The best few, in order, without sorting them all.
    const best: number[] = [];
    for (const j of touched) {
      if (best.length === MAX_RELATED && !before(j, best[MAX_RELATED - 1]!)) continue;
      let at = best.length === MAX_RELATED ? MAX_RELATED - 1 : best.length;
      while (at > 0 && before(j, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = j;
    }
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    result.set(
      e.key,
      best.map((j) => ({ id: entries[j]!.key, label: entries[j]!.fullTitle, url: entries[j]!.url })),
    );
  });
  return result;
}
