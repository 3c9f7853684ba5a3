/**
 * A publication type is known in one place: the table in
 * model/publication-types.ts. These tests add a type to a copy of the pipeline
 * and show that the compiler points at every field it still lacks, and that a
 * complete row is all the pipeline needs to read, check, link and export it.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLICATION_TYPES } from '../../pipeline/model/publication-types.ts';

const PIPELINE = path.resolve('pipeline');
const TABLE = 'model/publication-types.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve(/\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/** Type errors of the pipeline copy in `dir`, as "file: message". */
async function typeErrors(dir: string): Promise<string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    allowJs: true,
    checkJs: true,
    noUncheckedIndexedAccess: true,
    types: ['node'],
  };
  const program = ts.createProgram(await sourceFiles(dir), options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(dir, d.file.fileName) : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** A row for a new type, `dummy`, written into the table before its closing brace. */
const DUMMY_ROW = `  dummy: {
    label: 'Dummy',
    csl: { type: 'report', genre: 'Dummy' },
    schemaOrg: 'Report',
    genre: 'Dummyrapport',
    zotero: { itemType: 'report', csl: 'report', genreField: true, eventTitle: false },
    coins: { format: 'book', genre: 'report' },
    ris: 'RPRT',
    biblatex: { entry: 'report', label: 'type' },
    bibtex: { read: ['dummyentry'] },
    requires: ['year'],
    citation: {},
  },
`;

async function pipelineCopyWith(row: string): Promise<string> {
  // Inside the project, so that the copy finds node_modules.
  await mkdir(path.resolve('.cache'), { recursive: true });
  const root = await mkdtemp(path.resolve('.cache', 'architecture-test-'));
  const dir = path.join(root, 'pipeline');
  await cp(PIPELINE, dir, { recursive: true });
  const table = path.join(dir, TABLE);
  const source = await readFile(table, 'utf8');
  const marker = '} as const satisfies Record<string, PublicationTypeSpec>;';
  expect(source).toContain(marker);
  await writeFile(table, source.replace(marker, `${row}${marker}`));
  return dir;
}

describe('publication types', () => {
  it("name each type's key in one file under pipeline/ (the table; the column's allowed values read it)", async () => {
    const files = await sourceFiles(PIPELINE);
    for (const type of PUBLICATION_TYPES) {
      const naming: string[] = [];
      for (const f of files) {
        const text = await readFile(f, 'utf8');
        if (new RegExp(`['"\`]${type}['"\`]|^\\s*${type}:`, 'm').test(text)) naming.push(path.relative(PIPELINE, f));
      }
      expect(naming, type).toEqual([TABLE]);
    }
  });

  describe('a new type added to a copy of the table', () => {
    const copies: string[] = [];
    afterAll(async () => {
      for (const c of copies) await rm(path.dirname(c), { recursive: true, force: true });
    });

    it('compiles nowhere while a field of its row is missing, and the compiler names the field', async () => {
      const dir = await pipelineCopyWith(DUMMY_ROW.replace("    ris: 'RPRT',\n", '').replace("    genre: 'Dummyrapport',\n", ''));
      copies.push(dir);
      const errors = await typeErrors(dir);
      expect(errors.length).toBeGreaterThan(0);
      // Every error is in the table, and they name the missing fields.
      expect(
        errors.every((e) => e.startsWith(TABLE)),
        errors.join('\n'),
      ).toBe(true);
      expect(errors.join('\n')).toMatch(/genre|ris/);
    }, 60_000);

    it('with a complete row, compiles and is read, checked, linked and exported with no other edit', async () => {
      const dir = await pipelineCopyWith(DUMMY_ROW);
      copies.push(dir);
      expect(await typeErrors(dir)).toEqual([]);

      const data = path.join(path.dirname(dir), 'data');
      await mkdir(data, { recursive: true });
      await writeFile(
        path.join(data, 'bibliografi.csv'),
        'Nøkkel;Type publikasjon;Tittel;Korporativ forfatter;Utgivelsesår\nny-2020;dummy;Et nytt slags verk;KS;2020\nuten-ar;dummy;Uten år;KS;\n',
      );
      const { runPipeline } = (await import(path.join(dir, 'run.ts'))) as typeof import('../../pipeline/run.ts');
      const result = await runPipeline(data, {});
      // The table's requirement applies: the entry without a year is refused.
      // (The few columns of this file leave out optional ones, which is only a warning.)
      const errors = (problems: typeof result.problems) => problems.filter((p) => p.rule !== 'optional-column-missing');
      expect(errors(result.problems).map((p) => `${p.rule} ${p.line}`)).toEqual(['required-for-type 3']);
      await writeFile(
        path.join(data, 'bibliografi.csv'),
        'Nøkkel;Type publikasjon;Tittel;Korporativ forfatter;Utgivelsesår\nny-2020;dummy;Et nytt slags verk;KS;2020\n',
      );
      const ok = await runPipeline(data, {});
      expect(errors(ok.problems)).toEqual([]);
      const entry = ok.dataset!.bibliography[0]!;
      expect(entry.typeLabel).toBe('Dummy');
      expect(entry.csl).toMatchObject({ type: 'report', genre: 'Dummy' });
      expect(entry.exports.ris).toMatch(/^TY {2}- RPRT/);
      expect(entry.meta).toContainEqual({ name: 'DC.type', content: 'Dummyrapport' });
      expect(entry.exports.bibtex).toMatch(/^@report\{ny-2020,\n/);
      expect(entry.coins).toContain('rft.genre=report');
      expect(ok.dataset!.facets.types.map((t) => t.label)).toEqual(['Dummy']);
    }, 60_000);
  });
});
