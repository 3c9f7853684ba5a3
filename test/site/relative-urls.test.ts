import { describe, expect, it } from 'vitest';
import { relativeRoot, rewriteUrls } from '../../site/_config/relative-urls.js';

/** The regular expression the scan replaced: the oracle. */
const byExpression = (html: string, root: string) => html.replace(/(\s(?:href|src|action|poster|data-href)=")\/(?!\/)/g, `$1${root}`);

describe('rewriteUrls', () => {
  it('rewrites site-absolute URLs of the URL attributes, and nothing else', () => {
    const html =
      '<a href="/begrep/x/">a</a><img src="/assets/a.png"><form action="/sok/"><video poster="/p.jpg"></video>' +
      '<b data-href="/bibliografi/"></b><a href="//cdn.example/x">cdn</a><a href="https://example.org/">ext</a>' +
      '<a title="/not/a/url">t</a><a xlink:href="/x">x</a><a\nhref="/newline/">n</a><a href="/">home</a>';
    expect(rewriteUrls(html, '../../')).toBe(
      '<a href="../../begrep/x/">a</a><img src="../../assets/a.png"><form action="../../sok/"><video poster="../../p.jpg"></video>' +
        '<b data-href="../../bibliografi/"></b><a href="//cdn.example/x">cdn</a><a href="https://example.org/">ext</a>' +
        '<a title="/not/a/url">t</a><a xlink:href="/x">x</a><a\nhref="../../newline/">n</a><a href="../../">home</a>',
    );
  });

  it('gives what the regular expression gave, on generated markup', () => {
    const parts = [
      ' href="/',
      ' src="/',
      'href="/',
      ' data-href="/',
      ' href="//',
      '="/',
      ' action="/',
      '\thref="/',
      'x',
      '/',
      '"',
      ' ',
      'a-href="/',
      '\u00a0src="/',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length;
    for (let n = 0; n < 2000; n++) {
      const html = Array.from({ length: 1 + (n % 12) }, () => parts[next()]).join('');
      expect(rewriteUrls(html, './')).toBe(byExpression(html, './'));
    }
  });

  it('leaves a page without such URLs as it is', () => {
    const html = '<p>Ingen lenker her.</p>';
    expect(rewriteUrls(html, '../')).toBe(html);
  });
});

describe('relativeRoot', () => {
  it('climbs once per folder', () => {
    expect(relativeRoot('/')).toBe('./');
    expect(relativeRoot('/a/b/')).toBe('../../');
    expect(relativeRoot('/a/b.html')).toBe('../');
  });
});
