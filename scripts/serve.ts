/**
 * A small static file server for a built site, bound to 127.0.0.1: directory index.html,
 * 404.html for misses, no compression (so byte counts are honest), and a log of what was sent.
 * Used by the browser tests and `npm run bench:site`; also a CLI: `node scripts/serve.ts [dir] [port]`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** A running static server. */
export interface StaticServer {
  /** Origin, e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Bytes sent so far, per path. */
  bytes: Map<string, number>;
  /** Stop the server. */
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 (port 0 = any free port). */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const requests: string[] = [];
  const bytes = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
    }
    const body = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    bytes.set(pathname, (bytes.get(pathname) ?? 0) + body.length);
    res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    requests,
    bytes,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4321);
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`serve: ${dir}/index.html bestaat niet; bouw eerst de site met "npm run build".`);
    process.exit(1);
  }
  const server = await serveStatic(dir, port);
  console.log(`serve: ${resolve(dir)} op ${server.origin}/`);
}
