import { describe, expect, it } from 'vitest';
import { renderMarkdown, type ResolveRecord } from '../../pipeline/link/markdown.ts';

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
