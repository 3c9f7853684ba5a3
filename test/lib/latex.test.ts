/**
 * LaTeX escaping in one pass of a regular expression, compared on random text
 * with the character-by-character definition it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latexEscape } from '../../pipeline/lib/latex.ts';

const SPECIAL: Record<string, string> = {
  '\\': '{\\textbackslash}',
  '{': '\\{\\vphantom{\\}}',
  '}': '\\vphantom{\\{}\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '{\\textasciicircum}',
  '~': '{\\textasciitilde}',
};

/** The definition: each character written as itself or its escape, and `{}` after the first character of a ligature. */
function reference(text: string): string {
  const oneLine = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let out = '';
  for (let i = 0; i < oneLine.length; i++) {
    const c = oneLine[i]!;
    out += SPECIAL[c] ?? c;
    const next = oneLine[i + 1];
    if (next !== undefined && ((c === '-' && next === '-') || (c === '`' && next === '`') || (c === "'" && next === "'"))) out += '{}';
    else if (next === '`' && (c === '!' || c === '?')) out += '{}';
    else if (next !== undefined && ((c === '<' && next === '<') || (c === '>' && next === '>'))) out += '{}';
  }
  return out;
}

const text = fc.array(fc.constantFrom(..."ab æ-`'!?<>\\{}%&#$_^~\t\n\u0001\u00a0😀"), { maxLength: 30 }).map((cs) => cs.join(''));

describe('latexEscape', () => {
  it('writes what escaping character by character writes', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(latexEscape(t)).toBe(reference(t));
      }),
      { numRuns: 5000 },
    );
  });
});
