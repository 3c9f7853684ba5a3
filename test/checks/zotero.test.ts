/**
 * What Zotero saves from Kildebank, asked of Zotero's own translators with
 * ../shared/zotero/zotero-check (next to the project; see its README): every
 * entry page, the list pages (bibliography, a type, each letter of the authors, an
 * organisation, a concept's "brukt i"), and the three downloads, for the
 * shipped data and for a fixture with every publication type. Each entry must
 * arrive with the item type its row names and with every fact the channel can
 * carry; what a channel cannot carry is listed here and in docs/for-forskere.md.
 *
 * The tool needs root and a network namespace: when it is absent or exits 2
 * the test is skipped with a loud message; when it runs, wrong facts fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationType } from '../../pipeline/model/publication-types.ts';
import type { BibEntry } from '../../pipeline/model/types.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { FIXTURES, SHIPPED_DATA } from '../helpers/fixtures.ts';

const TOOL = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'zotero', 'zotero-check');

interface ZoteroItem {
  itemType: string;
  title: string;
  creators: Array<{ name?: string; lastName?: string; firstName?: string }>;
  tags: Array<{ tag: string }>;
  [field: string]: unknown;
}
interface Answer {
  target: string;
  status: number;
  items: ZoteroItem[];
  offered?: Record<string, unknown>;
}

let skipped: string | undefined;
function skip(reason: string) {
  skipped = reason;
  console.warn(`*** Zotero check SKIPPED: ${reason} ***`);
}

/** Run zotero-check; undefined (and a loud skip) when it cannot run here. */
function zoteroCheck(args: string[]): Answer[] | undefined {
  if (skipped) return undefined;
  if (!existsSync(TOOL)) {
    skip(`${TOOL} is absent`);
    return undefined;
  }
  // Not Vitest's NODE_ENV=test: translation-server would read its test configuration.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const out = spawnSync(TOOL, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  if (out.status === 2) {
    skip(`zotero-check cannot run here: ${out.stderr.trim()}`);
    return undefined;
  }
  expect(out.status, out.stderr).toBe(0);
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Answer);
}

type Channel = 'page' | 'list' | 'ris' | 'csljson' | 'bib';

/** Zotero's item type for an entry through a channel: the row's, except where BibLaTeX cannot say it. */
function expectedType(e: BibEntry, channel: Channel): string {
  const spec = publicationType(e.type);
  if (channel !== 'bib') return spec.zotero.itemType;
  const entry = spec.biblatex.entry === 'online' && !e.fullTextUrl && !e.doi ? 'misc' : spec.biblatex.entry;
  return { report: 'report', book: 'book', article: 'journalArticle', misc: 'document', online: 'webpage', unpublished: 'manuscript' }[
    entry
  ];
}

interface Fact {
  fact: string;
  value?: string;
  holds: (item: ZoteroItem) => boolean;
}

const digits = (s: string) => s.replace(/[^0-9X]/gi, '');

/** The facts of an entry that Zotero has fields for, each with the item's fields that may hold it. */
function facts(e: BibEntry): Fact[] {
  const field =
    (names: string[], value: string, norm: (s: string) => string = (s) => s) =>
    (item: ZoteroItem) =>
      names.some((n) => typeof item[n] === 'string' && norm(item[n] as string).includes(norm(value)));
  const list: Fact[] = [];
  list.push({ fact: 'title', value: e.fullTitle, holds: (i) => i.title === e.fullTitle });
  const names = (i: ZoteroItem) => i.creators.map((c) => c.name ?? [c.lastName, c.firstName].filter(Boolean).join(', '));
  for (const p of e.persons) {
    const n = p.given ? `${p.family}, ${p.given}` : p.family;
    list.push({ fact: 'creator', value: n, holds: (i) => names(i).includes(n) });
  }
  for (const c of e.corporateAuthors) list.push({ fact: 'creator', value: c, holds: (i) => i.creators.some((x) => x.name === c) });
  if (e.year) list.push({ fact: 'year', holds: field(['date'], String(e.year)) });
  if (e.csl.publisher) list.push({ fact: 'publisher', holds: field(['institution', 'publisher', 'distributor'], e.csl.publisher) });
  if (e.place) list.push({ fact: 'place', value: e.place, holds: field(['place'], e.place) });
  if (e.series) list.push({ fact: 'series', holds: field(['seriesTitle', 'series'], e.series) });
  if (e.number) list.push({ fact: 'number', value: e.number, holds: field(['reportNumber', 'seriesNumber', 'number'], e.number) });
  for (const [n, isbn] of e.isbn.entries())
    list.push({ fact: n === 0 ? 'ISBN' : 'further ISBN', holds: field(['ISBN', 'extra'], isbn, digits) });
  for (const issn of e.issn) list.push({ fact: 'ISSN', holds: field(['ISSN', 'extra'], issn, digits) });
  if (e.doi) list.push({ fact: 'DOI', holds: field(['DOI', 'extra'], e.doi) });
  if (e.fullTextUrl) list.push({ fact: 'URL', holds: field(['url'], e.fullTextUrl) });
  if (e.language) list.push({ fact: 'language', holds: field(['language'], e.language) });
  if (e.abstract) list.push({ fact: 'abstract', holds: (i) => typeof i.abstractNote === 'string' && i.abstractNote.length > 0 });
  for (const k of e.keywords) list.push({ fact: 'tag', value: k, holds: (i) => i.tags.some((t) => t.tag === k) });
  return list;
}

/**
 * What a channel cannot carry, as "fact" or "fact@zoteroType" (see docs/for-forskere.md): Embedded Metadata
 * empties the tags and has no tag for a report's series; openurl.js has no report number and reads '+' as a
 * space; a presentation has no publisher; CSL JSON import never makes tags; Zotero does not read `langid`,
 * @report has no ISBN/ISSN, @unpublished no publisher, @misc no series or number.
 */
const CANNOT: Record<Channel, string[]> = {
  page: ['tag', 'series@report', 'number@book', 'publisher@presentation'],
  list: ['number@report', 'number@book', 'further ISBN', 'publisher@presentation', 'title+'],
  ris: ['publisher@presentation'],
  csljson: ['tag', 'publisher@presentation'],
  bib: [
    'language',
    'series@report',
    'further ISBN',
    'ISBN@report',
    'ISSN@report',
    'ISSN@book',
    'publisher@manuscript',
    'series@document',
    'number@document',
  ],
};

interface Tally {
  kept: number;
  total: number;
  lost: string[];
}

/** Compare the items Zotero saved through a channel with the entries, in the entries' order. */
function check(entries: BibEntry[], items: ZoteroItem[], channel: Channel, tally: Record<Channel, Tally>, unexpected: string[]) {
  expect(items, channel).toHaveLength(entries.length);
  for (const [n, e] of entries.entries()) {
    const item = items[n]!;
    const type = expectedType(e, channel);
    expect(item.itemType, `${channel} ${e.key}`).toBe(type);
    expect(item.itemType, `${channel} ${e.key}`).not.toBe(e.type === 'artikkel' ? '' : 'journalArticle');
    tally[channel].total += 1;
    tally[channel].kept += 1;
    for (const f of facts(e)) {
      tally[channel].total += 1;
      if (f.holds(item)) {
        tally[channel].kept += 1;
        continue;
      }
      const allowed = CANNOT[channel];
      // Zotero's BibTeX import reads back no LaTeX form of \\ { } ~ ^, not even the one its own export writes.
      const latex = channel === 'bib' && /[\\{}~^]/.test(f.value ?? '');
      const known =
        latex ||
        allowed.includes(f.fact) ||
        allowed.includes(`${f.fact}@${item.itemType}`) ||
        (f.fact === 'title' && allowed.includes('title+') && e.fullTitle.includes('+'));
      tally[channel].lost.push(`${e.key} ${f.fact}`);
      if (!known) unexpected.push(`${channel}: ${e.key} lost ${f.fact} (${JSON.stringify(item)})`);
    }
  }
}

describe.each([
  ['the shipped data', SHIPPED_DATA],
  ['a fixture with every publication type', path.join(FIXTURES, 'every-type', 'data')],
])('Zotero saves every entry of %s', (_name, data) => {
  let site: BuiltSite;
  let answers: Answer[] | undefined;
  beforeAll(async () => {
    site = await buildInto(data);
    const d = site.dataset;
    const concept = d.glossary.find((c) => c.usedIn.length > 0);
    const org = d.organisations.find((o) => o.works.length > 0);
    const lists = [
      '/bibliografi/',
      ...d.facets.authorLetters.map((l) => l.url),
      d.facets.types[0]!.url,
      ...(org ? [org.url] : []),
      ...(concept ? [concept.url] : []),
    ];
    const pages = zoteroCheck(['web', site.dist, ...d.bibliography.map((e) => e.url), ...lists]);
    const files = zoteroCheck(['import', ...['ris', 'json', 'bib'].map((ext) => path.join(site.dist, 'nedlasting', `kildebank.${ext}`))]);
    answers = pages && files ? [...pages, ...files] : undefined;
  }, 900_000);
  afterAll(() => (site ? rm(site.root, { recursive: true, force: true }) : undefined));

  it('with the item type of its publication type and every fact each channel can carry', () => {
    if (!answers) return;
    const entries = site.dataset.bibliography;
    const tally = Object.fromEntries(
      (['page', 'list', 'ris', 'csljson', 'bib'] as const).map((c) => [c, { kept: 0, total: 0, lost: [] as string[] }]),
    ) as Record<Channel, Tally>;
    const unexpected: string[] = [];
    const byTarget = new Map(answers.map((a) => [a.target, a]));
    const pageItems = entries.map((e) => {
      const a = byTarget.get(e.url)!;
      expect(a.items, e.url).toHaveLength(1);
      return a.items[0]!;
    });
    check(entries, pageItems, 'page', tally, unexpected);
    const list = byTarget.get('/bibliografi/')!;
    expect(Object.keys(list.offered ?? {})).toHaveLength(entries.length);
    check(entries, list.items, 'list', tally, unexpected);
    for (const [channel, ext] of [
      ['ris', 'ris'],
      ['csljson', 'json'],
      ['bib', 'bib'],
    ] as const) {
      const a = answers.find((x) => x.target.endsWith(`kildebank.${ext}`))!;
      check(entries, a.items, channel, tally, unexpected);
    }
    // Every other list page offers each of its entries, as the type its row names.
    const d = site.dataset;
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const others: Array<[string, string[]]> = [
      ...d.facets.authorLetters.map((l): [string, string[]] => [l.url, l.authors.flatMap((a) => a.works.map((w) => w.id))]),
      [d.facets.types[0]!.url, d.facets.types[0]!.items.map((i) => i.key)],
      ...d.organisations
        .filter((o) => o.works.length > 0)
        .slice(0, 1)
        .map((o): [string, string[]] => [o.url, o.works.map((w) => w.id)]),
      ...d.glossary
        .filter((c) => c.usedIn.length > 0)
        .slice(0, 1)
        .map((c): [string, string[]] => [c.url, c.usedIn.map((u) => u.id)]),
    ];
    for (const [url, keys] of others) {
      const a = byTarget.get(url)!;
      expect(
        a.items.map((i) => i.itemType),
        url,
      ).toEqual(keys.map((k) => publicationType(byKey.get(k)!.type).zotero.itemType));
    }
    // The author index's letter pages (each checked above against its authors' works) together offer every entry
    // that has an author, each exactly once per author of it: as often as the entries name authors, no more.
    const perEntry = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const letterKeys = d.facets.authorLetters.flatMap((l) => l.authors.flatMap((a) => a.works.map((w) => w.id)));
    expect(perEntry(letterKeys)).toEqual(
      perEntry(entries.flatMap((e) => Array<string>(e.persons.length + e.corporateAuthors.length).fill(e.key))),
    );
    expect(d.facets.authorLetters.reduce((n, l) => n + byTarget.get(l.url)!.items.length, 0)).toBe(letterKeys.length);
    expect(unexpected).toEqual([]);
    console.log(
      `Zotero facts kept per channel (${_name}): ` +
        Object.entries(tally)
          .map(([c, t]) => `${c} ${t.kept}/${t.total}`)
          .join(', ') +
        '\n' +
        Object.entries(tally)
          .map(([c, t]) => `  lost through ${c}: ${t.lost.join('; ') || 'nothing'}`)
          .join('\n'),
    );
  });
});
