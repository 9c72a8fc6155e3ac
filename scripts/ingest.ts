/**
 * npm run ingest -- FILE|DIR...
 * Parses answer documents and stores each record as content/records/<vergaderjaar>/<id>.json,
 * atomically. Running it twice on the same input changes no byte. Hand-curated files
 * ("curated": true) are never overwritten. Reports new / updated / unchanged / curated / failed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { parseDocument, DEFAULT_MAX_BYTES } from '../src/lib/parse/index.ts';
import { contentDir, readRecords, writeRecord, type StoreOutcome } from './lib/store.ts';
import { refreshMotions } from './lib/motions.ts';
import { loadLinker } from './lib/linker.ts';

const INPUT_EXTENSIONS = new Set(['.txt', '.pdf', '.xml', '.html', '.htm']);

/** Expand directories into the document files they hold (sorted, recursive). */
async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      out.push(p);
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).sort();
      out.push(...(await expand(names.filter((n) => !n.startsWith('.')).map((n) => join(p, n)).filter((f) => INPUT_EXTENSIONS.has(extname(f).toLowerCase())))));
    } else out.push(p);
  }
  return out;
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (!args.length) {
  process.stderr.write('gebruik: npm run ingest -- BESTAND|MAP...\n');
  process.exit(2);
}
const dir = contentDir();
const files = await expand(args);
const link = await loadLinker();
const counts: Record<StoreOutcome | 'failed', number> = { new: 0, updated: 0, unchanged: 0, curated: 0, failed: 0 };
for (const path of files) {
  try {
    const info = await stat(path);
    if (info.size > DEFAULT_MAX_BYTES) throw new Error(`bestand is te groot (${(info.size / 1048576).toFixed(1)} MB)`);
    const outcome = await parseDocument(path, new Uint8Array(await readFile(path)), { link });
    if (!outcome.ok) throw new Error(outcome.error);
    const result = await writeRecord(dir, outcome.record);
    counts[result]++;
    const warnings = outcome.record.messages.filter((m) => m.severity !== 'info').length;
    process.stdout.write(`${result.padEnd(9)} ${outcome.record.id}  ← ${path}${warnings ? `  (${warnings} meldingen)` : ''}\n`);
  } catch (error) {
    counts.failed++;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestand bestaat niet' : (error as Error).message;
    process.stderr.write(`failed    ${path}: ${reason}\n`);
  }
}
// Motions: every mention across all stored records, official data in the files kept.
const stored = await readRecords(dir);
const motions = await refreshMotions(dir, stored.records);
for (const p of [...stored.problems.flatMap((x) => x.problems), ...motions.problems]) process.stderr.write(`${p}\n`);
process.stdout.write(`moties: ${motions.counts.new} nieuw, ${motions.counts.updated} bijgewerkt, ${motions.counts.unchanged} ongewijzigd\n`);
process.stdout.write(`\n${counts.new} nieuw, ${counts.updated} bijgewerkt, ${counts.unchanged} ongewijzigd, ${counts.curated} handmatig beheerd (niet overschreven), ${counts.failed} mislukt\n`);
process.exitCode = counts.failed ? 1 : 0;
