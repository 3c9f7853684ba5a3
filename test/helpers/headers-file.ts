/**
 * The `_headers` file of Netlify and Cloudflare Pages: rules of a URL path
 * pattern (`*` matches any rest of the path) followed by indented
 * `Name: value` lines. Used to serve a built site with the headers it ships.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule, or without a colon: '${line}'`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(pathname);
}

/** The headers of every rule that matches the request path, later rules winning. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((r) => matches(r.pattern, pathname)).map((r) => r.headers));
}

/** The rules of a built site's `_headers` file. */
export async function readHeadersFile(dist: string): Promise<HeaderRule[]> {
  return parseHeadersFile(await readFile(path.join(dist, '_headers'), 'utf8'));
}
