/** Walk a built site: its HTML pages and the links in them. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function htmlFiles(dist: string): Promise<string[]> {
  const all = await readdir(dist, { recursive: true, withFileTypes: true });
  return all
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`))
    .sort();
}

/** The site path of a page file: dist/begrep/x/index.html → /begrep/x/ */
export function sitePathOf(dist: string, file: string): string {
  const rel = '/' + path.relative(dist, file).split(path.sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

export interface PageLinks {
  file: string;
  sitePath: string;
  html: string;
  links: string[];
  ids: Set<string>;
}

export async function readPage(dist: string, file: string): Promise<PageLinks> {
  const html = await readFile(file, 'utf8');
  const links = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  return { file, sitePath: sitePathOf(dist, file), html, links, ids };
}
