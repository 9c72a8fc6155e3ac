/**
 * Test harness for the built site: build it once from the fixture content (astro build +
 * pagefind), serve it from 127.0.0.1 with a small static server, and launch Debian's Chromium
 * through playwright-core. Shared by tests/e2e and tests/a11y.
 *
 * The build is cached in the OS temp folder, keyed by a hash of every input file, and guarded by
 * a lock directory so parallel test files build it only once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/serve.ts';

export { serveStatic, type StaticServer };

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Content the test site is built from: hand-made records mirroring the seed documents. */
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/site/content');
/** Build date of the test site, so time-based statuses are stable. */
export const TEST_TODAY = '2026-06-01';
/** Where Chromium lives (Debian package). */
export const CHROMIUM = '/usr/bin/chromium';
/** Flags for a quiet, offline headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INPUTS = ['src', 'public', 'astro.config.mjs', 'tests/fixtures/site/content', 'package.json', 'scripts/lib/pagefind.ts', 'scripts/lib/search-index-integration.ts'];

function listFiles(path: string, out: string[] = []): string[] {
  if (!existsSync(path)) return out;
  const st = statSync(path);
  if (st.isFile()) {
    out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) listFiles(join(path, name), out);
  return out;
}

/** Hash of everything the build depends on. */
export function inputsHash(extra = ''): string {
  const h = createHash('sha256');
  h.update(extra);
  for (const input of INPUTS) {
    for (const file of listFiles(join(ROOT, input))) {
      h.update(file);
      h.update(readFileSync(file));
    }
  }
  return h.digest('hex').slice(0, 16);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Run a command, throwing with its output when it fails. */
export function run(cmd: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Build a site from `content` into `outDir` (astro build, which builds the search index too). The index is
 * split per vergaderjaar even for the small fixture (VRAAGSPOOR_INDEX_SPLIT_AT=1), so the browser
 * tests exercise the merged, newest-first search that large sites use.
 */
export function buildSite(content: string, outDir: string, cacheDir: string, today = TEST_TODAY): void {
  const env = {
    VRAAGSPOOR_CONTENT: content,
    VRAAGSPOOR_OUT: outDir,
    VRAAGSPOOR_CACHE: cacheDir,
    VRAAGSPOOR_TODAY: today,
    VRAAGSPOOR_SITE: 'http://127.0.0.1:4321',
    ASTRO_TELEMETRY_DISABLED: '1',
    VRAAGSPOOR_INDEX_SPLIT_AT: '1',
  };
  const node = join(ROOT, 'node_modules/.bin/node');
  run(node, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
}

/** Build the fixture site once (cached by input hash) and return its folder. */
export async function ensureBuiltSite(): Promise<string> {
  const base = join(tmpdir(), 'vraagspoor-e2e');
  mkdirSync(base, { recursive: true });
  const hash = inputsHash(TEST_TODAY);
  const outDir = join(base, `dist-${hash}`);
  const stamp = join(outDir, '.built');
  const lock = join(base, 'build.lock');
  for (;;) {
    if (existsSync(stamp)) return outDir;
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than 10 minutes is left over from a crash.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* the lock vanished meanwhile */
      }
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(stamp)) return outDir;
      // Builds of older inputs are dropped once nobody can still be using them (other test
      // files of the same run may serve an older build while the sources change underneath).
      for (const old of readdirSync(base)) {
        const path = join(base, old);
        if (old.startsWith('dist-') && Date.now() - statSync(path).mtimeMs > 2 * 3600_000) rmSync(path, { recursive: true, force: true });
      }
      buildSite(FIXTURE_CONTENT, outDir, join(base, 'cache'));
      writeFileSync(stamp, new Date().toISOString());
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Launch Debian's Chromium headless. Fails loudly when it is missing (run scripts/ensure-chromium.ts). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} ontbreekt: voer "node scripts/ensure-chromium.ts" uit (installeert het Debian-pakket chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Every HTML file of a built site, as paths relative to it ("vragen/x/index.html"). */
export function htmlFiles(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(resolve(dir).length + 1));
}

/** The built fixture site, served from 127.0.0.1, and a Chromium, for the tests of one file. */
export interface SiteSession {
  dist: string;
  server: StaticServer;
  browser: Browser;
}

/**
 * Register beforeAll/afterAll hooks that build (or reuse) the fixture site, serve it and launch
 * Chromium; the returned object is filled in before the first test runs.
 */
export function useBuiltSite(): SiteSession {
  const session = {} as SiteSession;
  beforeAll(async () => {
    session.dist = await ensureBuiltSite();
    session.server = await serveStatic(session.dist);
    session.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
