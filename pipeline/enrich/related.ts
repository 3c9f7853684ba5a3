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
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const [f] of features(e)) {
      const list = postings.get(f);
      if (list) list.push(i);
      else postings.set(f, [i]);
    }
  });
  const result = new Map<string, Link[]>();
  entries.forEach((e, i) => {
    const scores = new Map<number, number>();
    for (const [f, weight] of features(e)) {
      const list = postings.get(f)!;
      if (list.length > MAX_SHARED) continue;
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_RELATED);
    result.set(
      e.key,
      best.map(([j]) => ({ id: entries[j]!.key, label: entries[j]!.fullTitle, url: entries[j]!.url })),
    );
  });
  return result;
}
