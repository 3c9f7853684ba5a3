/**
 * Kildebank's command line: `build`, `check`, `dev`, `serve` and `template`.
 *
 *   build [--data data] [--out dist] [--cache .cache/json]
 *                                      pipeline, Eleventy and Pagefind; PATH_PREFIX and SITE_URL from the environment;
 *                                      the last good JSON is kept in --cache
 *   check [--data data] [--format text|json|github|gitlab] [--json] [--lang nb|en]
 *                                      read and check the data only; writes nothing. --format github prints
 *                                      GitHub Actions annotations, gitlab a GitLab Code Quality report;
 *                                      --json is --format json
 *
 * Messages are in Norwegian bokmål; `--lang en` (or an English LANG/LC_ALL) gives English.
 *   dev   [--data data] [--host 127.0.0.1] [--port 8080] [--cache .cache/json] [--out .cache/dev-site]
 *                                      preview: builds as `build` does (only what changed), serves it; edits in data/ rebuild and reload once,
 *                                      errors in the data show over every page until fixed
 *   serve [--out dist] [--host 127.0.0.1] [--port 8080]
 *                                      serve the built site as a static host would, under PATH_PREFIX
 *   template [--data data] [--out maler]
 *                                      an .xlsx per CSV file, with the shipped rows, text formats and drop-down lists
 *
 * Expected failures (another build running, a folder that cannot be written,
 * a port in use) are BuildErrors: their Norwegian message is printed alone,
 * without a stack trace, and the exit code is 1.
 */
import { parseArgs } from 'node:util';
import { BuildError } from './build/lock.ts';
import { formatReport, hasErrors } from './model/problems.ts';
import { languageFromEnvironment } from './model/messages.ts';
import { formatProblems, isReportFormat, REPORT_FORMATS } from './model/report-formats.ts';
import type { StageLog } from './run.ts';

const USAGE = `Usage: kildebank <build|check|dev|serve|template> [--data <folder>] [--out <folder>] [--cache <folder>] [--format <text|json|github|gitlab>] [--json] [--lang nb|en] [--host <address>] [--port <number>]`;

/** A port number from the command line, or a BuildError. */
function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new BuildError(`'${value}' er ikke et portnummer. Skriv et tall fra 0 til 65535, for eksempel --port 8081.`);
  return Number(value);
}

const printStage = (l: StageLog) => console.log(`  ${l.stage.padEnd(16)} ${(l.ms / 1000).toFixed(2).padStart(6)} s  ${l.detail}`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'data' },
      out: { type: 'string' },
      cache: { type: 'string', default: '.cache/json' },
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      lang: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  // Messages in Norwegian bokmål unless --lang or the locale says English.
  const lang = languageFromEnvironment(values.lang);
  if (command === 'check') {
    const format = values.format ?? (values.json ? 'json' : 'text');
    if (!isReportFormat(format) || (values.json && format !== 'json')) {
      console.error(`Unknown or conflicting --format '${format}': use one of ${REPORT_FORMATS.join(', ')} (--json is --format json).`);
      return 1;
    }
    const { runPipeline } = await import('./run.ts');
    const result = await runPipeline(values.data, { checkOnly: true });
    console.log(formatProblems(result.problems, format, lang));
    return hasErrors(result.problems) ? 1 : 0;
  }
  if (command === 'template') {
    const { writeTemplates } = await import('./emit/spreadsheet-template.ts');
    for (const file of await writeTemplates(values.data, values.out ?? 'maler')) console.log(`Skrev ${file}`);
    return 0;
  }
  if (command === 'build') {
    const out = values.out ?? 'dist';
    // Loaded per command, so that `check` starts fast and `build` holds no pipeline: its data stage is a child process.
    const [{ buildSite }, { progressLine }] = await Promise.all([import('./build/build-site.ts'), import('./lib/progress.ts')]);
    console.log(`Building ${out}/ from ${values.data}/`);
    // On a terminal, a progress line shows what runs between the stage lines.
    const progress = progressLine(process.stdout);
    const result = await buildSite({
      dataDir: values.data,
      outDir: out,
      jsonDir: values.cache,
      pathPrefix: process.env.PATH_PREFIX || '/',
      siteUrl: process.env.SITE_URL || '',
      onStage: (l) => {
        progress.clear();
        printStage(l);
      },
    }).finally(() => progress.stop());
    if (result.problems.length > 0 || !result.built) console.log(formatReport(result.problems, lang));
    if (!result.built) {
      console.log(`Nothing was written: fix the errors above. The last good site in ${out}/ is unchanged.`);
      return 1;
    }
    console.log(`Done: ${out}/`);
    return 0;
  }
  if (command === 'dev') {
    const { startDev } = await import('./build/dev.ts');
    const port = portOf(values.port);
    await startDev(values.data, {
      lang,
      jsonDir: values.cache,
      ...(values.out ? { outDir: values.out } : {}),
      ...(values.host ? { host: values.host } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    return 0;
  }
  if (command === 'serve') {
    const out = values.out ?? 'dist';
    const { startServer } = await import('./build/serve.ts');
    const prefix = process.env.PATH_PREFIX || '/';
    const server = await startServer({ root: out, prefix, host: values.host ?? '127.0.0.1', port: portOf(values.port) ?? 8080 });
    const everywhere = values.host === '0.0.0.0' || values.host === '::';
    console.log(
      [
        `Nettstedet i ${out}/ vises på ${server.url}`,
        ...(everywhere ? ['Serveren lytter på alle nettverkskort: andre maskiner på nettverket kan også se nettstedet.'] : []),
        'Stopp med Ctrl+C.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  }
  console.error(`Unknown command '${command}'.\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof BuildError) console.error(e.message);
    else console.error(`Build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
