/**
 * The normalised JSON that the pipeline emits and Eleventy reads: the only
 * contract between the two halves. Types are inferred from these schemas, and
 * the same schemas are written out as JSON Schema next to the data.
 */
import { z } from 'zod';
import {
  CONCEPT_STATUSES,
  ORGANISATION_TYPES,
  PUBLICATION_TYPES,
  SOURCE_RELATIONS,
} from './columns.ts';

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
    keywords: z.array(z.string()),
    noteHtml: z.string().optional(),
    dateAdded: z.string().optional(),
    /** Concepts whose definition or notes cite this entry. */
    citedBy: z.array(Link),
    /** Concepts whose terms occur in this entry's abstract or keywords. */
    concepts: z.array(Link),
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
    definitionHtml: z.string(),
    definitionText: z.string(),
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
    /** Entries the organisation performed, commissioned or published. */
    works: z.array(Link.extend({ role: z.string() })),
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

/** Every file the pipeline emits, with its schema. */
export const OUTPUT_FILES = {
  'bibliography.json': z.array(BibEntry),
  'glossary.json': z.array(Concept),
  'organisations.json': z.array(Organisation),
  'pages.json': z.array(IntroPage),
} as const;

export type SourceRef = z.infer<typeof SourceRef>;
export type CslItem = z.infer<typeof CslItem>;
export type Link = z.infer<typeof Link>;
export type Person = z.infer<typeof Person>;
export type BibEntry = z.infer<typeof BibEntry>;
export type Concept = z.infer<typeof Concept>;
export type Organisation = z.infer<typeof Organisation>;
export type IntroPage = z.infer<typeof IntroPage>;

export interface Dataset {
  bibliography: BibEntry[];
  glossary: Concept[];
  organisations: Organisation[];
  pages: IntroPage[];
}
