// The site's own stylesheet and scripts, minified where Eleventy copied them: every entry page loads the stylesheet and
// two scripts, a third of its weight (docs/performance.md, "entry page"). esbuild's output is the same for the same input.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transform } from 'esbuild';

/** @type {Record<string, 'css' | 'js'>} */
const LOADERS = { '.css': 'css', '.js': 'js' };

/** @param {string} dir the copied assets folder */
export async function minifyAssets(dir) {
  for (const name of (await readdir(dir)).sort()) {
    const loader = LOADERS[path.extname(name)];
    if (!loader) continue;
    const file = path.join(dir, name);
    const { code } = await transform(await readFile(file, 'utf8'), { loader, minify: true, charset: 'utf8' });
    await writeFile(file, code);
  }
}
