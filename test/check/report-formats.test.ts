/**
 * `npm run check -- --format github|gitlab`: the same problems as the text
 * report, as GitHub Actions annotations and as a GitLab Code Quality report.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { error, formatProblem, problemText, warning, type Problem } from '../../pipeline/model/problems.ts';
import { fingerprintOf, formatGithub, formatGitlab, formatProblems } from '../../pipeline/model/report-formats.ts';

const PROBLEMS: Problem[] = [
  warning('whitespace', { file: 'data/begreper.csv', line: 7, column: 2 }, { changes: ['spaces'] }),
  // A value with a per cent sign and a line break, which a workflow command must escape.
  error('isbn-scientific', { file: 'data/bibliografi.csv', line: 3, column: 15 }, { value: '9,78808E+12: 100%\nx' }),
  error('file-empty', { file: 'data/organisasjoner.csv', line: 1, column: 1 }, {}),
];

const EXPECTED_GITLAB = `[
  {
    "description": "Filen er tom: den må minst ha overskriftsraden. Hent tilbake forrige versjon av filen (eller kopier overskriftsraden fra docs/data-model.md).",
    "check_name": "file-empty",
    "fingerprint": "9084e680ad7df72efc1132d2162e9692",
    "severity": "major",
    "location": {
      "path": "data/organisasjoner.csv",
      "lines": {
        "begin": 1
      }
    }
  },
  {
    "description": "'9,78808E+12: 100%\\nx' er et ISBN som regnearket har gjort om til et tall. Sett kolonnen til Tekst og skriv ISBN-et på nytt, med bindestreker.",
    "check_name": "isbn-scientific",
    "fingerprint": "5b8ac70574bc94bf40ebac2ef0a628cd",
    "severity": "major",
    "location": {
      "path": "data/bibliografi.csv",
      "lines": {
        "begin": 3
      }
    }
  },
  {
    "description": "Cellen er renset: fjernet mellomrom for mye. Rett cellen i filen, så forsvinner advarselen.",
    "check_name": "whitespace",
    "fingerprint": "98125c0ba672fb79d5876b18976284ca",
    "severity": "minor",
    "location": {
      "path": "data/begreper.csv",
      "lines": {
        "begin": 7
      }
    }
  }
]`;

describe('--format github', () => {
  it('writes one workflow command per problem, sorted, then the count', () => {
    expect(formatGithub(PROBLEMS)).toBe(
      [
        '::error file=data/organisasjoner.csv,line=1,col=1,title=file-empty::Filen er tom: den må minst ha overskriftsraden. Hent tilbake forrige versjon av filen (eller kopier overskriftsraden fra docs/data-model.md).',
        "::error file=data/bibliografi.csv,line=3,col=15,title=isbn-scientific::'9,78808E+12: 100%25%0Ax' er et ISBN som regnearket har gjort om til et tall. Sett kolonnen til Tekst og skriv ISBN-et på nytt, med bindestreker.",
        '::warning file=data/begreper.csv,line=7,col=2,title=whitespace::Cellen er renset: fjernet mellomrom for mye. Rett cellen i filen, så forsvinner advarselen.',
        '2 feil, 1 advarsel',
      ].join('\n'),
    );
  });

  it('escapes commas and colons in properties', () => {
    const p = error('unknown-file', { file: 'data/a,b:c.csv', line: 1, column: 1 }, { variant: 'page', name: 'x' });
    expect(formatGithub([p]).split('\n')[0]).toBe(`::error file=data/a%2Cb%3Ac.csv,line=1,col=1,title=unknown-file::${p.message}`);
  });

  it('writes only the count when there is nothing to report', () => {
    expect(formatGithub([])).toBe('0 feil, 0 advarsler');
  });
});

const RAGGED = { variant: 'short', cells: 4, header: 26, delimiter: ';' } as const;

describe('--format gitlab', () => {
  it('writes a Code Quality report with stable fingerprints', () => {
    expect(formatGitlab(PROBLEMS)).toBe(EXPECTED_GITLAB);
    // The fingerprint is the MD5 of file, line, column, rule and field, separated by NUL.
    expect(fingerprintOf(PROBLEMS[0]!)).toBe(
      createHash('md5').update('data/begreper.csv\u00007\u00002\u0000whitespace\u0000').digest('hex'),
    );
    expect(formatGitlab([])).toBe('[]');
  });

  it('gives two problems of the same rule in the same place different fingerprints', () => {
    const at = { file: 'data/bibliografi.csv', line: 2, column: 1 };
    const issues = JSON.parse(formatGitlab([error('ragged-row', at, RAGGED), error('ragged-row', at, { ...RAGGED, cells: 5 })])) as {
      fingerprint: string;
    }[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('does not change a fingerprint when only the message is reworded', () => {
    const at = { file: 'data/bibliografi.csv', line: 2, column: 1 };
    expect(fingerprintOf(error('ragged-row', at, RAGGED))).toBe(fingerprintOf(error('ragged-row', at, { ...RAGGED, cells: 5 })));
  });
});

describe('every format', () => {
  it("carries the text report's column note in the message", () => {
    const p = error(
      'invalid-isbn',
      { file: 'data/bibliografi.csv', line: 2, column: 15 },
      { value: '123', trouble: 'length', digits: 3 },
      'ISBN',
    );
    const note = formatProblem(p).slice(formatProblem(p).indexOf(p.message));
    expect(note).not.toBe(p.message);
    expect(problemText(p)).toBe(note);
    expect(formatGithub([p]).split('\n')[0]).toBe(`::error file=data/bibliografi.csv,line=2,col=15,title=invalid-isbn::${note}`);
    expect(JSON.parse(formatGitlab([p]))[0].description).toBe(note);
    expect(formatProblems([p], 'text').split('\n')[0]).toBe(formatProblem(p));
  });
});

describe('npm run check -- --format', () => {
  const CLI = path.resolve('pipeline', 'cli.ts');
  const check = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, 'check', ...args], { encoding: 'utf8' });

  it.each(['isbn-in-scientific-notation', 'language-written-as-names'])(
    'reports the same problems as --json, with the same exit code (%s)',
    (fixture) => {
      const data = path.join('test', 'fixtures', 'bad', fixture, 'data');
      const json = check('--data', data, '--json');
      const { problems } = JSON.parse(json.stdout) as { problems: Problem[] };
      expect(problems.length).toBeGreaterThan(0);
      for (const format of ['github', 'gitlab', 'text'] as const) {
        const run = check('--data', data, '--format', format);
        expect(run.stdout).toBe(formatProblems(problems, format) + '\n');
        expect(run.status).toBe(json.status);
      }
      expect(check('--data', data, '--format', 'json').stdout).toBe(json.stdout);
    },
  );

  it('refuses an unknown format', () => {
    const run = check('--format', 'xml');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--format 'xml'/);
  });
});
