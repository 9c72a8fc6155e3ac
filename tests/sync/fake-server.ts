/**
 * A local stand-in for the Tweede Kamer OData API and the KOOP document site, on 127.0.0.1 with a
 * random port, serving the recorded and reconstructed payloads of tests/fixtures/sync (and the real
 * PDFs and reconstructed XML of tests/fixtures) — with fault injection: time-outs, 5xx, 429 with
 * Retry-After, truncated bodies, dropped connections, malformed XML, a repeated page, a nextLink
 * loop, and documents that disappear (404).
 *
 * Collections honour `$filter` (see odata-filter.ts), `$orderby`, `$skip`, `$skiptoken`, `$top`,
 * `$count` and `$select`; pages hold `pageSize` rows with an `@odata.nextLink`, like the real server.
 * Vote decisions (Besluit) are served as the two recorded pages, their `{{url}}` placeholder replaced
 * by this server's base and the second page's real nextLink left as recorded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { matches, orderBy, parseFilter } from './odata-filter.ts';

type Row = Record<string, unknown>;

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SYNC = join(FIXTURES, 'sync');

/** A file the server can hand out. */
export interface ServedFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Everything the server knows. */
export interface World {
  /** Zaak rows, expanded (ZaakActor, Document → HuidigeDocumentVersie → DocumentPublicatie). */
  zaken: Row[];
  /** Document rows for motion lookups (expanded Zaak, HuidigeDocumentVersie, Kamerstukdossier). */
  documents: Row[];
  /** Toezegging rows. */
  toezeggingen: Row[];
  /** Besluit: the recorded pages (`recorded`) or plain rows served with generic paging. */
  besluit: { recorded: Row[] } | { rows: Row[] };
  /** Files by server path: "koop/<id>.xml", "koop/<id>.pdf", "odata/Document(<guid>)/resource". */
  files: Map<string, ServedFile>;
}

function readJson<T = Row>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function file(path: string, contentType: string): ServedFile {
  return { bytes: new Uint8Array(readFileSync(path)), contentType };
}

/** Options for the recorded world. */
export interface WorldOptions {
  /** Add the two real answered Zaken whose answer documents are not available (they stay pending). */
  includeUnavailable?: boolean;
  /** Serve the reconstructed XML of answers that have one (default true). */
  xml?: boolean;
}

/**
 * The world of tests/fixtures/sync: 24 Zaken for real answer documents (reconstructed metadata,
 * real PDFs and reconstructed XML), the 2 real open Zaken, 2 recorded vote pages, a motion lookup,
 * the reconstructed register, and the motion XMLs.
 */
export function loadWorld(options: WorldOptions = {}): World {
  const zaken = [
    ...readJson<{ value: Row[] }>(join(SYNC, 'zaak.schriftelijke-vragen.corpus.reconstructed.json')).value,
    ...readJson<{ value: Row[] }>(join(SYNC, 'zaak.schriftelijke-vragen.recorded-open.json')).value,
  ];
  if (options.includeUnavailable) zaken.push(...readJson<{ value: Row[] }>(join(SYNC, 'zaak.schriftelijke-vragen.recorded-answered.json')).value);
  const files = new Map<string, ServedFile>();
  for (const zaak of zaken) {
    for (const doc of (zaak['Document'] as Row[]) ?? []) {
      const ext = ((doc['HuidigeDocumentVersie'] as Row | undefined)?.['ExterneIdentifier'] as string | undefined) ?? null;
      const id = ext ?? (doc['Soort'] === 'Schriftelijke vragen' ? `kv-tk-${zaak['Nummer']}` : null);
      if (!id) continue;
      const pdf = join(FIXTURES, 'pdf', `${id}.pdf`);
      const xml = join(FIXTURES, 'xml', `${id}.reconstructed.xml`);
      if (existsSync(pdf)) {
        files.set(`odata/Document(${doc['Id']})/resource`, file(pdf, 'application/pdf'));
        // KOOP serves the PDF too for half of the documents, so both fallback routes are used.
        if (Number(id.split('-').pop()) % 2 === 0) files.set(`koop/${id}.pdf`, file(pdf, 'application/pdf'));
      }
      if (options.xml !== false && existsSync(xml)) files.set(`koop/${id}.xml`, file(xml, 'application/xml'));
    }
  }
  const official = join(FIXTURES, 'official', 'officielebekendmakingen');
  files.set('koop/kst-19637-3384.xml', file(join(official, 'kst-19637-3384.motie.documentpublicatie-resource.xml'), 'application/xml'));
  files.set('koop/kst-34104-439.xml', file(join(official, 'kst-34104-439.motie.inline-metadata.xml'), 'application/xml'));
  return {
    zaken,
    documents: readJson<{ value: Row[] }>(join(SYNC, 'document.motie-lookup.kst-19637-3384.json')).value,
    toezeggingen: readJson<{ value: Row[] }>(join(SYNC, 'toezegging.reconstructed.json')).value,
    besluit: { recorded: [readJson(join(SYNC, 'besluit.motie.page1.enriched.json')), readJson(join(SYNC, 'besluit.motie.page2.enriched.json'))] },
    files,
  };
}

/** What a fault does to a response. */
export type Fault =
  | { kind: 'timeout' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'truncate' }
  | { kind: 'drop' }
  | { kind: 'malformed-xml' }
  | { kind: 'repeat-page' }
  | { kind: 'loop' };

/** A fault and the requests it applies to. */
export interface FaultRule {
  /** Matched against the decoded path + query ("/OData/v4/2.0/Zaak?$filter=…"). */
  match: RegExp | ((path: string) => boolean);
  fault: Fault;
  /** How many matching requests it hits (default 1; Infinity for all). */
  times?: number;
  /** How many it has hit so far. */
  fired?: number;
}

/** One request as the server saw it. */
export interface LoggedRequest {
  path: string;
  at: number;
  userAgent: string | null;
  ifNoneMatch: string | null;
  status: number | null;
  fault: Fault['kind'] | null;
}

/** A running server. */
export interface FakeServer {
  /** OData base URL, e.g. http://127.0.0.1:41234/OData/v4/2.0 */
  url: string;
  /** KOOP base URL, e.g. http://127.0.0.1:41234/koop */
  documentsUrl: string;
  /** The world it serves; tests may change it between runs. */
  world: World;
  /** Every request, in order. */
  requests: LoggedRequest[];
  /** Active fault rules. */
  faults: FaultRule[];
  /** Rows per page. */
  pageSize: number;
  addFault(rule: FaultRule): FaultRule;
  clearFaults(): void;
  close(): Promise<void>;
}

/** Server settings. */
export interface FakeServerOptions {
  world?: World;
  /** Rows per page (the real server uses 250). */
  pageSize?: number;
  /** Page with $skiptoken=Id-<guid> instead of $skip (the real server does so without $orderby). */
  skiptoken?: boolean;
  /** Path version: "/OData/v4/2.0" (default) or "/OData/v5". */
  version?: 'v4' | 'v5';
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const json = (value: unknown, status = 200): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8', 'OData-Version': '4.0' },
  body: new TextEncoder().encode(JSON.stringify(value)),
});

/** A query string as the OData server writes it: `$` names as they are, spaces as %20 (not "+"). */
function odataSearch(url: URL): string {
  const parts = [...url.searchParams.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const notFound = (): Reply => ({ status: 404, headers: { 'Content-Type': 'text/plain' }, body: new TextEncoder().encode('Not found') });

/** Start a server with the given world (default: the recorded world). */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const world = options.world ?? loadWorld();
  const pageSize = options.pageSize ?? 250;
  const prefix = options.version === 'v5' ? '/OData/v5' : '/OData/v4/2.0';
  const requests: LoggedRequest[] = [];
  const faults: FaultRule[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  const collection = (set: string, url: URL): Reply => {
    const base = `${origin}${prefix}`;
    const filterText = url.searchParams.get('$filter');
    const filter = filterText ? parseFilter(filterText) : null;
    const skip = Number(url.searchParams.get('$skip') ?? '0');
    if (set === 'Besluit' && 'recorded' in world.besluit) {
      const index = Math.floor(skip / 250);
      const page = world.besluit.recorded[index];
      if (!page) return json({ '@odata.context': `${base}/$metadata#Besluit`, value: [] });
      const text = JSON.stringify(page).replaceAll('{{url}}', base);
      const body = JSON.parse(text) as Row;
      body['value'] = (body['value'] as Row[]).filter((r) => !filter || matches(filter, r));
      // The real server sends no nextLink after an empty result; the recorded link would lead on regardless.
      if ((body['value'] as Row[]).length === 0) delete body['@odata.nextLink'];
      return json(body);
    }
    const source: Row[] =
      set === 'Zaak' ? world.zaken : set === 'Document' ? world.documents : set === 'Toezegging' ? world.toezeggingen : set === 'Besluit' && 'rows' in world.besluit ? world.besluit.rows : [];
    if (!['Zaak', 'Document', 'Toezegging', 'Besluit'].includes(set)) return notFound();
    const all = orderBy(source.filter((r) => !filter || matches(filter, r)), url.searchParams.get('$orderby'));
    let start = skip;
    const token = url.searchParams.get('$skiptoken');
    if (token) {
      const id = token.replace(/^Id-/, '');
      start = all.findIndex((r) => r['Id'] === id) + 1;
    }
    const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) : Infinity;
    const size = Math.min(pageSize, top);
    let rows = all.slice(start, start + size);
    const select = url.searchParams.get('$select');
    if (select) {
      const keep = select.split(',');
      rows = rows.map((r) => Object.fromEntries(keep.map((k) => [k, r[k] ?? null])));
    }
    const body: Row = { '@odata.context': `${base}/$metadata#${set}` };
    if (url.searchParams.get('$count') === 'true') body['@odata.count'] = all.length;
    body['value'] = rows;
    if (start + size < all.length && size === pageSize) {
      const next = new URL(url.toString());
      if (options.skiptoken) {
        next.searchParams.delete('$skip');
        next.searchParams.set('$skiptoken', `Id-${String(rows[rows.length - 1]!['Id'])}`);
      } else next.searchParams.set('$skip', String(start + size));
      next.searchParams.delete('$count');
      body['@odata.nextLink'] = `${origin}${next.pathname}${odataSearch(next)}`;
    }
    return json(body);
  };

  const serveFile = (key: string, ifNoneMatch: string | null): Reply => {
    const f = world.files.get(key);
    if (!f) return notFound();
    const etag = `"${createHash('sha1').update(f.bytes).digest('hex')}"`;
    if (ifNoneMatch === etag) return { status: 304, headers: { ETag: etag }, body: new Uint8Array() };
    return { status: 200, headers: { 'Content-Type': f.contentType, ETag: etag }, body: f.bytes };
  };

  const route = (url: URL, ifNoneMatch: string | null): Reply => {
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith(`${prefix}/`)) {
      const rest = path.slice(prefix.length + 1);
      if (/^Document\([^)]+\)\/resource$/i.test(rest)) return serveFile(`odata/${rest.replace(/\/resource$/i, '/resource')}`, ifNoneMatch);
      if (/^[A-Za-z]+$/.test(rest)) return collection(rest, url);
      return notFound();
    }
    if (path.startsWith('/koop/')) return serveFile(`koop/${path.slice('/koop/'.length)}`, ifNoneMatch);
    return notFound();
  };

  /** The URL of the page before this one (for repeat and loop faults). */
  const previousPage = (url: URL): URL => {
    const prev = new URL(url.toString());
    const skip = Number(prev.searchParams.get('$skip') ?? '0');
    prev.searchParams.set('$skip', String(Math.max(0, skip - pageSize)));
    prev.search = odataSearch(prev);
    return prev;
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    const decoded = decodeURIComponent(`${url.pathname}${url.search}`);
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const entry: LoggedRequest = { path: decoded, at: Date.now(), userAgent: (req.headers['user-agent'] as string | undefined) ?? null, ifNoneMatch, status: null, fault: null };
    requests.push(entry);
    const rule = faults.find((f) => (f.fired ?? 0) < (f.times ?? 1) && (typeof f.match === 'function' ? f.match(decoded) : f.match.test(decoded)));
    let reply: Reply;
    try {
      reply = route(url, ifNoneMatch);
    } catch (error) {
      reply = { status: 400, headers: { 'Content-Type': 'text/plain' }, body: new TextEncoder().encode((error as Error).message) };
    }
    if (rule) {
      rule.fired = (rule.fired ?? 0) + 1;
      entry.fault = rule.fault.kind;
      const f = rule.fault;
      switch (f.kind) {
        case 'timeout':
          return; // never answer; the client gives up and the socket is closed by it or by close()
        case 'status':
          reply = { status: f.status, headers: { 'Content-Type': 'text/plain', ...(f.retryAfter ? { 'Retry-After': f.retryAfter } : {}) }, body: new TextEncoder().encode(`fault ${f.status}`) };
          break;
        case 'truncate':
          reply = { ...reply, body: reply.body.slice(0, Math.floor(reply.body.byteLength / 2)) };
          break;
        case 'drop': {
          entry.status = reply.status;
          res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.byteLength) });
          res.write(reply.body.slice(0, Math.floor(reply.body.byteLength / 2)));
          setTimeout(() => req.socket.destroy(), 10);
          return;
        }
        case 'malformed-xml':
          reply = {
            status: 200,
            headers: { 'Content-Type': 'application/xml' },
            body: new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>Kent u het bericht</vraag></kamervragen>'),
          };
          break;
        case 'repeat-page': {
          const current = JSON.parse(new TextDecoder().decode(reply.body)) as Row;
          const before = JSON.parse(new TextDecoder().decode(route(previousPage(url), null).body)) as Row;
          reply = json({ ...current, value: before['value'] });
          break;
        }
        case 'loop': {
          const current = JSON.parse(new TextDecoder().decode(reply.body)) as Row;
          const prev = previousPage(url);
          reply = json({ ...current, '@odata.nextLink': `${origin}${prev.pathname}${prev.search}` });
          break;
        }
      }
    }
    entry.status = reply.status;
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.byteLength) });
    res.end(reply.body);
  };

  const server: Server = createServer(handler);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}${prefix}`,
    documentsUrl: `${origin}/koop`,
    world,
    requests,
    faults,
    pageSize,
    addFault(rule) {
      faults.push(rule);
      return rule;
    },
    clearFaults() {
      faults.length = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The server `npm run sync -- --recorded` uses: the recorded world, pages of 10 rows. */
export function startRecordedServer(): Promise<FakeServer> {
  return startFakeServer({ world: loadWorld(), pageSize: 10 });
}
