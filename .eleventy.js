// Eleventy wiring: the dataset comes from site/_data/ (read through the manifest the pipeline writes), render site/ with
// autoescaping Nunjucks, make every site URL work under any path. Sorting and
// linking happen in the pipeline; templates only print.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { relativeRoot, rewriteUrls } from './site/_config/relative-urls.js';
import { SECURITY_HEADERS, siteConfig } from './site/_config/site-config.js';
import { registerFilters } from './site/_config/filters.js';
import { readRenderSet, siteTemplates } from './site/_config/render-set.js';
import { minifyAssets } from './site/_config/minify-assets.js';

/** Pages that must work when served at any depth (the host's 404 page). */
const ABSOLUTE_PAGES = new Set(['/404.html']);

/** @param {any} eleventyConfig Eleventy's UserConfig (Eleventy ships no types). */
export default function (eleventyConfig) {
  const jsonDir = path.resolve(process.env.KILDEBANK_JSON_DIR ?? '.cache/json');
  const site = siteConfig(process.env);

  // The dataset comes in through site/_data/kildebank.js; the downloads the pipeline wrote are copied as files.
  const manifestFile = path.join(jsonDir, 'manifest.json');
  // A second Eleventy process of the same build (pipeline/build/build-site.ts) renders pages only.
  const copy = !process.env.KILDEBANK_NO_COPY;
  if (copy && existsSync(manifestFile)) {
    /** @type {{ downloads: string, referenceList: string }} */
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    eleventyConfig.addPassthroughCopy({ [path.join(jsonDir, manifest.downloads)]: 'nedlasting' });
    eleventyConfig.addPassthroughCopy({ [path.join(jsonDir, manifest.referenceList)]: 'referanseliste' });
    // The check page's script (pipeline/emit/check-page.ts), written beside the JSON.
    if (existsSync(path.join(jsonDir, 'sjekk'))) eleventyConfig.addPassthroughCopy({ [path.join(jsonDir, 'sjekk')]: 'sjekk' });
  }
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('securityHeaders', SECURITY_HEADERS);
  if (process.env.KILDEBANK_DEV) {
    // The preview's overlay for errors in the data: its script and style exist only in dev, never in `npm run build`.
    eleventyConfig.addPassthroughCopy({ 'pipeline/build/dev-overlay': '_kildebank' });
    eleventyConfig.addTransform(
      'dev-overlay',
      /** @this {{ page: { outputPath: string | false } }} @param {string} content */ function (content) {
        if (!this.page.outputPath || !this.page.outputPath.endsWith('.html')) return content;
        const tags = '<link rel="stylesheet" href="/_kildebank/overlay.css"><script src="/_kildebank/overlay.js" defer></script>';
        return content.replace('</body>', `${tags}\n</body>`);
      },
    );
  }

  // The build's render set (pipeline/build/render-plan.ts): without the `whole` unit, only the templates that
  // paginate a keyed source run; the build reuses the other pages from the last good site.
  const renderSet = readRenderSet(process.env);
  const siteDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'site');
  const templates = siteTemplates(siteDir);
  if (renderSet && !renderSet.whole) {
    for (const { template, source } of templates)
      if (source === null) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(siteDir, template)));
  }
  // Which pages were written, and from which keyed source: the build records them to reuse them next time.
  const renderedFile = process.env.KILDEBANK_RENDERED;
  if (renderedFile) {
    const sourceOf = new Map(templates.map(({ template, source }) => [path.join(siteDir, template), source]));
    eleventyConfig.on(
      'eleventy.after',
      /** @param {{ directories: { output: string }, results: Array<{ inputPath: string, outputPath: string | false, url: string | false }> }} arg */
      ({ directories, results }) => {
        const pages = results
          .filter((r) => r.outputPath && r.url)
          .map((r) => ({
            url: r.url,
            file: path.relative(directories.output, /** @type {string} */ (r.outputPath)),
            source: sourceOf.get(path.resolve(r.inputPath)) ?? null,
          }));
        writeFileSync(renderedFile, JSON.stringify(pages));
      },
    );
  }

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  registerFilters(eleventyConfig);
  if (copy) {
    eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
    eleventyConfig.on(
      'eleventy.after',
      /** @param {{ directories: { output: string } }} arg */ ({ directories }) => minifyAssets(path.join(directories.output, 'assets')),
    );
  }

  eleventyConfig.addTransform(
    'site-urls',
    /** @this {{ page: { url: string, outputPath: string | false } }} @param {string} content */ function (content) {
      if (!this.page.outputPath || !this.page.outputPath.endsWith('.html')) return content;
      const root = ABSOLUTE_PAGES.has(this.page.url) ? site.pathPrefix : relativeRoot(this.page.url);
      return rewriteUrls(content, root);
    },
  );

  eleventyConfig.ignores.add('site/_config/**');
  return {
    dir: { input: 'site', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
