/**
 * npm run bench:sync -- [--sets 5000] [--pdf-share 0.1] [--page-size 250] [--concurrency 4]
 *
 * Measures the whole sync pipeline — list (OData pages), fetch (documents), parse, write — against
 * the local server with a synthetic world of recorded payloads repeated with distinct ids
 * (tests/sync/synthetic-world.ts). The server runs in a child process so it does not share the
 * event loop with the sync. Prints question sets and records per second, time per stage (summed
 * over parallel work) and peak memory (sampled RSS and the process's maxRSS).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/lib/parse/index.ts';
import { loadLinker } from './lib/linker.ts';
import { createProgress } from './lib/progress.ts';
import { formatSummary, runSync, type ParseFn } from './sync.ts';

const self = fileURLToPath(import.meta.url);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} verwacht een getal`);
  return v;
}

async function serve(): Promise<void> {
  const { syntheticWorld } = await import('../tests/sync/synthetic-world.ts');
  const { startFakeServer } = await import('../tests/sync/fake-server.ts');
  const built = syntheticWorld({ sets: arg('--sets', 5000), pdfShare: arg('--pdf-share', 0.1) });
  const server = await startFakeServer({ world: built.world, pageSize: arg('--page-size', 250) });
  process.stdout.write(`${JSON.stringify({ url: server.url, documentsUrl: server.documentsUrl, xml: built.xml, pdf: built.pdf })}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function bench(): Promise<void> {
  const sets = arg('--sets', 5000);
  const child = spawn(process.execPath, [self, '--serve', ...process.argv.slice(2)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`server stopped (${code})`)));
  });
  const info = JSON.parse(firstLine) as { url: string; documentsUrl: string; xml: number; pdf: number };
  const dir = await mkdtemp(join(tmpdir(), 'vraagspoor-bench-'));

  // Parse is wrapped to count XML and PDF separately; the other stages come from the summary.
  const stage = { parseXml: 0, parsePdf: 0, xmlMs: 0, pdfMs: 0, listN: 0, fetchN: 0 };
  // The same linker the sync uses by default (motions, references, commitments; programmes from the folder).
  const link = await loadLinker(dir);
  const parse: ParseFn = async (path, bytes) => {
    const t = performance.now();
    const result = await parseDocument(path, bytes, { link });
    const ms = performance.now() - t;
    if (bytes[0] === 0x25) {
      stage.parsePdf++;
      stage.pdfMs += ms;
    } else {
      stage.parseXml++;
      stage.xmlMs += ms;
    }
    return result;
  };
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 25);
  const started = performance.now();
  const summary = await runSync({
    baseUrl: info.url,
    documentsUrl: info.documentsUrl,
    contentDir: dir,
    scopeName: 'bench',
    concurrency: arg('--concurrency', 4),
    parse,
    progress: createProgress(),
    log: () => undefined,
    http: {
      requestsPerSecond: 0,
      onEvent: (e) => {
        if (e.type !== 'response') return;
        if (/\/(Zaak|Besluit|Toezegging|Document)\?/.test(e.url)) stage.listN++;
        else stage.fetchN++;
      },
    },
  });
  const wall = performance.now() - started;
  sample();
  clearInterval(timer);

  // A second run: nothing changed, so nothing may be written.
  const again = performance.now();
  const second = await runSync({ baseUrl: info.url, documentsUrl: info.documentsUrl, contentDir: dir, scopeName: 'bench', parse, progress: null, log: () => undefined, http: { requestsPerSecond: 0 } });
  const secondMs = performance.now() - again;

  child.stdin.end();
  child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });

  const records = summary.records.new + summary.records.updated + summary.records.unchanged;
  const t = summary.timings;
  const lines = [
    '',
    `Sync-benchmark: ${sets} vraagsets (${info.xml} met officiële XML, ${info.pdf} alleen als PDF), lokale server, pagina's van ${arg('--page-size', 250)}, ${arg('--concurrency', 4)} tegelijk.`,
    `Resultaat: ${summary.error ?? 'geen fouten'}; ${records} records, ${summary.motions.new + summary.motions.updated} motiebestanden, ${summary.register.new} toezeggingen, ${summary.pending} wachtend.`,
    `Totaal: ${s(wall)} → ${(sets / (wall / 1000)).toFixed(1)} vraagsets/s, ${(records / (wall / 1000)).toFixed(1)} records/s (lijst → ophalen → parsen → schrijven).`,
    `Tijd per stap (opgeteld over parallel werk, dus samen meer dan de totale tijd):`,
    `  lijst:     ${stage.listN} OData-verzoeken, ${s(t.listMs)}`,
    `  ophalen:   ${stage.fetchN} documentverzoeken (XML, anders PDF; 404's inbegrepen), ${s(t.fetchMs)}`,
    `  parsen:    ${stage.parseXml} XML (gem. ${(stage.xmlMs / Math.max(1, stage.parseXml)).toFixed(1)} ms), ${stage.parsePdf} PDF (gem. ${(stage.pdfMs / Math.max(1, stage.parsePdf)).toFixed(1)} ms), ${s(t.parseMs)}`,
    `  schrijven: ${s(t.writeMs)} (records, moties, register; atomisch) + ${s(t.stateMs)} checkpoint/index per pagina`,
    `Piekgeheugen: RSS ${mb(peakRss)} (bemonsterd), maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}, heap ${mb(peakHeap)}.`,
    `Tweede run zonder wijzigingen: ${s(secondMs)}, ${second.changes} wijzigingen.`,
    '',
    formatSummary(summary),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = summary.error || second.changes !== 0 ? 1 : 0;
}

if (process.argv.includes('--serve')) await serve();
else await bench();
