/**
 * The BibLaTeX export is safe and valid: no value can add a field or an entry
 * or run a command; biber's data-model validation is silent on the shipped
 * bibliography; pandoc reads every entry back with its text unchanged,
 * including a fixture whose every field holds LaTeX-special and brace payloads.
 *
 * biber and pandoc are Debian packages (`.ci/run` installs them). Without them
 * the tool tests are skipped with a loud message; under CI=true a missing tool
 * fails them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latexEscape, latexFromMarkup } from '../../pipeline/lib/latex.ts';
import type { CslItem } from '../../pipeline/model/types.ts';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { FIXTURES, SHIPPED_DATA } from '../helpers/fixtures.ts';

const CI = process.env.CI === 'true';

/** Whether a command runs here; warns loudly (and fails under CI) when it does not. */
function available(command: string): boolean {
  const ok = spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
  if (!ok) {
    const message = `*** ${command} is not installed: the BibLaTeX ${command} tests are SKIPPED (apt-get install ${command}) ***`;
    if (CI) throw new Error(message);
    console.warn(message);
  }
  return ok;
}

describe('LaTeX escaping', () => {
  it('writes every special character so that it prints as itself', () => {
    expect(latexEscape('{ } \\ % & # $ _ ^ ~')).toBe(
      '\\{\\vphantom{\\}} \\vphantom{\\{}\\} {\\textbackslash} \\% \\& \\# \\$ \\_ {\\textasciicircum} {\\textasciitilde}',
    );
    expect(latexEscape('a--b---c')).toBe('a-{}-b-{}-{}-c');
  });

  it('keeps braces balanced whatever the text', () => {
    for (const text of ['}', '{', '}}}{', 'x}, author = {Injected Author}, note = {y', '\\', '\\{']) {
      let depth = 0;
      for (const c of latexEscape(text)) {
        depth += c === '{' ? 1 : c === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth, text).toBe(0);
    }
  });

  it('turns the HTML markup of a title into LaTeX, and drops what it does not know', () => {
    expect(latexFromMarkup('Om <i>kursiv</i>, <b>fet</b> og H<sub>2</sub>O <script>x</script> <i>åpen')).toBe(
      'Om \\emph{kursiv}, \\textbf{fet} og H\\textsubscript{2}O x \\emph{åpen}',
    );
  });
});

describe('the BibLaTeX downloads', () => {
  let shipped: BuiltSite;
  let fixture: BuiltSite;
  let tmp: string;
  beforeAll(async () => {
    shipped = await buildInto(SHIPPED_DATA);
    fixture = await buildInto(path.join(FIXTURES, 'every-type', 'data'));
    tmp = await mkdtemp(path.join(tmpdir(), 'kildebank-biblatex-'));
  }, 120_000);
  afterAll(async () => {
    for (const dir of [shipped?.root, fixture?.root, tmp]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hold one entry per record, with only the fields written (no injected field or entry)', () => {
    for (const site of [shipped, fixture]) {
      const bib = site.dataset.exports.bibtex;
      expect(bib.match(/^@/gm)).toHaveLength(site.dataset.bibliography.length);
      expect(bib).not.toMatch(/^\s*author = \{Injected/m);
      // Every field line is one of ours, and no value holds a command other than the escapes and markup.
      for (const line of bib.split('\n').filter((l) => l.startsWith('  '))) expect(line).toMatch(/^ {2}[a-z]+ = \{.*\},$/);
      const commands = new Set([...bib.matchAll(/\\([a-zA-Z]+)/g)].map((m) => m[1]));
      for (const c of commands) expect(['textbackslash', 'vphantom', 'textasciicircum', 'textasciitilde', 'emph', 'textbf']).toContain(c);
    }
    expect(fixture.dataset.exports.bibtex).toContain('{\\textbackslash}input\\{\\vphantom{\\}}/etc/passwd');
  });

  /** biber's validation warnings for a .bib file, one per line. */
  function biberWarnings(file: string): string[] {
    const out = spawnSync('biber', ['--tool', '--validate-datamodel', `--output-file=${file}.out`, file], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    return (out.stdout + out.stderr)
      .split('\n')
      .filter((l) => /^(WARN|ERROR) - /.test(l))
      .map((l) => l.replace(file, 'FILE'));
  }

  it('pass biber --validate-datamodel without a warning (the shipped data) or with the one expected (the fixture)', async () => {
    if (!available('biber')) return;
    const shippedFile = path.join(tmp, 'shipped.bib');
    await writeFile(shippedFile, await shipped.page('/nedlasting/kildebank.bib'));
    expect(biberWarnings(shippedFile)).toEqual([]);
    const fixtureFile = path.join(tmp, 'fixture.bib');
    await writeFile(fixtureFile, await fixture.page('/nedlasting/kildebank.bib'));
    // An article needs its journal's title, for which Kildebank has no column (docs/for-forskere.md).
    expect(biberWarnings(fixtureFile)).toEqual(["WARN - Datamodel: Entry 't-artikkel' (FILE): Missing mandatory field 'journaltitle'"]);
  }, 60_000);

  it('read back by pandoc with every text unchanged, one entry per record', async () => {
    if (!available('pandoc')) return;
    for (const [name, site] of [
      ['shipped', shipped],
      ['fixture', fixture],
    ] as const) {
      const file = path.join(tmp, `${name}.bib`);
      await writeFile(file, site.dataset.exports.bibtex);
      const out = spawnSync('pandoc', ['-f', 'biblatex', '-t', 'csljson', file], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      const back = JSON.parse(out.stdout) as CslItem[];
      const csl = JSON.parse(site.dataset.exports.csljson) as CslItem[];
      expect(back.map((i) => i.id)).toEqual(csl.map((i) => i.id));
      for (const [i, item] of csl.entries()) {
        const read = back[i]!;
        expect(read.title, item.id).toBe(item.title);
        expect(read.author, item.id).toEqual(item.author);
        for (const f of ['abstract', 'URL', 'DOI', 'keyword', 'publisher-place'] as const) expect(read[f], `${item.id} ${f}`).toBe(item[f]);
        if (item.type === 'report') expect(read.number, item.id).toBe(item.number);
        expect(read.issued, item.id).toEqual(item.issued);
      }
    }
  }, 60_000);
});
