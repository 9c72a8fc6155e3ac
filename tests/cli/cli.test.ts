/** The command-line contract: parse, ingest, commitments and programmes:suggest, run as real processes. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Run a script with Node 24 (the one running the tests); never throws, returns code and output. */
async function script(name: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [`scripts/${name}.ts`, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out.sort();
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vraagspoor-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run parse', () => {
  it('prints one record per file in order, an error record for bad files, names them on stderr and exits 1', async () => {
    const big = join(tmp, 'groot.txt');
    await writeFile(big, '');
    await truncate(big, 100 * 1024 * 1024);
    const files = [
      'tests/fixtures/seeds/000_d6e88f2d1987be7c.txt',
      'tests/fixtures/bad/junk.bin',
      'tests/fixtures/pdf/ah-tk-20232024-1076.pdf',
      'bestaat-niet.txt',
      big,
      'tests/fixtures/bad/windows-1252.txt',
      'tests/fixtures/seeds/002_f9663fee962278e0.txt',
    ];
    const { code, stdout, stderr } = await script('parse', files);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { source: { path: string } });
    expect(lines.map((l) => l.source.path)).toEqual(files);
    expect(lines[0]!['id']).toBe('ah-tk-20202021-3976');
    expect(lines[1]!['error']).toMatch(/binair/);
    expect(lines[2]!['id']).toBe('ah-tk-20232024-1076');
    expect(lines[3]!['error']).toBe('bestand bestaat niet');
    expect(lines[4]!['error']).toMatch(/te groot/);
    expect(lines[6]!['id']).toBe('kv-tk-2026Z03535');
    for (const f of ['junk.bin', 'bestaat-niet.txt', 'groot.txt']) expect(stderr).toContain(f);
    // The record uses the schema's field names, as the contract says.
    for (const key of ['kind', 'title', 'questioners', 'addressees', 'answerers', 'onBehalfOf', 'dateSubmitted', 'dateAnswered', 'vergaderjaar', 'aanhangselNumber', 'seeAlsoAanhangsel', 'zaakNumber', 'pairs', 'footnotes', 'references', 'motions', 'commitments', 'source']) {
      expect(lines[0]).toHaveProperty(key);
    }
  });

  it('exits 0 when every file parses', async () => {
    const { code, stdout } = await script('parse', ['tests/fixtures/corpus/ah-tk-20232024-1292.txt']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pairs).toHaveLength(10);
  });
});

describe('npm run ingest', () => {
  let content: string;
  beforeAll(async () => {
    content = join(tmp, 'content');
    await cp('content/programmes', join(content, 'programmes'), { recursive: true });
  });

  it('stores records atomically, changes no byte on a second run, keeps going past bad files', async () => {
    const env = { VRAAGSPOOR_CONTENT: content };
    const first = await script('ingest', ['tests/fixtures/seeds', 'tests/fixtures/bad/junk.bin'], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 nieuw, 0 bijgewerkt, 0 ongewijzigd/);
    expect(first.stderr).toContain('junk.bin');
    const files = await listFiles(content);
    expect(files).toContain(join(content, 'records', '2020-2021', 'ah-tk-20202021-3976.json'));
    expect(files).toContain(join(content, 'records', 'onbekend', 'kv-tk-2026Z03535.json'));
    expect(files).toContain(join(content, 'motions', 'kst-34550-XVI-91.json'));
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const before = await Promise.all(files.map((f) => readFile(f)));
    const second = await script('ingest', ['tests/fixtures/seeds'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 nieuw, 0 bijgewerkt, 2 ongewijzigd/);
    const after = await Promise.all(files.map((f) => readFile(f)));
    expect(after).toEqual(before);
  });

  it('never overwrites a record a person marked as curated', async () => {
    const path = join(content, 'records', '2020-2021', 'ah-tk-20202021-3976.json');
    const record = JSON.parse(await readFile(path, 'utf8'));
    record.curated = true;
    record.title = 'Met de hand verbeterde titel';
    const text = `${JSON.stringify(record, null, 2)}\n`;
    await writeFile(path, text);
    const { stdout } = await script('ingest', ['tests/fixtures/seeds/000_d6e88f2d1987be7c.txt'], { VRAAGSPOOR_CONTENT: content });
    expect(stdout).toMatch(/1 handmatig beheerd/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});

describe('npm run commitments and programmes:suggest', () => {
  it('lists the seed commitments that are overdue per ministry on a given day', async () => {
    const { code, stdout } = await script('commitments', ['--today', '2026-11-23']);
    expect(code).toBe(0);
    expect(stdout).toContain('Justitie en Veiligheid');
    expect(stdout).toMatch(/Termijn verstreken\s+2022-12-31/);
    expect(stdout).toMatch(/Termijn verstreken\s+2021-09-30/);
    expect(stdout).toMatch(/Volksgezondheid, Welzijn en Sport[\s\S]*2026-06-21/);
  });

  it('reports a curated file with an unknown status, naming file and field, and exits 1', async () => {
    const content = join(tmp, 'content-bad');
    await cp('content', content, { recursive: true });
    await writeFile(join(content, 'commitments', 'ah-tk-20202021-3976-tz-00000000.md'), '---\nstatus: klaar\nevidence:\n  - document: bestaat-niet\n---\n');
    const { code, stderr } = await script('commitments', ['--today', '2026-11-23'], { VRAAGSPOOR_CONTENT: content });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ah-tk-20202021-3976-tz-00000000\.md › status: onbekende status «klaar»/);
    expect(stderr).toMatch(/evidence\[0\]\.document: document «bestaat-niet»/);
  });

  it('suggests plan names that are not in the registry', async () => {
    const { code, stdout } = await script('programmes-suggest', []);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; count: number; records: string[] });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.count).toBeGreaterThan(0);
      expect(r.records.length).toBeGreaterThan(0);
    }
  });
});
