import { describe, expect, it } from 'vitest';
import { termFinder } from '../../pipeline/link/concept-terms.ts';
import { renderMarkdown, type ResolveRecord } from '../../pipeline/link/markdown.ts';

const terms = termFinder([
  { id: 'sosiale-entreprenorer', terms: ['sosiale entreprenører', 'sosial entreprenør'] },
  { id: 'entreprenor', terms: ['entreprenør'] },
  { id: 'innovasjon', terms: ['innovasjon'] },
  { id: 'sosial-innovasjon', terms: ['sosial innovasjon'] },
  { id: 'aksjeselskap', terms: ['aksjeselskap', 'AS'] },
]);
const resolve: ResolveRecord = (kind, id) => `/${kind}/${id}/`;
const linking = { terms, urlOf: (id: string) => `/begrep/${id}/` };
const render = (md: string, selfId?: string) => renderMarkdown(md, resolve, { ...linking, ...(selfId ? { selfId } : {}) });

describe('termFinder', () => {
  it.each([
    ['entreprenør', 'entreprenor'],
    ['entreprenøren', 'entreprenor'],
    ['entreprenører', 'entreprenor'],
    ['entreprenørene', 'entreprenor'],
    ['innovasjonen', 'innovasjon'],
    ['innovasjoner', 'innovasjon'],
    ['Sosiale entreprenørene', 'sosiale-entreprenorer'],
    ['en sosial entreprenør', 'sosiale-entreprenorer'],
    ['aksjeselskapet', 'aksjeselskap'],
    ['et AS', 'aksjeselskap'],
  ])('finds %j as %s', (text, id) => {
    expect(terms.find(text).map((m) => m.conceptId)).toEqual([id]);
  });

  it('never matches inside another word, and acronyms only as written', () => {
    expect(terms.find('tjenesteinnovasjon og entreprenørskap, as')).toEqual([]);
  });

  it('prefers the longest term', () => {
    expect(terms.find('sosial innovasjon').map((m) => m.conceptId)).toEqual(['sosial-innovasjon']);
  });
});

describe('linking concepts in Markdown', () => {
  it('links the first mention only, keeping the inflected form', () => {
    const r = render('Innovasjonen er ny. Mer innovasjon.');
    expect(r.html).toBe('<p><a href="/begrep/innovasjon/">Innovasjonen</a> er ny. Mer innovasjon.</p>');
    expect(r.concepts).toEqual(['innovasjon']);
  });

  it('leaves headings, existing links and code alone', () => {
    const r = render('# Om innovasjon\n\n[innovasjon her](https://example.org) og `innovasjon`\n\nSå innovasjon.');
    expect(r.html).toContain('<h1>Om innovasjon</h1>');
    expect(r.html).toContain('<a href="https://example.org">innovasjon her</a>');
    expect(r.html).toContain('<code>innovasjon</code>');
    expect(r.html).toContain('Så <a href="/begrep/innovasjon/">innovasjon</a>.');
  });

  it('does not link a concept a hand-made link already points to', () => {
    const r = render('[Innovasjon](begrep:innovasjon) og innovasjon.');
    expect(r.html).toBe('<p><a href="/begrep/innovasjon/">Innovasjon</a> og innovasjon.</p>');
  });

  it('never links a concept on its own page', () => {
    expect(render('Innovasjon skaper verdi.', 'innovasjon').html).toBe('<p>Innovasjon skaper verdi.</p>');
  });

  it('links inside emphasis and lists', () => {
    expect(render('- *en entreprenør*').html).toBe('<ul>\n<li><em>en <a href="/begrep/entreprenor/">entreprenør</a></em></li>\n</ul>');
  });
});
