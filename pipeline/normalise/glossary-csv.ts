/** Glossary CSV rows → concept drafts. */
import type { ConceptStatus, GlossaryField, SourceRelation } from '../model/columns.ts';
import { splitList } from '../check/cells.ts';
import type { CheckedRecord } from '../check/records.ts';
import type { ConceptDraft } from '../model/drafts.ts';
import { withOptional } from '../lib/with-optional.ts';

export function conceptDraftFromCsv(record: CheckedRecord<GlossaryField>): ConceptDraft {
  const v = record.values;
  const draft: ConceptDraft = {
    id: v.id!,
    termNb: v.termNb!,
    admitted: splitList(v.admitted),
    discouraged: splitList(v.discouraged),
    definition: v.definition!,
    related: splitList(v.related),
    broader: splitList(v.broader),
    narrower: splitList(v.narrower),
    sources: [{ file: record.file, line: record.line }],
    at: record.at,
  };
  const extras: Partial<ConceptDraft> = {
    termNn: v.termNn,
    termEn: v.termEn,
    source: v.source,
    locator: v.locator,
    sourceRelation: v.sourceRelation as SourceRelation | undefined,
    note: v.note,
    noteSource: v.noteSource,
    example: v.example,
    subject: v.subject,
    status: v.status as ConceptStatus | undefined,
    sortKey: v.sortKey,
  };
  return withOptional(draft, extras);
}
