/**
 * `npm run eval`: run the parser over the labelled fixtures and print field-by-field accuracy,
 * scored exactly as tests/fixtures/score.py scores (port: src/lib/eval/score.ts).
 *
 * usage: npm run eval -- [--pdf] [--heldout] [--verbose] [--json] [--records FILE]
 *   --pdf       also parse tests/fixtures/pdf/*.pdf and score them against the same labels
 *   --verbose   list every miss (MISS id field detail)
 *   --json      print one JSON object instead of text
 *   --records   write the text run's records as JSONL (input for score.py), e.g. /tmp/records.jsonl
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../src/lib/parse/index.ts';
import { formatScore, scoreRecords, type LabelEntry, type ScoreResult } from '../src/lib/eval/score.ts';
import type { QuestionSet } from '../src/lib/schema/record.ts';
import { writeFileAtomic } from './lib/fs.ts';

const ROOT = join(import.meta.dirname, '..');
const LABEL_DIRS = ['tests/fixtures/corpus', 'tests/fixtures/seeds'];
/** Real documents in forms the main corpus lacks (tk-website, officielebekendmakingen pages, trackers), labelled separately. */
const HELDOUT_DIRS = ['tests/fixtures/heldout'];
const PDF_DIR = 'tests/fixtures/pdf';

type Link = (record: QuestionSet) => QuestionSet;

/** The linker from scripts/lib/linker.ts when that module exists and offers one; else none. */
async function loadLink(): Promise<Link | undefined> {
  const url = new URL('./lib/linker.ts', import.meta.url);
  if (!existsSync(url)) return undefined;
  const mod = (await import(url.href)) as Record<string, unknown>;
  if (typeof mod['loadLinker'] === 'function') return ((await (mod['loadLinker'] as () => Promise<Link | undefined>)()) ?? undefined);
  if (typeof mod['link'] === 'function') return mod['link'] as Link;
  if (typeof mod['default'] === 'function') return mod['default'] as Link;
  return undefined;
}

/** Labels (`<id>.json`) and their documents (`<id>.txt`) from the label folders. */
async function readLabels(dirs: readonly string[] = LABEL_DIRS): Promise<{ labels: LabelEntry[]; texts: string[]; problems: string[] }> {
  const labels: LabelEntry[] = [];
  const texts: string[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    const names = (await readdir(join(ROOT, dir))).sort();
    for (const name of names) {
      const rel = `${dir}/${name}`;
      if (name.endsWith('.txt')) texts.push(rel);
      if (!name.endsWith('.json')) continue;
      try {
        labels.push({ id: name.slice(0, -5), label: JSON.parse(await readFile(join(ROOT, rel), 'utf8')) as unknown });
      } catch (error) {
        problems.push(`${rel}: label is not valid JSON (${(error as Error).message})`);
      }
    }
  }
  return { labels, texts, problems };
}

/** Parse each file; a failure becomes `{file, error}`, which the scorer counts as "no record". */
async function parseAll(paths: string[], link: Link | undefined): Promise<{ records: unknown[]; ms: number; failures: string[] }> {
  const records: unknown[] = [];
  const failures: string[] = [];
  const t0 = performance.now();
  for (const path of paths) {
    let outcome;
    try {
      const bytes = new Uint8Array(await readFile(join(ROOT, path)));
      outcome = await parseDocument(path, bytes, link ? { link } : {});
    } catch (error) {
      outcome = { ok: false as const, error: `parser crashed: ${(error as Error).stack ?? String(error)}` };
    }
    if (outcome.ok) records.push(outcome.record);
    else {
      records.push({ file: path, error: outcome.error });
      failures.push(`${path}: ${outcome.error}`);
    }
  }
  return { records, ms: performance.now() - t0, failures };
}

interface Run {
  name: string;
  result: ScoreResult;
  ms: number;
  failures: string[];
}

function printRun(run: Run, verbose: boolean): void {
  const timing = run.ms > 0 ? `parsed in ${(run.ms / 1000).toFixed(2)} s` : 'records of the text run';
  console.log(`== ${run.name}: ${run.result.docs} docs, ${timing}`);
  for (const line of formatScore(run.result, { verbose })) console.log(line);
  if (verbose) for (const f of run.failures) console.log(`FAILED ${f}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        pdf: { type: 'boolean', default: false },
        heldout: { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        json: { type: 'boolean', default: false },
        records: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`eval: ${(error as Error).message}\nusage: npm run eval -- [--pdf] [--heldout] [--verbose] [--json] [--records FILE]`);
    return 2;
  }
  if (args.help) {
    console.log('usage: npm run eval -- [--pdf] [--heldout] [--verbose] [--json] [--records FILE]');
    return 0;
  }
  const link = await loadLink();
  const { labels, texts, problems } = await readLabels();
  for (const p of problems) console.error(`eval: ${p}`);

  const runs: Run[] = [];
  const text = await parseAll(texts, link);
  runs.push({ name: 'text', result: scoreRecords(labels, text.records), ms: text.ms, failures: text.failures });
  if (args.records) {
    await writeFileAtomic(args.records, text.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }

  if (args.pdf) {
    const pdfs = (await readdir(join(ROOT, PDF_DIR))).filter((n) => n.toLowerCase().endsWith('.pdf')).sort().map((n) => `${PDF_DIR}/${n}`);
    const ids = new Set(pdfs.map((p) => basename(p).replace(/\.pdf$/i, '')));
    // Only the labels that have a PDF: the others would all count as "no record".
    const subset = labels.filter((l) => ids.has(l.id));
    const unlabelled = [...ids].filter((id) => !subset.some((l) => l.id === id));
    for (const id of unlabelled) console.error(`eval: ${PDF_DIR}/${id}.pdf has no label; not scored`);
    const pdf = await parseAll(pdfs, link);
    runs.push({ name: 'pdf', result: scoreRecords(subset, pdf.records), ms: pdf.ms, failures: pdf.failures });
    // The same documents from their text form, so the PDF score has a baseline.
    runs.push({ name: 'text, same docs as pdf', result: scoreRecords(subset, text.records), ms: 0, failures: [] });
  }

  if (args.heldout) {
    const held = await readLabels(HELDOUT_DIRS);
    for (const p of held.problems) console.error(`eval: ${p}`);
    const run = await parseAll(held.texts, link);
    runs.push({ name: 'heldout', result: scoreRecords(held.labels, run.records), ms: run.ms, failures: run.failures });
  }

  if (args.json) {
    const out: Record<string, unknown> = { linker: Boolean(link), problems };
    for (const r of runs) out[r.name] = { ...r.result, seconds: r.ms / 1000, failures: r.failures };
    console.log(JSON.stringify(out, null, 2));
  } else {
    console.log(`linker: ${link ? 'on (scripts/lib/linker.ts)' : 'off'}`);
    for (const r of runs) printRun(r, args.verbose);
    if (args.records) console.log(`records written to ${args.records}`);
  }
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
