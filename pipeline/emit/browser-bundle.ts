/**
 * Pipeline code compiled for the browser with esbuild: one minified script,
 * in memory, with the licences of what it contains at its top. The check page
 * and the visitor's reference list are made this way.
 *
 * A bundle is kept in `.cache/bundles/` (`KILDEBANK_BUNDLE_CACHE` moves it)
 * with a hash of every file that went into it, and reused while none of them
 * changed: it does not depend on the data, and esbuild takes about 0.3 s a
 * bundle.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';

export interface BrowserBundle {
  text: string;
  metafile: Metafile;
}

const cacheDir = () => path.resolve(process.env.KILDEBANK_BUNDLE_CACHE || path.join('.cache', 'bundles'));
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Each input of a bundle (as esbuild names it, relative to the working folder) with a hash of its bytes; undefined if one is gone. */
async function inputHashes(metafile: Metafile): Promise<Record<string, string> | undefined> {
  const hashes: Record<string, string> = {};
  for (const input of Object.keys(metafile.inputs).sort()) {
    // Virtual inputs ('<define:…>', '(disabled):stream') have no file.
    if (input.includes('<') || /^\([a-z]+\):/.test(input)) continue;
    const bytes = await readFile(input).catch(() => undefined);
    if (!bytes) return undefined;
    hashes[input] = sha(bytes);
  }
  return hashes;
}

interface CachedBundle extends BrowserBundle {
  inputs: Record<string, string>;
}

export async function bundleForBrowser(
  entryPoint: string,
  banner: string,
  extra: Pick<BuildOptions, 'alias' | 'inject'> = {},
): Promise<BrowserBundle> {
  const file = path.join(cacheDir(), `${sha(JSON.stringify([entryPoint, banner, extra]))}.json`);
  const cached = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as CachedBundle,
    () => undefined,
  );
  if (cached && JSON.stringify(await inputHashes(cached.metafile)) === JSON.stringify(cached.inputs)) {
    return { text: cached.text, metafile: cached.metafile };
  }
  const bundle = await bundleWithEsbuild(entryPoint, banner, extra);
  const inputs = await inputHashes(bundle.metafile);
  if (inputs) {
    // Written whole and renamed, so a killed build leaves the old entry or the new one; a failure only costs time.
    const temporary = `${file}.${process.pid}.tmp`;
    await mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFile(temporary, JSON.stringify({ ...bundle, inputs })))
      .then(() => rename(temporary, file))
      .catch(() => undefined);
  }
  return bundle;
}

async function bundleWithEsbuild(
  entryPoint: string,
  banner: string,
  extra: Pick<BuildOptions, 'alias' | 'inject'>,
): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: banner },
    metafile: true,
    logLevel: 'silent',
    ...extra,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild wrote no bundle for ${entryPoint}`);
  return { text: file.text, metafile: result.metafile };
}
