/** Definition CSV rows (definisjoner.csv) → definition drafts. */
import type { DefinitionField, SourceRelation } from '../model/columns.ts';
import { withOptional } from '../lib/with-optional.ts';
import type { CheckedRecord } from '../check/records.ts';
import type { DefinitionDraft } from '../model/drafts.ts';

export function definitionDraftFromCsv(record: CheckedRecord<DefinitionField>): DefinitionDraft {
  const v = record.values;
  return withOptional<DefinitionDraft>(
    { concept: v.concept!, definition: v.definition!, source: v.source!, sources: [{ file: record.file, line: record.line }], at: record.at },
    { locator: v.locator, sourceRelation: v.sourceRelation as SourceRelation | undefined },
  );
}
