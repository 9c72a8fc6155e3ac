/**
 * npm run --silent parse -- FILE...
 * Prints one JSON record per input file on stdout (JSON Lines), in input order. A file that cannot
 * be read or parsed gives {"source":{"path":…},"error":"…"} on stdout and a message on stderr;
 * the other files are still parsed, and the exit code is 1.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseDocument, DEFAULT_MAX_BYTES } from '../src/lib/parse/index.ts';
import { loadLinker } from './lib/linker.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('gebruik: npm run --silent parse -- BESTAND...\n');
  process.exit(2);
}

const link = await loadLinker();
let failed = 0;
for (const path of files) {
  let line: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('is geen bestand');
    if (info.size > DEFAULT_MAX_BYTES) throw new Error(`bestand is te groot (${(info.size / 1048576).toFixed(1)} MB; de grens is ${DEFAULT_MAX_BYTES / 1048576} MB)`);
    const bytes = new Uint8Array(await readFile(path));
    const outcome = await parseDocument(path, bytes, { link });
    if (outcome.ok) {
      line = JSON.stringify(outcome.record);
    } else {
      failed++;
      process.stderr.write(`${path}: ${outcome.error}\n`);
      line = JSON.stringify({ source: { path }, error: outcome.error });
    }
  } catch (error) {
    failed++;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestand bestaat niet' : (error as Error).message;
    process.stderr.write(`${path}: ${reason}\n`);
    line = JSON.stringify({ source: { path }, error: reason });
  }
  process.stdout.write(`${line}\n`);
}
process.exitCode = failed ? 1 : 0;
