/**
 * The sync's own state in `content/.sync/`: where each pass stands (checkpoint), which files each
 * Zaak and Toezegging produced (index, for deletions), and validators for both, so a damaged state
 * file is reported and replaced instead of derailing a run.
 */
import { z } from 'zod';

/** The passes of one sync run, in order. */
export const phaseName = z.enum(['pending', 'zaken', 'deleted', 'votes', 'register']);

/** Where one pass stands. */
export const phaseState = z.object({
  /** Absolute URL of the next page to fetch; null when the pass has not fetched its first page yet. */
  next: z.string().nullable(),
  /** Pages completed. */
  pages: z.number().int().nonnegative(),
  /** Rows handled. */
  items: z.number().int().nonnegative(),
  /** `@odata.count` of the pass, when the server gave it. */
  total: z.number().int().nonnegative().nullable(),
  /** True when the last page was handled. */
  done: z.boolean(),
  /** Hashes of the page URLs fetched in this pass, to detect a nextLink loop even across a resume. */
  visited: z.array(z.string()),
});

/** A Zaak whose answer document could not be fetched; retried at the start of every run. */
export const pendingZaak = z.object({
  /** Zaak number, used to fetch it again. */
  nummer: z.string(),
  /** Why it waits, in Dutch. */
  reason: z.string(),
  /** When it first failed (ISO timestamp). */
  since: z.string(),
});

/** What a scope of runs (same base URL, period and zaak filter) has done. */
export const scopeState = z.object({
  /** The scope, for people reading the file. */
  scope: z.object({
    base: z.string(),
    since: z.string().nullable(),
    until: z.string().nullable(),
    zaak: z.string().nullable(),
  }),
  /** Start (ISO) of the run in progress or interrupted; null when none is open. */
  runStartedAt: z.string().nullable(),
  /** Lower bound on ApiGewijzigdOp used by the open run; null for a full run. */
  watermark: z.string().nullable(),
  /** Start (ISO) of the last run that finished every pass. */
  lastComplete: z.string().nullable(),
  /** State per pass of the open run. */
  phases: z.partialRecord(phaseName, phaseState),
  /** Zaken waiting for a document, by Zaak GUID. */
  pending: z.record(z.string(), pendingZaak),
});

/** `content/.sync/checkpoint.json`. */
export const checkpoint = z.object({
  version: z.literal(1),
  scopes: z.record(z.string(), scopeState),
});

/** What a Zaak or Toezegging produced, so a deletion or a superseded record can be removed. */
export const syncIndex = z.object({
  version: z.literal(1),
  /** Zaak GUID → its number and the content-relative paths of the records it produced. */
  zaken: z.record(z.string(), z.object({ nummer: z.string().nullable(), files: z.array(z.string()) })),
  /** Toezegging GUID → content-relative path of its register file. */
  toezeggingen: z.record(z.string(), z.string()),
});

export type PhaseName = z.infer<typeof phaseName>;
export type PhaseState = z.infer<typeof phaseState>;
export type PendingZaak = z.infer<typeof pendingZaak>;
export type ScopeState = z.infer<typeof scopeState>;
export type Checkpoint = z.infer<typeof checkpoint>;
export type SyncIndex = z.infer<typeof syncIndex>;

/** An empty checkpoint. */
export function emptyCheckpoint(): Checkpoint {
  return { version: 1, scopes: {} };
}

/** An empty index. */
export function emptyIndex(): SyncIndex {
  return { version: 1, zaken: {}, toezeggingen: {} };
}

/** A fresh pass state. */
export function freshPhase(): PhaseState {
  return { next: null, pages: 0, items: 0, total: null, done: false, visited: [] };
}

/** The key of a scope: runs with the same key continue each other. */
export function scopeKey(scope: ScopeState['scope']): string {
  return JSON.stringify([scope.base.replace(/\/+$/, ''), scope.since, scope.until, scope.zaak]);
}

/** Short, stable hash of a string (FNV-1a 64-bit, hex): enough to recognise a URL seen before. */
export function urlHash(url: string): string {
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(url);
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Overlap subtracted from the last run's start when it becomes the next watermark: covers clock skew and API lag. */
export const WATERMARK_OVERLAP_MS = 60 * 60 * 1000;

/** The watermark for a new run: start of the last complete run minus the overlap, or null for a first (full) run. */
export function nextWatermark(lastComplete: string | null): string | null {
  if (!lastComplete) return null;
  const t = Date.parse(lastComplete);
  if (Number.isNaN(t)) return null;
  return new Date(t - WATERMARK_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
