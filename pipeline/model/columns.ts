/**
 * The columns of the librarians' CSV files: the one place that says which header
 * means which field, whether it is required, and what kind of value it holds.
 * `docs/data-model.md` documents the same columns for people.
 */
import { PUBLICATION_TYPES } from './publication-types.ts';

/** What kind of value a cell holds; decides how it is checked and normalised. */
export type CellKind =
  | 'text' // free text on one line
  | 'markdown' // Markdown, may span lines
  | 'id' // lower-case slug: a-z, 0-9 and hyphens
  | 'ids' // several ids separated by ';'
  | 'list' // several values separated by ';'
  | 'persons' // "Etternavn, Fornavn; Etternavn, Fornavn"
  | 'year' // four digits
  | 'date' // YYYY, YYYY-MM or YYYY-MM-DD
  | 'url' // http(s) URL
  | 'urls' // several http(s) URLs separated by ';'
  | 'isbns' // ISBN-10/13, several separated by ';'
  | 'issns' // ISSN, several separated by ';'
  | 'doi' // 10.xxxx/…
  | 'language' // BCP 47 tag (nb, nn, en, sv, da, …)
  | 'orgnr' // Norwegian organisation number: nine digits with a modulus-11 check digit
  | 'enum'; // one of `values`

/** The kinds of record an 'id' or 'ids' column can point to. */
export type RecordKind = 'entry' | 'concept' | 'organisation';

export interface ColumnSpec<F extends string = string> {
  /** Header exactly as it appears in the CSV file. */
  header: string;
  /**
   * Field name in the draft, the emitted JSON and the site's templates: a
   * field keeps this name all the way (a Markdown column becomes an object
   * with its Markdown, HTML and text; a reference becomes links).
   */
  field: F;
  kind: CellKind;
  required?: boolean;
  /** Allowed values when kind is 'enum'. */
  values?: readonly string[];
  /** For 'id' and 'ids' columns that name other records: which kind. */
  refers?: RecordKind;
}

export const ORGANISATION_TYPES = [
  'kommune',
  'departement',
  'statlig virksomhet',
  'forskningsinstitutt',
  'forskernettverk',
  'tankesmie',
  'interesseorganisasjon',
  'mellomstatlig organisasjon',
  'nettverk',
  'stiftelse',
  'selskap',
  'frivillig organisasjon',
  'sosial entreprenør',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** SKOS-AP-NO-Begrep's relations between a definition and its source. */
export const SOURCE_RELATIONS = ['egendefinert', 'basert på kilde', 'sitat fra kilde'] as const;
export type SourceRelation = (typeof SOURCE_RELATIONS)[number];

export const CONCEPT_STATUSES = ['utkast', 'godkjent', 'utgått'] as const;
export type ConceptStatus = (typeof CONCEPT_STATUSES)[number];

export const BIBLIOGRAPHY_COLUMNS = [
  { header: 'Nøkkel', field: 'key', kind: 'id', required: true },
  { header: 'Type publikasjon', field: 'type', kind: 'enum', values: PUBLICATION_TYPES, required: true },
  { header: 'Tittel', field: 'title', kind: 'text', required: true },
  { header: 'Undertittel', field: 'subtitle', kind: 'text' },
  { header: 'Forfatter', field: 'persons', kind: 'persons' },
  { header: 'Korporativ forfatter', field: 'corporateAuthors', kind: 'list' },
  { header: 'Utgivelsesår', field: 'year', kind: 'year' },
  { header: 'Dato', field: 'date', kind: 'date' },
  { header: 'Oppdragsutfører', field: 'performers', kind: 'ids', refers: 'organisation' },
  { header: 'Oppdragsgiver', field: 'commissioners', kind: 'ids', refers: 'organisation' },
  { header: 'Utgiver', field: 'publishers', kind: 'ids', refers: 'organisation' },
  { header: 'Utgiversted', field: 'place', kind: 'text' },
  { header: 'Serie', field: 'series', kind: 'text' },
  { header: 'Nummer', field: 'number', kind: 'text' },
  { header: 'ISBN', field: 'isbn', kind: 'isbns' },
  { header: 'ISSN', field: 'issn', kind: 'issns' },
  { header: 'Sider', field: 'pages', kind: 'text' },
  { header: 'Språk', field: 'language', kind: 'language' },
  { header: 'URL', field: 'fullTextUrl', kind: 'url' },
  { header: 'PDF', field: 'pdfUrl', kind: 'url' },
  { header: 'DOI', field: 'doi', kind: 'doi' },
  { header: 'Handle', field: 'handle', kind: 'text' },
  { header: 'Sammendrag', field: 'abstract', kind: 'markdown' },
  { header: 'Emneord', field: 'keywords', kind: 'list' },
  { header: 'Merknad', field: 'note', kind: 'markdown' },
  { header: 'Lagt til', field: 'dateAdded', kind: 'date' },
] as const satisfies readonly ColumnSpec[];

export const GLOSSARY_COLUMNS = [
  { header: 'ID', field: 'id', kind: 'id', required: true },
  { header: 'Term bokmål', field: 'termNb', kind: 'text', required: true },
  { header: 'Term nynorsk', field: 'termNn', kind: 'text' },
  { header: 'Term engelsk', field: 'termEn', kind: 'text' },
  { header: 'Tillatte termer', field: 'admitted', kind: 'list' },
  { header: 'Frarådde termer', field: 'discouraged', kind: 'list' },
  { header: 'Definisjon', field: 'definition', kind: 'markdown', required: true },
  { header: 'Kilde', field: 'source', kind: 'id', refers: 'entry' },
  { header: 'Kildehenvisning', field: 'locator', kind: 'text' },
  { header: 'Forhold til kilde', field: 'sourceRelation', kind: 'enum', values: SOURCE_RELATIONS },
  { header: 'Merknad', field: 'note', kind: 'markdown' },
  { header: 'Merknadskilde', field: 'noteSource', kind: 'id', refers: 'entry' },
  { header: 'Eksempel', field: 'example', kind: 'markdown' },
  { header: 'Se også', field: 'related', kind: 'ids', refers: 'concept' },
  { header: 'Overordnet', field: 'broader', kind: 'ids', refers: 'concept' },
  { header: 'Underordnet', field: 'narrower', kind: 'ids', refers: 'concept' },
  { header: 'Fagområde', field: 'subject', kind: 'text' },
  { header: 'Status', field: 'status', kind: 'enum', values: CONCEPT_STATUSES },
  { header: 'Sorteringsnøkkel', field: 'sortKey', kind: 'text' },
] as const satisfies readonly ColumnSpec[];

export const ORGANISATION_COLUMNS = [
  { header: 'ID', field: 'id', kind: 'id', required: true },
  { header: 'Navn', field: 'name', kind: 'text', required: true },
  { header: 'Kortnavn', field: 'shortName', kind: 'text' },
  { header: 'Type', field: 'type', kind: 'enum', values: ORGANISATION_TYPES, required: true },
  { header: 'Nettside', field: 'website', kind: 'url' },
  { header: 'Organisasjonsnummer', field: 'orgNumber', kind: 'orgnr' },
  { header: 'Sted', field: 'place', kind: 'text' },
  { header: 'Merknad', field: 'note', kind: 'markdown' },
] as const satisfies readonly ColumnSpec[];

/** Further definitions of a concept, each attributed to a source (how a report defines it). */
export const DEFINITION_COLUMNS = [
  { header: 'Begrep', field: 'concept', kind: 'id', required: true, refers: 'concept' },
  { header: 'Definisjon', field: 'definition', kind: 'markdown', required: true },
  { header: 'Kilde', field: 'source', kind: 'id', required: true, refers: 'entry' },
  { header: 'Kildehenvisning', field: 'locator', kind: 'text' },
  { header: 'Forhold til kilde', field: 'sourceRelation', kind: 'enum', values: SOURCE_RELATIONS },
] as const satisfies readonly ColumnSpec[];

/** Which column set a CSV file uses, decided by its file name. */
export const CSV_FILES = {
  'bibliografi.csv': BIBLIOGRAPHY_COLUMNS,
  'begreper.csv': GLOSSARY_COLUMNS,
  'definisjoner.csv': DEFINITION_COLUMNS,
  'organisasjoner.csv': ORGANISATION_COLUMNS,
} as const;
export type CsvFileName = keyof typeof CSV_FILES;

type FieldOf<C extends readonly ColumnSpec[]> = C[number]['field'];

/** Kinds whose cell holds several values separated by ';'. */
export const LIST_KINDS = ['ids', 'list', 'urls', 'isbns', 'issns'] as const satisfies readonly CellKind[];
export const isListKind = (kind: CellKind): kind is (typeof LIST_KINDS)[number] => (LIST_KINDS as readonly CellKind[]).includes(kind);

/** A person as the 'persons' kind holds them: "Etternavn, Fornavn". */
export interface PersonName {
  family: string;
  given?: string;
}

/** The value a column's cell has after checking and normalising (before linking). */
export type DraftValue<C extends ColumnSpec> = C['kind'] extends 'persons'
  ? PersonName[]
  : C['kind'] extends (typeof LIST_KINDS)[number]
    ? string[]
    : C['kind'] extends 'year'
      ? number
      : C['kind'] extends 'enum'
        ? C['values'] extends readonly (infer V)[]
          ? V
          : string
        : string;

export type ColumnOf<C extends readonly ColumnSpec[], F> = Extract<C[number], { field: F }>;
/** Fields that always have a value in a draft: required ones, and lists (empty when the cell is). */
export type PresentField<C extends readonly ColumnSpec[]> = {
  [F in FieldOf<C>]: ColumnOf<C, F> extends { required: true }
    ? F
    : ColumnOf<C, F>['kind'] extends 'persons' | (typeof LIST_KINDS)[number]
      ? F
      : never;
}[FieldOf<C>];

/** A row of a CSV file as a draft record: one property per column, typed by its kind. */
export type DraftFields<C extends readonly ColumnSpec[]> = { [F in PresentField<C>]: DraftValue<ColumnOf<C, F>> } & {
  [F in Exclude<FieldOf<C>, PresentField<C>>]?: DraftValue<ColumnOf<C, F>>;
};
export type BibliographyField = FieldOf<typeof BIBLIOGRAPHY_COLUMNS>;
export type GlossaryField = FieldOf<typeof GLOSSARY_COLUMNS>;
export type OrganisationField = FieldOf<typeof ORGANISATION_COLUMNS>;
export type DefinitionField = FieldOf<typeof DEFINITION_COLUMNS>;
