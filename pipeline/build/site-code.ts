/**
 * What identifies the site's code for the render plan (./render-plan.ts):
 * every file of the site's templates, data files and configuration, the
 * locked package versions, and the settings Eleventy reads from the
 * environment. Any change to one of them renders every page again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Environment variables the build passes to Eleventy itself: paths of this run, not settings of the site. */
const RUN_VARIABLES = new Set(['KILDEBANK_JSON_DIR', 'KILDEBANK_RENDER_SET', 'KILDEBANK_RENDERED', 'KILDEBANK_NO_COPY']);

/** The settings the site reads from the environment (site/_config/site-config.js), sorted by name. */
export function siteSettings(env: NodeJS.ProcessEnv): Array<[string, string]> {
  return Object.entries(env)
    .filter(([name]) => name === 'PATH_PREFIX' || name === 'SITE_URL' || (name.startsWith('KILDEBANK_') && !RUN_VARIABLES.has(name)))
    .map(([name, value]): [string, string] => [name, value ?? ''])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A hash of the site's code under `root` (its `site/` folder, `.eleventy.js`, `package-lock.json`) and of `env`'s site settings. */
export async function siteCodeHash(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const hash = createHash('sha256');
  const siteDir = path.join(root, 'site');
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
  for (const file of [...files, '.eleventy.js', 'package-lock.json']) {
    const bytes = await readFile(path.join(root, file)).catch(() => Buffer.alloc(0));
    hash.update(file).update('\0').update(bytes).update('\0');
  }
  hash.update(JSON.stringify(siteSettings(env)));
  return hash.digest('hex');
}
