/**
 * What the check page (`/sjekk/`) loads: `sjekk.js`, the check-only path of
 * the pipeline (../link/check-browser.ts: read, check, normalise, link check)
 * bundled by esbuild for the browser, written beside the JSON and published
 * under `/sjekk/`. The same code as `npm run check`, so the page shows the
 * same problems in the same words. The bundle must not need a Node module:
 * esbuild builds for the browser platform and fails on `node:` imports.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, type BrowserBundle } from './browser-bundle.ts';

export const CHECK_PAGE_DIR = 'sjekk';
export const CHECK_PAGE_SCRIPT = 'sjekk.js';

const ENTRY_POINT = fileURLToPath(new URL('../link/check-browser.ts', import.meta.url));
/** citation-js requires node-fetch (Node only) for URLs; the check reads none (./browser-node-fetch.ts). */
const NODE_FETCH_STAND_IN = fileURLToPath(new URL('./browser-node-fetch.ts', import.meta.url));
/** csv-parse and iconv-lite use Node's global Buffer; the browser gets the npm package `buffer` (./browser-buffer.ts). */
const BUFFER = fileURLToPath(new URL('./browser-buffer.ts', import.meta.url));

/** The licences of what the bundle contains, named at its top. */
const BANNER = [
  '/* Kildebank: the data check (pipeline/link/check-browser.ts), bundled with esbuild.',
  ' * Contains citation-js, csv-parse, iconv-lite, buffer, moo, unified, remark and rehype (all MIT). */',
].join('\n');

/** The browser bundle of the check, as text, and esbuild's list of what went into it. */
export async function bundleCheckPage(): Promise<BrowserBundle> {
  return bundleForBrowser(ENTRY_POINT, BANNER, { alias: { 'node-fetch': NODE_FETCH_STAND_IN }, inject: [BUFFER] });
}

/** Write the check page's script into `outDir`/{@link CHECK_PAGE_DIR}; returns its path relative to `outDir`. */
export async function emitCheckPage(outDir: string): Promise<string[]> {
  await mkdir(path.join(outDir, CHECK_PAGE_DIR), { recursive: true });
  const file = path.join(CHECK_PAGE_DIR, CHECK_PAGE_SCRIPT);
  await writeFile(path.join(outDir, file), (await bundleCheckPage()).text);
  return [file];
}
