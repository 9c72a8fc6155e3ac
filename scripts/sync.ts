/**
 * npm run sync -- [--since JJJJ-MM-DD] [--until JJJJ-MM-DD] [--zaak 2026Z03535] [--dry-run]
 *                 [--base-url URL] [--documents-url URL] [--api-version v4|v5] [--field-map FILE]
 *                 [--rate N] [--concurrency N] [--timeout MS] [--retries N] [--refetch] [--recorded]
 *
 * Keeps content/ current from Tweede Kamer open data (OData) and officielebekendmakingen (KOOP):
 * written questions with their answers, postponement notices and open questions (records), the
 * motions they mention and the vote on them (content/motions), and the official commitments
 * register (content/commitments-register).
 *
 * Safe to stop at any moment: state is saved in content/.sync/checkpoint.json after every page
 * (atomically), so a crash or Ctrl-C loses at most one page of work and the next run continues.
 * Idempotent: a run with nothing new changes no file and reports zero changes.
 *
 * Environment: VRAAGSPOOR_ODATA_URL, VRAAGSPOOR_DOCUMENTS_URL, VRAAGSPOOR_API_VERSION,
 * VRAAGSPOOR_SYNC_SINCE, VRAAGSPOOR_SYNC_UNTIL, VRAAGSPOOR_FIELD_MAP, VRAAGSPOOR_SYNC_RATE,
 * VRAAGSPOOR_USER_AGENT, VRAAGSPOOR_CONTENT (content folder), CI=true (plain progress lines).
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { questionSet, type QuestionSet } from '../src/lib/schema/record.ts';
import { motion as motionSchema, type Motion, type MotionMentionRef } from '../src/lib/schema/motion.ts';
import { isoDate, type Message } from '../src/lib/schema/common.ts';
import type { ParseOptions, ParseOutcome } from '../src/lib/parse/index.ts';
import {
  applyFieldOverrides,
  canonicalUrl,
  checkpoint as checkpointSchema,
  deletedZakenQuery,
  detectApiVersion,
  emptyCheckpoint,
  emptyIndex,
  FIELD_MAP,
  finishRecord,
  freshPhase,
  joinUrl,
  mentionRefs,
  mergeMotion,
  metadataRecord,
  motionLookupQuery,
  motionsFromBesluit,
  motionTextFromXml,
  needsLookup,
  nextWatermark,
  officialMotion,
  OFFICIAL_BASE_URLS,
  OFFICIAL_URLS,
  parseODataPage,
  planZaak,
  registerQuery,
  scopeKey,
  syncIndex as syncIndexSchema,
  syncMessage,
  toBesluit,
  toDocument,
  toRegisterEntry,
  toToezegging,
  toZaak,
  urlHash,
  votesQuery,
  zakenQuery,
  type ApiVersion,
  type Checkpoint,
  type DocumentPlan,
  type FieldOverrides,
  type MapContext,
  type MotionUpdate,
  type ODataPage,
  type PhaseName,
  type PhaseState,
  type ScopeState,
  type SyncIndex,
  type SyncMessage,
  type TkZaak,
  type UrlConfig,
  type ZaakPlan,
} from '../src/lib/sync/index.ts';
import { toStableJson, walkFiles, writeFileAtomic, writeIfChanged, type WriteOutcome } from './lib/fs.ts';
import { createHttpClient, HttpError, type ConditionalStore, type HttpClient, type HttpOptions, type HttpStats, type Validators } from './lib/http.ts';
import { createProgress, type Progress } from './lib/progress.ts';
import { contentDir, recordPath, writeRecord, type StoreOutcome } from './lib/store.ts';

/** The parser's signature (src/lib/parse/index.ts). */
export type ParseFn = (path: string, bytes: Uint8Array, options?: ParseOptions) => Promise<ParseOutcome>;

/** Everything a run can be told. */
export interface SyncOptions {
  /** OData base URL (default: the official v5 API). */
  baseUrl?: string;
  /** KOOP document base URL (default https://zoek.officielebekendmakingen.nl). */
  documentsUrl?: string;
  /** API version whose field names to use; default: detected from the base URL, else v4. */
  apiVersion?: ApiVersion;
  /** First submission date (inclusive) of questions to sync. */
  since?: string | null;
  /** Last submission date (inclusive). */
  until?: string | null;
  /** Only this Zaak (e.g. 2026Z03535); motions votes and register are skipped. */
  zaak?: string | null;
  /** Report what would change, write nothing. */
  dryRun?: boolean;
  /** Content folder (default: VRAAGSPOOR_CONTENT or ./content). */
  contentDir?: string;
  /** Corrections to the field table for the version in use. */
  fieldOverrides?: FieldOverrides;
  /** HTTP settings (rate limit, timeout, retries, …). */
  http?: HttpOptions;
  /** Documents fetched and parsed at the same time within a page. */
  concurrency?: number;
  /** Ignore stored ETag/Last-Modified and fetch every document again. */
  refetch?: boolean;
  /** The parser; default: src/lib/parse/index.ts with the project's linker (registry from the content folder). */
  parse?: ParseFn;
  /** Progress display; null for none. */
  progress?: Progress | null;
  /** Where warnings go (default: the progress display, else stderr). */
  log?: (line: string) => void;
  /** Abort the run (Ctrl-C). */
  signal?: AbortSignal;
  /** Called after each page is saved (tests use it to interrupt at a page boundary). */
  onPage?: (phase: PhaseName, pages: number) => void;
  /** Clock (tests). */
  now?: () => Date;
  /** Name of the checkpoint scope instead of the base URL (the recorded server has a new port each run). */
  scopeName?: string;
}

/** Counts per kind of file. */
export type OutcomeCounts = Record<StoreOutcome | 'removed', number>;

/** What a run did. */
export interface SyncSummary {
  records: OutcomeCounts;
  motions: OutcomeCounts;
  register: OutcomeCounts;
  /** Zaken waiting for their answer document. */
  pending: number;
  /** Cross-check disagreements written into records. */
  mismatches: number;
  /** Every warning and notice, in order. */
  messages: SyncMessage[];
  /** HTTP counters. */
  http: HttpStats;
  /** Pages handled per pass. */
  pages: Partial<Record<PhaseName, number>>;
  /** Files written or removed (new + updated + removed over all kinds). */
  changes: number;
  /** True when the run was stopped by a signal before finishing. */
  interrupted: boolean;
  /** Fatal error that stopped the run, or null. */
  error: string | null;
  /** True when every pass finished. */
  complete: boolean;
  /** Milliseconds the run took. */
  ms: number;
  /**
   * Time spent per stage, summed over parallel work (so the sum can exceed `ms`): listing pages,
   * fetching documents, parsing, writing files (knowledge base), and saving the sync's state.
   */
  timings: { listMs: number; fetchMs: number; parseMs: number; writeMs: number; stateMs: number };
}

const emptyCounts = (): OutcomeCounts => ({ new: 0, updated: 0, unchanged: 0, curated: 0, removed: 0 });

/** Default OData base: the current official API (v5). */
export const DEFAULT_BASE_URL = OFFICIAL_BASE_URLS.v5;
/** Default document base: the KOOP publication site (officielebekendmakingen). */
export const DEFAULT_DOCUMENTS_URL = OFFICIAL_URLS.documentsBase;

/** The state folder inside content/. */
export const STATE_DIR = '.sync';

/** A stopped run; carries the message shown to the user. */
class StopRun extends Error {}

/** Pattern of temporary files `writeFileAtomic` leaves behind when a process is killed mid-write. */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** Remove temporary files a killed run left in the folders the sync writes. Returns how many. */
export async function cleanTempFiles(dir: string): Promise<number> {
  let removed = 0;
  for (const sub of ['records', 'motions', 'commitments-register', STATE_DIR]) {
    for (const path of await walkFiles(join(dir, sub))) {
      if (!TEMP_FILE.test(basename(path))) continue;
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

async function readJson(path: string): Promise<unknown | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Run `fn` over `items` with at most `limit` in flight; results in input order. Waits for all started tasks even when one fails. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw failure;
  return results;
}

/** Load the project's parser, with the linker reading its registry (programmes) from `dir`. */
async function defaultParser(dir: string): Promise<ParseFn> {
  let mod: { parseDocument?: ParseFn };
  try {
    mod = (await import('../src/lib/parse/index.ts')) as { parseDocument?: ParseFn };
  } catch (error) {
    throw new StopRun(`De parser (src/lib/parse/index.ts) kon niet worden geladen: ${(error as Error).message}`);
  }
  if (typeof mod.parseDocument !== 'function') throw new StopRun('src/lib/parse/index.ts exporteert geen parseDocument.');
  let link: ParseOptions['link'];
  try {
    const linker = (await import('./lib/linker.ts')) as unknown as { loadLinker?: (dir?: string) => Promise<ParseOptions['link']> };
    link = await linker.loadLinker?.(dir);
  } catch {
    // Without a linker records still get their text; references and programmes stay empty.
    link = undefined;
  }
  const parse = mod.parseDocument;
  return (path, bytes) => parse(path, bytes, link ? { link } : {});
}

/** Run a sync. Never throws for network or data problems: they end up in the summary. */
export async function runSync(options: SyncOptions = {}): Promise<SyncSummary> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const dir = resolve(options.contentDir ?? contentDir());
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const documentsUrl = (options.documentsUrl ?? DEFAULT_DOCUMENTS_URL).replace(/\/+$/, '');
  const version: ApiVersion = options.apiVersion ?? detectApiVersion(baseUrl) ?? 'v4';
  const dryRun = options.dryRun === true;
  const progress = options.progress === undefined ? null : options.progress;
  const messages: SyncMessage[] = [];
  const log = options.log ?? ((line: string) => (progress ? progress.log(line) : process.stderr.write(`${line}\n`)));
  const note = (m: SyncMessage): void => {
    messages.push(m);
    if (m.severity !== 'info') log(`${m.severity === 'error' ? 'fout' : 'let op'}: ${m.reason}`);
  };
  const summary: SyncSummary = {
    records: emptyCounts(),
    motions: emptyCounts(),
    register: emptyCounts(),
    pending: 0,
    mismatches: 0,
    messages,
    http: { requests: 0, retries: 0, bytes: 0, notModified: 0, byStatus: {} },
    pages: {},
    changes: 0,
    interrupted: false,
    error: null,
    complete: false,
    ms: 0,
    timings: { listMs: 0, fetchMs: 0, parseMs: 0, writeMs: 0, stateMs: 0 },
  };
  /** Run `fn` and add its duration to one of the stage timings. */
  const timed = async <T>(stage: keyof SyncSummary['timings'], fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      summary.timings[stage] += performance.now() - t;
    }
  };

  const { map, problems } = applyFieldOverrides(FIELD_MAP, version, options.fieldOverrides ?? {});
  for (const p of problems) note({ ruleId: 'field-map', reason: p, severity: 'warning' });
  const ctx: MapContext = { map, version };
  const urls: UrlConfig = { odataBase: baseUrl, documentsBase: documentsUrl };
  const official: UrlConfig = { odataBase: OFFICIAL_BASE_URLS[version], documentsBase: OFFICIAL_URLS.documentsBase };
  const canonical = (url: string): string => canonicalUrl(url, urls, official);

  // ---- state -------------------------------------------------------------------------------
  const stateDir = join(dir, STATE_DIR);
  const checkpointPath = join(stateDir, 'checkpoint.json');
  const indexPath = join(stateDir, 'index.json');
  const cachePath = join(stateDir, 'http-cache.json');
  if (!dryRun) {
    const cleaned = await cleanTempFiles(dir);
    if (cleaned > 0) note({ ruleId: 'temp-cleaned', reason: `${cleaned} achtergebleven tijdelijk(e) bestand(en) van een afgebroken run opgeruimd.`, severity: 'info' });
  }
  let cp: Checkpoint = emptyCheckpoint();
  {
    const raw = await readJson(checkpointPath);
    if (raw !== null) {
      const parsed = checkpointSchema.safeParse(raw);
      if (parsed.success) cp = parsed.data;
      else note({ ruleId: 'checkpoint-invalid', reason: `${checkpointPath} is onleesbaar; de synchronisatie begint opnieuw.`, severity: 'warning' });
    }
  }
  let index: SyncIndex = emptyIndex();
  {
    const raw = await readJson(indexPath);
    if (raw !== null) {
      const parsed = syncIndexSchema.safeParse(raw);
      if (parsed.success) index = parsed.data;
      else note({ ruleId: 'index-invalid', reason: `${indexPath} is onleesbaar; verwijderingen uit eerdere runs worden niet herkend.`, severity: 'warning' });
    }
  }
  const cache: Record<string, Validators> = {};
  {
    const raw = (await readJson(cachePath)) as { entries?: Record<string, Validators> } | null;
    if (raw && raw.entries && typeof raw.entries === 'object') Object.assign(cache, raw.entries);
  }
  // Keyed by the official URL, so validators stay valid when the same documents are served from elsewhere.
  const conditional: ConditionalStore = {
    get: (url) => cache[canonical(url)],
    set: (url, v) => {
      cache[canonical(url)] = { etag: v.etag ?? null, lastModified: v.lastModified ?? null };
    },
  };

  const scope = { base: options.scopeName ?? baseUrl, since: options.since ?? null, until: options.until ?? null, zaak: options.zaak ?? null };
  const key = scopeKey(scope);
  let state: ScopeState = cp.scopes[key] ?? { scope, runStartedAt: null, watermark: null, lastComplete: null, phases: {}, pending: {} };
  const resuming = state.runStartedAt !== null;
  if (!resuming) {
    state = {
      ...state,
      scope,
      runStartedAt: now().toISOString(),
      watermark: scope.zaak ? null : nextWatermark(state.lastComplete),
      phases: {},
    };
  } else {
    log(`Vorige run (begonnen ${state.runStartedAt}) was niet af; verder vanaf het laatste checkpoint.`);
  }
  cp.scopes[key] = state;

  const saveState = async (): Promise<void> => {
    if (dryRun) return;
    await timed('stateMs', async () => {
      // Index first: a crash between the writes leaves an index that is ahead, which is harmless.
      await writeFileAtomic(indexPath, toStableJson(index));
      await writeFileAtomic(cachePath, toStableJson({ version: 1, entries: Object.fromEntries(Object.entries(cache).sort(([a], [b]) => a.localeCompare(b))) }));
      await writeFileAtomic(checkpointPath, toStableJson(cp));
    });
  };

  const http: HttpClient = createHttpClient({ requestsPerSecond: 5, ...options.http, conditional, signal: options.signal });
  const loaded = options.parse ?? (await defaultParser(dir).catch((e: Error) => e));
  if (loaded instanceof Error) {
    summary.error = loaded.message;
    summary.ms = Date.now() - started;
    return summary;
  }
  const parse: ParseFn = loaded;

  // ---- writers (dry-run aware) -------------------------------------------------------------
  const rel = (path: string): string => relative(dir, path).split('\\').join('/');
  const count = (bucket: OutcomeCounts, outcome: StoreOutcome | 'removed'): void => {
    bucket[outcome]++;
    if (outcome === 'new' || outcome === 'updated' || outcome === 'removed') summary.changes++;
  };

  async function storeRecord(record: QuestionSet): Promise<StoreOutcome> {
    if (!dryRun) return timed('writeMs', () => writeRecord(dir, record));
    const path = recordPath(dir, record);
    let old: string | null = null;
    try {
      old = await readFile(path, 'utf8');
    } catch {
      old = null;
    }
    if (old !== null) {
      try {
        if ((JSON.parse(old) as { curated?: unknown }).curated === true) return 'curated';
      } catch {
        // An unreadable file would be replaced.
      }
    }
    const next = toStableJson(questionSet.parse(record));
    return old === null ? 'new' : old === next ? 'unchanged' : 'updated';
  }

  async function storeJson(path: string, value: unknown): Promise<WriteOutcome> {
    const text = toStableJson(value);
    if (!dryRun) return timed('writeMs', () => writeIfChanged(path, text));
    let old: string | null = null;
    try {
      old = await readFile(path, 'utf8');
    } catch {
      old = null;
    }
    return old === null ? 'new' : old === text ? 'unchanged' : 'updated';
  }

  /** Remove a machine-written file; a curated one stays. */
  async function removeFile(relPath: string): Promise<'removed' | 'curated' | 'absent'> {
    const path = join(dir, relPath);
    const raw = (await readJson(path)) as { curated?: unknown } | null;
    try {
      await stat(path);
    } catch {
      return 'absent';
    }
    if (raw && raw.curated === true) return 'curated';
    if (!dryRun) await timed('writeMs', () => rm(path, { force: true }));
    return 'removed';
  }

  // ---- motions -----------------------------------------------------------------------------
  const motionPath = (id: string): string => join(dir, 'motions', `${id}.json`);
  const lookedUp = new Set<string>();

  async function readMotion(id: string): Promise<Motion | null> {
    const raw = await readJson(motionPath(id));
    if (raw === null) return null;
    const parsed = motionSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    note({ ruleId: 'motion-invalid', reason: `${rel(motionPath(id))} is ongeldig en wordt opnieuw opgebouwd.`, severity: 'warning' });
    return null;
  }

  /** Merge one update into a motion file and write it. */
  async function applyMotion(update: MotionUpdate): Promise<void> {
    const merged = mergeMotion(await readMotion(update.id), update);
    if (!merged) return;
    count(summary.motions, await storeJson(motionPath(update.id), merged));
  }

  async function motionText(id: string): Promise<string | null> {
    const res = await timed('fetchMs', () => http.get(joinUrl(documentsUrl, `${id}.xml`), { accept: 'application/xml' }));
    if (res.status !== 200) return null;
    return motionTextFromXml(new TextDecoder().decode(res.body))?.text ?? null;
  }

  /** Look up a motion mentioned in a record; returns the official data, or null when the API has none. */
  async function lookupMotion(id: string, existing: Motion | null): Promise<{ official: ReturnType<typeof officialMotion>; text: string | null } | null> {
    if (lookedUp.has(id) || !needsLookup(existing)) return null;
    lookedUp.add(id);
    const url = joinUrl(baseUrl, motionLookupQuery(ctx, id));
    const page = await getPage(url);
    const pageMessages: SyncMessage[] = [];
    for (const row of page.rows) {
      const doc = toDocument(row, ctx, pageMessages, `Motie ${id}`);
      for (const zaak of doc.zaken) {
        const official = officialMotion(zaak, zaak.besluiten, { ...doc, dossiers: doc.dossiers.length ? doc.dossiers : zaak.dossiers });
        if (official && official.id === id) {
          pageMessages.forEach(note);
          const text = existing?.text ?? (await motionText(id));
          return { official, text };
        }
      }
    }
    pageMessages.forEach(note);
    return null;
  }

  /**
   * Mention changes wait here until the end of the page, so a motion mentioned by many records of a
   * page is read, looked up and written once per page instead of once per record.
   */
  const queuedMentions = new Map<string, Array<{ record: string; mentions: MotionMentionRef[]; submitters: string[] }>>();

  /** Queue the mention changes of a record: its current mentions, and removal of mentions it no longer makes. */
  function queueMentions(recordId: string, now: QuestionSet | null, before: QuestionSet | null): void {
    const refs = now ? mentionRefs(now) : new Map<string, MotionMentionRef[]>();
    const ids = new Set<string>([...refs.keys(), ...(before ? [...mentionRefs(before).keys()] : [])]);
    for (const id of ids) {
      const list = queuedMentions.get(id) ?? [];
      list.push({ record: recordId, mentions: refs.get(id) ?? [], submitters: now?.motions.find((m) => m.id === id)?.submitters ?? [] });
      queuedMentions.set(id, list);
    }
  }

  /** Write the queued mention changes, looking up official data for motions that still lack it. */
  async function flushMotions(): Promise<void> {
    const ids = [...queuedMentions.keys()].sort();
    for (const id of ids) {
      const changes = queuedMentions.get(id)!;
      queuedMentions.delete(id);
      const existing = await readMotion(id);
      const found = changes.some((c) => c.mentions.length > 0) ? await lookupMotion(id, existing) : null;
      let merged: Motion | null = existing;
      for (const [i, c] of changes.entries()) {
        merged = mergeMotion(merged, {
          id,
          official: i === 0 ? (found?.official ?? null) : null,
          text: i === 0 ? (found?.text ?? null) : null,
          fromRecord: { record: c.record, mentions: c.mentions },
          mentionSubmitters: c.submitters,
        });
      }
      if (merged) count(summary.motions, await storeJson(motionPath(id), merged));
    }
  }

  // ---- paging ------------------------------------------------------------------------------
  /** Fetch one page; broken JSON counts as a failed attempt and is retried. */
  async function getPage(url: string): Promise<ODataPage> {
    let parsed: ReturnType<typeof parseODataPage> | null = null;
    const res = await timed('listMs', () => http.get(url, {
      accept: 'application/json;odata.metadata=minimal',
      validate: (body) => {
        parsed = parseODataPage(new TextDecoder().decode(body), url);
        return parsed.ok ? null : parsed.error;
      },
    }));
    if (res.status !== 200) throw new StopRun(`${url}: HTTP ${res.status}; de synchronisatie stopt hier, het checkpoint blijft staan.`);
    const result = parsed as ReturnType<typeof parseODataPage> | null;
    if (!result || !result.ok) throw new StopRun(`${url}: ongeldig antwoord.`);
    return result.page;
  }

  /** Make a nextLink usable: relative links resolved, links to the official host moved to the configured base. */
  function resolveNext(next: string, current: string): string {
    let url: URL;
    try {
      url = new URL(next, current);
    } catch {
      throw new StopRun(`Ongeldige @odata.nextLink: ${next}`);
    }
    const abs = url.toString();
    for (const off of Object.values(OFFICIAL_BASE_URLS)) {
      if (abs.startsWith(`${off}/`) && !abs.startsWith(`${baseUrl}/`)) return `${baseUrl}${abs.slice(off.length)}`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StopRun(`@odata.nextLink met onverwacht protocol: ${next}`);
    return abs;
  }

  /**
   * Walk all pages of one pass from its checkpoint, calling `handle` per page, saving state after
   * each. Detects a nextLink loop (stop) and a repeated page (fetched again once, then skipped).
   */
  async function runPhase(name: PhaseName, label: string, firstUrl: string, handle: (rows: Array<Record<string, unknown>>, page: ODataPage) => Promise<number>): Promise<void> {
    const phase: PhaseState = state.phases[name] ?? freshPhase();
    state.phases[name] = phase;
    if (phase.done) return;
    let url = phase.next ?? firstUrl;
    const seenIds = new Set<string>();
    let shown = false;
    // The last page that brought rows not seen before: after a loop, the run resumes there.
    let lastFresh: string | null = null;
    for (;;) {
      if (options.signal?.aborted) throw options.signal.reason;
      let page = await getPage(url);
      if (page.count !== null && phase.total === null) phase.total = page.count;
      if (!shown) {
        progress?.start(label, phase.total);
        if (phase.items > 0) progress?.update(phase.items);
        shown = true;
      }
      const allSeen = (p: ODataPage): boolean => p.rows.length > 0 && p.rows.every((r) => seenIds.has(String(r['Id'])));
      if (allSeen(page)) {
        note({ ruleId: 'page-repeated', reason: `${label}: de server gaf een pagina die al verwerkt was (${url}); opnieuw opgevraagd.`, severity: 'warning' });
        page = await getPage(url);
        if (allSeen(page)) note({ ruleId: 'page-repeated', reason: `${label}: pagina opnieuw herhaald; de rijen zijn al verwerkt en worden overgeslagen.`, severity: 'warning' });
      }
      const fresh = page.rows.filter((r) => !seenIds.has(String(r['Id'])));
      if (fresh.length > 0 || page.rows.length === 0) lastFresh = url;
      for (const r of page.rows) seenIds.add(String(r['Id']));
      const handled = await handle(fresh, page);
      phase.visited.push(urlHash(url));
      phase.pages++;
      phase.items += handled;
      summary.pages[name] = (summary.pages[name] ?? 0) + 1;
      let next: string | null = page.nextLink ? resolveNext(page.nextLink, url) : null;
      if (next && (phase.visited.includes(urlHash(next)) || next === url)) {
        // Resume at the last page that made progress, forgetting the pages after it, so a rerun
        // against a repaired server follows that page's (then correct) nextLink.
        const resume = lastFresh ?? url;
        const at = phase.visited.lastIndexOf(urlHash(resume));
        if (at >= 0) phase.visited.length = at;
        else phase.visited.pop();
        phase.pages = phase.visited.length;
        phase.next = resume;
        await saveState();
        throw new StopRun(
          `${label}: de server stuurt een @odata.nextLink die al eerder is bezocht (een lus): ${next}. ` +
            `De synchronisatie stopt; het checkpoint staat op de laatste goede pagina en een nieuwe run gaat daar verder.`,
        );
      }
      if (next && page.rows.length === 0) {
        note({ ruleId: 'empty-page', reason: `${label}: lege pagina met een vervolglink (${url}); gevolgd.`, severity: 'info' });
      }
      phase.next = next;
      phase.done = next === null;
      progress?.update(phase.items, progressCounts());
      await saveState();
      options.onPage?.(name, phase.pages);
      if (phase.done) break;
      url = next!;
    }
    progress?.finish();
  }

  const progressCounts = (): Record<string, number> => ({
    nieuw: summary.records.new + summary.motions.new + summary.register.new,
    bijgewerkt: summary.records.updated + summary.motions.updated + summary.register.updated,
    verwijderd: summary.records.removed + summary.register.removed,
    wachtend: Object.keys(state.pending).length,
  });

  // ---- zaken -------------------------------------------------------------------------------
  type DocOutcome = { record: QuestionSet } | { pending: string };

  async function fetchAndParse(plan: DocumentPlan, zaakPlan: ZaakPlan): Promise<DocOutcome> {
    const notes: string[] = [];
    const extra: Message[] = [];
    for (const source of plan.sources) {
      const conditionalOk = !options.refetch;
      let res = await timed('fetchMs', () => http.get(source.url, { accept: source.container === 'xml' ? 'application/xml' : 'application/pdf', conditional: conditionalOk }));
      if (res.notModified) {
        const existing = await readJson(recordPath(dir, { id: plan.recordId, vergaderjaar: plan.facts.vergaderjaar }));
        const parsed = questionSet.safeParse(existing);
        if (parsed.success && parsed.data.source.path === canonical(source.url)) {
          // Unchanged document: rebuild from the stored record (its sync messages are replaced by this run's).
          return { record: finishRecord(plan, zaakPlan, parsed.data, { url: canonical(source.url) }, extra) };
        }
        res = await timed('fetchMs', () => http.get(source.url, { accept: 'application/octet-stream' }));
      }
      if (res.status === 404 || res.status === 410) {
        notes.push(`${canonical(source.url)}: HTTP ${res.status}`);
        continue;
      }
      if (res.status !== 200) {
        notes.push(`${canonical(source.url)}: HTTP ${res.status}`);
        continue;
      }
      let outcome: ParseOutcome;
      try {
        outcome = await timed('parseMs', () => parse(canonical(source.url), res.body));
      } catch (error) {
        outcome = { ok: false, error: (error as Error).message, messages: [] };
      }
      if (!outcome.ok) {
        notes.push(`${canonical(source.url)}: onleesbaar (${outcome.error})`);
        extra.push(syncMessage('source-unreadable', `${source.container.toUpperCase()} van ${canonical(source.url)} was onleesbaar (${outcome.error}); volgende bron gebruikt.`, 'warning'));
        delete cache[canonical(source.url)];
        continue;
      }
      return { record: finishRecord(plan, zaakPlan, outcome.record, { url: canonical(source.url) }, extra) };
    }
    const reason = notes.length > 0 ? notes.join('; ') : 'geen bron';
    if (plan.requiresDocument) return { pending: `${plan.recordId} niet op te halen (${reason})` };
    const zaakUrl = canonical(joinUrl(baseUrl, `Zaak(${zaakPlan.zaak.id})`));
    return { record: metadataRecord(plan, zaakPlan, zaakUrl, `Document niet beschikbaar (${reason}); record opgebouwd uit de gegevens van de Tweede Kamer-API.`) };
  }

  /** Handle one Zaak: plan, fetch, parse, write; returns its files and whether it waits. */
  async function processZaak(zaak: TkZaak): Promise<void> {
    const where = `Zaak ${zaak.nummer ?? zaak.id}`;
    const known = index.zaken[zaak.id];
    const knownIds = (known?.files ?? []).map((f) => f.split('/').pop()!.replace(/\.json$/, ''));
    const zp = planZaak(zaak, urls, knownIds);
    zp.messages.forEach(note);
    const files: string[] = [];
    const waiting: string[] = [];
    for (const plan of zp.plans) {
      const result = await fetchAndParse(plan, zp);
      if ('pending' in result) {
        waiting.push(result.pending);
        // Keep the file an earlier run wrote for this record, if any.
        const prev = known?.files.find((f) => f.endsWith(`/${plan.recordId}.json`));
        if (prev) files.push(prev);
        continue;
      }
      const record = result.record;
      const path = recordPath(dir, record);
      const before = questionSet.safeParse(await readJson(path));
      const outcome = await storeRecord(record);
      count(summary.records, outcome);
      summary.mismatches += record.messages.filter((m) => m.ruleId.startsWith('api-mismatch-')).length;
      for (const m of record.messages.filter((x) => x.ruleId.startsWith('api-mismatch-'))) note({ ruleId: m.ruleId, reason: `${record.id}: ${m.reason}`, severity: 'warning' });
      files.push(rel(path));
      if (outcome !== 'curated') queueMentions(record.id, record, before.success ? before.data : null);
    }
    // Superseded records (the kv-tk record once answered, records of deleted documents) go, but only
    // when nothing of this Zaak is waiting: an open-questions record stays until its answer is stored.
    if (waiting.length === 0) {
      for (const id of zp.supersededIds) {
        const prev = known?.files.find((f) => f.endsWith(`/${id}.json`));
        if (!prev || files.includes(prev)) continue;
        const before = questionSet.safeParse(await readJson(join(dir, prev)));
        const removed = await removeFile(prev);
        if (removed === 'removed') {
          count(summary.records, 'removed');
          if (before.success) queueMentions(id, null, before.data);
        } else if (removed === 'curated') files.push(prev);
      }
    } else {
      for (const f of known?.files ?? []) if (!files.includes(f)) files.push(f);
    }
    index.zaken[zaak.id] = { nummer: zaak.nummer, files: [...new Set(files)].sort() };
    if (waiting.length > 0) {
      const reason = waiting.join('; ');
      if (!state.pending[zaak.id]) note({ ruleId: 'document-pending', reason: `${where}: ${reason}; de zaak wordt bij de volgende run opnieuw geprobeerd.`, severity: 'warning' });
      state.pending[zaak.id] = { nummer: zaak.nummer ?? zaak.id, reason, since: state.pending[zaak.id]?.since ?? now().toISOString() };
    } else if (state.pending[zaak.id]) {
      delete state.pending[zaak.id];
      note({ ruleId: 'document-recovered', reason: `${where}: het document is nu wel opgehaald.`, severity: 'info' });
    }
  }

  async function handleZaakRows(rows: Array<Record<string, unknown>>): Promise<number> {
    const pageMessages: SyncMessage[] = [];
    const zaken = rows.map((r) => toZaak(r, ctx, pageMessages)).filter((z) => !z.verwijderd);
    dedupeMessages(pageMessages).forEach(note);
    // Zaken are fetched, parsed and written in parallel: each writes only its own record files.
    // Motion files, which records share, are written once at the end of the page.
    await pool(zaken, Math.max(1, options.concurrency ?? 4), async (zaak) => {
      try {
        await processZaak(zaak);
      } catch (error) {
        // A server that stops answering or an abort stops the run (the page is redone next time);
        // anything else is a problem with this one Zaak: report it, let it wait, go on with the rest.
        if (options.signal?.aborted || error instanceof HttpError || error instanceof StopRun) throw error;
        const reason = `verwerking mislukt: ${(error as Error).message}`;
        note({ ruleId: 'zaak-failed', reason: `Zaak ${zaak.nummer ?? zaak.id}: ${reason}`, severity: 'error' });
        state.pending[zaak.id] = { nummer: zaak.nummer ?? zaak.id, reason, since: state.pending[zaak.id]?.since ?? now().toISOString() };
      }
    });
    await flushMotions();
    return zaken.length;
  }

  // ---- run ---------------------------------------------------------------------------------
  try {
    await mkdir(dir, { recursive: true });
    if (!scope.zaak && !state.phases.pending?.done) {
      const waiting = Object.entries(state.pending);
      state.phases.pending = state.phases.pending ?? freshPhase();
      if (waiting.length > 0) {
        progress?.start('Wachtende zaken', waiting.length);
        let done = 0;
        for (const [, p] of waiting) {
          const page = await getPage(joinUrl(baseUrl, zakenQuery(ctx, { zaak: p.nummer })));
          await handleZaakRows(page.rows);
          progress?.update(++done, progressCounts());
        }
        progress?.finish();
      }
      state.phases.pending.done = true;
      await saveState();
    }
    await runPhase('zaken', scope.zaak ? `Zaak ${scope.zaak}` : 'Schriftelijke vragen', joinUrl(baseUrl, zakenQuery(ctx, { ...scope, watermark: state.watermark })), handleZaakRows);

    if (!scope.zaak && state.watermark) {
      await runPhase('deleted', 'Verwijderde zaken', joinUrl(baseUrl, deletedZakenQuery(ctx, state.watermark)), async (rows) => {
        for (const row of rows) {
          const id = String(row['Id']).toLowerCase();
          const entry = index.zaken[id];
          if (!entry) continue;
          for (const f of entry.files) {
            const before = questionSet.safeParse(await readJson(join(dir, f)));
            const removed = await removeFile(f);
            if (removed === 'removed') {
              count(summary.records, 'removed');
              if (before.success) queueMentions(before.data.id, null, before.data);
            }
          }
          note({ ruleId: 'zaak-deleted', reason: `Zaak ${entry.nummer ?? id} is in de API verwijderd; de records ervan zijn weggehaald.`, severity: 'info' });
          delete index.zaken[id];
          delete state.pending[id];
        }
        await flushMotions();
        return rows.length;
      });
    }

    if (!scope.zaak) {
      await runPhase('votes', 'Stemmingen over moties', joinUrl(baseUrl, votesQuery(ctx, { ...scope, watermark: state.watermark })), async (rows) => {
        const pageMessages: SyncMessage[] = [];
        let handled = 0;
        for (const row of rows) {
          const besluit = toBesluit(row, ctx, pageMessages);
          if (besluit.verwijderd) continue;
          const { motions, unresolved } = motionsFromBesluit(besluit);
          for (const z of unresolved) {
            pageMessages.push({ ruleId: 'motion-unresolved', reason: `Motie-zaak ${z}: geen Kamerstuknummer (dossier en volgnummer) in de API; stemming niet opgeslagen.`, severity: 'info' });
          }
          for (const official of motions) {
            const existing = await readMotion(official.id);
            const text = existing?.text ?? (existing && existing.mentions.length > 0 ? await motionText(official.id) : null);
            await applyMotion({ id: official.id, official, text });
            handled++;
          }
        }
        dedupeMessages(pageMessages).forEach(note);
        return handled;
      });

      await runPhase('register', 'Toezeggingen', joinUrl(baseUrl, registerQuery(ctx, { since: scope.since, until: scope.until, watermark: state.watermark })), async (rows) => {
        const pageMessages: SyncMessage[] = [];
        for (const row of rows) {
          const t = toToezegging(row, ctx, pageMessages);
          const id = t.id.toLowerCase();
          const previous = index.toezeggingen[id] ?? null;
          const { entry, messages: m } = toRegisterEntry(t);
          pageMessages.push(...m);
          if (!entry) {
            if (t.verwijderd && previous) {
              if ((await removeFile(previous)) === 'removed') count(summary.register, 'removed');
              delete index.toezeggingen[id];
            }
            continue;
          }
          const path = join(dir, 'commitments-register', `${entry.id}.json`);
          count(summary.register, await storeJson(path, entry));
          if (previous && previous !== rel(path) && (await removeFile(previous)) === 'removed') count(summary.register, 'removed');
          index.toezeggingen[id] = rel(path);
        }
        dedupeMessages(pageMessages).forEach(note);
        return rows.length;
      });
    }

    state.lastComplete = state.runStartedAt;
    state.runStartedAt = null;
    state.watermark = null;
    state.phases = {};
    summary.complete = true;
    await saveState();
  } catch (error) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      summary.error = 'Onderbroken; een nieuwe run gaat verder vanaf het laatste checkpoint.';
    } else if (error instanceof StopRun || error instanceof HttpError) {
      summary.error = error.message;
    } else {
      summary.error = `Onverwachte fout: ${(error as Error).stack ?? String(error)}`;
    }
  }
  summary.pending = Object.keys(state.pending).length;
  summary.http = http.stats;
  summary.ms = Date.now() - started;
  return summary;
}

/** Drop repeated messages (same rule and text) so a page with 250 rows missing the same field reports once. */
function dedupeMessages(list: SyncMessage[]): SyncMessage[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const k = `${m.ruleId}\u0000${m.reason.replace(/^Zaak \S+: /, '')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** One-paragraph Dutch report of a run. */
export function formatSummary(s: SyncSummary, dryRun = false): string {
  const c = (x: OutcomeCounts): string => `${x.new} nieuw, ${x.updated} bijgewerkt, ${x.unchanged} ongewijzigd, ${x.removed} verwijderd${x.curated ? `, ${x.curated} handmatig beheerd` : ''}`;
  const lines = [
    `${dryRun ? 'Proefrun (er is niets geschreven). ' : ''}${s.complete ? 'Klaar' : s.interrupted ? 'Onderbroken' : 'Gestopt'} na ${(s.ms / 1000).toFixed(1)} s.`,
    `Vraagsets: ${c(s.records)}.`,
    `Moties: ${c(s.motions)}.`,
    `Toezeggingen (register): ${c(s.register)}.`,
    `Wachten op een document: ${s.pending}. Verschillen document/API: ${s.mismatches}.`,
    `Verzoeken: ${s.http.requests} (${s.http.retries} herhaald, ${s.http.notModified} ongewijzigd), ${(s.http.bytes / 1048576).toFixed(1)} MB.`,
    `Wijzigingen: ${s.changes}`,
  ];
  if (s.error) lines.push(s.error);
  return lines.join('\n');
}

/** The local server with recorded payloads (tests/sync/fake-server.ts), as far as the CLI needs it. */
interface RecordedServer {
  url: string;
  documentsUrl: string;
  close(): Promise<void>;
}

/** Command-line options. */
interface Cli {
  options: SyncOptions;
  recorded: boolean;
  /** JSON file with field-table corrections, read by main. */
  fieldMap: string | null;
}

function parseArgs(argv: string[], env: Record<string, string | undefined>): Cli {
  const options: SyncOptions = {
    baseUrl: env['VRAAGSPOOR_ODATA_URL'] || undefined,
    documentsUrl: env['VRAAGSPOOR_DOCUMENTS_URL'] || undefined,
    apiVersion: (env['VRAAGSPOOR_API_VERSION'] as ApiVersion | undefined) || undefined,
    since: env['VRAAGSPOOR_SYNC_SINCE'] || null,
    until: env['VRAAGSPOOR_SYNC_UNTIL'] || null,
    http: { requestsPerSecond: env['VRAAGSPOOR_SYNC_RATE'] ? Number(env['VRAAGSPOOR_SYNC_RATE']) : 5 },
  };
  let recorded = env['VRAAGSPOOR_SYNC_RECORDED'] === '1';
  let fieldMap = env['VRAAGSPOOR_FIELD_MAP'] || null;
  const args = argv.filter((a) => a !== '--');
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} verwacht een waarde`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    const take = (): string => {
      if (inline !== null) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--since': options.since = take(); break;
      case '--until': options.until = take(); break;
      case '--zaak': options.zaak = take(); break;
      case '--dry-run': options.dryRun = true; break;
      case '--base-url': options.baseUrl = take(); break;
      case '--documents-url': options.documentsUrl = take(); break;
      case '--api-version': options.apiVersion = take() as ApiVersion; break;
      case '--field-map': fieldMap = take(); break;
      case '--rate': options.http = { ...options.http, requestsPerSecond: Number(take()) }; break;
      case '--timeout': options.http = { ...options.http, timeoutMs: Number(take()) }; break;
      case '--retries': options.http = { ...options.http, maxRetries: Number(take()) }; break;
      case '--concurrency': options.concurrency = Number(take()); break;
      case '--refetch': options.refetch = true; break;
      case '--recorded': recorded = true; break;
      case '--help': case '-h':
        process.stdout.write(`${(/\/\*\*([\s\S]*?)\*\//.exec(HELP)?.[1] ?? '').replace(/^ \* ?/gm, '')}\n`);
        return process.exit(0);
      default:
        throw new Error(`onbekende optie ${a}`);
    }
  }
  for (const [name, v] of [['--since', options.since], ['--until', options.until]] as const) {
    if (v && !isoDate.safeParse(v).success) throw new Error(`${name} verwacht een bestaande datum als 2024-09-01, niet "${v}"`);
  }
  for (const [name, v] of [['--rate', options.http?.requestsPerSecond], ['--timeout', options.http?.timeoutMs], ['--retries', options.http?.maxRetries], ['--concurrency', options.concurrency]] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new Error(`${name} verwacht een getal van 0 of meer`);
  }
  if (options.since && options.until && options.since > options.until) throw new Error('--since ligt na --until');
  if (options.zaak && !/^\d{4}Z\d{5}$/.test(options.zaak)) throw new Error(`--zaak verwacht een zaaknummer als 2026Z03535, niet "${options.zaak}"`);
  if (options.apiVersion && options.apiVersion !== 'v4' && options.apiVersion !== 'v5') throw new Error('--api-version is v4 of v5');
  return { options, recorded, fieldMap };
}

const HELP = `/**
 * npm run sync -- [opties]
 *
 *   --since JJJJ-MM-DD      vragen ingediend vanaf deze datum (VRAAGSPOOR_SYNC_SINCE)
 *   --until JJJJ-MM-DD      vragen ingediend tot en met deze datum (VRAAGSPOOR_SYNC_UNTIL)
 *   --zaak 2026Z03535       alleen deze zaak
 *   --dry-run               laat zien wat er zou veranderen, schrijf niets
 *   --base-url URL          OData-basis (VRAAGSPOOR_ODATA_URL; standaard ${DEFAULT_BASE_URL})
 *   --documents-url URL     KOOP-basis (VRAAGSPOOR_DOCUMENTS_URL; standaard ${DEFAULT_DOCUMENTS_URL})
 *   --api-version v4|v5     veldnamen van deze API-versie (standaard: uit de basis-URL)
 *   --field-map BESTAND     JSON met correcties op de veldvertaling (VRAAGSPOOR_FIELD_MAP)
 *   --rate N                hoogstens N verzoeken per seconde (VRAAGSPOOR_SYNC_RATE; standaard 5)
 *   --timeout MS            tijdslimiet per verzoek (standaard 30000)
 *   --retries N             herhalingen bij 429/5xx/time-out (standaard 5)
 *   --concurrency N         documenten tegelijk per pagina (standaard 4)
 *   --refetch               negeer ETag/Last-Modified en haal alles opnieuw op
 *   --recorded              start de opgenomen testserver (tests/sync) en synchroniseer daartegen
 */`;

async function main(): Promise<void> {
  let cli: Cli;
  try {
    cli = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`sync: ${(error as Error).message}\n(npm run sync -- --help voor de opties)\n`);
    process.exitCode = 2;
    return;
  }
  const { options } = cli;
  const file = cli.fieldMap;
  if (file) {
    try {
      options.fieldOverrides = JSON.parse(await readFile(file, 'utf8')) as FieldOverrides;
    } catch (error) {
      process.stderr.write(`sync: veldvertaling ${file} onleesbaar: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
  }
  let server: RecordedServer | null = null;
  if (cli.recorded) {
    const mod = (await import('../tests/sync/fake-server.ts')) as { startRecordedServer(): Promise<RecordedServer> };
    const started = await mod.startRecordedServer();
    server = started;
    options.baseUrl = started.url;
    options.documentsUrl = started.documentsUrl;
    options.scopeName = 'recorded';
    // A local server needs no politeness limit unless one was asked for.
    if (!process.argv.some((a) => a.startsWith('--rate')) && !process.env['VRAAGSPOOR_SYNC_RATE']) options.http = { ...options.http, requestsPerSecond: 0 };
    process.stderr.write(`Opgenomen testserver op ${started.url}\n`);
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nOnderbreken… (nog eens Ctrl-C om direct te stoppen)\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createProgress();
  const summary = await runSync({ ...options, progress, signal: controller.signal });
  await server?.close();
  process.stdout.write(`${formatSummary(summary, options.dryRun)}\n`);
  process.exitCode = summary.interrupted ? 130 : summary.error ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
