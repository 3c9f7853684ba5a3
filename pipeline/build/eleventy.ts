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
  /** The preview (`npm run dev`): pages get the overlay that shows errors in the data. */
  dev?: boolean;
}

export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function eleventyEnv(jsonDir: string, site: SiteOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KILDEBANK_JSON_DIR: path.resolve(jsonDir),
    PATH_PREFIX: site.pathPrefix ?? '/',
    SITE_URL: site.siteUrl ?? '',
    ...(site.dev ? { KILDEBANK_DEV: '1' } : {}),
  };
}

export function eleventyArgs(outDir: string, extra: string[] = [], root = PROJECT_ROOT): string[] {
  // The package's exports hide its CLI entry; it lives next to package.json.
  const cmd = path.join(PROJECT_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  return [
    cmd,
    `--config=${path.join(root, '.eleventy.js')}`,
    `--input=${path.join(root, 'site')}`,
    `--output=${path.resolve(outDir)}`,
    ...extra,
  ];
}

/** What one Eleventy run renders and reports (pipeline/build/render-plan.ts); without it, everything. */
export interface EleventyRun {
  /** A render set's file (KILDEBANK_RENDER_SET). */
  renderSet?: string;
  /** Where Eleventy writes the list of pages it rendered (KILDEBANK_RENDERED). */
  rendered?: string;
  /** The project whose `site/` and `.eleventy.js` are rendered; default this one. */
  root?: string;
  /** Copy the files that go out as they are (assets, downloads); default true. */
  copy?: boolean;
}

/** Build the site into outDir; resolves with Eleventy's output, rejects with it on failure. */
export function runEleventy(jsonDir: string, outDir: string, site: SiteOptions, run: EleventyRun = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const preload = path.join(PROJECT_ROOT, 'pipeline', 'build', 'exit-with-parent.js');
    const root = run.root ?? PROJECT_ROOT;
    const env = {
      ...eleventyEnv(jsonDir, site),
      ...(run.renderSet ? { KILDEBANK_RENDER_SET: run.renderSet } : {}),
      ...(run.rendered ? { KILDEBANK_RENDERED: run.rendered } : {}),
      ...(run.copy === false ? { KILDEBANK_NO_COPY: '1' } : {}),
    };
    const child = spawn(process.execPath, ['--import', preload, ...eleventyArgs(outDir, ['--quiet'], root)], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`Eleventy failed (exit ${code}):\n${output}`))));
  });
}
