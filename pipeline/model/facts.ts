/**
 * Facts derived from a record's fields, computed here once for every output
 * that shows them: the full title, the date as written, and the two ways a
 * person's name is written.
 */
import type { PersonName } from './columns.ts';

/** "Title: Subtitle", or the title alone. */
export const fullTitle = (r: { title: string; subtitle?: string | undefined }): string =>
  r.subtitle ? `${r.title}: ${r.subtitle}` : r.title;

/** The most precise date known, as YYYY, YYYY-MM or YYYY-MM-DD. */
export const dateString = (r: { date?: string | undefined; year?: number | undefined }): string | undefined =>
  r.date ?? (r.year !== undefined ? String(r.year) : undefined);

/** "Loga, Jill M." — family name first, as catalogues and reference lists sort it. */
export const nameInverted = (p: PersonName): string => (p.given ? `${p.family}, ${p.given}` : p.family);

/** "Jill M. Loga" — as the name is read. */
export const nameDisplay = (p: PersonName): string => [p.given, p.family].filter(Boolean).join(' ');
