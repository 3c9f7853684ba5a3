/**
 * The corpus of bad inputs: one folder per realistic mistake under
 * test/fixtures/bad/<case>/, holding a data folder and `expected.json` with the
 * exact problems (rule, file, line, column, severity) the check must report —
 * no more, no fewer. `says` is a piece of the formatted message that must be
 * there (a suggestion, the column); `records` lists ids and keys that must be
 * read in spite of the problems.
 */
import type { RuleId } from '../../pipeline/model/rules.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/normalise/ingest.ts';
import { formatProblem, sortProblems, type Problem, type Severity } from '../../pipeline/model/problems.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

interface ExpectedProblem {
  rule: RuleId;
  file: string;
  line: number;
  column: number;
  severity: Severity;
  says?: string;
}

interface Expected {
  description: string;
  problems: ExpectedProblem[];
  records?: Partial<Record<'bibliography' | 'glossary' | 'organisations', string[]>>;
}

const BAD = path.join(FIXTURES, 'bad');
const cases = readdirSync(BAD, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Problems about a whole file, its header or a whole row: no single column to name. */
const WHOLE_FILE_OR_ROW = new Set([
  'data-folder-empty',
  'file-missing',
  'unknown-file',
  'spreadsheet-ignored',
  'file-not-csv',
  'encoding-windows-1252',
  'file-empty',
  'csv-syntax',
  'single-column',
  'header-empty',
  'optional-column-missing',
  'ragged-row',
]);

const shape = (p: Pick<Problem, 'rule' | 'file' | 'line' | 'column' | 'severity'>) => ({
  rule: p.rule,
  file: p.file,
  line: p.line,
  column: p.column,
  severity: p.severity,
});

describe('the corpus of bad inputs', () => {
  it('holds at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(cases)('%s', (name) => {
    const dataDir = path.join(BAD, name, 'data');
    const expected = JSON.parse(readFileSync(path.join(BAD, name, 'expected.json'), 'utf8')) as Expected;

    it('reports exactly the expected problems', async () => {
      const { problems } = await runPipeline(dataDir, { checkOnly: true });
      expect(sortProblems(problems).map(shape)).toEqual(
        sortProblems(expected.problems.map((p) => ({ ...p, message: '', params: {} }))).map(shape),
      );
      for (const want of expected.problems.filter((p) => p.says !== undefined)) {
        const got = problems.find((p) => JSON.stringify(shape(p)) === JSON.stringify(shape(want)))!;
        expect(formatProblem(got)).toContain(want.says);
      }
    });

    it('says what is wrong, how to fix it, and in which column', async () => {
      const { problems } = await runPipeline(dataDir, { checkOnly: true });
      for (const p of problems) {
        // At least two sentences: what is wrong, then what to do.
        expect(p.message.split(/[.?!](\s|$)/).filter((s) => s.trim() !== '').length, formatProblem(p)).toBeGreaterThanOrEqual(2);
        if (p.file.endsWith('.csv') && !WHOLE_FILE_OR_ROW.has(p.rule)) expect(p.field, formatProblem(p)).toBeTruthy();
      }
    });

    if (expected.records) {
      it('still reads the records that are not broken', async () => {
        const { drafts } = await ingest(dataDir);
        const read = {
          bibliography: drafts.bibliography.map((d) => d.key),
          glossary: drafts.glossary.map((d) => d.id),
          organisations: drafts.organisations.map((d) => d.id),
        };
        for (const [kind, ids] of Object.entries(expected.records!)) {
          expect([...read[kind as keyof typeof read]].sort(), kind).toEqual([...ids].sort());
        }
      });
    }
  });
});
