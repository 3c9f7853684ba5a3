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
  /**
   * A free-text column whose values a spreadsheet would turn into numbers or
   * dates (`1-2016`, `1-20`, an organisation number): the spreadsheet template
   * formats it as Text. Columns of the kinds in TEXT_KINDS are text anyway.
   */
  asText?: boolean;
  /**
   * What to write in the column, for librarians, in Norwegian: the header
   * note of the spreadsheet template. Every column in CSV_FILES has one (a
   * test checks); optional only so that tests can make columns of their own.
   */
  help?: string;
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

/** SKOS-AP-NO-Begrep's relations between a definition and its source. */
export const SOURCE_RELATIONS = ['egendefinert', 'basert på kilde', 'sitat fra kilde'] as const;

export const CONCEPT_STATUSES = ['utkast', 'godkjent', 'utgått'] as const;

export const BIBLIOGRAPHY_COLUMNS = [
  {
    header: 'Nøkkel',
    field: 'key',
    kind: 'id',
    required: true,
    help: 'Kildens unike nøkkel, for eksempel loga-2016: små bokstaver a–z, sifre og bindestrek (æ → ae, ø → o, å → a). Brukes i lenker og i adressen til kildens side; endre den aldri etter publisering.',
  },
  {
    header: 'Type publikasjon',
    field: 'type',
    kind: 'enum',
    values: PUBLICATION_TYPES,
    required: true,
    help: 'Hva slags kilde det er. Velg fra listen.',
  },
  { header: 'Tittel', field: 'title', kind: 'text', required: true, help: 'Hovedtittelen, slik den står på tittelsiden.' },
  { header: 'Undertittel', field: 'subtitle', kind: 'text', help: 'Undertittelen, uten kolon foran.' },
  {
    header: 'Forfatter',
    field: 'persons',
    kind: 'persons',
    help: 'Personlige forfattere i rekkefølgen på tittelsiden: Etternavn, Fornavn; flere skilt med semikolon og mellomrom.',
  },
  {
    header: 'Korporativ forfatter',
    field: 'corporateAuthors',
    kind: 'list',
    help: 'Organisasjoner som står som forfatter, med fullt navn; flere skilt med semikolon og mellomrom.',
  },
  { header: 'Utgivelsesår', field: 'year', kind: 'year', help: 'Året kilden ble utgitt, med fire sifre.' },
  {
    header: 'Dato',
    field: 'date',
    kind: 'date',
    help: 'Mer presis utgivelsesdato: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD. Skal stemme med Utgivelsesår.',
  },
  {
    header: 'Oppdragsutfører',
    field: 'performers',
    kind: 'ids',
    refers: 'organisation',
    help: 'ID-en (fra organisasjoner.csv) til organisasjonen som skrev kilden på oppdrag; flere skilt med semikolon.',
  },
  {
    header: 'Oppdragsgiver',
    field: 'commissioners',
    kind: 'ids',
    refers: 'organisation',
    help: 'ID-en (fra organisasjoner.csv) til organisasjonen som bestilte kilden; flere skilt med semikolon.',
  },
  {
    header: 'Utgiver',
    field: 'publishers',
    kind: 'ids',
    refers: 'organisation',
    help: 'ID-en (fra organisasjoner.csv) til organisasjonen som ga ut kilden (for arrangementer: arrangøren); flere skilt med semikolon.',
  },
  { header: 'Utgiversted', field: 'place', kind: 'text', help: 'Utgivelsesstedet slik det står i kilden.' },
  { header: 'Serie', field: 'series', kind: 'text', help: 'Navnet på serien kilden inngår i.' },
  {
    header: 'Nummer',
    field: 'number',
    kind: 'text',
    asText: true,
    help: 'Nummeret i serien, for eksempel 1-2016, eller rapportnummeret. Skriv det som tekst.',
  },
  {
    header: 'ISBN',
    field: 'isbn',
    kind: 'isbns',
    help: 'ISBN med bindestreker, for eksempel 978-82-8095-104-5; flere skilt med semikolon. Skriv det som tekst, ellers blir det et tall.',
  },
  { header: 'ISSN', field: 'issn', kind: 'issns', help: 'ISSN for serien, for eksempel 2387-5615; flere skilt med semikolon.' },
  { header: 'Sider', field: 'pages', kind: 'text', asText: true, help: 'Antall sider, bare når det er sikkert.' },
  {
    header: 'Språk',
    field: 'language',
    kind: 'language',
    help: 'Språket kilden er skrevet på, som språkkode: nb (bokmål), nn (nynorsk), en (engelsk) … Velg fra listen.',
  },
  { header: 'URL', field: 'fullTextUrl', kind: 'url', help: 'Lenke til kilden eller til siden der den ligger, med https:// foran.' },
  { header: 'PDF', field: 'pdfUrl', kind: 'url', help: 'Direkte lenke til PDF-filen med fullteksten.' },
  { header: 'DOI', field: 'doi', kind: 'doi', help: 'Bare selve DOI-en, for eksempel 10.6027/TN2015-502.' },
  { header: 'Handle', field: 'handle', kind: 'text', asText: true, help: 'Handle-identifikator, for eksempel fra et vitenarkiv.' },
  { header: 'Sammendrag', field: 'abstract', kind: 'markdown', help: 'Et kort sammendrag med egne ord, 1–3 setninger. Kan ha Markdown.' },
  {
    header: 'Emneord',
    field: 'keywords',
    kind: 'list',
    help: 'Noen få emneord, skilt med semikolon og mellomrom; bruk termene i begrepslisten der de passer.',
  },
  {
    header: 'Merknad',
    field: 'note',
    kind: 'markdown',
    help: 'Opplysninger til leseren: avvik mellom kilder, usikre opplysninger og hva som ikke er funnet. Kan ha Markdown.',
  },
  {
    header: 'Lest dato',
    field: 'accessed',
    kind: 'date',
    help: 'Datoen du sist leste en kilde som kan endre seg (en nettside), ÅÅÅÅ-MM-DD. Fyll den bare inn når kilden ikke har egen dato.',
  },
  { header: 'Lagt til', field: 'dateAdded', kind: 'date', help: 'Datoen raden ble lagt inn, ÅÅÅÅ-MM-DD.' },
] as const satisfies readonly ColumnSpec[];

export const GLOSSARY_COLUMNS = [
  {
    header: 'ID',
    field: 'id',
    kind: 'id',
    required: true,
    help: 'Begrepets unike ID: små bokstaver a–z, sifre og bindestrek. Brukes i lenker, relasjoner og adressen til begrepets side.',
  },
  { header: 'Term bokmål', field: 'termNb', kind: 'text', required: true, help: 'Anbefalt term på bokmål.' },
  { header: 'Term nynorsk', field: 'termNn', kind: 'text', help: 'Anbefalt term på nynorsk.' },
  { header: 'Term engelsk', field: 'termEn', kind: 'text', help: 'Anbefalt term på engelsk.' },
  {
    header: 'Tillatte termer',
    field: 'admitted',
    kind: 'list',
    help: 'Andre termer (bokmål) for samme begrep, også forkortelser; flere skilt med semikolon og mellomrom.',
  },
  {
    header: 'Frarådde termer',
    field: 'discouraged',
    kind: 'list',
    help: 'Termer (bokmål) som brukes, men bør unngås; flere skilt med semikolon og mellomrom.',
  },
  {
    header: 'Definisjon',
    field: 'definition',
    kind: 'markdown',
    required: true,
    help: 'Definisjonen med egne ord, 1–3 setninger; skal kunne erstatte termen i en setning. Kan ha Markdown.',
  },
  {
    header: 'Kilde',
    field: 'source',
    kind: 'id',
    refers: 'entry',
    help: 'Nøkkelen (fra bibliografi.csv) til kilden definisjonen bygger på.',
  },
  {
    header: 'Kildehenvisning',
    field: 'locator',
    kind: 'text',
    help: 'Hvor i kilden definisjonen står (side, kapittel, avsnitt), bare når den er kjent.',
  },
  {
    header: 'Forhold til kilde',
    field: 'sourceRelation',
    kind: 'enum',
    values: SOURCE_RELATIONS,
    help: 'Hvordan definisjonen forholder seg til kilden. Velg fra listen.',
  },
  { header: 'Merknad', field: 'note', kind: 'markdown', help: 'Utfyllende opplysninger om begrepet. Kan ha Markdown.' },
  {
    header: 'Merknadskilde',
    field: 'noteSource',
    kind: 'id',
    refers: 'entry',
    help: 'Nøkkelen (fra bibliografi.csv) til kilden merknaden bygger på.',
  },
  { header: 'Eksempel', field: 'example', kind: 'markdown', help: 'Eksempel på begrepet i bruk. Kan ha Markdown.' },
  {
    header: 'Se også',
    field: 'related',
    kind: 'ids',
    refers: 'concept',
    help: 'ID-ene til beslektede begreper; flere skilt med semikolon. Før relasjonen hos begge begrepene.',
  },
  {
    header: 'Overordnet',
    field: 'broader',
    kind: 'ids',
    refers: 'concept',
    help: 'ID-en til det mer generelle begrepet. Før også dette begrepet under Underordnet hos det andre.',
  },
  {
    header: 'Underordnet',
    field: 'narrower',
    kind: 'ids',
    refers: 'concept',
    help: 'ID-ene til de mer spesielle begrepene; flere skilt med semikolon. Før også dette begrepet under Overordnet hos dem.',
  },
  { header: 'Fagområde', field: 'subject', kind: 'text', help: 'Fagområdet begrepet hører til, for eksempel Innovasjon.' },
  {
    header: 'Status',
    field: 'status',
    kind: 'enum',
    values: CONCEPT_STATUSES,
    help: 'Hvor langt begrepet har kommet i godkjenningen. Velg fra listen.',
  },
  {
    header: 'Sorteringsnøkkel',
    field: 'sortKey',
    kind: 'text',
    help: 'Bare når termen ellers ville blitt sortert feil: teksten begrepet skal sorteres etter.',
  },
] as const satisfies readonly ColumnSpec[];

export const ORGANISATION_COLUMNS = [
  {
    header: 'ID',
    field: 'id',
    kind: 'id',
    required: true,
    help: 'Organisasjonens unike ID: små bokstaver a–z, sifre og bindestrek. Brukes i bibliografien og i lenker.',
  },
  { header: 'Navn', field: 'name', kind: 'text', required: true, help: 'Fullt, offisielt navn.' },
  { header: 'Kortnavn', field: 'shortName', kind: 'text', help: 'Vanlig forkortelse eller kortform, for eksempel KS.' },
  {
    header: 'Type',
    field: 'type',
    kind: 'enum',
    values: ORGANISATION_TYPES,
    required: true,
    help: 'Hva slags organisasjon det er. Velg fra listen.',
  },
  { header: 'Nettside', field: 'website', kind: 'url', help: 'Organisasjonens nettsted, med https:// foran; bare når adressen er sikker.' },
  {
    header: 'Organisasjonsnummer',
    field: 'orgNumber',
    kind: 'orgnr',
    asText: true,
    help: 'Organisasjonsnummeret i Enhetsregisteret (ni sifre), bare når det er kontrollert. Skriv det som tekst.',
  },
  { header: 'Sted', field: 'place', kind: 'text', help: 'Hvor organisasjonen holder til.' },
  { header: 'Merknad', field: 'note', kind: 'markdown', help: 'Kort om organisasjonen og hvorfor den er med. Kan ha Markdown.' },
] as const satisfies readonly ColumnSpec[];

/** Further definitions of a concept, each attributed to a source (how a report defines it). */
export const DEFINITION_COLUMNS = [
  {
    header: 'Begrep',
    field: 'concept',
    kind: 'id',
    required: true,
    refers: 'concept',
    help: 'ID-en (fra begreper.csv) til begrepet definisjonen gjelder.',
  },
  {
    header: 'Definisjon',
    field: 'definition',
    kind: 'markdown',
    required: true,
    help: 'Definisjonen slik kilden gir den, med egne ord. Kan ha Markdown.',
  },
  {
    header: 'Kilde',
    field: 'source',
    kind: 'id',
    required: true,
    refers: 'entry',
    help: 'Nøkkelen (fra bibliografi.csv) til kilden definisjonen bygger på.',
  },
  { header: 'Kildehenvisning', field: 'locator', kind: 'text', help: 'Side, kapittel e.l. i kilden.' },
  {
    header: 'Forhold til kilde',
    field: 'sourceRelation',
    kind: 'enum',
    values: SOURCE_RELATIONS,
    help: 'Hvordan definisjonen forholder seg til kilden. Velg fra listen.',
  },
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

/** Kinds whose values a spreadsheet would damage (numbers, dates, codes): kept as Text in the spreadsheet template. */
export const TEXT_KINDS = [
  'id',
  'ids',
  'year',
  'date',
  'url',
  'urls',
  'isbns',
  'issns',
  'doi',
  'language',
  'enum',
] as const satisfies readonly CellKind[];

/** Whether a spreadsheet must keep the column as text (format '@'), so that nothing is turned into a number or date. */
export const mustStayText = (c: ColumnSpec): boolean => c.asText === true || (TEXT_KINDS as readonly CellKind[]).includes(c.kind);

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
