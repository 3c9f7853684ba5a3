/**
 * Text as a BibLaTeX field value: every character LaTeX or a .bib parser
 * treats specially is written so that it prints as itself, and nothing in a
 * value can close the field, open another one or run a command.
 *
 * The forms are the ones Zotero's own BibTeX export uses, checked with biber
 * (btparse counts every brace, escaped or not, so a lone brace is written as
 * a balanced group: `\{\vphantom{\}}`), pandoc (reads them back as the same
 * text) and LaTeX. `--`, `---` and the quote ligatures are broken with `{}` so
 * that they stay as typed.
 */

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

/** Plain text (one line) as the inside of a braced BibLaTeX value. */
export const latexEscape = (text: string): string => escape(text, false);

/**
 * A special character, or the first character of a ligature: -- and ---
 * (dashes), `` and '' (quotes), !` and ?` (Spanish marks), << and >>
 * (guillemets), which is followed by `{}` to break it.
 */
const TO_ESCAPE = /[\\{}%&#$_^~]|-(?=-)|`(?=`)|'(?=')|[!?](?=`)|<(?=<)|>(?=>)/g;

/** Escape; with `keepMarkers`, U+0001 and U+0002 survive (latexFromMarkup's placeholders). */
function escape(text: string, keepMarkers: boolean): string {
  const oneLine = text
    .replace(keepMarkers ? /[\u0000\u0003-\u001f\u007f]+/g : /[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.replace(TO_ESCAPE, (c) => SPECIAL[c] ?? `${c}{}`);
}

/**
 * A URL or DOI as a BibLaTeX value. biblatex reads these fields verbatim, so nothing is escaped with a
 * backslash; the characters that could unbalance the field or break a line are percent-encoded instead.
 */
export const latexVerbatim = (uri: string): string =>
  uri.trim().replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** HTML markup that may occur in a title read from a .bib file (citation-js turns \emph etc. into it). */
const MARKUP: Record<string, string> = {
  i: '\\emph{',
  em: '\\emph{',
  b: '\\textbf{',
  strong: '\\textbf{',
  sup: '\\textsuperscript{',
  sub: '\\textsubscript{',
  'span class="nocase"': '{',
  'span style="font-variant:small-caps;"': '\\textsc{',
};

const TAG = /<(\/?)([a-z]+)((?: [a-z-]+="[^"<>]*")*)\s*>/gi;

/**
 * Text that may hold the HTML markup of a CSL title as LaTeX: known tags that open and close in order
 * become commands (`<i>` → `\\emph{…}`), any other tag is dropped and its text kept, all text is escaped,
 * and whatever was left open is closed, so braces stay balanced.
 */
export function latexFromMarkup(text: string): string {
  const commands: string[] = [];
  const open: string[] = [];
  // Each tag becomes a marker (U+0001, its number, U+0001); the text between them is escaped, then the markers swapped.
  const marked = text.replace(/[\u0001\u0002]/g, ' ').replace(TAG, (_all, close: string, name: string, attrs: string | undefined) => {
    const n = name.toLowerCase();
    const key = `${n}${attrs ?? ''}`;
    let latex = '';
    if (close) {
      if (open.at(-1) === n) {
        open.pop();
        latex = '}';
      }
    } else if (MARKUP[key]) {
      open.push(n);
      latex = MARKUP[key];
    }
    commands.push(latex);
    return `\u0001${commands.length - 1}\u0001`;
  });
  const escaped = escape(marked.replace(/\u0001(\d+)\u0001/g, '\u0001$1\u0002'), true).replace(
    /\u0001(\d+)\u0002/g,
    (_m, i: string) => commands[Number(i)]!,
  );
  return escaped + '}'.repeat(open.length);
}

/** biblatex/babel language names (`langid`) for the BCP 47 tags the data uses. */
export const LANGID: Record<string, string> = {
  nb: 'norsk',
  nn: 'nynorsk',
  en: 'english',
  sv: 'swedish',
  da: 'danish',
  fi: 'finnish',
  is: 'icelandic',
  se: 'northernsami',
  de: 'ngerman',
  fr: 'french',
};
