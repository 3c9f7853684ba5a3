/** The site's URLs of records and lists, as the pipeline writes them into the data (the site makes them relative). */
import type { PublicationType } from './publication-types.ts';

/** Index letters (pipeline/lib/collation.ts indexLetter) whose slug is not the letter in lower case. */
const LETTER_SLUGS: Readonly<Record<string, string>> = { Æ: 'ae', Ø: 'oe', Å: 'aa', '#': 'andre' };

/**
 * The folder name of an index letter's page: ASCII only, so it needs no percent-encoding and is safe as a folder
 * name anywhere, and stable (it depends on the letter alone, never on what else the index holds). A–Z are the
 * letter in lower case ('a' … 'z'); Æ, Ø, Å are 'ae', 'oe', 'aa'; the catch-all '#' (names that begin with no
 * letter: digits, punctuation) is 'andre'; any other letter (É, Ü, Þ, …, which indexLetter keeps apart from E, U, …)
 * is 'u' and its code points in hex, joined by '-' ('É' → 'u00c9'). The forms cannot collide: one character,
 * two of ae/oe/aa, 'andre', and 'u' followed by hex digits (at least four).
 */
export function letterSlug(letter: string): string {
  const known = LETTER_SLUGS[letter];
  if (known !== undefined) return known;
  if (/^[A-Z]$/.test(letter)) return letter.toLowerCase();
  return `u${[...letter].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('-')}`;
}

export const URLS = {
  entry: (key: string) => `/bibliografi/${key}/`,
  concept: (id: string) => `/begrep/${id}/`,
  organisation: (id: string) => `/organisasjon/${id}/`,
  page: (slug: string) => `/tema/${slug}/`,
  type: (type: PublicationType) => `/bibliografi/type/${type}/`,
  /** The author index (its letters), and one letter's page of it. */
  authors: () => '/bibliografi/forfattere/',
  authorLetter: (letter: string) => `/bibliografi/forfattere/${letterSlug(letter)}/`,
};
