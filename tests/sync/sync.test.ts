/**
 * The whole pipeline (list → fetch → parse → write) against the local server with the recorded
 * world: what a fresh run stores, that a second run changes nothing, incremental changes, deletions,
 * dry runs, --zaak and the period filters.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motion, questionSet, registerEntry } from '../../src/lib/schema/index.ts';
import { parseDocument } from '../../src/lib/parse/index.ts';
import { startFakeServer, loadWorld, type FakeServer } from './fake-server.ts';
import { listFiles, removeDir, snapshot, storeProblems, syncWith, tempContent } from './helpers.ts';

type Row = Record<string, unknown>;

async function readJsonFile(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('sync against the recorded world', () => {
  let server: FakeServer;
  let dir: string;
  let first: Awaited<ReturnType<typeof syncWith>>;

  beforeAll(async () => {
    server = await startFakeServer({ world: loadWorld(), pageSize: 10 });
    dir = await tempContent();
    first = await syncWith(server, dir);
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await removeDir(dir);
  });

  it('finishes every pass without errors and stores a valid knowledge base', async () => {
    expect(first.error).toBeNull();
    expect(first.complete).toBe(true);
    expect(await storeProblems(dir)).toEqual([]);
    // 24 reconstructed Zaken for real documents + 2 real open Zaken, in pages of 10.
    expect(first.pages.zaken).toBe(3);
    expect(first.records.new).toBeGreaterThanOrEqual(26);
  });

  it('stores each answer under its official Aanhangsel id, parsed from the real document', async () => {
    const r = questionSet.parse(await readJsonFile(join(dir, 'records/2023-2024/ah-tk-20232024-1076.json')));
    expect(r.kind).toBe('answer');
    expect(r.zaakNumber).toBe('2023Z91076');
    expect(r.pairs).toHaveLength(5);
    expect(r.pairs[0]!.question).toMatch(/^Bent u bekend met het feit dat de Sinterklaasintocht/);
    expect(r.source.container).toBe('pdf');
    expect(r.source.path).toBe('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1076.pdf');
    // The cross-check found nothing to report for this one: dates, numbers and people agree.
    expect(r.messages.filter((m) => m.ruleId.startsWith('api-mismatch-'))).toEqual([]);
  });

  it('prefers the official XML when it exists', async () => {
    const r = questionSet.parse(await readJsonFile(join(dir, 'records/2023-2024/ah-tk-20232024-1314.json')));
    expect(r.source.container).toBe('xml');
    expect(r.source.path).toBe('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1314.xml');
    expect(r.questioners.map((q) => q.name)).toEqual(['Mutluer', 'Kostić']);
  });

  it('falls back to the Tweede Kamer copy of the PDF when KOOP has neither XML nor PDF', async () => {
    const r = questionSet.parse(await readJsonFile(join(dir, 'records/2023-2024/ah-tk-20232024-2271.json')));
    expect(r.source.path).toMatch(/^https:\/\/gegevensmagazijn\.tweedekamer\.nl\/OData\/v4\/2\.0\/Document\([0-9a-f-]+\)\/resource$/);
    expect(r.source.container).toBe('pdf');
  });

  it('reports, not hides, where the document and the API disagree', async () => {
    const r = questionSet.parse(await readJsonFile(join(dir, 'records/2023-2024/ah-tk-20232024-1999.json')));
    // The API lists it as an answer; the document is a notice that refers to a letter.
    expect(r.kind).toBe('postponement');
    const m = r.messages.find((x) => x.ruleId === 'api-mismatch-kind');
    expect(m?.reason).toContain('de Tweede Kamer-API zegt answer');
    expect(first.mismatches).toBeGreaterThanOrEqual(1);
  });

  it('writes postponement notices whose document is not available from the API facts, saying so', async () => {
    const r = questionSet.parse(await readJsonFile(join(dir, 'records/2023-2024/ah-tk-20232024-594.json')));
    expect(r.kind).toBe('postponement');
    expect(r.aanhangselNumber).toBe(594);
    expect(r.pairs).toEqual([]);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['sync-metadata-only']);
  });

  it('keeps open questions as kind "questions" with the due date of the rule', async () => {
    const open = questionSet.parse(await readJsonFile(join(dir, 'records/2025-2026/kv-tk-2025Z18539.json')));
    expect(open.kind).toBe('questions');
    expect(open.dateSubmitted).toBe('2025-10-02');
    expect(open.answerDue).toBe('2025-10-23');
    const parsed = questionSet.parse(await readJsonFile(join(dir, 'records/2025-2026/kv-tk-2026Z03535.json')));
    expect(parsed.kind).toBe('questions');
    expect(parsed.pairs).toHaveLength(11);
    expect(parsed.answerDue ?? null).toBeNull(); // no submission date is known for it
  });

  it('stores motions with their vote outcome and party votes from Besluit/Stemming', async () => {
    const m = motion.parse(await readJsonFile(join(dir, 'motions/kst-35727-7.json')));
    expect(m.vote?.outcome).toBe('aangenomen');
    expect(m.vote?.besluitTekst).toBe('Aangenomen.');
    expect(m.vote?.date).toBe('2022-10-04');
    expect(m.vote?.parties).toEqual([
      { party: 'BBB', vote: 'voor', seats: 1 },
      { party: 'GroenLinks', vote: 'voor', seats: 8 },
      { party: 'JA21', vote: 'tegen', seats: 3 },
      { party: 'Omtzigt', vote: 'voor', seats: 1 },
    ]);
    expect(m.submitters).toEqual(['Leijten']);
    const rejected = motion.parse(await readJsonFile(join(dir, 'motions/kst-32847-963.json')));
    expect(rejected.vote?.outcome).toBe('verworpen');
    expect(rejected.kabinetsappreciatie).toBe('Ontraden');
  });

  it('links motions mentioned in answers to the answer and pair', async () => {
    const files = (await listFiles(dir)).filter((f) => f.startsWith('motions/'));
    const withMentions = [];
    for (const f of files) {
      const m = motion.parse(await readJsonFile(join(dir, f)));
      if (m.mentions.length > 0) withMentions.push(m);
    }
    expect(withMentions.length).toBeGreaterThan(0);
    for (const m of withMentions) {
      for (const ref of m.mentions) {
        const record = (await listFiles(dir)).find((f) => f.endsWith(`/${ref.record}.json`));
        expect(record, `${m.id} mentioned by ${ref.record}`).toBeDefined();
      }
    }
  });

  it('stores the commitments register with mapped statuses and no 0001-01-01 dates', async () => {
    const files = (await listFiles(dir)).filter((f) => f.startsWith('commitments-register/'));
    expect(files).toHaveLength(6); // 7 rows, one deleted
    const entries = await Promise.all(files.map(async (f) => registerEntry.parse(await readJsonFile(join(dir, f)))));
    const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
    expect(byId['TZ202410-011']!.status).toBe('open');
    expect(byId['TZ202411-047']!.status).toBe('delivered');
    expect(byId['TZ202501-102']!.status).toBe('partly-delivered');
    expect(byId['TZ202502-013']!.status).toBe('dropped');
    expect(byId['TZ202502-013']!.due).toBeNull();
    expect(byId['TZ202503-077']!.status).toBeNull();
    expect(byId['TZ202503-077']!.registerStatus).toBeNull();
    expect(byId['TZ202504-057']!.status).toBe('delivered');
  });

  it('sends a clear User-Agent on every request', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) expect(r.userAgent).toBe('Vraagspoor/0.1 (+contact in README)');
  });

  it('changes no file on a second run and reports zero changes', async () => {
    const before = await snapshot(dir);
    const second = await syncWith(server, dir);
    expect(second.error).toBeNull();
    expect(second.changes).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('changes no file when the state is lost and everything is listed again (conditional requests answer 304)', async () => {
    const before = await snapshot(dir);
    await rm(join(dir, '.sync', 'checkpoint.json'));
    const since = server.requests.length;
    const again = await syncWith(server, dir);
    expect(again.error).toBeNull();
    expect(again.changes).toBe(0);
    expect(again.records.unchanged).toBe(first.records.new);
    expect(await snapshot(dir)).toEqual(before);
    const conditional = server.requests.slice(since).filter((r) => r.ifNoneMatch !== null);
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional.every((r) => r.status === 304)).toBe(true);
  });
});

describe('incremental runs', () => {
  it('picks up an answer, removes the open-questions record, and removes a deleted Zaak and Toezegging', async () => {
    const world = loadWorld();
    const server = await startFakeServer({ world, pageSize: 10 });
    const dir = await tempContent();
    try {
      const now = new Date();
      expect((await syncWith(server, dir, { now: () => now })).error).toBeNull();
      expect(await readJsonFile(join(dir, 'records/2025-2026/kv-tk-2025Z18539.json'))).toBeTruthy();

      // The real open Zaak 2025Z18539 gets an answer (the PDF of ah-tk-20232024-1076 stands in for it).
      const later = new Date(now.getTime() + 2 * 3600_000);
      const stamp = later.toISOString().replace('Z', '0000Z');
      const open = world.zaken.find((z) => z['Nummer'] === '2025Z18539')!;
      const donor = world.zaken.find((z) => z['Nummer'] === '2023Z91076')!;
      const answer = structuredClone((donor['Document'] as Row[]).find((d) => d['Soort'] === 'Antwoord schriftelijke vragen')!);
      answer['Id'] = '11111111-2222-4333-8444-555555555555';
      answer['Aanhangselnummer'] = '252600123';
      (answer['HuidigeDocumentVersie'] as Row)['ExterneIdentifier'] = 'ah-tk-20252026-123';
      open['Document'] = [answer];
      open['ApiGewijzigdOp'] = stamp;
      server.world.files.set(`odata/Document(${answer['Id']})/resource`, server.world.files.get(`koop/ah-tk-20232024-1076.pdf`)!);
      // Zaak 2024Z91292 is deleted in the API: all fields null except Id.
      const gone = world.zaken.find((z) => z['Nummer'] === '2024Z91292')!;
      for (const k of Object.keys(gone)) if (k !== 'Id') gone[k] = null;
      gone['Verwijderd'] = true;
      gone['ApiGewijzigdOp'] = stamp;
      // A register entry is deleted too.
      const tz = world.toezeggingen.find((t) => t['Nummer'] === 'TZ202411-047')!;
      for (const k of Object.keys(tz)) if (k !== 'Id') tz[k] = null;
      tz['Verwijderd'] = true;
      tz['ApiGewijzigdOp'] = stamp;

      const run = await syncWith(server, dir, { now: () => later });
      expect(run.error).toBeNull();
      const files = await listFiles(dir);
      expect(files).toContain('records/2025-2026/ah-tk-20252026-123.json');
      // The stand-in document says it is nr. 1076 of 2023-2024; the record follows the API and says so.
      const answered = questionSet.parse(await readJsonFile(join(dir, 'records/2025-2026/ah-tk-20252026-123.json')));
      expect(answered.zaakNumber).toBe('2025Z18539');
      expect(answered.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['api-mismatch-aanhangsel', 'api-mismatch-vergaderjaar']));
      expect(files).not.toContain('records/2025-2026/kv-tk-2025Z18539.json');
      expect(files).not.toContain('records/2023-2024/ah-tk-20232024-1292.json');
      expect(files).not.toContain('commitments-register/TZ202411-047.json');
      expect(run.records.new).toBe(1);
      expect(run.records.removed).toBe(2);
      expect(run.register.removed).toBe(1);
      expect(await storeProblems(dir)).toEqual([]);
      // Only the changed Zaak was listed: the watermark limits the listing.
      expect(run.pages.zaken).toBe(1);
    } finally {
      await server.close();
      await removeDir(dir);
    }
  }, 120_000);

  it('never overwrites or removes a record a person marked curated', async () => {
    const server = await startFakeServer({ world: loadWorld(), pageSize: 50 });
    const dir = await tempContent();
    try {
      await syncWith(server, dir, { now: () => new Date() });
      const path = join(dir, 'records/2023-2024/ah-tk-20232024-1076.json');
      const curated = { ...(await readJsonFile(path) as Row), title: 'Door een mens verbeterd', curated: true };
      await writeFile(path, `${JSON.stringify(curated, null, 2)}\n`);
      await rm(join(dir, '.sync', 'checkpoint.json'));
      const run = await syncWith(server, dir);
      expect(run.records.curated).toBe(1);
      expect((await readJsonFile(path) as Row)['title']).toBe('Door een mens verbeterd');
    } finally {
      await server.close();
      await removeDir(dir);
    }
  }, 120_000);
});

describe('options', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer({ world: loadWorld(), pageSize: 10 });
  });
  afterAll(() => server.close());

  it('--dry-run reports what would change and writes nothing', async () => {
    const dir = await tempContent();
    try {
      const run = await syncWith(server, dir, { dryRun: true });
      expect(run.error).toBeNull();
      expect(run.records.new).toBeGreaterThanOrEqual(26);
      expect(run.changes).toBeGreaterThan(0);
      expect(await listFiles(dir)).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  }, 60_000);

  it('--zaak syncs one Zaak only and skips votes and register', async () => {
    const dir = await tempContent();
    try {
      const run = await syncWith(server, dir, { zaak: '2024Z91314' });
      expect(run.error).toBeNull();
      const files = (await listFiles(dir)).filter((f) => !f.startsWith('.sync/'));
      expect(files).toEqual(['records/2023-2024/ah-tk-20232024-1314.json']);
      expect(run.pages.votes).toBeUndefined();
    } finally {
      await removeDir(dir);
    }
  }, 60_000);

  it('--since and --until select Zaken by submission date (Dutch local midnight)', async () => {
    const dir = await tempContent();
    try {
      const run = await syncWith(server, dir, { since: '2024-06-01', until: '2024-06-30' });
      expect(run.error).toBeNull();
      const zaken = Object.values((await readJsonFile(join(dir, '.sync/index.json')) as { zaken: Record<string, { nummer: string }> }).zaken)
        .map((z) => z.nummer)
        .sort();
      // Submitted 5, 18, 21 and 28 June 2024.
      expect(zaken).toEqual(['2024Z92129', '2024Z92168', '2024Z92271', '2024Z92367']);
    } finally {
      await removeDir(dir);
    }
  }, 60_000);

  it('a record that fails validation stops only its own Zaak, which waits with the reason', async () => {
    const dir = await tempContent();
    try {
      const run = await syncWith(server, dir, {
        parse: async (path, bytes, options) => {
          const result = await parseDocument(path, bytes, options);
          if (result.ok && path.endsWith('ah-tk-20232024-1076.pdf')) result.record.dateSubmitted = '2023-11-31';
          return result;
        },
      });
      expect(run.error).toBeNull();
      expect(run.pending).toBe(1);
      const failed = run.messages.find((m) => m.ruleId === 'zaak-failed');
      expect(failed?.severity).toBe('error');
      expect(failed?.reason).toMatch(/^Zaak 2023Z91076: verwerking mislukt: .*dateSubmitted/s);
      expect(await listFiles(dir)).not.toContain('records/2023-2024/ah-tk-20232024-1076.json');
      expect(await storeProblems(dir)).toEqual([]);
      // The next run, with a parser that behaves, stores it.
      const rerun = await syncWith(server, dir);
      expect(rerun.pending).toBe(0);
      expect(await listFiles(dir)).toContain('records/2023-2024/ah-tk-20232024-1076.json');
    } finally {
      await removeDir(dir);
    }
  }, 60_000);
});

describe('API v5', () => {
  /** The recorded world with one attribute renamed, as v5 may have done. */
  function renamedWorld(): ReturnType<typeof loadWorld> {
    const world = loadWorld();
    for (const zaak of world.zaken) {
      for (const doc of (zaak['Document'] as Row[]) ?? []) {
        doc['AanhangselNummer'] = doc['Aanhangselnummer'];
        delete doc['Aanhangselnummer'];
      }
    }
    return world;
  }

  it('a rename shows up as a warning, and an override fixes it without code changes', async () => {
    const server = await startFakeServer({ world: renamedWorld(), pageSize: 10, version: 'v5' });
    const plain = await tempContent();
    const fixed = await tempContent();
    const v4dir = await tempContent();
    const v4server = await startFakeServer({ world: loadWorld(), pageSize: 10 });
    try {
      expect(server.url).toMatch(/\/OData\/v5$/);
      const without = await syncWith(server, plain);
      expect(without.messages.find((m) => m.ruleId === 'field-missing')?.reason).toMatch(/Document mist "Aanhangselnummer" \(OData v5\); controleer de veldvertaling/);
      // The records still get their official ids: the KOOP identifier of the document version names them too.
      expect(without.messages.some((m) => m.ruleId === 'aanhangsel-missing')).toBe(false);
      expect([...(await snapshot(plain)).keys()].filter((f) => f.startsWith('records/')).length).toBeGreaterThanOrEqual(26);

      const withOverride = await syncWith(server, fixed, { fieldOverrides: { Document: { Aanhangselnummer: 'AanhangselNummer' } } });
      expect(withOverride.error).toBeNull();
      expect(withOverride.messages.filter((m) => m.ruleId === 'field-missing')).toEqual([]);
      await syncWith(v4server, v4dir);
      // The same records as from the v4 API; only the Tweede Kamer resource URLs name /OData/v5.
      const a = await snapshot(fixed);
      const b = await snapshot(v4dir);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [k, v] of a) expect(v.replaceAll('/OData/v5/', '/OData/v4/2.0/'), k).toBe(b.get(k));
    } finally {
      await server.close();
      await v4server.close();
      for (const d of [plain, fixed, v4dir]) await removeDir(d);
    }
  }, 120_000);
});

