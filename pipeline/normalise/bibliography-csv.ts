/** Bibliography CSV rows → bibliography drafts. */
import type { CheckedRecord } from '../check/records.ts';
import { BIBLIOGRAPHY_COLUMNS, type BibliographyField } from '../model/columns.ts';
import type { BibDraft } from '../model/drafts.ts';
import { draftFields } from './draft-fields.ts';

export function bibDraftFromCsv(record: CheckedRecord<BibliographyField>): BibDraft {
  const fields = draftFields(BIBLIOGRAPHY_COLUMNS, record);
  const draft: BibDraft = { ...fields, publisherNames: [], sources: [{ file: record.file, line: record.line }], at: record.at };
  // A date without a year gives the year.
  if (draft.year === undefined && draft.date !== undefined) draft.year = Number(draft.date.slice(0, 4));
  if (record.rejected.length > 0) draft.rejected = [...record.rejected];
  return draft;
}
