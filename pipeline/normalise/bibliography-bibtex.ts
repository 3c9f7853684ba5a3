/**
 * BibTeX entries (as citation-js reads them) → bibliography drafts. Values
 * are checked with the same cell rules as the CSV, naming the BibTeX field
 * and the line it stands on.
 */
import { BIBLIOGRAPHY_COLUMNS, type BibliographyField } from '../model/columns.ts';
import { publicationType, typeOfBibtexEntry } from '../model/publication-types.ts';
import type { Person } from '../model/types.ts';
import { error, inRecord, warning, type Position, type Problem } from '../model/problems.ts';
import { decodeValue, type BibtexEntry } from '../read/bibtex.ts';
import { checkCell, splitList } from '../check/cells.ts';
import type { BibDraft } from '../model/drafts.ts';
import { withOptional } from '../lib/with-optional.ts';

type CslName = { family?: unknown; given?: unknown; literal?: unknown };

/** A CSL value as text, or undefined when it is missing or not text-like. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function names(csl: Record<string, unknown>): { persons: Person[]; corporate: string[] } {
  const persons: Person[] = [];
  const corporate: string[] = [];
  const list = Array.isArray(csl.author) ? (csl.author as CslName[]) : [];
  for (const n of list) {
    if (!n || typeof n !== 'object') continue;
    const literal = text(n.literal);
    const family = text(n.family);
    const given = text(n.given);
    if (literal) corporate.push(literal);
    else if (family) persons.push(given ? { family, given } : { family });
    else if (given) corporate.push(given);
  }
  return { persons, corporate };
}

/** Organisation ids by lower-cased name and short name, to link publishers. */
export type OrganisationLookup = (name: string) => string | undefined;

/** The BibTeX field a draft field comes from, for positions and messages. */
const BIB_FIELD: Partial<Record<string, string[]>> = {
  title: ['title'],
  subtitle: ['subtitle'],
  persons: ['author'],
  corporateAuthors: ['author'],
  year: ['date', 'year'],
  date: ['date', 'year'],
  publishers: ['publisher', 'institution', 'organization'],
  publisherNames: ['publisher', 'institution', 'organization'],
  place: ['location', 'address'],
  series: ['series', 'type'],
  number: ['number'],
  isbn: ['isbn'],
  issn: ['issn'],
  pages: ['pagetotal', 'pages'],
  language: ['langid', 'language'],
  fullTextUrl: ['url'],
  accessed: ['urldate'],
  doi: ['doi'],
  abstract: ['abstract'],
  keywords: ['keywords'],
  note: ['note'],
};

/** A CSL date (BibLaTeX `urldate` as citation-js reads it) as the date column writes it: YYYY, YYYY-MM or YYYY-MM-DD. */
function isoDate(value: unknown): string | undefined {
  const parts = (value as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  if (!Array.isArray(parts) || parts.length === 0 || !parts.every((n) => typeof n === 'number' || typeof n === 'string')) return undefined;
  return parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
}

/**
 * A LaTeX command citation-js could not decode, named as it was written in the
 * file (decoding turns `\\mbox{r}` into `\\mboxr`).
 */
function latexCommand(raw: string | undefined, decoded: string): string {
  const written = [...(raw ?? '').matchAll(/\\[a-zA-Z]+/g)].map((m) => m[0]).find((cmd) => decoded.includes(cmd));
  return written ?? /\\[a-zA-Z]+|\\./.exec(decoded)?.[0] ?? '\\';
}

/** Several ISBNs in one BibTeX field, separated by commas or spaces, as the CSV's '; '. */
function isbnList(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = value
    .split(/[;,]|\s+(?=[\dX-]{10,})/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.every((p) => p.replace(/[^\dX]/gi, '').length >= 10) ? parts.join('; ') : value;
}

export function bibDraftFromBibtex(
  entry: BibtexEntry,
  file: string,
  findOrganisation: OrganisationLookup,
): { draft?: BibDraft; problems: Problem[] } {
  const record = entry.key ? { record: { column: 'key', id: entry.key } } : {};
  const start: Position = { file, line: entry.line, column: 1, ...record };
  /** Where a BibTeX field stands, or the entry's first line. */
  const positionOf = (bibFields: string[]): Position & { field: string } => {
    const found = bibFields.find((f) => entry.positions[f]);
    return {
      file,
      ...(found ? entry.positions[found]! : { line: start.line, column: start.column }),
      ...record,
      field: found ?? bibFields[0]!,
    };
  };
  const problems: Problem[] = [];
  const csl = entry.csl;
  const url = text(csl.URL);
  const type = typeOfBibtexEntry(entry.type, url !== undefined);
  if (!type) {
    return {
      problems: [error('unknown-type', start, { variant: 'bib', key: entry.key, type: entry.type }, 'type')],
    };
  }
  /** Check a BibTeX value with the rules of the matching CSV column. */
  const check = (field: BibliographyField, bibFields: string[], value: unknown): string | undefined => {
    const spec = BIBLIOGRAPHY_COLUMNS.find((c) => c.field === field)!;
    const raw = text(value);
    // BibTeX reads a line break inside a value as a space, except in Markdown-like long text.
    const v = raw !== undefined && spec.kind !== 'markdown' ? raw.replace(/[ \t]*\n\s*/g, ' ') : raw;
    if (v === undefined) return undefined;
    const at = positionOf(bibFields);
    const result = checkCell({ ...spec, header: at.field, required: false }, { value: v, line: at.line, column: at.column }, file, at.line);
    // BibLaTeX names languages (langid = {norwegian}); that is its normal form, not a slip.
    const relevant = result.problems.filter((p) => p.rule !== 'language-normalised');
    problems.push(
      ...relevant.map((p) => {
        const placed = p.rule === 'latex-leftover' ? { ...p, params: { command: latexCommand(entry.fields[at.field], v), bib: true } } : p;
        return inRecord(placed, undefined, record.record);
      }),
    );
    return result.value;
  };

  if (entry.key === '') {
    problems.push(error('invalid-id', start, { variant: 'bib-no-key' }, 'key'));
    return { problems };
  }
  const key = check('key', ['key'], entry.key);
  // Title and subtitle decoded one by one: citation-js joins them in `title`.
  const rawTitle = entry.fields.title;
  const title = check('title', ['title'], rawTitle !== undefined ? decodeValue(rawTitle, 'title') : undefined) ?? '';
  if (title === '') problems.push(error('required-empty', positionOf(['title']), { variant: 'bib' }, 'title'));
  const subtitle =
    entry.fields.subtitle !== undefined ? check('subtitle', ['subtitle'], decodeValue(entry.fields.subtitle, 'subtitle')) : undefined;
  const { persons, corporate } = names(csl);
  // Kildebank records authors only: say so rather than drop editors without a word.
  if (Array.isArray(csl.editor) && csl.editor.length > 0) {
    const at = positionOf(['editor']);
    problems.push(warning('editor-ignored', at, { plural: csl.editor.length > 1 }, 'editor'));
  }
  if (entry.fields.author !== undefined) {
    const authorNames = [...persons.map((p) => [p.given, p.family].filter(Boolean).join(' ')), ...corporate].join('; ');
    check('corporateAuthors', ['author'], authorNames);
  }

  // The date: `date` (BibLaTeX) or `year`, checked like the CSV's Dato and Utgivelsesår.
  const issued = csl.issued as { 'date-parts'?: unknown[][]; literal?: unknown } | undefined;
  const parts = Array.isArray(issued?.['date-parts']?.[0]) ? issued!['date-parts']![0]!.map((p) => String(p)) : undefined;
  let year: number | undefined;
  let date: string | undefined;
  const rejected: string[] = [];
  if (parts && parts.length > 0) {
    const y = check('year', ['date', 'year'], parts[0]);
    year = y !== undefined ? Number(y) : undefined;
    if (y === undefined) rejected.push('year');
    if (parts.length > 1 && y !== undefined)
      date = check('date', ['date', 'year'], parts.map((p, i) => (i === 0 ? p : p.padStart(2, '0'))).join('-'));
  } else if (issued?.literal !== undefined || entry.fields.date !== undefined || entry.fields.year !== undefined) {
    const written = text(issued?.literal) ?? entry.fields.date ?? entry.fields.year ?? '';
    const at = positionOf(['date', 'year']);
    problems.push(error('invalid-year', at, { variant: 'bib', value: written, field: at.field }, at.field));
    rejected.push('year');
  }

  const publisherNames: string[] = [];
  const publishers: string[] = [];
  for (const name of splitList(text(csl.publisher)?.replace(/ and /g, ';'))) {
    const id = findOrganisation(name);
    if (id) publishers.push(id);
    else publisherNames.push(name);
  }
  if (!key || title === '') return { problems };
  const keywordText = text(csl.keyword);
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
      isbn: splitList(check('isbn', ['isbn'], isbnList(text(csl.ISBN)))),
      issn: splitList(check('issn', ['issn'], csl.ISSN)),
      keywords: splitList(keywordText?.replace(/,/g, ';')),
      sources: [{ file, line: entry.line }],
      at: {},
      ...(rejected.length > 0 ? { rejected } : {}),
    },
    {
      subtitle,
      year,
      date,
      place: check('place', ['location', 'address'], csl['publisher-place']),
      // A report's BibLaTeX `type` ("TemaNord") names its series when no series is given.
      series: check(
        'series',
        ['series', 'type'],
        text(csl['collection-title']) ??
          (entry.fields.series !== undefined ? decodeValue(entry.fields.series, 'series') : undefined) ??
          (publicationType(type).bibtex.typeIsSeries ? text(csl.genre) : undefined),
      ),
      number: check('number', ['number'], text(csl.number) ?? text(csl['collection-number'])),
      pages: check('pages', ['pagetotal', 'pages'], text(csl['number-of-pages']) ?? entry.fields.pagetotal ?? text(csl.page)),
      language: check('language', ['langid', 'language'], csl.language),
      fullTextUrl: check('fullTextUrl', ['url'], url),
      accessed: check('accessed', ['urldate'], isoDate(csl.accessed)),
      doi: check('doi', ['doi'], csl.DOI),
      abstract: check('abstract', ['abstract'], csl.abstract),
      note: check('note', ['note'], csl.note),
    },
  );
  for (const field of Object.keys(draft) as Array<keyof BibDraft>) {
    if (field === 'at' || field === 'sources' || field === 'rejected') continue;
    draft.at[field] = field === 'key' ? { ...start, field: 'key' } : positionOf(BIB_FIELD[field] ?? [field]);
  }
  return { draft, problems };
}
