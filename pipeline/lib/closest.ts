/** Suggest the known name closest to a misspelt one ("did you mean …?"). */

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('nb').trim();

/**
 * The closest candidate within a third of the name's length, if any; failing
 * that, the one candidate that begins with the name (a name cut short), or
 * the one that ends with it ('År' for 'Utgivelsesår').
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const near = nearest(name, candidates);
  if (near) return near;
  const folded = fold(name);
  const prefixed = folded.length >= 4 ? candidates.filter((c) => fold(c).startsWith(folded)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const suffixed = folded.length >= 2 ? candidates.filter((c) => fold(c).endsWith(folded)) : [];
  return suffixed.length === 1 ? suffixed[0] : undefined;
}

function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(fold(name), fold(c));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // A short name ('År') is within two edits of almost anything ('URL'): allow one edit there.
  const limit = name.length <= 3 ? 1 : Math.max(2, Math.ceil(name.length / 3));
  return bestDistance <= limit && bestDistance < name.length ? best : undefined;
}

/** `{ suggestion }` for a message's parameters when a close candidate exists, else nothing. */
export function suggestion(name: string, candidates: readonly string[]): { suggestion?: string } {
  const c = closest(name, candidates);
  return c === undefined ? {} : { suggestion: c };
}
