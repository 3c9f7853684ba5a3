/**
 * The reference list formatter (pipeline/cite/reference-list.ts), which the
 * browser runs: with the entry pages' variant it prints, for every shipped
 * entry and style, exactly the reference the build prints; as a list it sorts
 * and adds year suffixes as each official style does; and the bundle that emit
 * writes has no eval (the site's CSP forbids it).
 */
import CSL from 'citeproc';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceListStyles } from '../../pipeline/cite/format-references.ts';
import { REFERENCE_STYLES } from '../../pipeline/cite/reference-rules.ts';
import { bucketCount, bucketOf, formatReferenceList, type Citeproc } from '../../pipeline/cite/reference-list.ts';
import { bundleReferenceList } from '../../pipeline/emit/reference-list.ts';
import { startReferences } from '../../pipeline/cite/add-references.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { Dataset } from '../../pipeline/model/types.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';

const citeproc = CSL as Citeproc;

describe('the reference list formatter', () => {
  let dataset: Dataset;
  const styles = referenceListStyles();
  beforeAll(async () => {
    const result = await runPipeline(SHIPPED_DATA, { cite: startReferences });
    dataset = result.dataset!;
  });

  it('prints every shipped entry in every style as the build does (the standalone variant)', () => {
    for (const entry of dataset.bibliography) {
      for (const { id } of REFERENCE_STYLES) {
        const [formatted] = formatReferenceList(citeproc, styles, id, [entry.csl], 'standalone');
        const built = entry.references.find((r) => r.style === id)!;
        expect({ html: formatted!.html, text: formatted!.text }, `${entry.key} ${id}`).toEqual({ html: built.html, text: built.text });
      }
    }
  });

  it('sorts a list and gives the two KS works of 2016 year suffixes in Norsk APA and Harvard', () => {
    const items = ['loga-2016', 'ks-2016-hefte', 'ks-2016-fagseminar'].map((k) => dataset.bibliography.find((e) => e.key === k)!.csl);
    const apa = formatReferenceList(citeproc, styles, 'norsk-apa-manual', items);
    // By author, then date: the booklet (2016) before the seminar (2016, 8. april).
    expect(apa.map((r) => r.id)).toEqual(['ks-2016-hefte', 'ks-2016-fagseminar', 'loga-2016']);
    expect(apa[0]!.text).toMatch(/^KS\. \(2016a\)/);
    expect(apa[1]!.text).toMatch(/^KS\. \(2016b, 8\. april\)/);
    const harvard = formatReferenceList(citeproc, styles, 'harvard-cite-them-right', items);
    expect(harvard.map((r) => r.text.slice(0, 10))).toEqual(['KS (2016a)', 'KS (2016b)', 'Loga, J.M.']);
    const vancouver = formatReferenceList(citeproc, styles, 'vancouver', items);
    expect(vancouver.map((r) => [r.id, r.label])).toEqual([
      ['loga-2016', '1.'],
      ['ks-2016-hefte', '2.'],
      ['ks-2016-fagseminar', '3.'],
    ]);
  });

  it('cuts the entries into few files, and finds each from its key', () => {
    expect(bucketCount(0)).toBe(1);
    expect(bucketCount(16)).toBe(1);
    expect(bucketCount(10_000)).toBe(256);
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 10_000; i++) counts[bucketOf(`forfatter-${i}-2016`, 256)]!++;
    expect(Math.max(...counts)).toBeLessThan(80);
  });

  it('is bundled for the browser without eval or new Function', async () => {
    const bundle = await bundleReferenceList();
    expect(bundle).toContain('KildebankReferenceList');
    expect(bundle).not.toMatch(/\beval\(|new Function\(/);
    expect(await bundleReferenceList()).toBe(bundle);
  });
});
