/**
 * Fault injection: each test breaks the local server in one way, runs the sync, checks that what
 * is stored is complete and valid with nothing half-written, then (where the first run could not
 * finish) runs again without the fault and checks that the result equals a clean reference run.
 *
 * The world is small (6 Zaken, pages of 2 rows, ordered by ApiGewijzigdOp) so every fault hits a known page:
 *   page 1: 2023Z91076 (PDF + notice without body), 2024Z91314 (XML)
 *   page 2: 2024Z91999 (XML notice), 2024Z92271 (PDF from the TK resource)
 *   page 3: 2025Z18539 (metadata only), 2026Z03535 (kv-tk XML)
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { questionSet } from '../../src/lib/schema/index.ts';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { listFiles, removeDir, smallWorld, snapshot, storeProblems, syncWith, tempContent } from './helpers.ts';

type Row = Record<string, unknown>;

const ZAAK_LIST = /\/Zaak\?\$filter=Soort eq 'Schriftelijke vragen'/;
const page = (n: number): RegExp => new RegExp(`${ZAAK_LIST.source}.*\\$skip=${(n - 1) * 2}(&|$)`);
const FIRST_PAGE = (p: string): boolean => ZAAK_LIST.test(p) && !p.includes('$skip=');

let server: FakeServer;
let reference: Map<string, string>;
const dirs: string[] = [];

async function freshDir(): Promise<string> {
  const d = await tempContent();
  dirs.push(d);
  return d;
}

/** Path of the TK copy of the answer document of a Zaak. */
function answerResource(nummer: string): string {
  const zaak = server.world.zaken.find((z) => z['Nummer'] === nummer)!;
  const doc = (zaak['Document'] as Row[]).find((d) => d['Soort'] === 'Antwoord schriftelijke vragen')!;
  return `/OData/v4/2.0/Document(${String(doc['Id'])})/resource`;
}

beforeAll(async () => {
  server = await startFakeServer({ world: smallWorld(), pageSize: 2 });
  const dir = await freshDir();
  const clean = await syncWith(server, dir);
  expect(clean.error).toBeNull();
  expect(clean.pages.zaken).toBe(3);
  expect(await storeProblems(dir)).toEqual([]);
  reference = await snapshot(dir);
  expect([...reference.keys()].filter((f) => f.startsWith('records/'))).toHaveLength(8);
}, 120_000);

afterEach(() => server.clearFaults());

afterAll(async () => {
  await server.close();
  for (const d of dirs) await removeDir(d);
});

/** The store is valid and holds exactly what the clean run stored. */
async function expectComplete(dir: string): Promise<void> {
  expect(await storeProblems(dir)).toEqual([]);
  expect(await snapshot(dir)).toEqual(reference);
}

describe('transient faults are retried and leave no trace', () => {
  it('a time-out on a listing page', async () => {
    const dir = await freshDir();
    const rule = server.addFault({ match: FIRST_PAGE, fault: { kind: 'timeout' } });
    const run = await syncWith(server, dir);
    expect(rule.fired).toBe(1);
    expect(run.error).toBeNull();
    expect(run.http.retries).toBeGreaterThanOrEqual(1);
    await expectComplete(dir);
  }, 60_000);

  it('HTTP 500 twice on a listing page, 503 on a document', async () => {
    const dir = await freshDir();
    const list = server.addFault({ match: page(2), fault: { kind: 'status', status: 500 }, times: 2 });
    const doc = server.addFault({ match: (p) => p === answerResource('2024Z92271'), fault: { kind: 'status', status: 503 } });
    const run = await syncWith(server, dir);
    expect([list.fired, doc.fired]).toEqual([2, 1]);
    expect(run.error).toBeNull();
    expect(run.http.retries).toBe(3);
    await expectComplete(dir);
  }, 60_000);

  it('429 with Retry-After is honoured before the retry', async () => {
    const dir = await freshDir();
    server.addFault({ match: /\/Toezegging\?/, fault: { kind: 'status', status: 429, retryAfter: '1' } });
    const before = server.requests.length;
    const run = await syncWith(server, dir);
    expect(run.error).toBeNull();
    // The register has 7 rows, so 4 pages; the first page was refused once.
    const register = server.requests.slice(before).filter((r) => r.path.includes('/Toezegging?'));
    expect(register.map((r) => r.status)).toEqual([429, 200, 200, 200, 200]);
    expect(register[1]!.at - register[0]!.at).toBeGreaterThanOrEqual(1000);
    await expectComplete(dir);
  }, 60_000);

  it('truncated JSON on a listing page is refetched, never half-used', async () => {
    const dir = await freshDir();
    const rule = server.addFault({ match: page(3), fault: { kind: 'truncate' } });
    const run = await syncWith(server, dir);
    expect(rule.fired).toBe(1);
    expect(run.error).toBeNull();
    await expectComplete(dir);
  }, 60_000);

  it('a connection dropped in the middle of a PDF', async () => {
    const dir = await freshDir();
    const rule = server.addFault({ match: (p) => p === answerResource('2024Z92271'), fault: { kind: 'drop' } });
    const run = await syncWith(server, dir);
    expect(rule.fired).toBe(1);
    expect(run.error).toBeNull();
    await expectComplete(dir);
  }, 60_000);

  it('a page the server repeats is detected and fetched again', async () => {
    const dir = await freshDir();
    const rule = server.addFault({ match: page(2), fault: { kind: 'repeat-page' } });
    const run = await syncWith(server, dir);
    expect(rule.fired).toBe(1);
    expect(run.error).toBeNull();
    expect(run.messages.some((m) => m.ruleId === 'page-repeated')).toBe(true);
    await expectComplete(dir);
  }, 60_000);
});

describe('faults that stop or degrade the first run; a rerun finishes the job', () => {
  it('malformed XML falls back to the PDF and says so in the record', async () => {
    const dir = await freshDir();
    server.addFault({ match: /\/koop\/ah-tk-20232024-1314\.xml$/, fault: { kind: 'malformed-xml' }, times: Infinity });
    const run = await syncWith(server, dir);
    expect(run.error).toBeNull();
    expect(run.pending).toBe(0);
    expect(await storeProblems(dir)).toEqual([]);
    const r = questionSet.parse(JSON.parse(await readFile(join(dir, 'records/2023-2024/ah-tk-20232024-1314.json'), 'utf8')));
    expect(r.source.container).toBe('pdf');
    expect(r.messages.find((m) => m.ruleId === 'sync-source-unreadable')?.reason).toMatch(/XML van https:\/\/zoek\.officielebekendmakingen\.nl\/ah-tk-20232024-1314\.xml was onleesbaar/);
    // Same records as the clean run, only this one read from the PDF instead of the XML.
    expect((await listFiles(dir)).filter((f) => !f.startsWith('.sync/'))).toEqual([...reference.keys()].sort());
    // Fetching again once the XML is fine restores the XML-based record.
    server.clearFaults();
    const again = await syncWith(server, dir, { zaak: '2024Z91314', refetch: true });
    expect(again.error).toBeNull();
    expect(await readFile(join(dir, 'records/2023-2024/ah-tk-20232024-1314.json'), 'utf8')).toBe(reference.get('records/2023-2024/ah-tk-20232024-1314.json'));
  }, 60_000);

  it('a nextLink loop is detected and stops the run with a clear message; the rerun continues', async () => {
    const dir = await freshDir();
    server.addFault({ match: page(2), fault: { kind: 'loop' }, times: Infinity });
    const run = await syncWith(server, dir);
    expect(run.complete).toBe(false);
    expect(run.error).toMatch(/@odata\.nextLink die al eerder is bezocht \(een lus\)/);
    expect(await storeProblems(dir)).toEqual([]);
    server.clearFaults();
    const before = server.requests.length;
    const rerun = await syncWith(server, dir);
    expect(rerun.error).toBeNull();
    expect(rerun.complete).toBe(true);
    // The rerun did not start from the beginning.
    const firstListing = server.requests.slice(before).find((r) => ZAAK_LIST.test(r.path))!;
    expect(firstListing.path).toMatch(/\$skip=/);
    await expectComplete(dir);
  }, 60_000);

  it('a document that disappears (404) between listing and fetch waits, and is stored by the rerun', async () => {
    const dir = await freshDir();
    const gone = answerResource('2024Z92271');
    server.addFault({ match: (p) => p === gone, fault: { kind: 'status', status: 404 }, times: Infinity });
    const run = await syncWith(server, dir);
    expect(run.error).toBeNull();
    expect(run.pending).toBe(1);
    expect(run.messages.find((m) => m.ruleId === 'document-pending')?.reason).toMatch(/^Zaak 2024Z92271: ah-tk-20232024-2271 niet op te halen/);
    expect(await storeProblems(dir)).toEqual([]);
    expect(await listFiles(dir)).not.toContain('records/2023-2024/ah-tk-20232024-2271.json');
    server.clearFaults();
    const rerun = await syncWith(server, dir);
    expect(rerun.error).toBeNull();
    expect(rerun.pending).toBe(0);
    expect(rerun.records.new).toBe(1);
    await expectComplete(dir);
  }, 60_000);

  it('retries that run out stop the run at the last good page; the rerun finishes', async () => {
    const dir = await freshDir();
    server.addFault({ match: page(3), fault: { kind: 'status', status: 500 }, times: Infinity });
    const run = await syncWith(server, dir);
    expect(run.complete).toBe(false);
    expect(run.error).toMatch(/mislukt na 5 pogingen \(laatste: HTTP 500\)/);
    expect(await storeProblems(dir)).toEqual([]);
    const cp = JSON.parse(await readFile(join(dir, '.sync/checkpoint.json'), 'utf8')) as { scopes: Record<string, { phases: { zaken: { pages: number; next: string } } }> };
    const state = Object.values(cp.scopes)[0]!;
    expect(state.phases.zaken.pages).toBe(2);
    expect(decodeURIComponent(state.phases.zaken.next)).toMatch(/\$skip=4/);
    server.clearFaults();
    expect((await syncWith(server, dir)).complete).toBe(true);
    await expectComplete(dir);
  }, 60_000);

  it('an interruption (Ctrl-C) after a page loses nothing and the rerun resumes there', async () => {
    const dir = await freshDir();
    const controller = new AbortController();
    const run = await syncWith(server, dir, {
      signal: controller.signal,
      onPage: (phase, pages) => {
        if (phase === 'zaken' && pages === 1) controller.abort(new Error('interrupted'));
      },
    });
    expect(run.interrupted).toBe(true);
    expect(await storeProblems(dir)).toEqual([]);
    const before = server.requests.length;
    const rerun = await syncWith(server, dir);
    expect(rerun.complete).toBe(true);
    const firstListing = server.requests.slice(before).find((r) => ZAAK_LIST.test(r.path))!;
    expect(firstListing.path).toMatch(/\$skip=2/);
    await expectComplete(dir);
  }, 60_000);
});

/** Run the CLI in a child process until the server sees `waitFor`, then send `signal`. */
async function runCliUntil(dir: string, waitFor: (path: string) => boolean, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'sync.ts');
  const child = spawn(
    process.execPath,
    [script, '--base-url', server.url, '--documents-url', server.documentsUrl, '--rate', '0', '--timeout', '60000', '--concurrency', '1'],
    { env: { ...process.env, VRAAGSPOOR_CONTENT: dir, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const start = server.requests.length;
  const deadline = Date.now() + 30_000;
  while (!server.requests.slice(start).some((r) => waitFor(r.path))) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the child never reached the hang point; stderr: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  const code = await exited;
  return { code, stdout, stderr };
}

describe('a real process that is killed or interrupted', () => {
  it('SIGKILL in the middle of page 3: at most that page is lost, the rerun finishes', async () => {
    const dir = await freshDir();
    const hang = '/koop/kv-tk-2026Z03535.xml';
    server.addFault({ match: (p) => p === hang, fault: { kind: 'timeout' }, times: Infinity });
    const { code } = await runCliUntil(dir, (p) => p === hang, 'SIGKILL');
    expect(code).toBeNull(); // killed
    server.clearFaults();
    // Pages 1 and 2 are saved; every file that exists parses and validates.
    const files = await listFiles(dir);
    expect(files).toContain('records/2023-2024/ah-tk-20232024-1314.json');
    const cp = JSON.parse(await readFile(join(dir, '.sync/checkpoint.json'), 'utf8')) as { scopes: Record<string, { phases: { zaken: { pages: number } } }> };
    expect(Object.values(cp.scopes)[0]!.phases.zaken.pages).toBe(2);
    const before = server.requests.length;
    const rerun = await syncWith(server, dir, { scopeName: undefined });
    expect(rerun.error).toBeNull();
    const firstListing = server.requests.slice(before).find((r) => ZAAK_LIST.test(r.path))!;
    expect(firstListing.path).toMatch(/\$skip=4/);
    await expectComplete(dir);
  }, 90_000);

  it('SIGINT (Ctrl-C) stops cleanly with exit code 130 and no temporary files', async () => {
    const dir = await freshDir();
    const hang = answerResource('2024Z92271');
    server.addFault({ match: (p) => p === hang, fault: { kind: 'timeout' }, times: Infinity });
    const { code, stdout } = await runCliUntil(dir, (p) => p === hang, 'SIGINT');
    expect(code).toBe(130);
    expect(stdout).toContain('Onderbroken');
    expect(await storeProblems(dir)).toEqual([]);
    server.clearFaults();
    const rerun = await syncWith(server, dir, { scopeName: undefined });
    expect(rerun.complete).toBe(true);
    await expectComplete(dir);
  }, 90_000);
});
