/**
 * A polite HTTP client for the sync: one request at a time per rate slot, a clear User-Agent,
 * a timeout per request (body included), retries with exponential backoff and full jitter on
 * 429 (honouring Retry-After), 5xx, timeouts and broken connections, and conditional requests
 * (If-None-Match / If-Modified-Since) for documents fetched before.
 *
 * 404 and other final statuses are returned, not thrown: the caller knows whether a missing
 * document is a problem. Only exhausted retries and a run-wide abort throw.
 */

/** The User-Agent every request carries; override with VRAAGSPOOR_USER_AGENT. */
export const DEFAULT_USER_AGENT = 'Vraagspoor/0.1 (+contact in README)';

/** Statuses worth another try. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Validators remembered for a URL. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** Where conditional-request validators are kept between runs. */
export interface ConditionalStore {
  get(url: string): Validators | undefined;
  set(url: string, validators: Validators): void;
}

/** Something the client did that a log may want to show. */
export type HttpEvent =
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'response'; url: string; status: number; ms: number; bytes: number };

/** Client settings. */
export interface HttpOptions {
  /** User-Agent header. */
  userAgent?: string;
  /** Maximum request starts per second (retries included); 0 or less = no limit. */
  requestsPerSecond?: number;
  /** Time allowed for one request including its body, in ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** First backoff step in ms (doubles per attempt, full jitter). */
  baseDelayMs?: number;
  /** Largest backoff in ms. */
  maxDelayMs?: number;
  /** Longest Retry-After the client is willing to wait, in ms; longer gives up with a clear error. */
  maxRetryAfterMs?: number;
  /** Validators for conditional requests; null disables them. */
  conditional?: ConditionalStore | null;
  /** Aborts every request of the run (Ctrl-C). */
  signal?: AbortSignal;
  /** Receives retries and responses, for logs and tests. */
  onEvent?: (event: HttpEvent) => void;
  /** Jitter source in [0, 1); tests can make it fixed. */
  random?: () => number;
}

/** One response, body read in full. */
export interface HttpResponse {
  /** URL requested. */
  url: string;
  /** Final status (304 when a conditional request found the document unchanged). */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Body bytes (empty for 304). */
  body: Uint8Array;
  /** True for 304 Not Modified. */
  notModified: boolean;
}

/** A request that failed for good (retries exhausted, or a Retry-After beyond the limit). */
export class HttpError extends Error {
  readonly url: string;
  readonly status: number | null;
  readonly attempts: number;
  constructor(message: string, url: string, status: number | null, attempts: number) {
    super(message);
    this.name = 'HttpError';
    this.url = url;
    this.status = status;
    this.attempts = attempts;
  }
}

/** Counters for the run report. */
export interface HttpStats {
  requests: number;
  retries: number;
  bytes: number;
  notModified: number;
  byStatus: Record<string, number>;
}

/** Options of one GET. */
export interface GetOptions {
  /** Accept header. */
  accept?: string;
  /** Send validators remembered for this URL, and remember the new ones. */
  conditional?: boolean;
  /**
   * Check a 200 body before accepting it; return an error text to treat the response as broken
   * (truncated JSON, …) and retry it like a 5xx.
   */
  validate?: (body: Uint8Array) => string | null;
}

/** The client. */
export interface HttpClient {
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
  readonly stats: HttpStats;
}

/** Sleep `ms`, or reject as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Backoff before retry `attempt` (1-based): full jitter over an exponentially growing cap. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(random() * cap);
}

/** Create a client. */
export function createHttpClient(options: HttpOptions = {}): HttpClient {
  const userAgent = options.userAgent ?? process.env['VRAAGSPOOR_USER_AGENT'] ?? DEFAULT_USER_AGENT;
  const interval = options.requestsPerSecond && options.requestsPerSecond > 0 ? 1000 / options.requestsPerSecond : 0;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const random = options.random ?? Math.random;
  const stats: HttpStats = { requests: 0, retries: 0, bytes: 0, notModified: 0, byStatus: {} };
  let nextSlot = 0;

  // Reserve the next start time; concurrent callers queue behind each other.
  async function rateSlot(): Promise<void> {
    if (interval <= 0) return;
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await sleep(at - now, options.signal);
  }

  async function once(url: string, get: GetOptions): Promise<{ response?: HttpResponse; retry?: { reason: string; afterMs: number | null; status: number | null } }> {
    await rateSlot();
    const headers: Record<string, string> = { 'User-Agent': userAgent, Accept: get.accept ?? '*/*' };
    const validators = get.conditional ? options.conditional?.get(url) : undefined;
    if (validators?.etag) headers['If-None-Match'] = validators.etag;
    if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const started = Date.now();
    stats.requests++;
    let res: Response;
    let body: Uint8Array;
    try {
      res = await fetch(url, { headers, signal, redirect: 'follow' });
      body = res.status === 304 ? new Uint8Array() : new Uint8Array(await res.arrayBuffer());
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      const reason = timeout.aborted ? `geen antwoord binnen ${timeoutMs} ms` : `verbinding mislukt (${describe(error)})`;
      return { retry: { reason, afterMs: null, status: null } };
    }
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
    stats.bytes += body.byteLength;
    options.onEvent?.({ type: 'response', url, status: res.status, ms: Date.now() - started, bytes: body.byteLength });
    if (RETRY_STATUSES.has(res.status)) {
      return { retry: { reason: `HTTP ${res.status}`, afterMs: parseRetryAfter(res.headers.get('retry-after')), status: res.status } };
    }
    if (res.status === 200 && get.validate) {
      const problem = get.validate(body);
      if (problem) return { retry: { reason: problem, afterMs: null, status: 200 } };
    }
    if (res.status === 304) stats.notModified++;
    if (res.status === 200 && get.conditional && options.conditional) {
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag || lastModified) options.conditional.set(url, { etag, lastModified });
    }
    return { response: { url, status: res.status, headers: res.headers, body, notModified: res.status === 304 } };
  }

  async function get(url: string, getOptions: GetOptions = {}): Promise<HttpResponse> {
    let last = '';
    let lastStatus: number | null = null;
    for (let attempt = 0; ; attempt++) {
      const result = await once(url, getOptions);
      if (result.response) return result.response;
      const retry = result.retry!;
      last = retry.reason;
      lastStatus = retry.status;
      if (attempt >= maxRetries) break;
      let delayMs = backoffDelay(attempt + 1, baseDelayMs, maxDelayMs, random);
      if (retry.afterMs !== null) {
        if (retry.afterMs > maxRetryAfterMs) {
          throw new HttpError(
            `${url}: de server vraagt ${Math.round(retry.afterMs / 1000)} s te wachten (Retry-After), langer dan de grens van ${Math.round(maxRetryAfterMs / 1000)} s; probeer het later opnieuw.`,
            url,
            retry.status,
            attempt + 1,
          );
        }
        // Never earlier than the server asked; a little jitter so parallel clients spread out.
        delayMs = retry.afterMs + Math.round(random() * Math.min(250, baseDelayMs));
      }
      stats.retries++;
      options.onEvent?.({ type: 'retry', url, attempt: attempt + 1, delayMs, reason: retry.reason });
      await sleep(delayMs, options.signal);
    }
    throw new HttpError(`${url}: mislukt na ${maxRetries + 1} pogingen (laatste: ${last}).`, url, lastStatus, maxRetries + 1);
  }

  return { get, stats };
}

function describe(error: unknown): string {
  const e = error as { cause?: { code?: string; message?: string }; message?: string };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
