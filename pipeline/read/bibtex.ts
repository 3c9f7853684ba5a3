/**
 * Read a BibTeX/BibLaTeX file entry by entry, so one broken entry never costs
 * the rest. Each entry keeps its start line and the position of every field;
 * `@string` macros are collected and given to every entry; citation-js (via
 * the registry) does the parsing, and plugin-bibtex's value decoder
 * (`valueParser`: LaTeX commands → Unicode, braces removed) decodes values.
 */
import * as valueParser from '@citation-js/plugin-bibtex/lib/input/value.js';
import { plugins } from '../lib/citation-js.ts';
import { error, warning, type Position, type Problem } from '../model/problems.ts';
import type { BibtexReason } from '../model/messages.ts';

export interface BibtexEntry {
  key: string;
  /** Entry type as written, lower-case (report, book, …). */
  type: string;
  line: number;
  /** Raw field values (lower-case names) as written, after macro expansion. */
  fields: Record<string, string>;
  /** Where each field (lower-case name) starts in the file. */
  positions: Record<string, { line: number; column: number }>;
  /** The entry as CSL-JSON, as citation-js maps it. */
  csl: Record<string, unknown>;
}

export interface BibtexFile {
  entries: BibtexEntry[];
  problems: Problem[];
}

export interface Chunk {
  text: string;
  line: number;
  column: number;
}

/** `@type{` or `@type(` at the current position: where a chunk starts. */
const ENTRY_START = /@[ \t]*[A-Za-z_][\w:+-]*[ \t\r\n]*[{(]/y;

function startsEntry(text: string, i: number): boolean {
  ENTRY_START.lastIndex = i;
  return ENTRY_START.test(text);
}

/**
 * Split the file into top-level `@type{…}` chunks, tracking each one's start
 * line and column. An entry whose braces never close (the next `@type{` starts
 * on a new line first, or the file ends) is returned in `unclosed`; scanning
 * goes on after it. Braces inside values count, as BibTeX counts them;
 * parentheses only close an entry opened with `(`.
 */
export function splitChunks(text: string): { chunks: Chunk[]; unclosed: Chunk[] } {
  const chunks: Chunk[] = [];
  const unclosed: Chunk[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
    }
    if (ch !== '@' || !startsEntry(text, i)) {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    const startColumn = i - lineStart + 1;
    const opener = text[ENTRY_START.lastIndex - 1]!;
    let depth = 0;
    let atLineStart = false;
    let j = ENTRY_START.lastIndex;
    // Line breaks between the type and the brace count too.
    for (let k = i; k < j; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    let closed = false;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\n') {
        line++;
        lineStart = j + 1;
        atLineStart = true;
        continue;
      }
      if (c === '\\' && (text[j + 1] === '{' || text[j + 1] === '}')) {
        j++;
        atLineStart = false;
        continue;
      }
      if (c === '@' && atLineStart && startsEntry(text, j)) break; // a new entry starts: this one is broken
      if (c !== ' ' && c !== '\t' && c !== '\r') atLineStart = false;
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && opener === '{') {
          closed = true;
          break;
        }
        depth = Math.max(0, depth - 1);
      } else if (c === ')' && depth === 0 && opener === '(') {
        closed = true;
        break;
      }
    }
    if (closed) {
      chunks.push({ text: text.slice(start, j + 1), line: startLine, column: startColumn });
      i = j + 1;
    } else {
      unclosed.push({ text: text.slice(start, j), line: startLine, column: startColumn });
      // Rescan from the next entry (or stop at the end); lines are counted again from there.
      line = startLine + countNewlines(text, start, j);
      lineStart = text.lastIndexOf('\n', j - 1) + 1;
      i = j;
    }
  }
  return { chunks, unclosed };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

/** Line and column of an offset within a chunk, in the file. */
function positionIn(chunk: Chunk, offset: number): { line: number; column: number } {
  const before = chunk.text.slice(0, offset);
  const newlines = countNewlines(before, 0, before.length);
  if (newlines === 0) return { line: chunk.line, column: chunk.column + offset };
  return { line: chunk.line + newlines, column: offset - before.lastIndexOf('\n') };
}

interface ScannedEntry {
  /** Where each top-level field starts, by lower-case name. */
  positions: Record<string, { line: number; column: number }>;
  /** Bare words used as values (`institution = ks`, `{x} # ks`): @string macros. */
  macros: Array<{ name: string; field: string; offset: number }>;
}

const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

/**
 * Walk an entry's top level (outside braces and quotes), after the key: a word
 * followed by '=' names a field; any other word is a macro used as a value.
 */
function scanEntry(chunk: Chunk): ScannedEntry {
  // Field names come from the file: no prototype, so 'constructor' or '__proto__' are just names.
  const positions: ScannedEntry['positions'] = Object.create(null) as ScannedEntry['positions'];
  const macros: ScannedEntry['macros'] = [];
  const text = chunk.text;
  const WORD = /[A-Za-z_][\w:.+-]*/y;
  const opener = text.search(/[{(]/);
  const comma = opener < 0 ? -1 : text.indexOf(',', opener);
  let depth = 0;
  let quoted = false;
  let field = '';
  for (let k = comma + 1; comma > 0 && k < text.length; k++) {
    const c = text[k]!;
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    if (depth > 0 || c === '{' || c === '}') continue;
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted || !/[A-Za-z_]/.test(c) || /\w/.test(text[k - 1] ?? '')) continue;
    WORD.lastIndex = k;
    const word = WORD.exec(text)![0];
    const next = /\S/.exec(text.slice(k + word.length))?.[0];
    if (next === '=') {
      field = word.toLowerCase();
      if (!Object.hasOwn(positions, field)) positions[field] = positionIn(chunk, k);
    } else if (!MONTHS.has(word.toLowerCase())) {
      macros.push({ name: word, field, offset: k });
    }
    k += word.length - 1;
  }
  return { positions, macros };
}

/** The entry with the given macros put in braces, so the rest of it can still be read. */
function braceMacros(text: string, macros: ScannedEntry['macros']): string {
  let out = text;
  for (const m of [...macros].sort((a, b) => b.offset - a.offset)) {
    out = `${out.slice(0, m.offset)}{${m.name}}${out.slice(m.offset + m.name.length)}`;
  }
  return out;
}

/** Split an author field on top-level " and "; a part wholly in braces is a corporate author. */
function corporateFlags(authorField: string | undefined): boolean[] {
  if (!authorField) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  const words = authorField.split(/(\s+and\s+|[{}])/);
  for (const w of words) {
    if (w === '{') depth++;
    if (w === '}') depth--;
    if (depth === 0 && /^\s+and\s+$/.test(w)) {
      parts.push(current);
      current = '';
    } else current += w;
  }
  parts.push(current);
  return parts.map((p) => /^\s*\{.*\}\s*$/s.test(p) && !/\}\s*\S.*\{/s.test(p.trim().slice(1, -1)));
}

function rawAuthorField(chunk: string): string | undefined {
  const m = /\bauthor\s*=\s*\{/i.exec(chunk);
  if (!m) return undefined;
  let depth = 1;
  let k = m.index + m[0].length;
  const start = k;
  for (; k < chunk.length && depth > 0; k++) {
    if (chunk[k] === '{') depth++;
    else if (chunk[k] === '}') depth--;
  }
  return chunk.slice(start, k - 1);
}

/** Rich-text markup citation-js puts in decoded values (`\emph{x}` → `<i>x</i>`). */
const MARKUP = /<\/?(?:i|b|sc|sup|sub)>|<span\b[^>]*>|<\/span>/g;

/** A raw BibTeX field value as plain text: LaTeX decoded, braces and markup removed. */
export function decodeValue(raw: string, field: string): string {
  try {
    const parsed = valueParser.parse(raw, field);
    return typeof parsed === 'string' ? parsed.replace(MARKUP, '') : raw;
  } catch {
    return raw;
  }
}

/** citation-js's parse errors say "at line L col C" of the text it was given; map that into the file. */
function describeParseError(
  e: unknown,
  chunk: Chunk,
  preambleLines: number,
): { reason: BibtexReason; at?: { line: number; column: number } } {
  const text = e instanceof Error ? e.message : String(e);
  const first = text.split('\n')[0] ?? '';
  const m = /expected "?(\w+)"?, got "?(\w+)"? at line (\d+) col (\d+)/.exec(first);
  let at: { line: number; column: number } | undefined;
  if (m) {
    const lineInChunk = Number(m[3]) - preambleLines;
    if (lineInChunk >= 1)
      at = { line: chunk.line + lineInChunk - 1, column: Math.max(1, lineInChunk === 1 ? chunk.column + Number(m[4]) - 1 : Number(m[4])) };
    const expected = m[1]!;
    const got = m[2]!;
    const where = at ? { at } : {};
    if (expected === 'label') return { reason: { code: 'no-key' }, ...where };
    if (expected === 'comma' || (expected === 'rbrace' && got === 'identifier')) return { reason: { code: 'comma' }, ...where };
    if (expected === 'equals') return { reason: { code: 'equals' }, ...where };
    return { reason: { code: 'expected', expected, got }, ...where };
  }
  if (/not supported or recognized/i.test(first)) return { reason: { code: 'not-entry' } };
  return { reason: { code: 'other', detail: first || 'unknown error' } };
}

function parseChunk(text: string): Array<{ type: string; label: string; properties: Record<string, unknown> }> {
  const raw = plugins.input.chain(text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as unknown;
  return Array.isArray(raw) ? (raw as Array<{ type: string; label: string; properties: Record<string, unknown> }>) : [];
}

export function readBibtex(text: string, file: string): BibtexFile {
  const problems: Problem[] = [];
  const { chunks, unclosed } = splitChunks(text.replace(/\r\n?/g, '\n'));
  const keyOf = (c: Chunk) => /^@\s*\w+\s*[{(]\s*([^,\s{}()]*)/.exec(c.text)?.[1] ?? '';
  const startOf = (c: Chunk): Position => ({ file, line: c.line, column: c.column });
  for (const u of unclosed) {
    const key = keyOf(u);
    problems.push(error('bibtex-syntax', startOf(u), { variant: 'unclosed', key }));
  }
  // @string definitions, each checked alone so that one broken definition does not break every entry.
  const defined = new Set<string>();
  let preamble = '';
  for (const s of chunks.filter((c) => /^@\s*string\b/i.test(c.text))) {
    try {
      parseChunk(`${preamble}${s.text}\n@misc{kildebank-probe, title = {x}}`);
      preamble += `${s.text}\n`;
      const name = /^@\s*string\s*[{(]\s*([\w-]+)/i.exec(s.text)?.[1];
      if (name) defined.add(name.toLowerCase());
    } catch (e) {
      const { reason } = describeParseError(e, s, 0);
      problems.push(error('bibtex-syntax', startOf(s), { variant: 'string', reason }));
    }
  }
  const preambleLines = countNewlines(preamble, 0, preamble.length);
  const entries: BibtexEntry[] = [];
  for (const chunk of chunks) {
    if (/^@\s*(string|preamble|comment)\b/i.test(chunk.text)) continue;
    const at = startOf(chunk);
    const key = keyOf(chunk);
    const { positions, macros } = scanEntry(chunk);
    const undefinedMacros = macros.filter((m) => !defined.has(m.name.toLowerCase()));
    // Reported only when the entry can be read: for a broken entry the syntax error comes first.
    const macroProblems: Problem[] = [];
    for (const { name, field, offset } of undefinedMacros) {
      macroProblems.push(error('undefined-macro', { file, ...positionIn(chunk, offset) }, { key, name, field }, field || undefined));
    }
    // Read the entry as if the undefined macros were braced values: the error above is enough.
    const readable = braceMacros(chunk.text, undefinedMacros);
    try {
      const entry = parseChunk(preamble + readable).at(-1);
      if (!entry) throw new Error('no entry found');
      const [csl] = plugins.input.chain([entry], {
        forceType: '@biblatex/entries+list',
        target: '@csl/list+object',
        generateGraph: false,
      }) as Array<Record<string, unknown>>;
      if (!csl) throw new Error('no entry found');
      const flags = corporateFlags(rawAuthorField(chunk.text));
      if (Array.isArray(csl.author)) {
        csl.author = (csl.author as Array<Record<string, string>>).map((name, i) =>
          flags[i] ? { literal: [name.given, name.family].filter(Boolean).join(' ') } : name,
        );
      }
      const fields = Object.fromEntries(Object.entries(entry.properties ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      entries.push({
        key: String(entry.label ?? ''),
        type: String(entry.type ?? '').toLowerCase(),
        line: chunk.line,
        fields,
        positions,
        csl,
      });
      problems.push(...macroProblems);
    } catch (e) {
      const { reason, at: where } = describeParseError(e, chunk, preambleLines);
      problems.push(error('bibtex-syntax', where ? { file, ...where } : at, { variant: 'entry', key, line: chunk.line, reason }));
    }
  }
  if (chunks.length === 0 && unclosed.length === 0) {
    problems.push(warning('bibtex-empty', { file, line: 1, column: 1 }, {}));
  }
  return { entries, problems };
}
