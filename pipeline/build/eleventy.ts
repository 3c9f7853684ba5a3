/**
 * Run Eleventy on `site/` in a child process, reading the pipeline's JSON
 * from `jsonDir`. Its configuration is plain JavaScript (type-checked through
 * JSDoc), because Eleventy's watcher parses the config's imports itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SiteOptions {
  /** Sub-path the site is served under, e.g. '/noe/'. Default '/'. */
  pathPrefix?: string;
  /** Absolute URL of the site, for canonical links, sitemap and feed. */
  siteUrl?: string;
}

export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function eleventyEnv(jsonDir: string, site: SiteOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KILDEBANK_JSON_DIR: path.resolve(jsonDir),
    PATH_PREFIX: site.pathPrefix ?? '/',
    SITE_URL: site.siteUrl ?? '',
  };
}

export function eleventyArgs(outDir: string, extra: string[] = []): string[] {
  // The package's exports hide its CLI entry; it lives next to package.json.
  const cmd = path.join(PROJECT_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  return [
    cmd,
    `--config=${path.join(PROJECT_ROOT, '.eleventy.js')}`,
    `--input=${path.join(PROJECT_ROOT, 'site')}`,
    `--output=${path.resolve(outDir)}`,
    ...extra,
  ];
}

/** Build the site into outDir; resolves with Eleventy's output, rejects with it on failure. */
export function runEleventy(jsonDir: string, outDir: string, site: SiteOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const preload = path.join(PROJECT_ROOT, 'pipeline', 'build', 'exit-with-parent.js');
    const child = spawn(process.execPath, ['--import', preload, ...eleventyArgs(outDir, ['--quiet'])], {
      cwd: PROJECT_ROOT,
      env: eleventyEnv(jsonDir, site),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`Eleventy failed (exit ${code}):\n${output}`))));
  });
}
