/** Organisation CSV rows → organisation drafts. */
import type { CheckedRecord } from '../check/records.ts';
import { ORGANISATION_COLUMNS, type OrganisationField } from '../model/columns.ts';
import type { OrganisationDraft } from '../model/drafts.ts';
import { draftFields } from './draft-fields.ts';

export const organisationDraftFromCsv = (record: CheckedRecord<OrganisationField>): OrganisationDraft => ({
  ...draftFields(ORGANISATION_COLUMNS, record),
  sources: [{ file: record.file, line: record.line }],
  at: record.at,
});
