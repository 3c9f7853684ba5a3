/**
 * Read → parse → check → normalise: from a data folder to validated drafts and
 * every problem found on the way. No output is written here.
 */
import {
  BIBLIOGRAPHY_COLUMNS,
  DEFINITION_COLUMNS,
  GLOSSARY_COLUMNS,
  ORGANISATION_COLUMNS,
  type ColumnSpec,
  type CsvFileName,
} from '../model/columns.ts';
import { bibDraftFromBibtex } from './bibliography-bibtex.ts';
import { bibDraftFromCsv } from './bibliography-csv.ts';
import { checkRecords, type CheckedRecord } from '../check/records.ts';
import type { BibDraft, ConceptDraft, DefinitionDraft, OrganisationDraft, PageDraft } from '../model/drafts.ts';
import { definitionDraftFromCsv } from './definitions-csv.ts';
import { conceptDraftFromCsv } from './glossary-csv.ts';
import { mergeBibliography } from './merge-bibliography.ts';
import { organisationDraftFromCsv } from './organisations-csv.ts';
import { error, hasErrors, type Problem } from '../model/problems.ts';
import { readBibtex } from '../read/bibtex.ts';
import { parseCsv } from '../read/csv.ts';
import { readDataFolder, type SourceFile } from '../read/data-folder.ts';
import { decodeText } from '../read/decode.ts';
import { readPage } from '../read/pages.ts';
import { mapTable } from '../check/table.ts';
import { checkTypeRequirements } from '../check/type-requirements.ts';

export interface Drafts {
  bibliography: BibDraft[];
  glossary: ConceptDraft[];
  definitions: DefinitionDraft[];
  organisations: OrganisationDraft[];
  pages: PageDraft[];
}

export interface Ingested {
  drafts: Drafts;
  problems: Problem[];
  /** Number of files read, for the build log. */
  files: number;
}

function readCsvFile<C extends readonly ColumnSpec[]>(
  file: SourceFile | undefined,
  columns: C,
  problems: Problem[],
): CheckedRecord<C[number]['field']>[] {
  if (!file) return [];
  const decoded = decodeText(file.bytes, file.display);
  problems.push(...decoded.problems);
  if (hasErrors(decoded.problems)) return [];
  const table = parseCsv(decoded.text, file.display);
  problems.push(...table.problems);
  // A file that cannot be parsed has no header to check: one message is enough.
  if (hasErrors(table.problems)) return [];
  const mapped = mapTable(table, columns);
  problems.push(...mapped.problems);
  const checked = checkRecords(mapped.records, columns, mapped.present);
  problems.push(...checked.problems);
  return checked.records.filter((r) => r.complete);
}

/** Report a second record with the same id within one file. */
function uniqueById<
  T extends {
    id: string;
    sources: { file: string; line: number }[];
    at: Partial<Record<string, { file: string; line: number; column: number; field: string }>>;
  },
>(items: T[], problems: Problem[]): T[] {
  const seen = new Map<string, T>();
  return items.filter((item) => {
    const other = seen.get(item.id);
    if (other) {
      const at = item.at.id!;
      problems.push(
        error(
          'duplicate-key',
          at,
          `The id '${item.id}' is used twice: also on line ${other.sources[0]!.line}. Every row needs its own id: give this one another id, or delete the row if it is a copy.`,
          at.field,
        ),
      );
      return false;
    }
    seen.set(item.id, item);
    return true;
  });
}

export async function ingest(dataDir: string): Promise<Ingested> {
  const files = await readDataFolder(dataDir);
  const problems: Problem[] = [...files.problems];
  const csv = (name: CsvFileName) => files.csv[name];

  const organisations = uniqueById(
    readCsvFile(csv('organisasjoner.csv'), ORGANISATION_COLUMNS, problems).map(organisationDraftFromCsv),
    problems,
  );
  const glossary = uniqueById(readCsvFile(csv('begreper.csv'), GLOSSARY_COLUMNS, problems).map(conceptDraftFromCsv), problems);
  const definitions = readCsvFile(csv('definisjoner.csv'), DEFINITION_COLUMNS, problems).map(definitionDraftFromCsv);
  const csvBib = readCsvFile(csv('bibliografi.csv'), BIBLIOGRAPHY_COLUMNS, problems).map(bibDraftFromCsv);

  const orgByName = new Map<string, string>();
  for (const o of organisations) for (const n of [o.name, o.shortName]) if (n) orgByName.set(n.toLocaleLowerCase('nb'), o.id);
  const bibBib: BibDraft[] = [];
  for (const file of files.bib) {
    const decoded = decodeText(file.bytes, file.display);
    problems.push(...decoded.problems);
    const parsed = readBibtex(decoded.text, file.display);
    problems.push(...parsed.problems);
    for (const entry of parsed.entries) {
      const { draft, problems: p } = bibDraftFromBibtex(entry, file.display, (n) => orgByName.get(n.toLocaleLowerCase('nb')));
      problems.push(...p);
      if (draft) bibBib.push(draft);
    }
  }
  const merged = mergeBibliography(csvBib, bibBib);
  problems.push(...merged.problems);
  problems.push(...checkTypeRequirements(merged.drafts));

  const pages: PageDraft[] = [];
  for (const file of files.pages) {
    const decoded = decodeText(file.bytes, file.display);
    problems.push(...decoded.problems);
    const { page, problems: p } = readPage(decoded.text, file.display);
    problems.push(...p);
    if (page) pages.push(page);
  }
  const count = Object.keys(files.csv).length + files.bib.length + files.pages.length;
  return { drafts: { bibliography: merged.drafts, glossary, definitions, organisations, pages }, problems, files: count };
}
