/**
 * Records after checking and before linking: one property per CSV column,
 * named and typed by model/columns.ts, references still as ids. Internal to
 * the pipeline; the emitted shapes are in model/types.ts.
 */
import type { BIBLIOGRAPHY_COLUMNS, DEFINITION_COLUMNS, DraftFields, GLOSSARY_COLUMNS, ORGANISATION_COLUMNS } from './columns.ts';
import type { Position } from './problems.ts';

/** Where a record came from, for messages and for the merge report. */
export interface SourceLine {
  file: string;
  line: number;
}

/** Where each field's value came from, for messages about it. */
export type FieldPositions = Partial<Record<string, Position & { field: string }>>;

interface Provenance {
  sources: SourceLine[];
  at: FieldPositions;
}

export type BibDraft = DraftFields<typeof BIBLIOGRAPHY_COLUMNS> &
  Provenance & {
    /** Publisher names from BibTeX that match no organisation. */
    publisherNames: string[];
    /** Fields that had a value which was reported as invalid and left out (so no second message says they are empty). */
    rejected?: string[];
  };

export type ConceptDraft = DraftFields<typeof GLOSSARY_COLUMNS> & Provenance;

/** A further definition of a concept, attributed to a source. */
export type DefinitionDraft = DraftFields<typeof DEFINITION_COLUMNS> & Provenance;

export type OrganisationDraft = DraftFields<typeof ORGANISATION_COLUMNS> & Provenance;

export interface PageDraft {
  slug: string;
  order: number;
  title: string;
  body: string;
  sources: SourceLine[];
}
