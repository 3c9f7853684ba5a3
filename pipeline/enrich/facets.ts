/**
 * Ways into the bibliography besides the full list: by type, by year, by
 * oppdragsutfører and by author, each in a stable order (Norwegian
 * alphabetical order for names).
 */
import { PUBLICATION_TYPES, publicationType } from '../model/publication-types.ts';
import { letterSlug, URLS } from '../model/urls.ts';
import { nameInverted } from '../model/facts.ts';
import type { Facets, LinkedEntry, Link, ListItem } from '../model/types.ts';
import { compareNb, indexLetter } from '../lib/collation.ts';

const NEWEST_IN_FEED = 50;
/** Oppdragsutførere in the bar chart (the table beside it lists all). */
const CHART_PERFORMERS = 15;

export function listItem(e: LinkedEntry): ListItem {
  const item: ListItem = { key: e.key, url: e.url, title: e.fullTitle, authors: e.authorsDisplay, typeLabel: e.typeLabel };
  if (e.year !== undefined) item.year = e.year;
  if (e.dateAdded !== undefined) item.dateAdded = e.dateAdded;
  return item;
}

type AuthorLetter = Facets['authorLetters'][number];

/**
 * Authors (in index order) grouped by their index letter, one page each: the groups in the order their first
 * author comes (a letter the collation files among another's, as É among E, is one group, after it).
 */
function byLetter(sorted: Array<{ id: string; name: string; sortKey: string; corporate: boolean; works: Link[] }>): AuthorLetter[] {
  const groups = new Map<string, AuthorLetter['authors']>();
  for (const { id, name, sortKey, corporate, works } of sorted) {
    const letter = indexLetter(sortKey);
    const group = groups.get(letter) ?? [];
    group.push({ id, name, corporate, works });
    groups.set(letter, group);
  }
  const slugs = new Map<string, string>();
  return [...groups].map(([letter, list]) => {
    const slug = letterSlug(letter);
    const other = slugs.get(slug);
    if (other !== undefined) throw new Error(`author index: the letters '${other}' and '${letter}' have the same page, ${slug}`);
    slugs.set(slug, letter);
    const works = new Set(list.flatMap((a) => a.works.map((w) => w.id))).size;
    return { letter, slug, url: URLS.authorLetter(letter), count: list.length, works, authors: list };
  });
}

/** `entries` in bibliography order. */
export function facets(entries: LinkedEntry[]): Omit<Facets, 'glossary'> {
  const types = PUBLICATION_TYPES.map((type) => {
    const items = entries.filter((e) => e.type === type).map((e) => listItem(e));
    return { id: type, label: publicationType(type).label, url: URLS.type(type), count: items.length, items };
  }).filter((t) => t.count > 0);

  const yearCounts = new Map<number | null, number>();
  for (const e of entries) yearCounts.set(e.year ?? null, (yearCounts.get(e.year ?? null) ?? 0) + 1);
  const years = [...yearCounts].map(([year, count]) => ({ year, count })).sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));

  const performerCounts = new Map<string, Link & { count: number }>();
  for (const e of entries) {
    for (const p of e.performers) {
      const current = performerCounts.get(p.id) ?? { ...p, count: 0 };
      current.count++;
      performerCounts.set(p.id, current);
    }
  }
  const performers = [...performerCounts.values()].sort(
    (a, b) => b.count - a.count || compareNb(a.label, b.label) || a.id.localeCompare(b.id),
  );

  const authors = new Map<string, { id: string; name: string; sortKey: string; corporate: boolean; works: Link[] }>();
  const addAuthor = (id: string, name: string, sortKey: string, corporate: boolean, e: LinkedEntry) => {
    const author = authors.get(id) ?? { id, name, sortKey, corporate, works: [] };
    author.works.push({ id: e.key, label: e.fullTitle, url: e.url });
    authors.set(id, author);
  };
  for (const e of entries) {
    for (const p of e.persons) {
      const name = nameInverted(p);
      addAuthor(`person:${name}`, name, `${p.family} ${p.given ?? ''}`, false, e);
    }
    for (const c of e.corporateAuthors) addAuthor(`corporate:${c}`, c, c, true, e);
  }
  const authorLetters = byLetter([...authors.values()].sort((a, b) => compareNb(a.sortKey, b.sortKey) || a.id.localeCompare(b.id)));

  const newest = entries
    .filter((e): e is LinkedEntry & { dateAdded: string } => e.dateAdded !== undefined)
    .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded) || a.key.localeCompare(b.key))
    .slice(0, NEWEST_IN_FEED)
    .map((e) => ({
      key: e.key,
      url: e.url,
      title: e.fullTitle,
      dateAdded: e.dateAdded.length === 4 ? `${e.dateAdded}-01-01` : e.dateAdded.length === 7 ? `${e.dateAdded}-01` : e.dateAdded,
      ...(e.abstract ? { summary: e.abstract.text } : {}),
    }));

  const list = entries.map((e) => listItem(e));
  const charts = {
    years: years.map((y) => ({ label: y.year === null ? 'Uten år' : String(y.year), count: y.count })),
    performers: performers.slice(0, CHART_PERFORMERS).map((p) => ({ label: p.label, count: p.count })),
  };
  return { list, charts, types, years, performers, authorLetters, newest };
}
