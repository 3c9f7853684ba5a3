/**
 * The normalised JSON that the pipeline emits and Eleventy reads: the only
 * contract between the two halves. Types are inferred from these schemas, and
 * the same schemas are written out as JSON Schema next to the data.
 */
import type { RenderSource } from './render-sources.ts';
import { z } from 'zod';
import {
  BIBLIOGRAPHY_COLUMNS,
  DEFINITION_COLUMNS,
  GLOSSARY_COLUMNS,
  isListKind,
  ORGANISATION_COLUMNS,
  type ColumnSpec,
  type ColumnOf,
  type DraftValue,
  type PresentField,
  type RecordKind,
} from './columns.ts';

/** Where a record came from, for messages and for the merge report. */
export const SourceRef = z.object({ file: z.string(), line: z.number().int().positive() });

const CslName = z.union([z.object({ family: z.string(), given: z.string().optional() }), z.object({ literal: z.string() })]);

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
    'event-title': z.string().optional(),
    'event-place': z.string().optional(),
    medium: z.string().optional(),
    ISBN: z.string().optional(),
    ISSN: z.string().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    accessed: CslDate.optional(),
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

/**
 * A Markdown cell, rendered: as written (for the CSV download), as safe HTML,
 * as plain text on one line (meta tags, feeds, exports) and as plain text with
 * a line per paragraph and list item (RDF literals).
 */
export const Rendered = z.object({ markdown: z.string(), html: z.string(), text: z.string(), lines: z.string() }).strict();

/** What a column's value becomes in the emitted JSON, by kind (see ColumnSpec.field). */
type JsonValue<C extends ColumnSpec> = C['kind'] extends 'markdown'
  ? Rendered
  : C extends { refers: RecordKind }
    ? C['kind'] extends 'ids'
      ? Link[]
      : Link
    : DraftValue<C>;
/** The emitted fields of a CSV file's columns, each under its column's field name. */
export type JsonFields<C extends readonly ColumnSpec[]> = { [F in PresentField<C>]: JsonValue<ColumnOf<C, F>> } & {
  [F in Exclude<C[number]['field'], PresentField<C>>]?: JsonValue<ColumnOf<C, F>>;
};

/** The JSON Schema (zod) of a column's emitted value. */
function columnSchema(c: ColumnSpec): z.ZodType {
  if (c.kind === 'markdown') return Rendered;
  if (c.refers) return c.kind === 'ids' ? z.array(Link) : Link;
  if (c.kind === 'persons') return z.array(Person);
  if (isListKind(c.kind)) return z.array(z.string());
  if (c.kind === 'year') return z.number().int();
  if (c.kind === 'enum') return z.enum(c.values as [string, ...string[]]);
  return z.string();
}

/** One schema property per column; optional unless the column is required or a list. */
function columnsShape(columns: readonly ColumnSpec[], except: readonly string[] = []): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    if (except.includes(c.field)) continue;
    const schema = columnSchema(c);
    shape[c.field] = c.required || c.kind === 'persons' || isListKind(c.kind) ? schema : schema.optional();
  }
  return shape;
}

/** Cast a schema built from the columns to the type derived from the same columns. */
const typed = <T>(schema: z.ZodType): z.ZodType<T> => schema as z.ZodType<T>;

const Provenance = { sources: z.array(SourceRef) };

/** What the pipeline adds to a bibliography entry's columns when it links them. */
export interface LinkedEntryExtras {
  url: string;
  typeLabel: string;
  fullTitle: string;
  /** Authors as one display string, in the order given. */
  authorsDisplay: string;
  /** Publishers named in a .bib file that match no organisation: shown as written, without a link. */
  publisherNames: string[];
  /**
   * Who issued the work, as references and metadata name it: the publishers (as the corporate
   * author writes them, so styles see they are the same), else for a report who did the work.
   */
  issuedBy: string[];
  languageLabel?: string;
  /** Concepts whose definition or notes cite this entry. */
  citedBy: Link[];
  /** Concepts whose terms occur in this entry's title, abstract or keywords. */
  concepts: Link[];
  /** The reference formatted in each citation style, Norsk APA first. */
  references: Array<{ style: string; label: string; html: string; text: string }>;
  csl: CslItem;
  sources: SourceRef[];
}

/** What the enrich stage adds. */
export interface EnrichedExtras {
  /** Other entries on the same concepts, keywords or organisations, best match first. */
  related: Link[];
  /** The entry as reference-manager files. */
  exports: { bibtex: string; ris: string; csljson: string };
  /** Highwire Press and Dublin Core meta tags, in order (page URLs are added by the site). */
  meta: Array<{ name: string; content: string } | { name: string; sitePath: string }>;
  /** schema.org description of the work, without the page's own URL. */
  jsonLd: Record<string, unknown>;
  /** OpenURL ContextObject for a COinS span on list pages. */
  coins: string;
  /** The values search finds the entry by besides its page's text (../enrich/search-text.ts), for the page's `facts` metadata. */
  searchFacts: string;
}

export type LinkedEntry = JsonFields<typeof BIBLIOGRAPHY_COLUMNS> & LinkedEntryExtras;
export type BibEntry = LinkedEntry & EnrichedExtras;

export const BibEntry = typed<BibEntry>(
  z
    .object({
      ...columnsShape(BIBLIOGRAPHY_COLUMNS),
      url: z.string(),
      typeLabel: z.string(),
      fullTitle: z.string(),
      authorsDisplay: z.string(),
      publisherNames: z.array(z.string()),
      issuedBy: z.array(z.string()),
      languageLabel: z.string().optional(),
      citedBy: z.array(Link),
      concepts: z.array(Link),
      references: z.array(z.object({ style: z.string(), label: z.string(), html: z.string(), text: z.string() })),
      csl: CslItem,
      ...Provenance,
      related: z.array(Link),
      exports: z.object({ bibtex: z.string(), ris: z.string(), csljson: z.string() }).strict(),
      meta: z.array(
        z.union([
          z.object({ name: z.string(), content: z.string() }).strict(),
          z.object({ name: z.string(), sitePath: z.string() }).strict(),
        ]),
      ),
      jsonLd: z.record(z.string(), z.unknown()),
      coins: z.string(),
      searchFacts: z.string(),
    })
    .strict(),
);

/** A further definition of a concept, as a source gives it (the concept it belongs to is where it is listed). */
export type OtherDefinition = Omit<JsonFields<typeof DEFINITION_COLUMNS>, 'concept'>;
const OtherDefinition = typed<OtherDefinition>(z.object(columnsShape(DEFINITION_COLUMNS, ['concept'])).strict());

export type Concept = JsonFields<typeof GLOSSARY_COLUMNS> & {
  url: string;
  otherDefinitions: OtherDefinition[];
  sortKey: string;
  letter: string;
  /** Bibliography entries that use the concept (their COinS are in the dataset's `coins`). */
  usedIn: Link[];
  sources: SourceRef[];
};
export const Concept = typed<Concept>(
  z
    .object({
      ...columnsShape(GLOSSARY_COLUMNS),
      url: z.string(),
      otherDefinitions: z.array(OtherDefinition),
      sortKey: z.string(),
      letter: z.string(),
      usedIn: z.array(Link),
      ...Provenance,
    })
    .strict(),
);

/** A work an organisation performed, commissioned, published or wrote (its COinS are in the dataset's `coins`). */
export type OrganisationWork = Link & { role: string };
export type Organisation = JsonFields<typeof ORGANISATION_COLUMNS> & { url: string; works: OrganisationWork[]; sources: SourceRef[] };
export const Organisation = typed<Organisation>(
  z
    .object({
      ...columnsShape(ORGANISATION_COLUMNS),
      url: z.string(),
      works: z.array(Link.extend({ role: z.string() })),
      ...Provenance,
    })
    .strict(),
);

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
  .object({
    key: z.string(),
    url: z.string(),
    title: z.string(),
    authors: z.string(),
    typeLabel: z.string(),
    year: z.number().int().optional(),
    dateAdded: z.string().optional(),
  })
  .strict();

/** A bar of a chart: what it counts, and how many. */
export const BarRow = z.object({ label: z.string(), count: z.number().int() }).strict();

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
    /** Every entry as the bibliography list shows it, in bibliography order. */
    list: z.array(ListItem),
    /** Rows of the bar charts on the bibliography page: entries per year, and per oppdragsutfører (the most frequent). */
    charts: z.object({ years: z.array(BarRow), performers: z.array(BarRow) }).strict(),
    /** The newest entries by date added, for the Atom feed. */
    newest: z.array(
      z.object({ key: z.string(), url: z.string(), title: z.string(), dateAdded: z.string(), summary: z.string().optional() }).strict(),
    ),
    types: z.array(
      z.object({ id: z.string(), label: z.string(), url: z.string(), count: z.number().int(), items: z.array(ListItem) }).strict(),
    ),
    years: z.array(z.object({ year: z.number().int().nullable(), count: z.number().int() }).strict()),
    performers: z.array(Link.extend({ count: z.number().int() })),
    /**
     * The author index by letter, in Norwegian alphabetical order: each letter's page lists its authors with their
     * works (their COinS are in the dataset's `coins`). `count` is the letter's authors, `works` the distinct works
     * among them (a work by two of its authors counts once).
     */
    authorLetters: z.array(
      z
        .object({
          letter: z.string(),
          slug: z.string(),
          url: z.string(),
          count: z.number().int(),
          works: z.number().int(),
          authors: z.array(
            z
              .object({
                id: z.string(),
                name: z.string(),
                corporate: z.boolean(),
                works: z.array(Link),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

/** The whole bibliography as downloadable files (written as files by emit, not as JSON). */
export const Exports = z
  .object({
    bibtex: z.string(),
    ris: z.string(),
    csljson: z.string(),
    csv: z.string(),
    /** The Norsk APA reference list of the whole bibliography, added by the citation stage. */
    apaHtml: z.string().optional(),
    apaText: z.string().optional(),
  })
  .strict();

/** The parts of the dataset the site reads, each emitted as `<key>.json` with its schema beside it. */
export const DATASET_SCHEMAS = {
  bibliography: z.array(BibEntry),
  glossary: z.array(Concept),
  organisations: z.array(Organisation),
  pages: z.array(IntroPage),
  facets: Facets,
  /** Each entry's COinS by key, for the lists that show entries (one copy, not one per list). */
  coins: z.record(z.string(), z.string()),
  /** Each entry's searchable texts, in bibliography order: what the site's word list counts (site/sok/ord.njk). */
  searchText: z.array(z.array(z.string())),
} as const;
export type DatasetPart = keyof typeof DATASET_SCHEMAS;

/** The whole-bibliography downloads: file name under `nedlasting/` and the export it holds. */
export const DOWNLOADS = [
  { file: 'kildebank.bib', export: 'bibtex' },
  { file: 'kildebank.ris', export: 'ris' },
  { file: 'kildebank.json', export: 'csljson' },
  { file: 'kildebank.csv', export: 'csv' },
  { file: 'kildebank-apa.html', export: 'apaHtml' },
  { file: 'kildebank-apa.txt', export: 'apaText' },
] as const satisfies ReadonlyArray<{ file: string; export: keyof Exports }>;

/** What emit wrote, for the site to read: the one place that names the files. */
export interface Manifest {
  /** Dataset part → JSON file in the same folder. */
  data: Record<DatasetPart, string>;
  /** Folder (beside the manifest) whose files the site publishes under `/nedlasting/`. */
  downloads: string;
  /** Folder (beside the manifest) whose files the site publishes under `/referanseliste/`: what the visitor's reference list loads. */
  referenceList: string;
  /** The parts the site renders one unit per item (./render-sources.ts). */
  renderSources: readonly RenderSource[];
  /** File (beside the manifest) holding the {@link ItemIndex}. */
  items: string;
}

/** Per keyed source, where each item is in its part's file: key and [byte offset, byte length], in order. */
export type ItemIndex = Record<string, { file: string; items: Array<[key: string, range: [offset: number, length: number]]> }>;
export const MANIFEST_FILE = 'manifest.json';

export type SourceRef = z.infer<typeof SourceRef>;
export type CslItem = z.infer<typeof CslItem>;
export type Link = z.infer<typeof Link>;
export type Person = z.infer<typeof Person>;
export type Rendered = z.infer<typeof Rendered>;
export type IntroPage = z.infer<typeof IntroPage>;
export type ListItem = z.infer<typeof ListItem>;
export type Facets = z.infer<typeof Facets>;
export type GlossaryIndex = z.infer<typeof GlossaryIndex>;
export type Exports = z.infer<typeof Exports>;

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
  coins: Record<string, string>;
  searchText: string[][];
  exports: Exports;
}

/** Exports the citation stage is still formatting when it returns (the whole bibliography's reference list). */
export interface PendingExports {
  exports: Promise<Partial<Exports>>;
  /** Stop formatting them (the build failed meanwhile). */
  cancel(): Promise<void>;
}

/** What the citation stage gives: the dataset with its references, and exports still pending. */
export interface Cited {
  dataset: Dataset;
  pending?: PendingExports;
}

/**
 * The citation stage under way: started on the linked dataset (each entry's
 * CSL item is all it needs) and completed on the enriched one, so the
 * references are formatted on other threads while enrich runs.
 */
export interface Citing {
  /** The enriched dataset (the same entries as the started one) with its references. */
  complete(dataset: Dataset): Promise<Cited>;
  /** Stop formatting (a later stage failed). */
  cancel(): Promise<void>;
}
