/** Definition CSV rows (definisjoner.csv) → definition drafts. */
import type { CheckedRecord } from '../check/records.ts';
import { DEFINITION_COLUMNS, type DefinitionField } from '../model/columns.ts';
import type { DefinitionDraft } from '../model/drafts.ts';
import { draftFields } from './draft-fields.ts';

export const definitionDraftFromCsv = (record: CheckedRecord<DefinitionField>): DefinitionDraft => ({
  ...draftFields(DEFINITION_COLUMNS, record),
  sources: [{ file: record.file, line: record.line }],
  at: record.at,
});
