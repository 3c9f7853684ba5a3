/**
 * The built site served on 127.0.0.1 for browser tests, under a path prefix,
 * by the same server as `npm run serve` (pipeline/build/serve.ts), on a free
 * port; optionally with response headers by request path, e.g. the ones the
 * built site's `_headers` file asks for.
 */
import { startServer, type ServeOptions as ServerOptions } from '../../pipeline/build/serve.ts';

export interface StaticServer {
  /** Base URL of the site, ending in the prefix, e.g. http://127.0.0.1:1234/noe/ */
  url: string;
  close(): Promise<void>;
}

export type ServeOptions = Pick<ServerOptions, 'headers'>;

export function serveStatic(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticServer> {
  return startServer({ root, prefix, port: 0, ...options });
}
