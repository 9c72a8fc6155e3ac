/** The HTTP client on its own: retries, backoff, Retry-After, time-outs, rate limit, conditional requests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, createHttpClient, DEFAULT_USER_AGENT, HttpError, parseRetryAfter, type HttpEvent, type Validators } from '../../scripts/lib/http.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server;
let base: string;
const handlers = new Map<string, Handler>();
const counts = new Map<string, number>();
const seen: Array<{ path: string; at: number; headers: IncomingMessage['headers'] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    seen.push({ path, at: Date.now(), headers: req.headers });
    const h = handlers.get(path);
    if (h) h(req, res, n);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const fast = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 300, requestsPerSecond: 0 };

describe('retries', () => {
  it('retries 500, 502, 503 and 504 and then returns the good response', async () => {
    handlers.set('/flaky', (_q, res, n) => {
      res.writeHead([500, 502, 503, 504][n - 1] ?? 200);
      res.end(n > 4 ? 'ok' : 'fault');
    });
    const events: HttpEvent[] = [];
    const client = createHttpClient({ ...fast, onEvent: (e) => events.push(e) });
    const res = await client.get(`${base}/flaky`);
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body)).toBe('ok');
    expect(client.stats.retries).toBe(4);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as { reason: string }).reason)).toEqual(['HTTP 500', 'HTTP 502', 'HTTP 503', 'HTTP 504']);
  });

  it('gives up after maxRetries with a clear error naming the URL and the last reason', async () => {
    handlers.set('/down', (_q, res) => {
      res.writeHead(503);
      res.end();
    });
    const client = createHttpClient({ ...fast, maxRetries: 2 });
    const error = await client.get(`${base}/down`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(`${base}/down: mislukt na 3 pogingen (laatste: HTTP 503).`);
    expect(counts.get('/down')).toBe(3);
  });

  it('returns 404 to the caller instead of retrying it', async () => {
    const client = createHttpClient(fast);
    const res = await client.get(`${base}/nothing-here`);
    expect(res.status).toBe(404);
    expect(counts.get('/nothing-here')).toBe(1);
  });

  it('retries a request that gets no answer within the time-out', async () => {
    handlers.set('/slow', (_q, res, n) => {
      if (n === 1) return; // never answers
      res.writeHead(200);
      res.end('late but fine');
    });
    const client = createHttpClient(fast);
    const started = Date.now();
    const res = await client.get(`${base}/slow`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(counts.get('/slow')).toBe(2);
  });

  it('retries a body that fails validation (truncated JSON) like a server error', async () => {
    handlers.set('/half', (_q, res, n) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(n === 1 ? '{"value": [' : '{"value": []}');
    });
    const client = createHttpClient(fast);
    const res = await client.get(`${base}/half`, {
      validate: (b) => {
        try {
          JSON.parse(new TextDecoder().decode(b));
          return null;
        } catch {
          return 'kapotte JSON';
        }
      },
    });
    expect(new TextDecoder().decode(res.body)).toBe('{"value": []}');
    expect(client.stats.retries).toBe(1);
  });
});

describe('Retry-After and backoff', () => {
  it('waits at least the Retry-After seconds of a 429', async () => {
    handlers.set('/busy', (_q, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'Retry-After': '1' });
        res.end();
      } else {
        res.writeHead(200);
        res.end();
      }
    });
    const client = createHttpClient(fast);
    await client.get(`${base}/busy`);
    const times = seen.filter((s) => s.path === '/busy').map((s) => s.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a Retry-After longer than the limit, with a clear message', async () => {
    handlers.set('/tomorrow', (_q, res) => {
      res.writeHead(429, { 'Retry-After': '86400' });
      res.end();
    });
    const client = createHttpClient({ ...fast, maxRetryAfterMs: 60_000 });
    await expect(client.get(`${base}/tomorrow`)).rejects.toThrow(/vraagt 86400 s te wachten \(Retry-After\), langer dan de grens van 60 s/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('backs off exponentially with full jitter under a cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, 500, 30_000, () => 0.999999))).toEqual([500, 1000, 2000, 4000, 30000]);
    expect(backoffDelay(3, 500, 30_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 500, 30_000, () => 0.5)).toBe(1000);
  });
});

describe('politeness', () => {
  it('sends the Vraagspoor User-Agent', async () => {
    handlers.set('/ua', (_q, res) => {
      res.writeHead(200);
      res.end();
    });
    await createHttpClient(fast).get(`${base}/ua`);
    expect(seen.filter((s) => s.path === '/ua')[0]!.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toBe('Vraagspoor/0.1 (+contact in README)');
  });

  it('spaces request starts to the rate limit', async () => {
    handlers.set('/rate', (_q, res) => {
      res.writeHead(200);
      res.end();
    });
    const client = createHttpClient({ ...fast, requestsPerSecond: 20 });
    await Promise.all([1, 2, 3, 4, 5].map(() => client.get(`${base}/rate`)));
    const times = seen.filter((s) => s.path === '/rate').map((s) => s.at);
    // Five starts at 20 per second take at least 4 × 50 ms.
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(190);
  });

  it('makes conditional requests with the stored ETag and Last-Modified and reports 304', async () => {
    handlers.set('/doc', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Wed, 21 Oct 2015 07:28:00 GMT' });
      res.end('document');
    });
    const store = new Map<string, Validators>();
    const client = createHttpClient({ ...fast, conditional: { get: (u) => store.get(u), set: (u, v) => store.set(u, v) } });
    const first = await client.get(`${base}/doc`, { conditional: true });
    expect(first.status).toBe(200);
    expect(store.get(`${base}/doc`)).toEqual({ etag: '"v1"', lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT' });
    const second = await client.get(`${base}/doc`, { conditional: true });
    expect(second.notModified).toBe(true);
    expect(second.body.byteLength).toBe(0);
    const sent = seen.filter((s) => s.path === '/doc')[1]!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(client.stats.notModified).toBe(1);
  });

  it('stops waiting at once when the run is aborted', async () => {
    handlers.set('/hang', () => undefined);
    const controller = new AbortController();
    const client = createHttpClient({ ...fast, timeoutMs: 10_000, signal: controller.signal });
    const pending = client.get(`${base}/hang`);
    setTimeout(() => controller.abort(new Error('interrupted')), 50);
    await expect(pending).rejects.toThrow('interrupted');
  });
});
