import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Nodes, Root } from 'mdast';
import { termFinder } from '../../pipeline/link/concept-terms.ts';
import { linkConcepts } from '../../pipeline/link/link-concepts.ts';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown, type ResolveRecord } from '../../pipeline/link/markdown.ts';

const resolve: ResolveRecord = (kind, id) => (id === 'kjent' ? `/${kind}/${id}/` : undefined);

describe('renderMarkdown', () => {
  it('renders Markdown to HTML and plain text', () => {
    const r = renderMarkdown('Om **samarbeid**.\n\n- en\n- to', resolve);
    expect(r.html).toBe('<p>Om <strong>samarbeid</strong>.</p>\n<ul>\n<li>en</li>\n<li>to</li>\n</ul>');
    expect(r.text).toBe('Om samarbeid. en to');
  });

  it("shows only the site's own images, and names the others with their lines", () => {
    const r = renderMarkdown(
      'Eget: ![kart](/bilder/kart.png)\n\n![p](https://sporing.example.com/p.gif) og ![q][q]\n\n[q]: //x.example/q.gif',
      resolve,
    );
    expect(r.html).toBe('<p>Eget: <img src="/bilder/kart.png" alt="kart"></p>\n<p> og </p>');
    expect(r.externalImages).toEqual([
      { url: 'https://sporing.example.com/p.gif', line: 3 },
      { url: '//x.example/q.gif', line: 3 },
    ]);
  });

  it('removes raw HTML, scripts and javascript: links', () => {
    const r = renderMarkdown(
      '<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(1)> [x](javascript:alert(1)) "onmouseover="',
      resolve,
    );
    expect(r.html).not.toMatch(/<script|onerror|javascript:|<img/);
    expect(r.html).toBe('<p>Tekst  <a>x</a> "onmouseover="</p>');
  });

  it('resolves record links and reports the ones that point nowhere, with their line', () => {
    const r = renderMarkdown('[a](kilde:kjent)\n\n[b](begrep:ukjent)', resolve);
    expect(r.html).toContain('<a href="/kilde/kjent/">a</a>');
    expect(r.unresolved).toEqual(['begrep:ukjent']);
    expect(r.unresolvedLines).toEqual([3]);
  });
});

describe('parseMarkdown', () => {
  const parser = unified().use(remarkParse);
  /** A tree without positions (simple texts are not parsed, so have none). */
  const withoutPositions = (tree: unknown): unknown =>
    JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
  // Mostly the characters of prose, so that many texts are plain, with one kind of syntax (so that it is not
  // drowned by others): every character that can start Markdown syntax, and some whole constructs.
  const PROSE = [...'aeøåAÆ19 .,;:?!()-–«»\'"/%'];
  const SYNTAX = [...'\\`*_[]<>&#~|=+\n\r\t\0\u00a0\u2028\ud800', '&amp;', '<b>', '[a](b)', '![a](b)', '1.', '2)', '  ', '- ', '# '];
  const oneSyntax = fc
    .constantFrom(...SYNTAX)
    .chain((syntax) =>
      fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constant(syntax) }), {
        maxLength: 30,
      }),
    )
    .map((parts) => parts.join(''));
  // Links, images and near misses: any text and destination, also with spaces, brackets, quotes and escapes.
  const link = fc
    .tuple(
      fc.constantFrom('', '', '!', ' '),
      fc.array(fc.constantFrom(...'ab ab!*_[]()<&\\\'"'), { maxLength: 5 }),
      fc.array(fc.constantFrom(...'kilde:/x_x_x*()<>& "\'\\%.#'), { maxLength: 8 }),
      fc.constantFrom(')', ')', ') ', ' "t")', ''),
    )
    .map(([before, label, destination, end]) => `${before}[${label.join('')}](${destination.join('')}${end}`);
  const withLinks = fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: link }), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const text = fc.oneof(oneSyntax, withLinks);

  it('gives the tree remark-parse gives, also for the texts it does not parse', () => {
    fc.assert(
      fc.property(text, (markdown) => {
        expect(withoutPositions(parseMarkdown(markdown))).toEqual(withoutPositions(parser.parse(markdown)));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes the HTML the processor writes, with record links resolved and concepts linked', () => {
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
    const terms = termFinder([
      { id: 'sosial-innovasjon', terms: ['sosial innovasjon'] },
      { id: 'a', terms: ['aeø', 'AS'] },
      { id: 'entreprenor', terms: ['entreprenør'] },
    ]);
    const linking = { terms, urlOf: (id: string) => `/begrep/${id}/` };
    const words = fc.constantFrom(
      'sosial innovasjon',
      'Aeøene',
      'entreprenør',
      'AS',
      '«1»',
      '"x"',
      "'",
      '.',
      ' ',
      '[rapporten](kilde:kjent)',
      '[sosial innovasjon](begrep:kjent)',
      '[x](Kilde:ukjent)',
      '[y](https://example.org/a_b?c=d#e)',
      '[z](/side/)',
    );
    const withTerms = fc.array(fc.oneof(text, words), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(withTerms, (markdown) => {
        fc.pre(!markdown.includes('!['));
        // What renderMarkdown does, through the processor: record links resolved, then concepts linked.
        const tree = processor.parse(markdown) as Root;
        const byHand: string[] = [];
        const visit = (node: Nodes) => {
          if (node.type === 'link' || node.type === 'definition') {
            const m = /^(kilde|begrep|organisasjon):(\S+)$/i.exec(node.url);
            const url = m ? resolve(m[1]!.toLowerCase() as 'kilde', m[2]!) : undefined;
            if (m?.[1]!.toLowerCase() === 'begrep') byHand.push(m[2]!);
            if (url) node.url = url;
          }
          if ('children' in node) node.children.forEach(visit);
        };
        visit(tree);
        linkConcepts(tree, linking, byHand);
        const expected = processor.stringify(processor.runSync(tree)).trim();
        expect(renderMarkdown(markdown, resolve, linking).html).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not parse plain prose', () => {
    for (const plain of ['Rapporten viser at 25 kommuner (av 40) samarbeider – også i 2015-2018!', '2015: et år', 'Ja.'])
      expect(parseMarkdown(plain)).toEqual({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: plain }] }] });
    expect(parseMarkdown('Se [rapporten](kilde:loga-2016).')).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Se ' },
            { type: 'link', title: null, url: 'kilde:loga-2016', children: [{ type: 'text', value: 'rapporten' }] },
            { type: 'text', value: '.' },
          ],
        },
      ],
    });
  });
});
