/** Organisation CSV rows → organisation drafts. */
import type { OrganisationField, OrganisationType } from '../model/columns.ts';
import type { CheckedRecord } from '../check/records.ts';
import type { OrganisationDraft } from '../model/drafts.ts';
import { withOptional } from '../lib/with-optional.ts';

export function organisationDraftFromCsv(record: CheckedRecord<OrganisationField>): OrganisationDraft {
  const v = record.values;
  const draft: OrganisationDraft = {
    id: v.id!,
    name: v.name!,
    type: v.type as OrganisationType,
    sources: [{ file: record.file, line: record.line }],
    at: record.at,
  };
  const extras: Partial<OrganisationDraft> = {
    shortName: v.shortName,
    website: v.url,
    orgNumber: v.orgNumber,
    place: v.place,
    note: v.note,
  };
  return withOptional(draft, extras);
}
