/**
 * Pipeline code compiled for the browser with esbuild: one minified script,
 * in memory, with the licences of what it contains at its top. The check page
 * and the visitor's reference list are made this way.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';

export interface BrowserBundle {
  text: string;
  metafile: Metafile;
}

export async function bundleForBrowser(
  entryPoint: string,
  banner: string,
  extra: Pick<BuildOptions, 'alias' | 'inject'> = {},
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
