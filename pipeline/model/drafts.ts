/**
 * Records after validation and before linking: plain values, references still
 * as ids. Internal to the pipeline; the emitted shapes are in model/types.ts.
 */
import type { ConceptStatus, OrganisationType, SourceRelation } from './columns.ts';
import type { PublicationType } from './publication-types.ts';
import type { Person, SourceRef } from './types.ts';
import type { Position } from './problems.ts';

export interface BibDraft {
  key: string;
  type: PublicationType;
  title: string;
  subtitle?: string;
  persons: Person[];
  corporateAuthors: string[];
  year?: number;
  date?: string;
  performers: string[];
  commissioners: string[];
  publishers: string[];
  /** Publisher names from BibTeX that match no organisation. */
  publisherNames: string[];
  place?: string;
  series?: string;
  number?: string;
  isbn: string[];
  issn: string[];
  pages?: string;
  language?: string;
  url?: string;
  pdfUrl?: string;
  doi?: string;
  handle?: string;
  abstract?: string;
  keywords: string[];
  note?: string;
  dateAdded?: string;
  sources: SourceRef[];
  /** Where each field's value came from, for messages about it. */
  at: Partial<Record<string, Position & { field: string }>>;
  /** Fields that had a value which was reported as invalid and left out (so no second message says they are empty). */
  rejected?: string[];
}

export interface ConceptDraft {
  id: string;
  termNb: string;
  termNn?: string;
  termEn?: string;
  admitted: string[];
  discouraged: string[];
  definition: string;
  source?: string;
  locator?: string;
  sourceRelation?: SourceRelation;
  note?: string;
  noteSource?: string;
  example?: string;
  related: string[];
  broader: string[];
  narrower: string[];
  subject?: string;
  status?: ConceptStatus;
  sortKey?: string;
  sources: SourceRef[];
  at: Partial<Record<string, Position & { field: string }>>;
}

/** A further definition of a concept, attributed to a source. */
export interface DefinitionDraft {
  concept: string;
  definition: string;
  source: string;
  locator?: string;
  sourceRelation?: SourceRelation;
  sources: SourceRef[];
  at: Partial<Record<string, Position & { field: string }>>;
}

export interface OrganisationDraft {
  id: string;
  name: string;
  shortName?: string;
  type: OrganisationType;
  website?: string;
  orgNumber?: string;
  place?: string;
  note?: string;
  sources: SourceRef[];
  at: Partial<Record<string, Position & { field: string }>>;
}

export interface PageDraft {
  slug: string;
  order: number;
  title: string;
  body: string;
  sources: SourceRef[];
}

