/**
 * BibTeX entries (as citation-js reads them) → bibliography drafts. Values
 * are checked with the same cell rules as the CSV, naming the BibTeX field.
 */
import { BIBLIOGRAPHY_COLUMNS, type BibliographyField, type PublicationType } from '../model/columns.ts';
import type { Person } from '../model/types.ts';
import { error, type Problem } from '../problems.ts';
import type { BibtexEntry } from '../read/bibtex.ts';
import { checkCell, splitList } from '../validate/cells.ts';
import type { BibDraft } from './drafts.ts';
import { withOptional } from '../with-optional.ts';

const TYPE_MAP: Record<string, PublicationType> = {
  report: 'rapport',
  techreport: 'rapport',
  book: 'bok',
  mvbook: 'bok',
  booklet: 'hefte',
  article: 'artikkel',
  online: 'nettside',
  www: 'nettside',
  electronic: 'nettside',
  movie: 'film',
  video: 'film',
};

type CslName = { family?: string; given?: string; literal?: string };

function names(csl: Record<string, unknown>): { persons: Person[]; corporate: string[] } {
  const persons: Person[] = [];
  const corporate: string[] = [];
  for (const n of (csl.author as CslName[] | undefined) ?? []) {
    if (n.literal) corporate.push(n.literal);
    else if (n.family) persons.push(n.given ? { family: n.family, given: n.given } : { family: n.family });
  }
  return { persons, corporate };
}

/** Organisation ids by lower-cased name and short name, to link publishers. */
export type OrganisationLookup = (name: string) => string | undefined;

export function bibDraftFromBibtex(entry: BibtexEntry, file: string, findOrganisation: OrganisationLookup): { draft?: BibDraft; problems: Problem[] } {
  const at = { file, line: entry.line, column: 1 };
  const problems: Problem[] = [];
  const csl = entry.csl;
  const type = TYPE_MAP[entry.type] ?? (entry.type === 'misc' && csl.URL ? 'nettside' : undefined);
  if (!type) {
    return { problems: [error('unknown-type', at, `The entry '${entry.key}' has type @${entry.type}, which Kildebank does not know. Use @report, @book, @booklet, @article, @online or @movie.`, 'type')] };
  }
  /** Check a BibTeX value with the rules of the matching CSV column. */
  const check = (field: BibliographyField, bibField: string, value: unknown): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    const spec = BIBLIOGRAPHY_COLUMNS.find((c) => c.field === field)!;
    const result = checkCell({ ...spec, header: bibField, required: false }, { value: String(value), line: entry.line, column: 1 }, file, entry.line);
    // BibLaTeX names languages (langid = {norwegian}); that is its normal form, not a slip.
    const relevant = result.problems.filter((p) => p.rule !== 'language-normalised');
    problems.push(...relevant.map((p) => ({ ...p, message: `Entry '${entry.key}': ${p.message}` })));
    return result.value;
  };
  const title = typeof csl.title === 'string' ? csl.title : '';
  if (title === '') problems.push(error('required-empty', at, `The entry '${entry.key}' has no title.`, 'title'));
  const key = check('key', 'key', entry.key);
  const { persons, corporate } = names(csl);
  const issued = (csl.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  const year = issued?.[0];
  const date = issued ? issued.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-') : undefined;
  const publisherNames: string[] = [];
  const publishers: string[] = [];
  for (const name of splitList(typeof csl.publisher === 'string' ? csl.publisher.replace(/ and /g, ';') : undefined)) {
    const id = findOrganisation(name);
    if (id) publishers.push(id);
    else publisherNames.push(name);
  }
  if (!key || title === '') return { problems };
  const draft: BibDraft = withOptional<BibDraft>(
    {
      key,
      type,
      title,
      persons,
      corporateAuthors: corporate,
      performers: [],
      commissioners: [],
      publishers,
      publisherNames,
      isbn: splitList(check('isbn', 'isbn', csl.ISBN)),
      issn: splitList(check('issn', 'issn', csl.ISSN)),
      keywords: splitList(typeof csl.keyword === 'string' ? csl.keyword.replace(/,/g, ';') : undefined),
      sources: [{ file, line: entry.line }],
      at: {},
    },
    {
      subtitle: entry.fields.subtitle,
      year: year !== undefined ? Number(check('year', 'year', year)) || undefined : undefined,
      date: date && date.length > 4 ? check('date', 'date', date) : undefined,
      place: csl['publisher-place'] as string | undefined,
      // A report's BibLaTeX `type` ("TemaNord") names its series when no series is given.
      series: (csl['collection-title'] as string | undefined) ?? entry.fields.series ?? (type === 'rapport' ? (csl.genre as string | undefined) : undefined),
      number: (csl.number as string | undefined) ?? (csl['collection-number'] as string | undefined),
      pages: (csl['number-of-pages'] as string | undefined) ?? entry.fields.pagetotal,
      language: check('language', 'langid', csl.language),
      url: check('url', 'url', csl.URL),
      doi: check('doi', 'doi', csl.DOI),
      abstract: check('abstract', 'abstract', csl.abstract),
      note: check('note', 'note', csl.note),
    },
  );
  for (const field of Object.keys(draft) as Array<keyof BibDraft>) {
    if (field !== 'at' && field !== 'sources') draft.at[field] = { ...at, field };
  }
  return { draft, problems };
}
