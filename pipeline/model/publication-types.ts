/**
 * The publication types: one row per type with everything any part of the
 * pipeline needs to know about it — its Norwegian label, how each standard
 * and each citation tool calls it, which BibTeX entry types are read as it,
 * and what a source of the type must have.
 *
 * This is the only place that names a type. Every field of a row is required,
 * so a new type that is missing anything does not compile. To add a type, add
 * a row here (and describe it in docs/data-model.md); everything else reads
 * the table.
 */

/** Requirements a source must meet to be found and cited (checked in check/type-requirements.ts). */
export type RequirementId = 'year' | 'responsible' | 'author' | 'url';

/** The Zotero item types the table uses (names from Zotero's schema). */
export type ZoteroItemType = 'report' | 'book' | 'journalArticle' | 'film' | 'manuscript' | 'webpage' | 'presentation' | 'document';

/** The BibLaTeX entry types the export writes (biblatex's standard data model; see enrich/biblatex.ts). */
export type BiblatexEntryType = 'report' | 'book' | 'article' | 'misc' | 'online' | 'unpublished';

export interface PublicationTypeSpec {
  /** The Norwegian label shown on the site ("Rapport"). */
  label: string;
  /** CSL-JSON type and genre, as the citation styles read them. */
  csl: { type: string; genre?: string };
  /** schema.org type of the JSON-LD on the entry page. */
  schemaOrg: string;
  /**
   * The genre in Norwegian, true of every source of the type: `DC.type` on the page, which Zotero copies into its
   * type field (reportType, manuscriptType, presentationType, websiteType); RIS `M3`; CSL `genre` of the CSL-JSON
   * download; BibLaTeX `type` or `entrysubtype` (see `biblatex.label`).
   */
  genre: string;
  /** How Zotero (and the formats it imports) should save the type; see docs/for-forskere.md. */
  zotero: {
    /** Zotero item type: `z.itemType` on the entry page, `rft.type` in a Dublin Core COinS. */
    itemType: ZoteroItemType;
    /** CSL type of the CSL-JSON download, the one Zotero's CSL JSON import reads as `itemType`. */
    csl: string;
    /** Whether the item type has a field for the genre (reportType, manuscriptType, presentationType, websiteType). */
    genreField: boolean;
    /** Whether the title names an event, which Zotero keeps as the meeting name (presentation). */
    eventTitle: boolean;
  };
  /**
   * The COinS on list pages: OpenURL book format with a genre (title in `rft.btitle`), journal format (`rft.atitle`),
   * or Dublin Core format with `rft.type` = the Zotero item type (`rft.title`). Zotero reads `rft.btitle` only for
   * books and reports.
   */
  coins: { format: 'book'; genre: 'report' | 'book' } | { format: 'journal'; genre: 'article' } | { format: 'dc' };
  /** RIS type tag (`TY`), one Zotero and EndNote import as the Zotero item type above. */
  ris: string;
  /**
   * BibLaTeX export: an entry type of biblatex's standard data model, and where the genre goes: `type` (shown by
   * @report, @misc and @unpublished; a report's series takes its place), `entrysubtype`, or nowhere.
   */
  biblatex: { entry: BiblatexEntryType; label: 'type' | 'entrysubtype' | 'none' };
  /** How BibTeX/BibLaTeX files are read: entry types taken as this type, and special cases. */
  bibtex: {
    /** Entry types (lower case) read as this type. */
    read: readonly string[];
    /** `@misc` with a `url` is read as this type. */
    miscWithUrl?: boolean;
    /** A BibLaTeX `type` field (CSL genre) names the series when no series is given ("TemaNord"). */
    typeIsSeries?: boolean;
  };
  /** What a source of this type must have. */
  requires: readonly RequirementId[];
  /**
   * What the reference styles print besides the CSL type: the descriptor in
   * brackets the manuals ask for ("[Film]", "[Hefte]"), as the CSL `genre` (which
   * takes the place of `csl.genre`) or `medium` of the entry's item. Rules CSL
   * cannot express are in cite/reference-rules.ts (`prepareItemForStyle`).
   */
  citation: { genre?: string; medium?: string };
}

export const PUBLICATION_TYPE_TABLE = {
  rapport: {
    label: 'Rapport',
    csl: { type: 'report' },
    schemaOrg: 'Report',
    genre: 'Rapport',
    zotero: { itemType: 'report', csl: 'report', genreField: true, eventTitle: false },
    coins: { format: 'book', genre: 'report' },
    ris: 'RPRT',
    biblatex: { entry: 'report', label: 'type' },
    bibtex: { read: ['report', 'techreport'], typeIsSeries: true },
    requires: ['year', 'responsible'],
    citation: {},
  },
  notat: {
    label: 'Notat',
    csl: { type: 'report', genre: 'Notat' },
    schemaOrg: 'Report',
    genre: 'Notat',
    zotero: { itemType: 'report', csl: 'report', genreField: true, eventTitle: false },
    coins: { format: 'book', genre: 'report' },
    ris: 'RPRT',
    biblatex: { entry: 'report', label: 'type' },
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  hefte: {
    label: 'Hefte',
    csl: { type: 'pamphlet' },
    schemaOrg: 'Book',
    genre: 'Hefte',
    zotero: { itemType: 'book', csl: 'book', genreField: false, eventTitle: false },
    coins: { format: 'book', genre: 'book' },
    ris: 'BOOK',
    biblatex: { entry: 'book', label: 'entrysubtype' },
    bibtex: { read: ['booklet'] },
    requires: ['year', 'responsible'],
    citation: { genre: 'Hefte' },
  },
  bok: {
    label: 'Bok',
    csl: { type: 'book' },
    schemaOrg: 'Book',
    genre: 'Bok',
    zotero: { itemType: 'book', csl: 'book', genreField: false, eventTitle: false },
    coins: { format: 'book', genre: 'book' },
    ris: 'BOOK',
    biblatex: { entry: 'book', label: 'none' },
    bibtex: { read: ['book', 'mvbook'] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  artikkel: {
    label: 'Artikkel',
    csl: { type: 'article' },
    schemaOrg: 'ScholarlyArticle',
    genre: 'Artikkel',
    zotero: { itemType: 'journalArticle', csl: 'article-journal', genreField: false, eventTitle: false },
    coins: { format: 'journal', genre: 'article' },
    ris: 'JOUR',
    biblatex: { entry: 'article', label: 'none' },
    bibtex: { read: ['article'] },
    requires: ['year', 'author'],
    citation: {},
  },
  film: {
    label: 'Film',
    csl: { type: 'motion_picture' },
    schemaOrg: 'Movie',
    genre: 'Film',
    zotero: { itemType: 'film', csl: 'motion_picture', genreField: false, eventTitle: false },
    coins: { format: 'dc' },
    ris: 'MPCT',
    biblatex: { entry: 'misc', label: 'type' },
    bibtex: { read: ['movie', 'video'] },
    requires: ['responsible'],
    citation: { medium: 'Film' },
  },
  strategi: {
    label: 'Strategi',
    csl: { type: 'report', genre: 'Strategi' },
    schemaOrg: 'Report',
    genre: 'Strategi',
    zotero: { itemType: 'report', csl: 'report', genreField: true, eventTitle: false },
    coins: { format: 'book', genre: 'report' },
    ris: 'RPRT',
    biblatex: { entry: 'report', label: 'type' },
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  avtale: {
    label: 'Avtale',
    csl: { type: 'document' },
    schemaOrg: 'DigitalDocument',
    genre: 'Samarbeidsavtale',
    zotero: { itemType: 'manuscript', csl: 'manuscript', genreField: true, eventTitle: false },
    coins: { format: 'dc' },
    ris: 'MANSCPT',
    biblatex: { entry: 'unpublished', label: 'type' },
    bibtex: { read: [] },
    requires: ['responsible'],
    citation: { genre: 'Avtale' },
  },
  nettside: {
    label: 'Nettside',
    csl: { type: 'webpage' },
    schemaOrg: 'WebPage',
    genre: 'Nettside',
    zotero: { itemType: 'webpage', csl: 'webpage', genreField: true, eventTitle: false },
    coins: { format: 'dc' },
    ris: 'ELEC',
    biblatex: { entry: 'online', label: 'none' },
    bibtex: { read: ['online', 'www', 'electronic'], miscWithUrl: true },
    requires: ['url'],
    citation: {},
  },
  arrangement: {
    label: 'Arrangement',
    csl: { type: 'event' },
    schemaOrg: 'Event',
    genre: 'Arrangement',
    zotero: { itemType: 'presentation', csl: 'speech', genreField: true, eventTitle: true },
    coins: { format: 'dc' },
    ris: 'SLIDE',
    biblatex: { entry: 'unpublished', label: 'type' },
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: { genre: 'Arrangement' },
  },
  presentasjon: {
    label: 'Presentasjon',
    csl: { type: 'speech' },
    schemaOrg: 'PresentationDigitalDocument',
    genre: 'Presentasjon',
    zotero: { itemType: 'presentation', csl: 'speech', genreField: true, eventTitle: false },
    coins: { format: 'dc' },
    ris: 'SLIDE',
    biblatex: { entry: 'unpublished', label: 'type' },
    bibtex: { read: [] },
    requires: ['year', 'author'],
    citation: {},
  },
} as const satisfies Record<string, PublicationTypeSpec>;

export type PublicationType = keyof typeof PUBLICATION_TYPE_TABLE;

/** Every type's row, typed as the general spec (so optional fields can be read on any row). */
export const PUBLICATION_TYPES_SPEC: Readonly<Record<PublicationType, PublicationTypeSpec>> = PUBLICATION_TYPE_TABLE;

/** The types in the table's order, which is the order the site lists them in. */
export const PUBLICATION_TYPES = Object.keys(PUBLICATION_TYPE_TABLE) as [PublicationType, ...PublicationType[]];

export const publicationType = (type: PublicationType): PublicationTypeSpec => PUBLICATION_TYPES_SPEC[type];

/** Reports, notes and strategies: the types cited as reports (CSL `report`), issued by an institution. */
export const isReport = (type: PublicationType): boolean => publicationType(type).csl.type === 'report';

/** The publication type a BibTeX entry type is read as, if any. */
export function typeOfBibtexEntry(entryType: string, hasUrl: boolean): PublicationType | undefined {
  const t = entryType.toLowerCase();
  const direct = PUBLICATION_TYPES.find((p) => publicationType(p).bibtex.read.includes(t));
  if (direct) return direct;
  return t === 'misc' && hasUrl ? PUBLICATION_TYPES.find((p) => publicationType(p).bibtex.miscWithUrl) : undefined;
}
