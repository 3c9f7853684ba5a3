/**
 * `npm run serve`: show the built site (`dist/`) on this machine, the way a
 * plain static host serves it: under PATH_PREFIX, `index.html` for a folder,
 * a redirect to the trailing slash (the site's links are relative to it), and
 * the site's `404.html` for anything else. Search needs this: Pagefind loads
 * its index with fetch(), which browsers refuse for pages opened from disk.
 *
 * Listens on 127.0.0.1 unless told otherwise, so the preview is not offered
 * to the whole network. No caching, no compression: it is for looking, not
 * for hosting.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { kindOf } from '../lib/path-kind.ts';
import { BuildError } from './lock.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.ttl': 'text/turtle; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.ris': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** The built site. */
  root: string;
  /** The sub-path the site is served under, as PATH_PREFIX: '/' or '/noe/'. */
  prefix?: string;
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** Extra response headers for a request path (as the browser sent it, before decoding), e.g. what `_headers` asks for. */
  headers?: (pathname: string) => Record<string, string>;
}

export interface RunningServer {
  /** The site's address, ending in the prefix, e.g. http://127.0.0.1:8080/noe/ */
  url: string;
  close(): Promise<void>;
}

/** '/noe' → '/noe/', '' → '/'. */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function send(req: IncomingMessage, res: ServerResponse, file: string, status: number): Promise<void> {
  return new Promise((resolve) => {
    const stream = createReadStream(file);
    stream.on('open', () => {
      res.writeHead(status, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
        resolve();
      } else stream.pipe(res).on('finish', resolve);
    });
    stream.on('error', () => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Kunne ikke lese filen.');
      resolve();
    });
  });
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { location, 'content-type': 'text/plain; charset=utf-8' }).end(`Flyttet til ${location}`);
}

/** Start serving; rejects with a {@link BuildError} when there is no built site or the port cannot be used. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const prefix = normalisePrefix(options.prefix);
  const host = options.host ?? '127.0.0.1';
  if ((await kindOf(path.join(root, 'index.html'))) !== 'file') {
    throw new BuildError(`Finner ikke et bygget nettsted i ${options.root} (ingen index.html). Bygg det først med npm run build.`);
  }

  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    const page = path.join(root, '404.html');
    if ((await kindOf(page)) === 'file') return send(req, res, page, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke funnet.');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(options.headers?.(url.pathname) ?? {})) res.setHeader(name, value);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.includes('\0')) return void res.writeHead(400).end();
    if (`${pathname}/` === prefix || (pathname === '/' && prefix !== '/')) return redirect(res, prefix + url.search);
    if (!pathname.startsWith(prefix)) return notFound(req, res);
    const file = path.join(root, pathname.slice(prefix.length));
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return notFound(req, res);
    const kind = await kindOf(file);
    if (kind === 'folder') {
      // Relative links in the page only work from the folder's URL with its slash.
      if (!url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
      const index = path.join(file, 'index.html');
      return (await kindOf(index)) === 'file' ? send(req, res, index, 200) : notFound(req, res);
    }
    return kind === 'file' ? send(req, res, file, 200) : notFound(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? `porten ${options.port} er allerede i bruk`
          : e.code === 'EACCES'
            ? `ingen tilgang til porten ${options.port}`
            : e.code === 'EADDRNOTAVAIL'
              ? `adressen ${host} finnes ikke på denne maskinen`
              : (e.code ?? e.message);
      reject(
        new BuildError(
          `Kan ikke starte serveren på ${host}:${options.port} (${why}). Velg en annen port med --port, for eksempel --port 8081.`,
        ),
      );
    });
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  // An address that listens everywhere is reached on this machine through the loopback address.
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
