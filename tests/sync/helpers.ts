/** Shared helpers for the sync tests: temp content folders, store validation, snapshots, fast runs. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { motion, questionSet, registerEntry } from '../../src/lib/schema/index.ts';
import { checkpoint, syncIndex } from '../../src/lib/sync/index.ts';
import { runSync, type SyncOptions, type SyncSummary } from '../../scripts/sync.ts';
import { loadWorld, type FakeServer, type World } from './fake-server.ts';
import { walkFiles } from '../../scripts/lib/fs.ts';

/** A fresh temporary content folder. */
export async function tempContent(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vraagspoor-sync-'));
}

/** Remove a temporary folder. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file under `dir`, as content-relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await walkFiles(dir)).map((path) => relative(dir, path).split('\\').join('/')).sort();
}

/** The knowledge base (everything except the sync's own state) as path → content. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const f of await listFiles(dir)) {
    if (f.startsWith('.sync/')) continue;
    map.set(f, await readFile(join(dir, f), 'utf8'));
  }
  return map;
}

/**
 * Check the store: no temporary files, every JSON parses, every record, motion, register entry and
 * state file validates against its schema. Returns the problems (empty when all is well).
 */
export async function storeProblems(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const f of await listFiles(dir)) {
    if (f.endsWith('.tmp') || /\/\.[^/]+\.tmp$/.test(f) || /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/.test(f)) {
      problems.push(`temporary file left: ${f}`);
      continue;
    }
    if (!f.endsWith('.json')) continue;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(join(dir, f), 'utf8'));
    } catch (error) {
      problems.push(`${f}: ${(error as Error).message}`);
      continue;
    }
    const schema = f.startsWith('records/')
      ? questionSet
      : f.startsWith('motions/')
        ? motion
        : f.startsWith('commitments-register/')
          ? registerEntry
          : f === '.sync/checkpoint.json'
            ? checkpoint
            : f === '.sync/index.json'
              ? syncIndex
              : null;
    if (!schema) continue;
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${f}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return problems;
}

/** A small world for fault tests: a handful of Zaken covering XML, PDF, notice, open questions and postponements. */
export function smallWorld(): World {
  const world = loadWorld();
  const keep = new Set([
    '2023Z91076', // PDF (KOOP), postponement notice without body
    '2024Z91314', // reconstructed XML
    '2024Z91999', // XML notice that answers by letter
    '2024Z92271', // PDF via the TK resource, postponement, motion mention
    '2026Z03535', // open questions, kv-tk XML
    '2025Z18539', // real open Zaak, metadata only
  ]);
  world.zaken = world.zaken.filter((z) => keep.has(String(z['Nummer'])));
  return world;
}

/** Run a sync against the fake server with fast retry settings. */
export function syncWith(server: FakeServer, dir: string, extra: Partial<SyncOptions> = {}): Promise<SyncSummary> {
  return runSync({
    baseUrl: server.url,
    documentsUrl: server.documentsUrl,
    contentDir: dir,
    scopeName: 'test',
    progress: null,
    log: () => undefined,
    concurrency: 2,
    ...extra,
    http: { requestsPerSecond: 0, timeoutMs: 400, baseDelayMs: 5, maxDelayMs: 40, maxRetries: 4, ...extra.http },
  });
}
