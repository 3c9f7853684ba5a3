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

export interface PublicationTypeSpec {
  /** The Norwegian label shown on the site ("Rapport"). */
  label: string;
  /** CSL-JSON type and genre, as the citation styles read them. */
  csl: { type: string; genre?: string };
  /** schema.org type of the JSON-LD on the entry page. */
  schemaOrg: string;
  /** Dublin Core type (`DC.type`), from the DCMI Type Vocabulary. */
  dublinCore: string;
  /** `rft.genre` of the COinS on list pages (OpenURL book format). */
  coinsGenre: 'report' | 'book' | 'document';
  /** RIS type tag (`TY`). */
  ris: string;
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
    dublinCore: 'Report',
    coinsGenre: 'report',
    ris: 'RPRT',
    bibtex: { read: ['report', 'techreport'], typeIsSeries: true },
    requires: ['year', 'responsible'],
    citation: {},
  },
  notat: {
    label: 'Notat',
    csl: { type: 'report', genre: 'Notat' },
    schemaOrg: 'Report',
    dublinCore: 'Report',
    coinsGenre: 'report',
    ris: 'RPRT',
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  hefte: {
    label: 'Hefte',
    csl: { type: 'pamphlet' },
    schemaOrg: 'Book',
    dublinCore: 'Text',
    coinsGenre: 'book',
    ris: 'PAMP',
    bibtex: { read: ['booklet'] },
    requires: ['year', 'responsible'],
    citation: { genre: 'Hefte' },
  },
  bok: {
    label: 'Bok',
    csl: { type: 'book' },
    schemaOrg: 'Book',
    dublinCore: 'Text',
    coinsGenre: 'book',
    ris: 'BOOK',
    bibtex: { read: ['book', 'mvbook'] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  artikkel: {
    label: 'Artikkel',
    csl: { type: 'article' },
    schemaOrg: 'ScholarlyArticle',
    dublinCore: 'Text',
    coinsGenre: 'document',
    ris: 'GEN',
    bibtex: { read: ['article'] },
    requires: ['year', 'author'],
    citation: {},
  },
  film: {
    label: 'Film',
    csl: { type: 'motion_picture' },
    schemaOrg: 'Movie',
    dublinCore: 'MovingImage',
    coinsGenre: 'document',
    ris: 'MPCT',
    bibtex: { read: ['movie', 'video'] },
    requires: ['responsible'],
    citation: { medium: 'Film' },
  },
  strategi: {
    label: 'Strategi',
    csl: { type: 'report', genre: 'Strategi' },
    schemaOrg: 'Report',
    dublinCore: 'Report',
    coinsGenre: 'report',
    ris: 'RPRT',
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: {},
  },
  avtale: {
    label: 'Avtale',
    csl: { type: 'document' },
    schemaOrg: 'DigitalDocument',
    dublinCore: 'Text',
    coinsGenre: 'document',
    ris: 'GEN',
    bibtex: { read: [] },
    requires: ['responsible'],
    citation: { genre: 'Avtale' },
  },
  nettside: {
    label: 'Nettside',
    csl: { type: 'webpage' },
    schemaOrg: 'WebPage',
    dublinCore: 'Text',
    coinsGenre: 'document',
    ris: 'ELEC',
    bibtex: { read: ['online', 'www', 'electronic'], miscWithUrl: true },
    requires: ['url'],
    citation: {},
  },
  arrangement: {
    label: 'Arrangement',
    csl: { type: 'event' },
    schemaOrg: 'Event',
    dublinCore: 'Event',
    coinsGenre: 'document',
    ris: 'GEN',
    bibtex: { read: [] },
    requires: ['year', 'responsible'],
    citation: { genre: 'Arrangement' },
  },
  presentasjon: {
    label: 'Presentasjon',
    csl: { type: 'speech' },
    schemaOrg: 'PresentationDigitalDocument',
    dublinCore: 'Text',
    coinsGenre: 'document',
    ris: 'SLIDE',
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
