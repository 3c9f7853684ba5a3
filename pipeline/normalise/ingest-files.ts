/**
 * Parse → check → normalise: from the files of a data folder (read from disk
 * by ./ingest.ts, or chosen in a browser on the page /sjekk/) to validated
 * drafts and every problem found on the way. No output is written here, and
 * no Node module is used: this is bundled for the browser.
 */
import { organisationsByName } from '../lib/organisation-names.ts';
import {
  BIBLIOGRAPHY_COLUMNS,
  DEFINITION_COLUMNS,
  GLOSSARY_COLUMNS,
  ORGANISATION_COLUMNS,
  type ColumnSpec,
  type CsvFileName,
  type RecordKind,
} from '../model/columns.ts';
import { bibDraftFromBibtex } from './bibliography-bibtex.ts';
import { bibDraftFromCsv } from './bibliography-csv.ts';
import { checkRecords, type CheckedRecord } from '../check/records.ts';
import type { BibDraft, ConceptDraft, DefinitionDraft, OrganisationDraft, PageDraft } from '../model/drafts.ts';
import { definitionDraftFromCsv } from './definitions-csv.ts';
import { conceptDraftFromCsv } from './glossary-csv.ts';
import { mergeBibliography } from './merge-bibliography.ts';
import { organisationDraftFromCsv } from './organisations-csv.ts';
import { error, hasErrors, type Position, type Problem } from '../model/problems.ts';
import { readBibtex } from '../read/bibtex.ts';
import { parseCsv } from '../read/csv.ts';
import type { DataFiles, SourceFile } from '../read/data-files.ts';
import { cleanText, decodeText } from '../read/decode.ts';
import { readPage } from '../read/pages.ts';
import { mapTable, missingOptionalColumns, type LeftOutRow } from '../check/table.ts';
import { checkTypeRequirements } from '../check/type-requirements.ts';

export interface Drafts {
  bibliography: BibDraft[];
  glossary: ConceptDraft[];
  definitions: DefinitionDraft[];
  organisations: OrganisationDraft[];
  pages: PageDraft[];
}

/**
 * What was not read, so that references to it are explained by the error that
 * caused it instead of being called missing: rows left out because of their
 * own error (by id, with where that error is), and kinds of record whose whole
 * file could not be read (references to them are not reported at all: the
 * file's one problem says it).
 */
export interface NotRead {
  leftOut: Record<RecordKind, Map<string, Position>>;
  brokenFiles: Set<RecordKind>;
}

export interface Ingested {
  drafts: Drafts;
  problems: Problem[];
  /** Number of files read, for the build log. */
  files: number;
  notRead: NotRead;
}

interface CsvRead<F extends string> {
  records: CheckedRecord<F>[];
  /** The file or its header is broken: no row could be read. */
  broken: boolean;
  leftOut: LeftOutRow[];
  /** Fields whose column is not in the header while an unknown column is (renamed, most likely). */
  absent: Set<F>;
}

function readCsvFile<C extends readonly ColumnSpec[]>(
  file: SourceFile | undefined,
  columns: C,
  problems: Problem[],
): CsvRead<C[number]['field']> {
  type F = C[number]['field'];
  const nothing = (broken: boolean): CsvRead<F> => ({ records: [], broken, leftOut: [], absent: new Set() });
  if (!file) return nothing(false);
  const decoded = decodeText(file.bytes, file.display);
  problems.push(...decoded.problems);
  if (hasErrors(decoded.problems)) return nothing(true);
  const table = parseCsv(decoded.text, file.display);
  problems.push(...table.problems);
  // A file that cannot be parsed has no header to check: one message is enough.
  if (hasErrors(table.problems)) return nothing(true);
  const mapped = mapTable(table, columns);
  problems.push(...mapped.problems);
  const headerBroken = mapped.problems.some((p) => p.rule === 'missing-column' || p.rule === 'single-column');
  if (headerBroken) return nothing(true);
  problems.push(...missingOptionalColumns(file.display, columns, mapped.present));
  const checked = checkRecords(mapped.records, columns, mapped.present);
  problems.push(...checked.problems);
  // A column that is missing while the header has an unknown one was probably renamed: the header's problems say so,
  // and rows are not also told that they lack what the column held.
  const renamed = mapped.problems.some((p) => p.rule === 'unknown-column');
  const absent = new Set(renamed ? columns.map((c) => c.field as F).filter((f) => !mapped.present.has(f)) : []);
  return { records: checked.records.filter((r) => r.complete), broken: false, leftOut: [...mapped.leftOut, ...checked.leftOut], absent };
}

/** Report a second record with the same id within one file. */
function uniqueById<
  T extends {
    id: string;
    sources: { file: string; line: number }[];
    at: Partial<Record<string, Position & { field: string }>>;
  },
>(items: T[], problems: Problem[]): T[] {
  const seen = new Map<string, T>();
  return items.filter((item) => {
    const other = seen.get(item.id);
    if (other) {
      const at = item.at.id!;
      const first = other.at.id!;
      problems.push(error('duplicate-key', at, { variant: 'row', id: item.id, other: `${first.file}:${first.line}` }, at.field));
      return false;
    }
    seen.set(item.id, item);
    return true;
  });
}

export async function ingestFiles(files: DataFiles): Promise<Ingested> {
  const problems: Problem[] = [...files.problems];
  const csv = (name: CsvFileName) => files.csv[name];

  const notRead: NotRead = {
    leftOut: { entry: new Map(), concept: new Map(), organisation: new Map() },
    brokenFiles: new Set(),
  };
  const note = <F extends string>(kind: RecordKind, read: CsvRead<F>): CheckedRecord<F>[] => {
    if (read.broken) notRead.brokenFiles.add(kind);
    for (const { id, cause } of read.leftOut) if (!notRead.leftOut[kind].has(id)) notRead.leftOut[kind].set(id, cause);
    return read.records;
  };
  const organisations = uniqueById(
    note('organisation', readCsvFile(csv('organisasjoner.csv'), ORGANISATION_COLUMNS, problems)).map(organisationDraftFromCsv),
    problems,
  );
  const glossary = uniqueById(
    note('concept', readCsvFile(csv('begreper.csv'), GLOSSARY_COLUMNS, problems)).map(conceptDraftFromCsv),
    problems,
  );
  const definitions = readCsvFile(csv('definisjoner.csv'), DEFINITION_COLUMNS, problems).records.map(definitionDraftFromCsv);
  const bibliographyCsv = readCsvFile(csv('bibliografi.csv'), BIBLIOGRAPHY_COLUMNS, problems);
  const csvBib = note('entry', bibliographyCsv).map(bibDraftFromCsv);
  // A known file that is there but cannot be read (a folder, a link): references to its records are explained by that.
  for (const p of files.problems) {
    if (p.rule !== 'file-missing' || p.severity !== 'error') continue;
    const name = p.file.split('/').pop();
    if (name === 'bibliografi.csv') notRead.brokenFiles.add('entry');
    if (name === 'begreper.csv') notRead.brokenFiles.add('concept');
    if (name === 'organisasjoner.csv') notRead.brokenFiles.add('organisation');
  }

  // A .bib publisher names an organisation by its name or short name (the last one with that name, if several).
  const organisationIdsByName = organisationsByName(organisations);
  const bibBib: BibDraft[] = [];
  for (const file of files.bib) {
    const decoded = decodeText(file.bytes, file.display);
    problems.push(...decoded.problems);
    const cleaned = cleanText(decoded.text, file.display);
    problems.push(...cleaned.problems);
    const parsed = readBibtex(cleaned.text, file.display);
    problems.push(...parsed.problems);
    for (const entry of parsed.entries) {
      const { draft, problems: p } = bibDraftFromBibtex(entry, file.display, (n) => organisationIdsByName(n).at(-1));
      problems.push(...p);
      if (draft) bibBib.push(draft);
      else {
        const cause = p.find((x) => x.severity === 'error');
        if (entry.key && cause && !notRead.leftOut.entry.has(entry.key)) notRead.leftOut.entry.set(entry.key, cause);
      }
    }
  }
  const merged = mergeBibliography(csvBib, bibBib);
  problems.push(...merged.problems);
  problems.push(...checkTypeRequirements(merged.drafts, bibliographyCsv.absent));

  const pages: PageDraft[] = [];
  for (const file of files.pages) {
    const decoded = decodeText(file.bytes, file.display);
    problems.push(...decoded.problems);
    const cleaned = cleanText(decoded.text, file.display);
    problems.push(...cleaned.problems);
    const { page, problems: p } = readPage(cleaned.text, file.display);
    problems.push(...p);
    if (page) pages.push(page);
  }
  const count = Object.keys(files.csv).length + files.bib.length + files.pages.length;
  return { drafts: { bibliography: merged.drafts, glossary, definitions, organisations, pages }, problems, files: count, notRead };
}
