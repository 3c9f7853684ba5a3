// The render set the build hands Eleventy (pipeline/build/render-plan.ts): render the pages of the `whole` unit
// (lists, indexes, sitemap, …) or none of them, and of each keyed source only the items named. Without one
// (`npm run dev`, Eleventy run by hand) everything is rendered.
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ path: string[], key: string, only: string[] | null }} RenderSource
 * @typedef {{ whole: boolean, sources: Record<string, RenderSource> }} RenderSet
 */

/** @param {NodeJS.ProcessEnv} env @returns {RenderSet | undefined} */
export function readRenderSet(env) {
  const file = env.KILDEBANK_RENDER_SET;
  return file ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Templates paginate a keyed source as `data: kildebank.render.<name>`. */
const KEYED_PAGINATION = /^\s*data:\s*kildebank\.render\.(\w+)\s*$/m;

/**
 * Every template under `siteDir` (not includes, data or configuration), relative to `siteDir`, with the keyed
 * source it paginates or null.
 * @param {string} siteDir
 * @returns {Array<{ template: string, source: string | null }>}
 */
export function siteTemplates(siteDir) {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.njk'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)))
    .filter((t) => !/^_(includes|data|config)\//.test(t))
    .sort()
    .map((template) => {
      const text = readFileSync(path.join(siteDir, template), 'utf8');
      const frontMatter = text.startsWith('---') ? text.slice(3, text.indexOf('\n---', 3)) : '';
      return { template, source: KEYED_PAGINATION.exec(frontMatter)?.[1] ?? null };
    });
}

/**
 * The named items of a keyed source, read by their byte ranges (the manifest's item index, written by
 * pipeline/emit/item-lines.ts) without parsing the rest of the file; in the source's order.
 * @param {string} dir the JSON folder
 * @param {{ file: string, items: Array<[string, [number, number]]> }} index
 * @param {string[]} only
 */
export function readItems(dir, index, only) {
  const wanted = new Set(only);
  const fd = openSync(path.join(dir, index.file), 'r');
  try {
    return index.items
      .filter(([key]) => wanted.has(key))
      .map(([, [offset, length]]) => {
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, offset);
        return JSON.parse(buffer.toString('utf8'));
      });
  } finally {
    closeSync(fd);
  }
}
