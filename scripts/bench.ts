/**
 * `npm run bench`: parser throughput and peak memory, beside remark-parse on the same text.
 *
 * usage: npm run bench -- [--mb N] [--remark-seconds S] [--check] [--json]
 *   --mb N               input size per contender in MB (default 50); the corpus texts repeat until reached
 *   --remark-seconds S   time budget for remark-parse (default 20): it stops early at a document
 *                        boundary when the budget is spent, and its rate is measured on what it parsed
 *   --check              exit 1 when a target is missed (without it the bench is informative, exit 0)
 *   --json               print one JSON object instead of text
 *   --only ours|remark   internal: measure one contender in this process and print JSON
 *
 * Each contender runs in its own child process (one thread of JavaScript, no workers; V8's GC is
 * kept on the main thread too), so its peak RSS is its own. MB = 2^20 bytes of UTF-8 input.
 * Targets: ours ≥ 30 MB/s, peak RSS ≤ 512 MB, ≥ 10× remark-parse's throughput.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseOutcome } from '../src/lib/parse/build.ts';

const ROOT = join(import.meta.dirname, '..');
const TEXT_DIRS = ['tests/fixtures/corpus', 'tests/fixtures/seeds'];
const MB = 1024 * 1024;
const TARGET_MBPS = 30;
const TARGET_PEAK_MB = 512;
const TARGET_RATIO = 10;
/** V8 flag: no background GC threads, so a contender really uses one core. */
const CHILD_FLAGS = ['--single-threaded-gc'];

/** What one contender measured. */
interface Measurement {
  contender: 'ours' | 'remark';
  docs: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  docsPerSecond: number;
  /** Peak resident set size in MB: the larger of getrusage's maxRSS and the sampled RSS. */
  peakRssMb: number;
  sampledPeakRssMb: number;
  maxRssMb: number;
  /** Documents the parser refused (ours) — should be 0 on the labelled corpus. */
  failures: number;
  /** True when the time budget stopped the run before all input was parsed. */
  truncated: boolean;
  /** Which entry point parsed the text. */
  via: string;
}

type Parse = (text: string, path: string) => number;

/** Our parser: `parseText` from the public API; a count of pairs keeps the work observable. */
async function loadOurs(): Promise<{ parse: Parse; via: string; failed: () => number }> {
  let failures = 0;
  let parseText: (text: string, path: string) => ParseOutcome;
  let via = 'parseText (src/lib/parse/index.ts)';
  try {
    ({ parseText } = await import('../src/lib/parse/index.ts'));
  } catch (error) {
    // index.ts also loads the PDF/HTML/XML readers; if one of those cannot load, measure the
    // text path it would take (parseText is exactly buildRecord(readText(text, 'text'), source)).
    const { readText } = await import('../src/lib/parse/text.ts');
    const { buildRecord } = await import('../src/lib/parse/build.ts');
    parseText = (text, path) => buildRecord(readText(text, 'text'), { path, container: 'text', encoding: 'utf-8' });
    via = `buildRecord(readText(…)) — index.ts did not load: ${(error as Error).message.split('\n')[0]}`;
  }
  const parse: Parse = (text, path) => {
    const out = parseText(text, path);
    if (!out.ok) {
      failures += 1;
      return 0;
    }
    return out.record.pairs.length;
  };
  return { parse, via, failed: () => failures };
}

async function loadRemark(): Promise<{ parse: Parse; via: string; failed: () => number }> {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const processor = unified().use(remarkParse);
  const parse: Parse = (text) => processor.parse(text).children.length;
  return { parse, via: 'unified().use(remarkParse).parse', failed: () => 0 };
}

async function readCorpus(): Promise<Array<{ path: string; text: string; bytes: number }>> {
  const docs = [];
  for (const dir of TEXT_DIRS) {
    for (const name of (await readdir(join(ROOT, dir))).sort()) {
      if (!name.endsWith('.txt')) continue;
      const text = await readFile(join(ROOT, dir, name), 'utf8');
      docs.push({ path: `${dir}/${name}`, text, bytes: Buffer.byteLength(text, 'utf8') });
    }
  }
  if (docs.length === 0) throw new Error(`no .txt documents in ${TEXT_DIRS.join(', ')}`);
  return docs;
}

/** Child process: parse the corpus, repeated to `mb` MB, with one contender; print JSON. */
async function measure(contender: 'ours' | 'remark', mb: number, budgetSeconds: number): Promise<Measurement> {
  const corpus = await readCorpus();
  const impl = contender === 'ours' ? await loadOurs() : await loadRemark();
  // Warm-up: every document at least 3 times and for at least 2 s, the same for both contenders,
  // so the timed pass measures steady-state throughput rather than the JIT compiling (which on
  // this 2-core machine competes with whatever else runs).
  let sink = 0;
  const warmUntil = performance.now() + 2000;
  for (let round = 0; round < 3 || performance.now() < warmUntil; round++) for (const d of corpus) sink += impl.parse(d.text, d.path);
  const failuresBefore = impl.failed();

  const target = mb * MB;
  let bytes = 0;
  let docs = 0;
  let sampled = process.memoryUsage.rss();
  let truncated = false;
  const t0 = performance.now();
  const deadline = t0 + budgetSeconds * 1000;
  outer: while (bytes < target) {
    for (const d of corpus) {
      sink += impl.parse(d.text, d.path);
      bytes += d.bytes;
      docs += 1;
      if (bytes >= target) break outer;
      if ((docs & 7) === 0) {
        // The parse is synchronous, so a timer could not sample during it: sample between
        // documents (every 8th; the call costs a few percent when made per document).
        const rss = process.memoryUsage.rss();
        if (rss > sampled) sampled = rss;
        if (performance.now() > deadline) {
          truncated = true;
          break outer;
        }
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  sampled = Math.max(sampled, process.memoryUsage.rss());
  if (sink < 0) console.error('unreachable'); // keeps `sink` alive
  const maxRss = process.resourceUsage().maxRSS * 1024; // kilobytes on Linux
  return {
    contender,
    docs,
    bytes,
    seconds,
    mbPerSecond: bytes / MB / seconds,
    docsPerSecond: docs / seconds,
    peakRssMb: Math.max(maxRss, sampled) / MB,
    sampledPeakRssMb: sampled / MB,
    maxRssMb: maxRss / MB,
    failures: impl.failed() - failuresBefore,
    truncated,
    via: impl.via,
  };
}

/** Run this script again for one contender and collect its JSON (last stdout line). */
function runChild(contender: 'ours' | 'remark', mb: number, budgetSeconds: number): Promise<Measurement> {
  const args = [...CHILD_FLAGS, import.meta.filename, '--only', contender, '--mb', String(mb), '--remark-seconds', String(budgetSeconds)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UV_THREADPOOL_SIZE: '1' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(last) as Measurement);
      } catch (error) {
        reject(new Error(`bench child for ${contender} failed (${(error as Error).message}):\n${err.trim() || out.trim()}`));
      }
    });
  });
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        mb: { type: 'string', default: '50' },
        'remark-seconds': { type: 'string', default: '20' },
        only: { type: 'string' },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\nusage: npm run bench -- [--mb N] [--remark-seconds S] [--check] [--json]`);
    return 2;
  }
  const mb = Number(values.mb);
  const budget = Number(values['remark-seconds']);
  if (!(mb > 0) || !(budget > 0)) {
    console.error('bench: --mb and --remark-seconds must be positive numbers');
    return 2;
  }
  if (values.only !== undefined) {
    if (values.only !== 'ours' && values.only !== 'remark') {
      console.error(`bench: --only must be "ours" or "remark", not "${values.only}"`);
      return 2;
    }
    // Our parser gets no time limit: its throughput is what is being measured in full.
    console.log(JSON.stringify(await measure(values.only, mb, values.only === 'remark' ? budget : Infinity)));
    return 0;
  }

  // Sequential, never parallel: each contender has the machine (one core of it) to itself.
  const ours = await runChild('ours', mb, budget);
  const remark = await runChild('remark', mb, budget);
  const ratio = ours.mbPerSecond / remark.mbPerSecond;
  const checks = {
    throughput: ours.mbPerSecond >= TARGET_MBPS,
    peakMemory: ours.peakRssMb <= TARGET_PEAK_MB,
    vsRemark: ratio >= TARGET_RATIO,
  };
  const failed = Object.values(checks).some((ok) => !ok);
  if (values.json) {
    console.log(JSON.stringify({ ours, remark, ratio, targets: { mbPerSecond: TARGET_MBPS, peakRssMb: TARGET_PEAK_MB, ratio: TARGET_RATIO }, checks }, null, 2));
  } else {
    const row = (m: Measurement): string =>
      `${m.contender.padEnd(7)} ${(m.bytes / MB).toFixed(1).padStart(7)} MB ${String(m.docs).padStart(6)} docs ${m.seconds.toFixed(2).padStart(7)} s ` +
      `${m.mbPerSecond.toFixed(2).padStart(8)} MB/s ${m.docsPerSecond.toFixed(0).padStart(7)} docs/s  peak RSS ${m.peakRssMb.toFixed(0).padStart(4)} MB` +
      `${m.truncated ? '  (time budget reached)' : ''}`;
    console.log(`input: corpus + seed texts repeated to ${mb} MB per contender (MB = 2^20 bytes), one child process each, warm-up first`);
    console.log(row(ours));
    console.log(row(remark));
    console.log(`ours via ${ours.via}; remark via ${remark.via}`);
    if (ours.failures > 0) console.log(`note: our parser refused ${ours.failures} documents during the timed run`);
    console.log(`throughput  ${ours.mbPerSecond.toFixed(1)} MB/s  (target ≥ ${TARGET_MBPS})   ${verdict(checks.throughput)}`);
    console.log(`peak RSS    ${ours.peakRssMb.toFixed(0)} MB  (target ≤ ${TARGET_PEAK_MB}; maxRSS ${ours.maxRssMb.toFixed(0)}, sampled ${ours.sampledPeakRssMb.toFixed(0)})   ${verdict(checks.peakMemory)}`);
    console.log(`vs remark   ${ratio.toFixed(1)}×  (target ≥ ${TARGET_RATIO}×)   ${verdict(checks.vsRemark)}`);
  }
  return values.check && failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
}
