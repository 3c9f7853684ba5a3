/** Glossary CSV rows → concept drafts. */
import type { CheckedRecord } from '../check/records.ts';
import { GLOSSARY_COLUMNS, type GlossaryField } from '../model/columns.ts';
import type { ConceptDraft } from '../model/drafts.ts';
import { draftFields } from './draft-fields.ts';

export const conceptDraftFromCsv = (record: CheckedRecord<GlossaryField>): ConceptDraft => ({
  ...draftFields(GLOSSARY_COLUMNS, record),
  sources: [{ file: record.file, line: record.line }],
  at: record.at,
});
