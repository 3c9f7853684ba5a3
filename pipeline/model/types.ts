/**
 * The normalised JSON that the pipeline emits and Eleventy reads: the only
 * contract between the two halves. Types are inferred from these schemas, and
 * the same schemas are written out as JSON Schema next to the data.
 */
import { z } from 'zod';
import { CONCEPT_STATUSES, ORGANISATION_TYPES, SOURCE_RELATIONS } from './columns.ts';
import { PUBLICATION_TYPES } from './publication-types.ts';

/** Where a record came from, for messages and for the merge report. */
export const SourceRef = z.object({ file: z.string(), line: z.number().int().positive() });

const CslName = z.union([
  z.object({ family: z.string(), given: z.string().optional() }),
  z.object({ literal: z.string() }),
]);

const CslDate = z.object({
  'date-parts': z.array(z.array(z.number().int())).min(1),
});

/** A CSL-JSON item (the subset Kildebank writes). */
export const CslItem = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    author: z.array(CslName).optional(),
    issued: CslDate.optional(),
    publisher: z.string().optional(),
    'publisher-place': z.string().optional(),
    'collection-title': z.string().optional(),
    'collection-number': z.string().optional(),
    number: z.string().optional(),
    genre: z.string().optional(),
    ISBN: z.string().optional(),
    ISSN: z.string().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    language: z.string().optional(),
    'number-of-pages': z.string().optional(),
    abstract: z.string().optional(),
    keyword: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

/** A link to another record, resolved by the pipeline: templates only print it. */
export const Link = z.object({ id: z.string(), label: z.string(), url: z.string() });

export const Person = z.object({ family: z.string(), given: z.string().optional() });

export const BibEntry = z
  .object({
    key: z.string(),
    url: z.string(),
    type: z.enum(PUBLICATION_TYPES),
    typeLabel: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    fullTitle: z.string(),
    persons: z.array(Person),
    corporateAuthors: z.array(z.string()),
    /** Authors as one display string, in the order given. */
    authorsDisplay: z.string(),
    year: z.number().int().optional(),
    date: z.string().optional(),
    performers: z.array(Link),
    commissioners: z.array(Link),
    publishers: z.array(Link),
    /** Publishers named in a .bib file that match no organisation: shown as written, without a link. */
    publisherNames: z.array(z.string()),
    place: z.string().optional(),
    series: z.string().optional(),
    number: z.string().optional(),
    isbn: z.array(z.string()),
    issn: z.array(z.string()),
    pages: z.string().optional(),
    language: z.string().optional(),
    languageLabel: z.string().optional(),
    fullTextUrl: z.string().optional(),
    pdfUrl: z.string().optional(),
    doi: z.string().optional(),
    handle: z.string().optional(),
    abstractHtml: z.string().optional(),
    abstractText: z.string().optional(),
    /** The abstract and note as the librarian wrote them (Markdown), for the CSV export. */
    abstractMarkdown: z.string().optional(),
    keywords: z.array(z.string()),
    noteHtml: z.string().optional(),
    noteMarkdown: z.string().optional(),
    dateAdded: z.string().optional(),
    /** Concepts whose definition or notes cite this entry. */
    citedBy: z.array(Link),
    /** Concepts whose terms occur in this entry's abstract or keywords. */
    concepts: z.array(Link),
    /** Other entries on the same concepts, keywords or organisations, best match first. */
    related: z.array(Link),
    /** The entry as reference-manager files. */
    exports: z.object({ bibtex: z.string(), ris: z.string(), csljson: z.string() }).strict(),
    /** Highwire Press and Dublin Core meta tags, in order (page URLs are added by the site). */
    meta: z.array(z.object({ name: z.string(), content: z.string() }).strict()),
    /** schema.org description of the work, without the page's own URL. */
    jsonLd: z.record(z.string(), z.unknown()),
    /** OpenURL ContextObject for a COinS span on list pages. */
    coins: z.string(),
    /** The reference formatted in each citation style, Norsk APA first. */
    references: z.array(
      z.object({ style: z.string(), label: z.string(), html: z.string(), text: z.string() }),
    ),
    csl: CslItem,
    sources: z.array(SourceRef),
  })
  .strict();

export const Concept = z
  .object({
    id: z.string(),
    url: z.string(),
    termNb: z.string(),
    termNn: z.string().optional(),
    termEn: z.string().optional(),
    admitted: z.array(z.string()),
    discouraged: z.array(z.string()),
    /** The preferred definition. */
    definitionHtml: z.string(),
    definitionText: z.string(),
    /** Further definitions, each as a source gives it. */
    otherDefinitions: z.array(
      z
        .object({ html: z.string(), text: z.string(), source: Link, locator: z.string().optional(), sourceRelation: z.enum(SOURCE_RELATIONS).optional() })
        .strict(),
    ),
    source: Link.optional(),
    locator: z.string().optional(),
    sourceRelation: z.enum(SOURCE_RELATIONS).optional(),
    noteHtml: z.string().optional(),
    noteSource: Link.optional(),
    exampleHtml: z.string().optional(),
    related: z.array(Link),
    broader: z.array(Link),
    narrower: z.array(Link),
    subject: z.string().optional(),
    status: z.enum(CONCEPT_STATUSES).optional(),
    sortKey: z.string(),
    letter: z.string(),
    /** Bibliography entries that use the concept. */
    usedIn: z.array(Link),
    sources: z.array(SourceRef),
  })
  .strict();

export const Organisation = z
  .object({
    id: z.string(),
    url: z.string(),
    name: z.string(),
    shortName: z.string().optional(),
    type: z.enum(ORGANISATION_TYPES),
    website: z.string().optional(),
    orgNumber: z.string().optional(),
    place: z.string().optional(),
    noteHtml: z.string().optional(),
    /** Entries the organisation performed, commissioned or published (COinS added by the enrich stage). */
    works: z.array(Link.extend({ role: z.string(), coins: z.string().optional() })),
    sources: z.array(SourceRef),
  })
  .strict();

export const IntroPage = z
  .object({
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    order: z.number().int(),
    html: z.string(),
    text: z.string(),
    sources: z.array(SourceRef),
  })
  .strict();

/** What a list of entries shows of each. */
export const ListItem = z
  .object({ key: z.string(), url: z.string(), title: z.string(), authors: z.string(), typeLabel: z.string(), year: z.number().int().optional(), coins: z.string() })
  .strict();

/** The glossary's A–Å index: concepts and "se …" pointers from admitted terms, by letter. */
export const GlossaryIndex = z.array(
  z
    .object({
      letter: z.string(),
      items: z.array(z.object({ term: z.string(), url: z.string(), conceptId: z.string(), see: z.string().optional() }).strict()),
    })
    .strict(),
);

/** Ways into the bibliography and the glossary besides the full lists. */
export const Facets = z
  .object({
    glossary: GlossaryIndex,
    /** The newest entries by date added, for the Atom feed. */
    newest: z.array(
      z.object({ key: z.string(), url: z.string(), title: z.string(), dateAdded: z.string(), summary: z.string().optional() }).strict(),
    ),
    types: z.array(z.object({ id: z.string(), label: z.string(), url: z.string(), count: z.number().int(), items: z.array(ListItem) }).strict()),
    years: z.array(z.object({ year: z.number().int().nullable(), count: z.number().int() }).strict()),
    performers: z.array(Link.extend({ count: z.number().int() })),
    authors: z.array(
      z.object({ id: z.string(), name: z.string(), letter: z.string(), corporate: z.boolean(), works: z.array(Link.extend({ coins: z.string() })) }).strict(),
    ),
  })
  .strict();

/** The whole bibliography as downloadable files. */
export const Exports = z.object({ bibtex: z.string(), ris: z.string(), csljson: z.string(), csv: z.string() }).strict();

/** Every file the pipeline emits, with its schema. */
export const OUTPUT_FILES = {
  'bibliography.json': z.array(BibEntry),
  'glossary.json': z.array(Concept),
  'organisations.json': z.array(Organisation),
  'pages.json': z.array(IntroPage),
  'facets.json': Facets,
  'exports.json': Exports,
} as const;

export type SourceRef = z.infer<typeof SourceRef>;
export type CslItem = z.infer<typeof CslItem>;
export type Link = z.infer<typeof Link>;
export type Person = z.infer<typeof Person>;
export type BibEntry = z.infer<typeof BibEntry>;
export type Concept = z.infer<typeof Concept>;
export type Organisation = z.infer<typeof Organisation>;
export type IntroPage = z.infer<typeof IntroPage>;
export type ListItem = z.infer<typeof ListItem>;
export type Facets = z.infer<typeof Facets>;
export type GlossaryIndex = z.infer<typeof GlossaryIndex>;
export type Exports = z.infer<typeof Exports>;

/** The fields the enrich stage adds to linked entries. */
export type EnrichedField = 'related' | 'exports' | 'meta' | 'jsonLd' | 'coins';
export type LinkedEntry = Omit<BibEntry, EnrichedField>;
export interface LinkedDataset {
  bibliography: LinkedEntry[];
  glossary: Concept[];
  organisations: Organisation[];
  pages: IntroPage[];
}

export interface Dataset {
  bibliography: BibEntry[];
  glossary: Concept[];
  organisations: Organisation[];
  pages: IntroPage[];
  facets: Facets;
  exports: Exports;
}
