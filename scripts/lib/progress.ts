/**
 * Progress for long runs: a one-line bar with counts and ETA on a terminal; plain, log-friendly
 * lines when the output is not a terminal or CI=true (no carriage returns, no colours).
 */

/** Counters shown next to the bar, e.g. { nieuw: 3, bijgewerkt: 1 }. */
export type Counts = Record<string, number>;

/** Settings. */
export interface ProgressOptions {
  /** Where to write (default process.stderr). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Force bar (true) or plain lines (false); default: a TTY and not CI. */
  tty?: boolean;
  /** Plain mode: write a line at most every this many ms (default 2000), and always at a phase end. */
  plainIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** A progress display for one phase at a time. */
export interface Progress {
  /** Start a phase; `total` may be null when unknown (no ETA then). */
  start(label: string, total: number | null): void;
  /** Set the number done so far and the counters. */
  update(done: number, counts?: Counts): void;
  /** Print a message above the bar (or as a line). */
  log(line: string): void;
  /** End the phase with a final line. */
  finish(summary?: string): void;
}

/** Whether plain lines should be used: not a TTY, or CI=true/1. */
export function plainMode(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  const ci = (env['CI'] ?? '').toLowerCase();
  return !stream.isTTY || ci === 'true' || ci === '1';
}

/** "1u02m", "3m05s", "12s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s >= 3600) return `${Math.floor(s / 3600)}u${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** ETA from the average rate so far; null when it cannot be estimated yet. */
export function eta(done: number, total: number | null, elapsedMs: number): number | null {
  if (total === null || done <= 0 || elapsedMs <= 0 || done >= total) return done >= (total ?? Infinity) ? 0 : null;
  return ((total - done) * elapsedMs) / done;
}

function countsText(counts: Counts): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(' · ');
}

/** Create a progress display. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? !plainMode(stream);
  const now = options.now ?? Date.now;
  const plainInterval = options.plainIntervalMs ?? 2000;
  let label = '';
  let total: number | null = null;
  let done = 0;
  let counts: Counts = {};
  let started = now();
  let lastPlain = 0;
  let barShown = false;

  const line = (withEta = true): string => {
    const elapsed = now() - started;
    const left = withEta ? eta(done, total, elapsed) : null;
    const of = total !== null ? `${done}/${total}` : `${done}`;
    const extra = countsText(counts);
    return `${label}: ${of}${extra ? ` · ${extra}` : ''}${left !== null && total !== null && done < total ? ` · nog ~${formatDuration(left)}` : ''}`;
  };

  const drawBar = (): void => {
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
    const ratio = total ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * width);
    const bar = total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
    const text = `${bar}${line()}`;
    const max = (stream.columns ?? 120) - 1;
    stream.write(`\r\x1b[2K${text.length > max ? text.slice(0, max) : text}`);
    barShown = true;
  };

  const clearBar = (): void => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  };

  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      done = 0;
      counts = {};
      started = now();
      lastPlain = 0;
      if (tty) drawBar();
      else stream.write(`${label}: begonnen${total !== null ? ` (${total} te doen)` : ''}\n`);
    },
    update(newDone, newCounts) {
      done = newDone;
      if (newCounts) counts = { ...newCounts };
      if (tty) drawBar();
      else if (now() - lastPlain >= plainInterval) {
        lastPlain = now();
        stream.write(`${line()}\n`);
      }
    },
    log(text) {
      if (tty) {
        clearBar();
        stream.write(`${text}\n`);
        drawBar();
      } else stream.write(`${text}\n`);
    },
    finish(summary) {
      if (tty) clearBar();
      stream.write(`${summary ?? `${line(false)} · klaar`}\n`);
    },
  };
}
