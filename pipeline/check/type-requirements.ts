/**
 * Required fields per publication type: what a source of each type must have
 * so that it can be found and cited. Checked on the merged bibliography, so a
 * value may come from the CSV or from a .bib file.
 *
 * A requirement is waived when the record's note (Merknad / `note`) says the
 * information was looked for and not found ("URL er ikke funnet."): then the
 * gap is known and documented, not forgotten.
 */
import { publicationType, type RequirementId } from '../model/publication-types.ts';
import type { BibDraft } from '../model/drafts.ts';
import { error, type Problem } from '../model/problems.ts';
import type { Need } from '../model/messages.ts';

interface Requirement {
  /** What is needed, for the message ("a year"). */
  what: Need;
  /** The draft fields of which at least one must have a value. */
  anyOf: ReadonlyArray<keyof BibDraft>;
  /** Words that, in a note saying the thing was not found, waive the requirement. */
  noteWords: RegExp;
}

const YEAR: Requirement = { what: 'year', anyOf: ['year', 'date'], noteWords: /(utgivelsesår|årstall|år|dato|utgivelsesdato)/ };
const RESPONSIBLE: Requirement = {
  what: 'responsible',
  anyOf: ['persons', 'corporateAuthors', 'performers', 'publishers', 'publisherNames'],
  noteWords: /(forfatter|forfattere|utgiver|oppdragsutfører|opphav)/,
};
const AUTHOR: Requirement = {
  what: 'author',
  anyOf: ['persons', 'corporateAuthors'],
  noteWords: /(forfatter|forfattere)/,
};
const URL: Requirement = { what: 'url', anyOf: ['fullTextUrl', 'pdfUrl'], noteWords: /(url|adresse|lenke)/ };

const REQUIREMENTS: Record<RequirementId, Requirement> = { year: YEAR, responsible: RESPONSIBLE, author: AUTHOR, url: URL };

/** CSV column and BibTeX field to name in the message, by draft field. */
const WHERE: Partial<Record<keyof BibDraft, { csv: string; bib: string }>> = {
  year: { csv: 'Utgivelsesår', bib: 'year' },
  date: { csv: 'Dato', bib: 'date' },
  persons: { csv: 'Forfatter', bib: 'author' },
  corporateAuthors: { csv: 'Korporativ forfatter', bib: 'author' },
  performers: { csv: 'Oppdragsutfører', bib: 'institution' },
  publishers: { csv: 'Utgiver', bib: 'publisher' },
  fullTextUrl: { csv: 'URL', bib: 'url' },
  pdfUrl: { csv: 'PDF', bib: 'url' },
};

function hasValue(draft: BibDraft, field: keyof BibDraft): boolean {
  const v = draft[field];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
}

/** True when a sentence of the note says the thing was not found or is unknown. */
function documentedAsMissing(note: string | undefined, words: RegExp): boolean {
  if (!note) return false;
  return note
    .toLocaleLowerCase('nb')
    .split(/[.!?\n]+/)
    .some((sentence) => {
      const hasWord = new RegExp(`(?<![\\p{L}\\p{N}])${words.source}(?![\\p{L}\\p{N}])`, 'u').test(sentence);
      return hasWord && /(ikke funnet|ikke kjent|ikke oppgitt|ukjent|mangler|finnes ikke)/.test(sentence);
    });
}

/**
 * `absentFromCsv` holds the fields whose column is not in bibliografi.csv's
 * header: a requirement one of them could meet is not checked for rows of the
 * CSV (the header's problem is reported once, not as a gap in every row).
 */
export function checkTypeRequirements(drafts: readonly BibDraft[], absentFromCsv: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  for (const d of drafts) {
    const fromCsv = d.sources[0]!.file.toLowerCase().endsWith('.csv');
    for (const req of publicationType(d.type).requires.map((id) => REQUIREMENTS[id])) {
      if (req.anyOf.some((f) => hasValue(d, f) || d.rejected?.includes(f)) || documentedAsMissing(d.note, req.noteWords)) continue;
      if (fromCsv && req.anyOf.some((f) => absentFromCsv.has(f))) continue;
      const names = [...new Set(req.anyOf.map((f) => WHERE[f]?.[fromCsv ? 'csv' : 'bib']).filter((n): n is string => n !== undefined))];
      const first = req.anyOf[0]!;
      const at = d.at[first as string] ?? {
        file: d.sources[0]!.file,
        line: d.sources[0]!.line,
        column: 1,
        field: names[0] ?? String(first),
      };
      problems.push(
        error(
          'required-for-type',
          {
            file: at.file,
            line: at.line,
            column: at.column,
            ...(at.row !== undefined ? { row: at.row } : {}),
            ...(at.record ? { record: at.record } : {}),
          },
          { key: d.key, type: d.type, need: req.what, fill: names, noteColumn: fromCsv ? 'Merknad' : 'note' },
          fromCsv ? (WHERE[first]?.csv ?? at.field) : (WHERE[first]?.bib ?? at.field),
        ),
      );
    }
  }
  return problems;
}
