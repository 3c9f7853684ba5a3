/**
 * Synthetic data for the benchmark: a data folder in the real format (the CSV
 * columns of pipeline/model/columns.ts, a Zotero-style BibLaTeX file, Markdown
 * pages), generated from a fixed seed so every run builds the same site.
 *
 * For `size` entries: 90 % in bibliografi.csv and 10 % in a .bib file; a
 * glossary of a tenth the size; one organisation per twenty entries (at least
 * the fixed 20 + some municipalities); four introduction pages. Abstracts are
 * about 500 characters, types are mixed as in a real municipal library list,
 * about a quarter of the entries have a corporate author, and abstracts and
 * keywords use the glossary's terms, so the linking stage has real work.
 */
import { normaliseTitle } from '../pipeline/normalise/merge-bibliography.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BIBLIOGRAPHY_COLUMNS,
  GLOSSARY_COLUMNS,
  ORGANISATION_COLUMNS,
  type BibliographyField,
  type GlossaryField,
  type OrganisationField,
} from '../pipeline/model/columns.ts';
import type { PublicationType } from '../pipeline/model/publication-types.ts';
import { Random } from './random.ts';
import {
  ADJECTIVES,
  FAMILY_NAMES,
  FIXED_ORGANISATIONS,
  GENERAL_KEYWORDS,
  GIVEN_NAMES,
  MUNICIPALITIES,
  NOUNS,
  ORGANISATION_PATTERNS,
  ORGANISATION_STEMS,
  PLACES,
  REGIONS,
  SENTENCES,
  SERIES,
  SUBJECTS,
  TITLE_OPENINGS,
} from './vocabulary.ts';

export const BENCH_SEED = 20261126;

/** Share of each publication type, roughly as in a municipal library's list. */
const TYPE_WEIGHTS: Record<PublicationType, number> = {
  rapport: 40,
  notat: 12,
  hefte: 6,
  bok: 7,
  artikkel: 12,
  film: 3,
  strategi: 7,
  avtale: 3,
  nettside: 5,
  arrangement: 3,
  presentasjon: 2,
};

export interface GeneratedData {
  dataDir: string;
  bibFile: string;
  csvEntries: number;
  bibEntries: number;
  concepts: number;
  organisations: number;
  pages: number;
  /** The first CSV entry's title, which the rebuild benchmark changes. */
  firstTitle: string;
  /** Every entry's key. */
  keys: string[];
}

/** A CSV row by field name: typed by the file's columns, so a renamed field does not compile. */
type Row<F extends string = string> = Partial<Record<F, string>>;

/** A valid organisation number from eight digits: the ninth is the modulus-11 check digit (none is 10, so try the next). */
function orgNumber(eight: number): string {
  for (let n = eight; ; n++) {
    const digits = String(n).padStart(8, '0');
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${digits}${check}`;
  }
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function csvCell(value: string): string {
  return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A semicolon-separated CSV with a BOM and the given columns' headers, as Norwegian Excel saves it. */
function toCsv<F extends string>(columns: readonly { header: string; field: F }[], rows: Row<F>[]): string {
  const lines = [columns.map((c) => c.header).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.field] ?? '')).join(';'));
  return '\ufeff' + lines.join('\n') + '\n';
}

const usedIsbns = new Set<string>();
function isbn13(r: Random): string {
  let body: string;
  do body = `97882${String(r.int(0, 9999999)).padStart(7, '0')}`;
  while (usedIsbns.has(body));
  usedIsbns.add(body);
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0);
  const check = (10 - (sum % 10)) % 10;
  return `978-82-${body.slice(5, 9)}-${body.slice(9)}-${check}`;
}

function issn(r: Random): string {
  const digits = String(r.int(0, 9999999)).padStart(7, '0');
  const sum = [...digits].reduce((acc, ch, i) => acc + Number(ch) * (8 - i), 0);
  const c = (11 - (sum % 11)) % 11;
  return `${digits.slice(0, 4)}-${digits.slice(4)}${c === 10 ? 'X' : c}`;
}

function bibtexEscape(text: string): string {
  return text.replace(/([&%$#_])/g, '\\$1');
}

interface Org {
  id: string;
  name: string;
  shortName: string;
  type: string;
  place: string;
}
interface Concept {
  id: string;
  term: string;
  admitted: string[];
}

export async function generateData(root: string, size: number, seed = BENCH_SEED): Promise<GeneratedData> {
  const r = new Random(seed);
  usedIsbns.clear();
  const dataDir = path.join(root, 'data');
  await mkdir(path.join(dataDir, 'sider'), { recursive: true });

  // Organisations: the fixed national ones, municipalities, then generated names.
  const orgCount = Math.max(30, Math.round(size / 20));
  const orgs: Org[] = FIXED_ORGANISATIONS.map((o) => ({ ...o, shortName: o.shortName, place: r.pick(PLACES) }));
  const orgNames = new Set(orgs.map((o) => o.name));
  for (const m of MUNICIPALITIES) {
    if (orgs.length >= orgCount) break;
    orgs.push({ id: `${slug(m)}-kommune`, name: `${m} kommune`, shortName: '', type: 'kommune', place: m });
    orgNames.add(`${m} kommune`);
  }
  for (let i = 0; orgs.length < orgCount; i++) {
    const pattern = ORGANISATION_PATTERNS.filter((p) => p.type !== 'kommune')[i % (ORGANISATION_PATTERNS.length - 1)]!;
    const stem = ORGANISATION_STEMS[Math.floor(i / (ORGANISATION_PATTERNS.length - 1)) % ORGANISATION_STEMS.length]!;
    const round = Math.floor(i / ((ORGANISATION_PATTERNS.length - 1) * ORGANISATION_STEMS.length));
    const place = round === 0 ? '' : ` ${MUNICIPALITIES[(round - 1) % MUNICIPALITIES.length]}`;
    const name = `${pattern.name(stem)}${place}`;
    if (orgNames.has(name)) continue;
    orgNames.add(name);
    orgs.push({ id: slug(name), name, shortName: '', type: pattern.type, place: r.pick(PLACES) });
  }

  // Glossary terms: nouns, then adjective + noun, each used once.
  const conceptCount = Math.max(10, Math.round(size / 10));
  const terms: string[] = [];
  const usedTerms = new Set<string>();
  const candidates = [...NOUNS, ...ADJECTIVES.flatMap((a) => NOUNS.filter((n) => !n.includes(' ')).map((n) => `${a} ${n}`))];
  for (const t of r.sample(candidates, candidates.length)) {
    if (terms.length >= conceptCount) break;
    terms.push(t);
    usedTerms.add(t);
  }
  const concepts: Concept[] = terms.map((term) => {
    const admitted: string[] = [];
    const variant = `${term}sarbeid`;
    if (r.chance(0.1) && !usedTerms.has(variant)) {
      admitted.push(variant);
      usedTerms.add(variant);
    }
    return { id: slug(term), term, admitted };
  });

  // Bibliography drafts: the shape shared by the CSV rows and the BibTeX entries.
  const keys = new Set<string>();
  const titles = new Set<string>();
  const entries: Row<BibliographyField>[] = [];
  const sentence = (): string =>
    r
      .pick(SENTENCES)
      .replace('{place}', r.pick(MUNICIPALITIES))
      .replace('{place2}', r.pick(MUNICIPALITIES))
      .replace('{noun}', r.pick(concepts).term)
      .replace('{noun2}', r.pick(NOUNS))
      .replace('{adj}', r.pick(ADJECTIVES))
      .replace('{n}', String(r.int(3, 40)))
      .replace('{m}', String(r.int(2, 25)))
      .replace('{year}', String(r.int(2010, 2025)))
      .replace('{region}', r.pick(REGIONS))
      .replace('{org}', r.pick(orgs).name);
  const abstract = (): string => {
    const parts: string[] = [];
    while (parts.join(' ').length < 440) parts.push(sentence());
    let text = parts.join(' ');
    if (r.chance(0.08)) {
      const c = r.pick(concepts);
      text += ` Se også [${c.term}](begrep:${c.id}).`;
    }
    return text;
  };
  for (let i = 0; i < size; i++) {
    const type = r.weighted(TYPE_WEIGHTS);
    const year = r.int(1998, 2025);
    const corporate = ['rapport', 'strategi', 'avtale', 'nettside', 'notat', 'hefte'].includes(type) && r.chance(0.3);
    const corporateOrg = r.pick(orgs);
    const personCount = corporate
      ? 0
      : type === 'nettside' || type === 'avtale'
        ? 0
        : r.weighted({ 1: 30, 2: 30, 3: 20, 4: 10, 5: 5, 6: 3, 8: 2 } as Record<string, number>);
    const persons = Array.from({ length: Number(personCount) }, () => `${r.pick(FAMILY_NAMES)}, ${r.pick(GIVEN_NAMES)}`);
    let title = '';
    let subtitle = '';
    for (let attempt = 0; ; attempt++) {
      const topic = r.chance(0.5) ? r.pick(concepts).term : `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
      title = `${r.pick(TITLE_OPENINGS)} ${topic}${r.chance(0.3) ? ` i ${r.pick(MUNICIPALITIES)}` : ''}`;
      subtitle = r.chance(0.3) ? `En studie av ${r.pick(NOUNS)} i ${r.pick(REGIONS)}` : '';
      if (attempt > 5) subtitle = `Del ${attempt}`;
      // As the duplicate check compares works: a title that differs only in accents or punctuation is the same work,
      // and an entry of the .bib file has the type Kildebank reads back (a note written as @report is a report).
      const readType = i >= size - Math.round(size / 10) ? READ_BACK[BIBTEX_TYPES[type] ?? 'report']! : type;
      const norm = `${readType}|${normaliseTitle([title, subtitle].filter(Boolean).join(' '))}|${year}`;
      if (!titles.has(norm)) {
        titles.add(norm);
        break;
      }
    }
    const base = slug(corporate ? corporateOrg.shortName || corporateOrg.name : (persons[0]?.split(',')[0] ?? r.pick(orgs).name))
      .split('-')
      .slice(0, 3)
      .join('-');
    let key = `${base}-${year}`;
    for (let n = 2; keys.has(key); n++) key = `${base}-${year}-${n}`;
    keys.add(key);
    const publisher = corporate ? corporateOrg : r.pick(orgs);
    const series = ['rapport', 'notat'].includes(type) && r.chance(0.6) ? r.pick(SERIES) : undefined;
    const keywords = [...r.sample(concepts, r.int(1, 4)).map((c) => c.term), ...r.sample(GENERAL_KEYWORDS, r.int(0, 2))];
    const month = r.int(1, 12);
    const earlier = entries.length > 0 ? entries[r.int(0, entries.length - 1)]! : undefined;
    entries.push({
      key,
      type,
      title,
      subtitle,
      persons: persons.join('; '),
      corporateAuthors: corporate ? corporateOrg.name : '',
      year: String(year),
      date: r.chance(0.15)
        ? r.chance(0.5)
          ? `${year}-${String(month).padStart(2, '0')}`
          : `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
        : '',
      performers: ['rapport', 'notat'].includes(type) && !corporate && r.chance(0.5) ? r.pick(orgs).id : '',
      commissioners:
        ['rapport', 'notat'].includes(type) && r.chance(0.4)
          ? r
              .sample(orgs, r.int(1, 2))
              .map((o) => o.id)
              .join('; ')
          : '',
      publishers: type === 'artikkel' ? '' : publisher.id,
      place: type === 'artikkel' ? '' : publisher.place,
      series: series?.name ?? '',
      number: series ? series.number(year, r.int(1, 60)) : type === 'rapport' && r.chance(0.2) ? `R${r.int(1000, 9999)}` : '',
      isbn: ['rapport', 'bok', 'hefte'].includes(type) && r.chance(0.5) ? (r.chance(0.3) ? `${isbn13(r)}; ${isbn13(r)}` : isbn13(r)) : '',
      issn: series && r.chance(0.5) ? issn(r) : '',
      pages: r.chance(0.3) ? String(r.int(8, 320)) : '',
      language: r.weighted({ nb: 75, nn: 8, en: 12, sv: 3, da: 2 }),
      fullTextUrl: type === 'nettside' || r.chance(0.6) ? `https://www.${slug(publisher.name).slice(0, 20)}.no/publikasjoner/${key}/` : '',
      pdfUrl: r.chance(0.25) ? `https://www.${slug(publisher.name).slice(0, 20)}.no/globalassets/${key}.pdf` : '',
      doi: r.chance(0.2) ? `10.${r.int(1000, 99999)}/${key}` : '',
      handle: r.chance(0.05) ? `11250/${r.int(100000, 9999999)}` : '',
      abstract: r.chance(0.95) ? abstract() : '',
      keywords: keywords.join('; '),
      note: r.chance(0.25)
        ? earlier && r.chance(0.3)
          ? `${sentence()} Se også [en tidligere utgave](kilde:${earlier.key}).`
          : sentence()
        : '',
      dateAdded: `${r.int(2020, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    });
  }
  const bibCount = Math.round(size / 10);
  const csvRows = entries.slice(0, size - bibCount);
  const bibRows = entries.slice(size - bibCount);

  const conceptRows: Row<GlossaryField>[] = concepts.map((c) => ({
    id: c.id,
    termNb: c.term,
    termNn: c.term,
    termEn: '',
    admitted: c.admitted.join('; '),
    discouraged: '',
    definition: `${r.pick(['Arbeid med', 'Virksomhet som gjelder', 'Samlebetegnelse for tiltak innen', 'Måte å organisere'])} ${c.term} ${r.pick(['der kommunen samarbeider med sosiale entreprenører', 'med mål om å løse samfunnsutfordringer på nye måter', 'som skaper verdier for brukerne og lokalsamfunnet', 'i offentlig sektor og sivilsamfunnet'])}. ${sentence()}`,
    source: '',
    locator: '',
    sourceRelation: 'egendefinert',
    note: r.chance(0.3) ? sentence() : '',
    noteSource: '',
    example: r.chance(0.1) ? `Et eksempel er arbeidet i [${r.pick(orgs).name}](organisasjon:${r.pick(orgs).id}).` : '',
    related: '',
    broader: '',
    narrower: '',
    subject: r.pick(SUBJECTS),
    status: r.weighted({ godkjent: 80, utkast: 15, utgått: 5 }),
    sortKey: '',
  }));
  // Sources point at entries; relations go both ways.
  for (const row of conceptRows) {
    if (r.chance(0.3)) {
      row.source = r.pick(entries).key!;
      row.sourceRelation = 'basert på kilde';
    }
    if (row.note && r.chance(0.3)) row.noteSource = r.pick(entries).key!;
  }
  const rel = (row: Row<GlossaryField>, field: 'related' | 'broader' | 'narrower', id: string) => {
    const list = row[field] ? row[field]!.split('; ') : [];
    if (!list.includes(id)) list.push(id);
    row[field] = list.sort().join('; ');
  };
  conceptRows.forEach((row, i) => {
    if (i > 5 && r.chance(0.3)) {
      const parent = conceptRows[r.int(0, i - 1)]!;
      rel(row, 'broader', parent.id!);
      rel(parent, 'narrower', row.id!);
    } else if (i > 5 && r.chance(0.3)) {
      const other = conceptRows[r.int(0, i - 1)]!;
      rel(row, 'related', other.id!);
      rel(other, 'related', row.id!);
    }
  });

  const orgRows: Row<OrganisationField>[] = orgs.map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    type: o.type,
    website: r.chance(0.7) ? `https://www.${slug(o.name).slice(0, 24)}.no/` : '',
    orgNumber: r.chance(0.3) ? orgNumber(r.int(80000000, 99999999)) : '',
    place: o.place,
    note: r.chance(0.4) ? sentence() : '',
  }));

  await writeFile(path.join(dataDir, 'bibliografi.csv'), toCsv(BIBLIOGRAPHY_COLUMNS, csvRows));
  await writeFile(path.join(dataDir, 'begreper.csv'), toCsv(GLOSSARY_COLUMNS, conceptRows));
  await writeFile(path.join(dataDir, 'organisasjoner.csv'), toCsv(ORGANISATION_COLUMNS, orgRows));
  const bibFile = path.join(dataDir, 'zotero-eksport.bib');
  await writeFile(bibFile, toBibtex(bibRows, orgs));

  const pageTitles = ['Hva gjør sosiale entreprenører', 'Samarbeid med kommunen', 'Organisering og finansiering', 'Videre lesning'];
  for (const [i, title] of pageTitles.entries()) {
    const paragraphs = Array.from({ length: 6 }, () => {
      const e = r.pick(entries);
      const c = r.pick(concepts);
      const o = r.pick(orgs);
      return `${sentence()} Les mer i [${e.title}](kilde:${e.key}), om [${c.term}](begrep:${c.id}) og hos [${o.name}](organisasjon:${o.id}). ${sentence()}`;
    });
    await writeFile(
      path.join(dataDir, 'sider', `${String(i + 1).padStart(2, '0')}-${slug(title)}.md`),
      `# ${title}\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
  return {
    dataDir,
    bibFile,
    csvEntries: csvRows.length,
    bibEntries: bibRows.length,
    concepts: concepts.length,
    organisations: orgs.length,
    pages: pageTitles.length,
    firstTitle: csvRows[0]!.title!,
    keys: entries.map((e) => e.key!),
  };
}

/** The type Kildebank reads from each BibLaTeX entry type the generator writes (pipeline/model/publication-types.ts). */
const READ_BACK: Record<string, string> = {
  report: 'rapport',
  booklet: 'hefte',
  book: 'bok',
  article: 'artikkel',
  online: 'nettside',
  video: 'film',
};
const BIBTEX_TYPES: Record<string, string> = {
  rapport: 'report',
  notat: 'report',
  strategi: 'report',
  hefte: 'booklet',
  bok: 'book',
  artikkel: 'article',
  nettside: 'online',
  film: 'video',
};
const LANGIDS: Record<string, string> = { nb: 'norsk', nn: 'nynorsk', en: 'english', sv: 'swedish', da: 'danish' };

/** The entries as Zotero's BibLaTeX export writes them (types Kildebank reads from BibTeX only). */
function toBibtex(rows: Row<BibliographyField>[], orgs: Org[]): string {
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const out: string[] = [];
  for (const row of rows) {
    const type = BIBTEX_TYPES[row.type!] ?? 'report';
    const fields: Array<[string, string]> = [];
    const title = row.subtitle ? `${row.title}: ${row.subtitle}` : row.title!;
    fields.push(['title', title]);
    if (row.fullTextUrl) fields.push(['url', row.fullTextUrl]);
    if (row.number) fields.push(['number', row.number]);
    const publisher = row.publishers ? orgById.get(row.publishers)?.name : undefined;
    if (publisher) fields.push([type === 'report' ? 'institution' : 'publisher', publisher]);
    if (row.series) fields.push([type === 'report' ? 'type' : 'series', row.series]);
    if (row.place && type !== 'article') fields.push(['location', row.place]);
    if (type === 'article') fields.push(['journaltitle', 'Tidsskrift for velferdsforskning']);
    const authors = row.corporateAuthors ? `{${row.corporateAuthors}}` : row.persons ? row.persons.split('; ').join(' and ') : '';
    if (authors) fields.push(['author', authors]);
    fields.push(['date', row.date || row.year!]);
    if (row.language) fields.push(['langid', LANGIDS[row.language] ?? row.language]);
    if (row.doi) fields.push(['doi', row.doi]);
    if (row.isbn) fields.push(['isbn', row.isbn.split('; ')[0]!]);
    if (row.issn) fields.push(['issn', row.issn]);
    if (row.pages) fields.push(['pagetotal', row.pages]);
    if (row.abstract) fields.push(['abstract', row.abstract.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')]);
    if (row.keywords) fields.push(['keywords', row.keywords.split('; ').join(', ')]);
    if (row.note) fields.push(['note', row.note.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')]);
    out.push(`@${type}{${row.key},\n${fields.map(([k, v]) => `\t${k} = {${bibtexEscape(v)}},`).join('\n')}\n}\n`);
  }
  return out.join('\n');
}
