import { describe, it, expect } from 'vitest';
import { formatReferences } from '../../pipeline/cite/format-references.ts';
import { REFERENCE_STYLES, prepareItemForStyle, type CslItem } from '../../pipeline/cite/reference-rules.ts';
import { loadStyleXml } from '../../pipeline/cite/official-styles.ts';
import { Cite, registerStyle } from '../../pipeline/lib/citation-js.ts';

const nordiskMinisterrad: CslItem = {
  id: 'nordisk-ministerrad-2015',
  type: 'report',
  author: [{ literal: 'Nordisk ministerråd' }],
  title: 'Sosialt entreprenørskap og sosial innovasjon: Kartlegging av innsatser for sosialt entreprenørskap og sosial innovasjon i Norden',
  'collection-title': 'TemaNord',
  'collection-number': '2015:502',
  publisher: 'Nordisk ministerråd',
  ISBN: '978-92-893-3898-1',
  DOI: '10.6027/TN2015-502',
  issued: { 'date-parts': [[2015]] },
};

const loga: CslItem = {
  id: 'loga-2016',
  type: 'report',
  author: [
    { family: 'Loga', given: 'Jill M.' },
    { family: 'Eimhjellen', given: 'Ivar' },
    { family: 'Eschweiler', given: 'Jenny' },
    { family: 'Ingstad', given: 'Eline L.' },
    { family: 'Stokstad', given: 'Sigrid' },
    { family: 'Winsvold', given: 'Marte' },
  ],
  title: 'Sosiale entreprenører – partnerskap for nye løsninger',
  'collection-title': 'Rapport',
  number: '1-2016',
  publisher: 'Uni Research Rokkansenteret',
  issued: { 'date-parts': [[2016]] },
};

/** Undated, two authors, a URL with an access date: brings out "and", "n.d." and "Retrieved from" in English. */
const undatedWebPage: CslItem = {
  id: 'undated',
  type: 'webpage',
  author: [
    { family: 'Berg', given: 'Kari' },
    { family: 'Dahl', given: 'Ola' },
  ],
  title: 'Jeg vil bli en sosial entreprenør',
  'container-title': 'Ferd',
  URL: 'https://example.org/sosial-entreprenor',
  accessed: { 'date-parts': [[2024, 3, 13]] },
};

describe('formatReferences', () => {
  const references = formatReferences([nordiskMinisterrad, loga, undatedWebPage]);

  it('gives every item a reference in every style, in the order given', () => {
    expect([...references.keys()]).toEqual(['nordisk-ministerrad-2015', 'loga-2016', 'undated']);
    for (const reference of references.values()) {
      expect(Object.keys(reference)).toEqual(REFERENCE_STYLES.map((style) => style.id));
    }
  });

  it('formats a report by a corporate author in Norsk APA, leaving out the publisher that is the author', () => {
    const apa = references.get('nordisk-ministerrad-2015')!['norsk-apa-manual'];
    expect(apa.text).toBe(
      'Nordisk ministerråd. (2015). Sosialt entreprenørskap og sosial innovasjon: Kartlegging av innsatser for ' +
        'sosialt entreprenørskap og sosial innovasjon i Norden (TemaNord 2015:502). https://doi.org/10.6027/TN2015-502',
    );
    expect(apa.html).toBe(
      'Nordisk ministerråd. (2015). <i>Sosialt entreprenørskap og sosial innovasjon: Kartlegging av innsatser for ' +
        'sosialt entreprenørskap og sosial innovasjon i Norden</i> (TemaNord 2015:502). https://doi.org/10.6027/TN2015-502',
    );
  });

  it('formats a report by six people in Norsk APA: all names, "&" without a comma, series and number', () => {
    const apa = references.get('loga-2016')!['norsk-apa-manual'];
    expect(apa.text).toBe(
      'Loga, J. M., Eimhjellen, I., Eschweiler, J., Ingstad, E. L., Stokstad, S. & Winsvold, M. (2016). ' +
        'Sosiale entreprenører – partnerskap for nye løsninger (Rapport 1-2016). Uni Research Rokkansenteret.',
    );
    expect(apa.html).toBe(
      'Loga, J. M., Eimhjellen, I., Eschweiler, J., Ingstad, E. L., Stokstad, S. &#38; Winsvold, M. (2016). ' +
        '<i>Sosiale entreprenører – partnerskap for nye løsninger</i> (Rapport 1-2016). Uni Research Rokkansenteret.',
    );
  });

  it('uses Norwegian terms, not English ones, in every style', () => {
    const english = [/\band\b/i, /Retrieved from/i, /Available (from|at)/i, /\bet al\./i, /\bn\.d\./i, /\bAccessed\b/i, /\bcited\b/i];
    for (const [id, byStyle] of references) {
      for (const [styleId, { html, text }] of Object.entries(byStyle)) {
        for (const pattern of english) {
          expect(text, `${styleId} ${id}`).not.toMatch(pattern);
          expect(html, `${styleId} ${id}`).not.toMatch(pattern);
        }
      }
    }
    const undated = references.get('undated')!;
    expect(undated['norsk-apa-manual'].text).toBe(
      'Berg, K. & Dahl, O. (u.å.). Jeg vil bli en sosial entreprenør. Ferd. Hentet 13. mars 2024, fra https://example.org/sosial-entreprenor',
    );
    expect(undated['harvard-cite-them-right'].text).toContain('Berg, K. og Dahl, O. (uten dato)');
    expect(undated['vancouver'].text).toContain('[sitert 13. mars 2024]');
    expect(undated['vancouver'].text).toContain('Tilgjengelig på: https://example.org/sosial-entreprenor');
  });

  it('writes in Norwegian the English that the official Vancouver style hard-codes for report numbers', () => {
    // vancouver.csl writes prefix="Report No.: " as a literal, which no locale translates.
    expect(references.get('loga-2016')!.vancouver.text).toContain('Rapport nr. 1-2016');
    expect(references.get('loga-2016')!.vancouver.html).toContain('Rapport nr. 1-2016');
    expect(references.get('loga-2016')!.vancouver.text).not.toContain('Report No.');
  });

  it('gives inline markup only: no block wrapper and no list number', () => {
    for (const byStyle of references.values()) {
      for (const { html, text } of Object.values(byStyle)) {
        expect(html).not.toMatch(/<div|csl-entry|data-csl-entry-id/);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/^\[?\d+[.\]]/);
      }
    }
    expect(references.get('loga-2016')!.vancouver.text).toBe(
      'Loga JM, Eimhjellen I, Eschweiler J, Ingstad EL, Stokstad S, Winsvold M. Sosiale entreprenører – partnerskap ' +
        'for nye løsninger. Uni Research Rokkansenteret; 2016. (Rapport). Rapport nr. 1-2016.',
    );
  });

  it('formats each entry in a batch exactly as the official style formats it alone', () => {
    // Same author and year twice, and undated twice: in one list the official styles would print 2016a/2016b.
    const twin: CslItem = { ...loga, id: 'loga-2016-twin', title: 'Et annet notat' };
    const undatedTwin: CslItem = { ...undatedWebPage, id: 'undated-twin', title: 'En annen side' };
    const items = [nordiskMinisterrad, loga, twin, undatedWebPage, undatedTwin];
    const batched = formatReferences(items);
    for (const { id: styleId } of REFERENCE_STYLES) {
      registerStyle(`test/official/${styleId}`, loadStyleXml(styleId));
      for (const item of items) {
        const alone = new Cite([prepareItemForStyle(item, styleId)])
          .format('bibliography', { format: 'text', template: `test/official/${styleId}`, lang: 'nb-NO' })
          .trim()
          .replace(/^1\. /, '') // Vancouver's list number
          .replace('Report No.: ', 'Rapport nr. '); // the one phrase the official style hard-codes in English
        expect(batched.get(item.id)![styleId].text, `${styleId} ${item.id}`).toBe(alone);
      }
    }
    expect(batched.get('loga-2016-twin')!['norsk-apa-manual'].text).toContain('(2016).');
  });

  it('rejects duplicate ids and an unknown locale', () => {
    expect(() => formatReferences([loga, loga])).toThrow('Duplicate CSL item id "loga-2016"');
    expect(() => formatReferences([loga], 'xx-XX')).toThrow(/Unknown CSL locale "xx-XX"/);
  });

  it('returns an empty map for no items', () => {
    expect(formatReferences([]).size).toBe(0);
  });
});

describe('prepareItemForStyle', () => {
  it('keeps the publisher in Norsk APA when it is not the author, and in other styles always', () => {
    expect(prepareItemForStyle(loga, 'norsk-apa-manual')['publisher']).toBe('Uni Research Rokkansenteret');
    expect(prepareItemForStyle(nordiskMinisterrad, 'norsk-apa-manual')['publisher']).toBeUndefined();
    expect(prepareItemForStyle(nordiskMinisterrad, 'vancouver')['publisher']).toBe('Nordisk ministerråd');
  });

  it('does not change the item it is given', () => {
    const copy = structuredClone(loga);
    prepareItemForStyle(loga, 'norsk-apa-manual');
    expect(loga).toEqual(copy);
  });
});
