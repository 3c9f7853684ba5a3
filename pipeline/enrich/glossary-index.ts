/**
 * The A–Å index of the glossary: every concept under its preferred term, and
 * every admitted term as a "se …" pointer to its concept, in Norwegian
 * alphabetical order, grouped by index letter.
 */
import type { Concept, GlossaryIndex } from '../model/types.ts';
import { compareNb, indexLetter } from '../lib/collation.ts';

export function glossaryIndex(concepts: Concept[]): GlossaryIndex {
  const rows = concepts.flatMap((c) => [
    { term: c.termNb, sortKey: c.sortKey, url: c.url, conceptId: c.id },
    ...c.admitted.map((term) => ({ term, sortKey: term, url: c.url, conceptId: c.id, see: c.termNb })),
  ]);
  rows.sort((a, b) => compareNb(a.sortKey, b.sortKey) || compareNb(a.term, b.term) || a.conceptId.localeCompare(b.conceptId));
  const letters: GlossaryIndex = [];
  for (const { sortKey, ...row } of rows) {
    const letter = indexLetter(sortKey);
    const last = letters[letters.length - 1];
    if (last?.letter === letter) last.items.push(row);
    else letters.push({ letter, items: [row] });
  }
  return letters;
}
