/**
 * Read a BibTeX/BibLaTeX file entry by entry, so one broken entry never costs
 * the rest. Each entry keeps its start line; `@string` macros are collected
 * and given to every entry; citation-js (via the registry) does the parsing.
 */
import { plugins } from '../cite/registry.ts';
import { error, warning, type Problem } from '../problems.ts';

export interface BibtexEntry {
  key: string;
  /** Entry type as written, lower-case (report, book, …). */
  type: string;
  line: number;
  /** Raw field values after macro and LaTeX decoding, as citation-js gives them. */
  fields: Record<string, string>;
  /** The entry as CSL-JSON, as citation-js maps it. */
  csl: Record<string, unknown>;
}

export interface BibtexFile {
  entries: BibtexEntry[];
  problems: Problem[];
}

interface Chunk {
  text: string;
  line: number;
}

/** Split the file into top-level `@…{…}` chunks, tracking each one's start line. */
export function splitChunks(text: string): { chunks: Chunk[]; unclosed?: Chunk } {
  const chunks: Chunk[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (ch !== '@') {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    const open = text.slice(i).search(/[{(]/);
    if (open < 0) return { chunks, unclosed: { text: text.slice(start), line: startLine } };
    let depth = 0;
    let j = i + open;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\n') line++;
      else if (c === '{' || c === '(') depth++;
      else if (c === '}' || c === ')') {
        depth--;
        if (depth === 0) break;
      } else if (c === '@' && depth >= 1 && /\n\s*$/.test(text.slice(start, j))) {
        // A new entry starts before this one closed: the previous one is broken.
        return { chunks: [...chunks, ...splitChunks(text.slice(j)).chunks.map((k) => ({ ...k, line: k.line + line - 1 }))], unclosed: { text: text.slice(start, j), line: startLine } };
      }
    }
    if (j >= text.length) return { chunks, unclosed: { text: text.slice(start), line: startLine } };
    chunks.push({ text: text.slice(start, j + 1), line: startLine });
    i = j + 1;
  }
  return { chunks };
}

const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

/** Bare words used as field values (`institution = ks`) that no `@string` defines. */
function undefinedMacros(chunk: string, defined: Set<string>): string[] {
  const found: string[] = [];
  const re = /[,{(]\s*[\w-]+\s*=\s*([A-Za-z][\w:-]*)\s*(?=[,#})]|$)/g;
  for (const m of chunk.matchAll(re)) {
    const name = m[1]!.toLowerCase();
    if (!defined.has(name) && !MONTHS.has(name)) found.push(m[1]!);
  }
  return found;
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

export function readBibtex(text: string, file: string): BibtexFile {
  const problems: Problem[] = [];
  const { chunks, unclosed } = splitChunks(text.replace(/\r\n?/g, '\n'));
  if (unclosed) {
    const key = /^@\w+\s*[{(]\s*([^,\s]*)/.exec(unclosed.text)?.[1] ?? '';
    problems.push(error('bibtex-syntax', { file, line: unclosed.line, column: 1 }, `The entry${key ? ` '${key}'` : ''} is not closed: a '}' is missing. It was skipped.`));
  }
  const strings = chunks.filter((c) => /^@string\b/i.test(c.text));
  const defined = new Set<string>();
  for (const s of strings) {
    const name = /^@string\s*[{(]\s*([\w-]+)/i.exec(s.text)?.[1];
    if (name) defined.add(name.toLowerCase());
  }
  const preamble = strings.map((s) => s.text).join('\n') + '\n';
  const entries: BibtexEntry[] = [];
  for (const chunk of chunks) {
    if (/^@(string|preamble|comment)\b/i.test(chunk.text)) continue;
    const at = { file, line: chunk.line, column: 1 };
    const key = /^@\w+\s*[{(]\s*([^,\s]*)/.exec(chunk.text)?.[1] ?? '';
    for (const macro of undefinedMacros(chunk.text, defined)) {
      problems.push(error('undefined-macro', at, `The entry '${key}' uses '${macro}', which no @string defines. Put the value in braces {…} or add @string{${macro} = {…}}.`));
    }
    try {
      const raw = plugins.input.chain(preamble + chunk.text, { target: '@biblatex/entries+list', generateGraph: false }) as Array<{ type: string; label: string; properties: Record<string, unknown> }>;
      const entry = raw[raw.length - 1];
      if (!entry) throw new Error('no entry found');
      const [csl] = plugins.input.chain([entry], { target: '@csl/list+object', generateGraph: false }) as Array<Record<string, unknown>>;
      const flags = corporateFlags(rawAuthorField(chunk.text));
      if (Array.isArray(csl!.author)) {
        csl!.author = (csl!.author as Array<Record<string, string>>).map((name, i) =>
          flags[i] ? { literal: [name.given, name.family].filter(Boolean).join(' ') } : name,
        );
      }
      const fields = Object.fromEntries(Object.entries(entry.properties).map(([k, v]) => [k, String(v)]));
      entries.push({ key: entry.label, type: entry.type.toLowerCase(), line: chunk.line, fields, csl: csl! });
    } catch (e) {
      const detail = (e as Error).message.split('\n')[0];
      problems.push(error('bibtex-syntax', at, `The entry${key ? ` '${key}'` : ''} could not be read (${detail}). It was skipped; the rest of the file was read.`));
    }
  }
  if (entries.length === 0 && chunks.length === 0 && text.trim() !== '') {
    problems.push(warning('bibtex-empty', { file, line: 1, column: 1 }, 'No BibTeX entries (@type{key, …}) were found in this file.'));
  }
  return { entries, problems };
}
