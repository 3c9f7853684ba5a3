/** Norwegian alphabetical order (Æ, Ø, Å after Z; "Aa" as Å). */

export const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export const compareNb = (a: string, b: string) => collator.compare(a, b);

/** The index letter a sort key files under. */
export function indexLetter(sortKey: string): string {
  const s = sortKey.trim();
  if (/^aa/i.test(s)) return 'Å';
  const first = s.charAt(0).toLocaleUpperCase('nb');
  return /\p{L}/u.test(first) ? first : '#';
}
