/**
 * A static file server on 127.0.0.1 for browser tests: serves a built site
 * under a path prefix, with the site's 404.html for missing files, as a
 * plain static host would. Optionally with response headers by request path,
 * e.g. the ones the built site's `_headers` file asks for.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ttl': 'text/turtle; charset=utf-8',
  '.jsonld': 'application/ld+json',
};

export interface StaticServer {
  /** Base URL of the site, ending in the prefix, e.g. http://127.0.0.1:1234/noe/ */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Extra response headers for a request path (as the browser sent it, before decoding). */
  headers?: (pathname: string) => Record<string, string>;
}

export async function serveStatic(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const rawPath = new URL(req.url ?? '/', 'http://x').pathname;
    const pathname = decodeURIComponent(rawPath);
    for (const [name, value] of Object.entries(options.headers?.(rawPath) ?? {})) res.setHeader(name, value);
    const send = async (file: string, status: number) => {
      res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    };
    if (pathname.startsWith(prefix)) {
      let file = path.join(root, pathname.slice(prefix.length));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        return await send(file, 200);
      } catch {
        // fall through to the 404 page
      }
    }
    try {
      await send(path.join(root, '404.html'), 404);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
