/**
 * Property-based tests: whatever a librarian (or a spreadsheet, or a text
 * editor) does to the files, the pipeline never throws — it only reports, and
 * every problem it reports points at a real place in a real file with a known
 * severity and a rule id.
 *
 * The inputs are random CSV and BibTeX, and mutations of the fixture site's
 * files: characters deleted, inserted and doubled (quotes, delimiters, line
 * breaks, invisible characters), random bytes, and other encodings.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, type Drafts } from '../../pipeline/normalise/ingest.ts';
import {
  BIBLIOGRAPHY_COLUMNS,
  CONCEPT_STATUSES,
  DEFINITION_COLUMNS,
  GLOSSARY_COLUMNS,
  ORGANISATION_COLUMNS,
  ORGANISATION_TYPES,
  SOURCE_RELATIONS,
  type ColumnSpec,
} from '../../pipeline/model/columns.ts';
import { PUBLICATION_TYPES } from '../../pipeline/model/publication-types.ts';
import type { Problem } from '../../pipeline/model/problems.ts';
import { readBibtex } from '../../pipeline/read/bibtex.ts';
import { parseCsv } from '../../pipeline/read/csv.ts';
import { decodeText } from '../../pipeline/read/decode.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { DOI_PATTERN, isHttpUrl, isIsoDate, isPlausibleYear, isValidIsbn, isValidIssn } from '../../pipeline/lib/identifiers.ts';
import { LANGUAGE_LABELS } from '../../pipeline/check/languages.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const SITE = path.join(FIXTURES, 'site', 'data');
const fixture = (name: string) => readFileSync(path.join(SITE, name));
const BIBLIOGRAPHY = fixture('bibliografi.csv');
const GLOSSARY = fixture('begreper.csv');
const ORGANISATIONS = fixture('organisasjoner.csv');
const EXTRA_BIB = fixture('ekstra.bib');

/** A richer BibTeX file to mutate: macros, both delimiters, quotes, LaTeX, a corporate author. */
const RICH_BIB = Buffer.from(`@string{nmr = {Nordisk ministerr{\\aa}d}}
@comment{jabref-meta: databaseType:biblatex;}

@report{nordic-council-2015,
\ttitle = {Social entrepreneurship and social innovation},
\tsubtitle = {Initiatives in the {Nordic} countries},
\tinstitution = nmr,
\tauthor = {{Nordic Council of Ministers} and M{\\o}ller, Per},
\tdate = {2015-06},
\tlangid = {english},
\tdoi = {10.6027/TN2015-562},
\tisbn = {978-92-893-4293-3},
\tabstract = {Tre funn: a) x, b) y; og (n = 120) svar.},
\tkeywords = {sosial innovasjon, sosiale entreprenører},
}

@book(berg-2019, title = "Kommunen som {partner}", author = "Berg, {\\AA}se", year = 2019, publisher = {Forskningsinstituttet})

@online{padriv, title = {P{\\aa}driv}, url = {https://paadriv.no/}, year = {2017}}
`);

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Where the pipeline's problems may point: the data folder's name and a file in it. */
function checkProblems(problems: Problem[], files: Record<string, Uint8Array>): void {
  for (const p of problems) {
    const where = JSON.stringify(p);
    expect(typeof p.file, where).toBe('string');
    expect(p.file.startsWith('data'), where).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1, where).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, where).toBe(true);
    expect(SEVERITIES.has(p.severity), where).toBe(true);
    expect(p.rule, where).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(p.message.trim(), where).not.toBe('');
    // A problem in a file points at a line that exists in it.
    const name = p.file.slice('data/'.length);
    const bytes = files[name];
    if (bytes) {
      const lines = Buffer.from(bytes)
        .toString('latin1')
        .split(/\r\n|\r|\n/).length;
      expect(p.line, where).toBeLessThanOrEqual(Math.max(1, lines));
    }
  }
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const optionalString = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() !== '');
const ids = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x));
const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
const unique = (xs: string[]) => new Set(xs).size === xs.length;

/** What the checks promise about every record they let through. */
function checkDrafts(drafts: Drafts): void {
  for (const d of drafts.bibliography) {
    const where = `bibliography '${String(d.key)}': ${JSON.stringify({ ...d, at: undefined })}`;
    expect(ID.test(d.key), where).toBe(true);
    expect((PUBLICATION_TYPES as readonly string[]).includes(d.type), where).toBe(true);
    expect(typeof d.title === 'string' && d.title.trim() !== '', where).toBe(true);
    expect(
      d.persons.every((p) => typeof p.family === 'string' && p.family.trim() !== '' && optionalString(p.given)),
      where,
    ).toBe(true);
    expect(strings(d.corporateAuthors) && strings(d.publisherNames) && strings(d.keywords), where).toBe(true);
    expect(ids(d.performers) && ids(d.commissioners) && ids(d.publishers), where).toBe(true);
    expect(d.year === undefined || (Number.isInteger(d.year) && isPlausibleYear(String(d.year))), where).toBe(true);
    expect(d.date === undefined || isIsoDate(d.date), where).toBe(true);
    expect(d.isbn.every(isValidIsbn) && d.issn.every(isValidIssn), where).toBe(true);
    expect(d.language === undefined || Object.hasOwn(LANGUAGE_LABELS, d.language), where).toBe(true);
    expect(d.fullTextUrl === undefined || isHttpUrl(d.fullTextUrl), where).toBe(true);
    expect(d.pdfUrl === undefined || isHttpUrl(d.pdfUrl), where).toBe(true);
    expect(d.doi === undefined || DOI_PATTERN.test(d.doi), where).toBe(true);
    for (const f of ['subtitle', 'place', 'series', 'number', 'pages', 'handle', 'abstract', 'note'] as const)
      expect(optionalString(d[f]), `${where} (${f})`).toBe(true);
    expect(d.sources.length >= 1 && d.sources.every((s) => Number.isInteger(s.line) && s.line >= 1), where).toBe(true);
  }
  for (const c of drafts.glossary) {
    const where = `concept '${String(c.id)}'`;
    expect(ID.test(c.id) && typeof c.termNb === 'string' && typeof c.definition === 'string', where).toBe(true);
    expect(ids(c.related) && ids(c.broader) && ids(c.narrower), where).toBe(true);
    expect(c.status === undefined || (CONCEPT_STATUSES as readonly string[]).includes(c.status), where).toBe(true);
    expect(c.sourceRelation === undefined || (SOURCE_RELATIONS as readonly string[]).includes(c.sourceRelation), where).toBe(true);
  }
  for (const d of drafts.definitions) {
    const where = `definition of '${String(d.concept)}'`;
    expect(ID.test(d.concept) && ID.test(d.source) && typeof d.definition === 'string' && d.definition.trim() !== '', where).toBe(true);
    expect(d.sourceRelation === undefined || (SOURCE_RELATIONS as readonly string[]).includes(d.sourceRelation), where).toBe(true);
  }
  for (const o of drafts.organisations) {
    expect(
      ID.test(o.id) && typeof o.name === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(o.type),
      `organisation '${String(o.id)}'`,
    ).toBe(true);
  }
  for (const p of drafts.pages)
    expect(ID.test(p.slug) && Number.isFinite(p.order) && typeof p.title === 'string', `page '${p.slug}'`).toBe(true);
  // Duplicates are reported and left out, never passed on.
  expect(unique(drafts.bibliography.map((d) => d.key))).toBe(true);
  expect(unique(drafts.glossary.map((d) => d.id))).toBe(true);
  expect(unique(drafts.organisations.map((d) => d.id))).toBe(true);
}

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** A data folder of its own for one property (runs of different properties never share one). */
async function dataFolder(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'kildebank-props-'));
  roots.push(root);
  return path.join(root, 'data');
}

/** Replace the data folder's files with these, run the check, and test every problem. */
async function checkFolder(data: string, files: Record<string, Uint8Array>): Promise<void> {
  await rm(data, { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(data, name), bytes);
  expect((await readdir(data)).length).toBe(Object.keys(files).length);
  const result = await runPipeline(data, { checkOnly: true });
  checkProblems(result.problems, files);
  const { drafts } = await ingest(data);
  checkDrafts(drafts);
  checkNothingLost(files['bibliografi.csv'], 'data/bibliografi.csv', drafts.bibliography, result.problems);
}

/**
 * Nothing is lost silently: when the file and its header can be read, every
 * row becomes a record or gets an error on the line where it starts.
 */
function checkNothingLost(
  bytes: Uint8Array | undefined,
  file: string,
  records: Array<{ sources: Array<{ file: string; line: number }> }>,
  problems: Problem[],
): void {
  if (!bytes) return;
  const decoded = decodeText(bytes, file);
  if (decoded.problems.some((p) => p.severity === 'error')) return;
  const table = parseCsv(decoded.text, file);
  const errors = problems.filter((p) => p.file === file && p.severity === 'error');
  if (table.problems.length > 0 || errors.some((p) => p.line === 1)) return;
  const read = new Set(records.flatMap((r) => r.sources.filter((s) => s.file === file).map((s) => s.line)));
  for (const row of table.rows) {
    expect(
      read.has(row.line) || errors.some((p) => p.line === row.line),
      `${file}: the row on line ${row.line} was neither read nor reported`,
    ).toBe(true);
  }
}

// ---------------------------------------------------------------- mutations

/** Characters that matter to CSV, BibTeX and spreadsheets. */
const SPECIAL = [
  '"',
  ';',
  ',',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '{',
  '}',
  '@',
  '=',
  '#',
  '\\',
  '(',
  ')',
  '%',
  '\u200b',
  '\u00a0',
  '\ufeff',
  'ø',
  'å',
  '€',
  '\u0000',
  ' ',
];
const specialChar = fc.constantFrom(...SPECIAL);
const anyText = fc.oneof(specialChar, fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 }));

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: anyText }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

/** Apply mutations to text (as bytes for random bytes), then save it in an encoding. */
function mutate(source: Uint8Array, mutations: Mutation[], encoding: Encoding): Uint8Array {
  let bytes = Buffer.from(source);
  for (const m of mutations) {
    const at = Math.floor(m.at * bytes.length);
    if (m.kind === 'bytes') {
      bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
      continue;
    }
    if (m.kind === 'truncate') {
      bytes = bytes.subarray(0, at);
      continue;
    }
    const text = bytes.toString('utf8');
    const i = Math.floor(m.at * text.length);
    const next =
      m.kind === 'delete'
        ? text.slice(0, i) + text.slice(i + m.length)
        : m.kind === 'insert'
          ? text.slice(0, i) + m.text + text.slice(i)
          : text.slice(0, i + m.length) + text.slice(i);
    bytes = Buffer.from(next, 'utf8');
  }
  return encode(bytes.toString('utf8'), encoding, bytes);
}

type Encoding = 'as-is' | 'utf8-bom' | 'windows-1252' | 'utf16le' | 'crlf' | 'cr';
const encoding = fc.constantFrom<Encoding>('as-is', 'as-is', 'utf8-bom', 'windows-1252', 'utf16le', 'crlf', 'cr');

function encode(text: string, enc: Encoding, raw: Uint8Array): Uint8Array {
  switch (enc) {
    case 'as-is':
      return raw;
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/^\ufeff/, ''), 'utf8')]);
    case 'windows-1252':
      return iconv.encode(text.replace(/^\ufeff/, ''), 'windows-1252');
    case 'utf16le':
      return iconv.encode(text, 'utf16le', { addBOM: true } as never);
    case 'crlf':
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\r?\n/g, '\r'), 'utf8');
  }
}

// ---------------------------------------------------------------- random CSV and BibTeX

const KNOWN_HEADERS = [...BIBLIOGRAPHY_COLUMNS, ...GLOSSARY_COLUMNS, ...DEFINITION_COLUMNS, ...ORGANISATION_COLUMNS].map((c) => c.header);
const cellValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    'rapport',
    'nettside',
    'loga-2016',
    'forsk',
    'kommune-a',
    'hansen-2020',
    'innovasjon',
    '2016',
    '42370',
    '9,78E+12',
    '978-82-8095-104-5',
    '0908-6692',
    'https://example.org/',
    '10.6027/TN2015-502',
    'norsk',
    '=A1',
    '#N/A',
    'Loga, Jill; Eimhjellen, Ivar',
    '[lenke](kilde:hansen-2020)',
    '{\\o}',
    'x\ny',
    '"',
    ';',
    '',
  ),
);
const quoteCell = (v: string, d: string) => (/["\n\r]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v);
const randomCsv = fc
  .record({
    header: fc.array(fc.oneof(fc.constantFrom(...KNOWN_HEADERS), fc.string({ maxLength: 10 })), { minLength: 0, maxLength: 12 }),
    rows: fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(';', ',', '\t', '|'),
    quoteAll: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(
    ({ header, rows, delimiter, quoteAll, newline }) =>
      [header, ...rows]
        .map((cells) => cells.map((v) => (quoteAll ? `"${v.replace(/"/g, '""')}"` : quoteCell(v, delimiter))).join(delimiter))
        .join(newline) + newline,
  );

/** Values per kind of cell: mostly good ones, some that spreadsheets and people get wrong. */
const VALUES: Record<ColumnSpec['kind'], string[]> = {
  orgnr: ['971032081', '971 032 081', '97103208', '971032082', '9,71E+08'],
  text: [
    'Sosiale entreprenører',
    'Velferd i nytt terreng',
    ' Blåbær\u00a0og\u200b syltetøy ',
    'entrepren{\\o}rskap',
    '=A1&B1',
    '#N/A',
    '#REF!',
    'x\ny',
  ],
  markdown: [
    'Om **samarbeid**.\n\nAndre avsnitt.',
    'Se [rapporten](kilde:hansen-2020).',
    'Se [x](kilde:finnes-ikke).',
    '[b](begrep:innovasjon)',
    '[o](organisasjon:forsk)',
    'URL er ikke funnet.',
    '<script>x</script>',
  ],
  id: [
    'hansen-2020',
    'kommune-a-2019',
    'forsk',
    'kommune-a',
    'innovasjon',
    'sosiale-entreprenorer',
    'Bærum kommune',
    'a--b',
    'constructor',
    '__proto__',
  ],
  ids: ['forsk', 'kommune-a', 'forsk; kommune-a', 'innovasjon; sosiale-entreprenorer', 'finnes-ikke', 'toString'],
  list: ['sosiale entreprenører', 'a; b; ; c', 'KS; Nordisk ministerråd'],
  persons: ['Hansen, Kari; Olsen, Per', 'Kari Hansen', 'Hansen, Kari, Olsen, Per', 'Berg, Åse'],
  year: ['2016', '2020', '16', '42370', '1016', '20x6', '2016.0'],
  date: ['2016-04-08', '2016-03', '2016', '08.04.2016', '2016-02-30', '42468'],
  url: ['https://example.org/', 'www.example.org', 'ftp://x.no/f.pdf', 'javascript:alert(1)', 'http://'],
  urls: ['https://example.org/', 'https://a.no/; https://b.no/', 'www.example.org'],
  isbns: ['978-82-8095-104-5', '978-82-8095-104-4', '9,78828E+12', '0-306-40615-2', '978-92-893-3898-1; 978-92-893-3899-8'],
  issns: ['0908-6692', '0908-6691', '2387-5615'],
  doi: ['10.6027/TN2015-502', 'https://doi.org/10.6027/TN2015-502', '10.6027TN2015-502', 'doi:10.1/x'],
  language: ['nb', 'nn', 'en', 'norsk', 'bokmål', 'no', 'Norsk (bokmål)', 'klingonsk', 'constructor', 'toString'],
  enum: [...PUBLICATION_TYPES, ...ORGANISATION_TYPES, ...SOURCE_RELATIONS, ...CONCEPT_STATUSES, 'raport', 'Rapport', 'constructor'],
};

/** A table with the file's real columns (shuffled, some left out, now and then misspelt) and cells of the right kind. */
function table(columns: readonly ColumnSpec[]): fc.Arbitrary<string> {
  const cell = (spec: ColumnSpec) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 5, arbitrary: fc.constantFrom(...VALUES[spec.kind]) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
  return fc
    .record({
      order: fc.shuffledSubarray([...columns], { minLength: 1 }),
      misspell: fc.option(fc.nat(), { nil: undefined }),
      rowCount: fc.integer({ min: 0, max: 6 }),
      seed: fc.infiniteStream(fc.nat()),
      delimiter: fc.constantFrom(';', ','),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      ragged: fc.option(fc.nat(), { nil: undefined }),
    })
    .chain(({ order, misspell, rowCount, delimiter, newline, bom, ragged }) =>
      fc.array(fc.tuple(...order.map(cell)), { minLength: rowCount, maxLength: rowCount }).map((rows) => {
        const header = order.map((c, i) => (misspell !== undefined && misspell % order.length === i ? c.header.slice(0, -1) : c.header));
        const lines = [header, ...rows.map((r, i) => (ragged !== undefined && ragged % (rows.length || 1) === i ? [...r, 'ekstra'] : r))];
        return (
          (bom ? '\ufeff' : '') + lines.map((cells) => cells.map((v) => quoteCell(v, delimiter)).join(delimiter)).join(newline) + newline
        );
      }),
    );
}

const bibValue = fc.oneof(
  fc.string({ maxLength: 15 }).map((s) => `{${s}}`),
  fc.string({ maxLength: 15 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 15 }),
  fc.constantFrom(
    '{Hansen, Kari and {{KS}}}',
    '{2016}',
    '2016',
    'nmr',
    'nmr # { x}',
    '{{\\o}st}',
    '{\\mbox{x}}',
    '{a) b) c}',
    '{https://example.org/}',
    '{10.1/x}',
    '{978-82-8095-104-5}',
    '{}',
    '{norsk}',
    '{2016-02-30}',
    '{20x6}',
  ),
);
const randomBibtex = fc
  .array(
    fc.record({
      at: fc.constantFrom('@', '@', '@ ', ''),
      type: fc.oneof(
        fc.constantFrom(
          'report',
          'book',
          'online',
          'misc',
          'article',
          'string',
          'comment',
          'preamble',
          'booklet',
          'movie',
          'patent',
          'constructor',
          '__proto__',
        ),
        fc.string({ maxLength: 6 }),
      ),
      open: fc.constantFrom('{', '(', '{', ''),
      key: fc.oneof(fc.constantFrom('a', 'hansen-2020', 'berg-2018', 'x y', '', 'constructor'), fc.string({ maxLength: 8 })),
      fields: fc.array(
        fc.record({
          name: fc.oneof(
            fc.constantFrom(
              'title',
              'subtitle',
              'author',
              'year',
              'date',
              'institution',
              'publisher',
              'url',
              'doi',
              'isbn',
              'issn',
              'langid',
              'note',
              'abstract',
              'keywords',
              '__proto__',
              'constructor',
              'nmr',
            ),
            fc.string({ maxLength: 6 }),
          ),
          eq: fc.constantFrom(' = ', '=', ' '),
          value: bibValue,
        }),
        { maxLength: 8 },
      ),
      close: fc.constantFrom('}', ')', '}', '', '}}'),
      separator: fc.constantFrom(',\n  ', ', ', '\n', ' '),
    }),
    { maxLength: 6 },
  )
  .map((entries) =>
    entries
      .map(
        (e) =>
          `${e.at}${e.type}${e.open}${e.key},${e.separator}${e.fields.map((f) => `${f.name}${f.eq}${f.value}`).join(e.separator)}${e.close}`,
      )
      .join('\n\n'),
  );

/** Runs per property; raise it (PROPERTY_RUNS=5000 npx vitest run test/ingest/properties.test.ts) to hunt for new crashes. */
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };
/** Generous: a property's runs share one test. */
const TIMEOUT = Math.max(60_000, RUNS.numRuns * 300);

describe('BibTeX entries are read or reported, never lost', () => {
  it('on random BibTeX', () => {
    fc.assert(
      fc.property(randomBibtex, (text) => {
        const { entries, problems } = readBibtex(text, 'data/a.bib');
        const lines = text.split('\n');
        const starts = lines.flatMap((l, i) =>
          /^@\s*([A-Za-z_][\w:+-]*)\s*[{(]/.test(l) && !/^@\s*(string|comment|preamble)\b/i.test(l) ? [i + 1] : [],
        );
        starts.forEach((start, i) => {
          const end = starts[i + 1] ?? lines.length + 1;
          const accounted =
            entries.some((e) => e.line === start) || problems.some((p) => p.severity === 'error' && p.line >= start && p.line < end);
          expect(accounted, `the entry on line ${start} was neither read nor reported:\n${text}`).toBe(true);
        });
      }),
      { numRuns: RUNS.numRuns * 5 },
    );
  });
});

describe('the pipeline never throws, it only reports', () => {
  it(
    'on mutated bibliografi.csv files',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), encoding, async (mutations, enc) => {
          const files = {
            'bibliografi.csv': mutate(BIBLIOGRAPHY, mutations, enc),
            'organisasjoner.csv': ORGANISATIONS,
            'begreper.csv': GLOSSARY,
          };
          await checkFolder(data, files);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'on mutated begreper.csv and organisasjoner.csv files',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.array(mutation, { minLength: 0, maxLength: 4 }),
          encoding,
          async (m1, m2, enc) => {
            const files = {
              'bibliografi.csv': BIBLIOGRAPHY,
              'begreper.csv': mutate(GLOSSARY, m1, enc),
              'organisasjoner.csv': mutate(ORGANISATIONS, m2, 'as-is'),
            };
            await checkFolder(data, files);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'on tables with the real columns and good and bad cells',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(
          table(BIBLIOGRAPHY_COLUMNS),
          table(GLOSSARY_COLUMNS),
          table(DEFINITION_COLUMNS),
          table(ORGANISATION_COLUMNS),
          fc.array(mutation, { maxLength: 2 }),
          async (bib, glossary, definitions, orgs, mutations) => {
            const files = {
              'bibliografi.csv': mutate(Buffer.from(bib, 'utf8'), mutations, 'as-is'),
              'begreper.csv': Buffer.from(glossary, 'utf8'),
              'definisjoner.csv': Buffer.from(definitions, 'utf8'),
              'organisasjoner.csv': Buffer.from(orgs, 'utf8'),
              'ekstra.bib': RICH_BIB,
            };
            await checkFolder(data, files);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'on random CSV under every file name',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(randomCsv, randomCsv, randomCsv, encoding, async (bib, glossary, orgs, enc) => {
          const files = {
            'bibliografi.csv': encode(bib, enc, Buffer.from(bib, 'utf8')),
            'begreper.csv': Buffer.from(glossary, 'utf8'),
            'organisasjoner.csv': Buffer.from(orgs, 'utf8'),
          };
          await checkFolder(data, files);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'on mutated BibTeX files next to the CSV',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(EXTRA_BIB, RICH_BIB),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          encoding,
          async (source, mutations, enc) => {
            const files = {
              'bibliografi.csv': BIBLIOGRAPHY,
              'organisasjoner.csv': ORGANISATIONS,
              'ekstra.bib': mutate(source, mutations, enc),
            };
            await checkFolder(data, files);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'on random BibTeX, in one file or two',
    async () => {
      const data = await dataFolder();
      await fc.assert(
        fc.asyncProperty(randomBibtex, randomBibtex, async (a, b) => {
          const files = { 'organisasjoner.csv': ORGANISATIONS, 'a.bib': Buffer.from(a, 'utf8'), 'b.bib': Buffer.from(b, 'utf8') };
          await checkFolder(data, files);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
