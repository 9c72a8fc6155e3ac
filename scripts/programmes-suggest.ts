/**
 * npm run programmes:suggest
 * Lists names of action plans, agendas and programmes found in the records that are not (yet) in
 * the registry content/programmes/, most mentioned first, so a person can add them by hand.
 */
import { contentDir, readRecords } from './lib/store.ts';
import { loadProgrammes } from './lib/linker.ts';
import { suggestProgrammes } from '../src/lib/build/programmes.ts';

const dir = contentDir();
const { records } = await readRecords(dir);
const registry = await loadProgrammes(dir);
const suggestions = suggestProgrammes(records, registry);
for (const s of suggestions) process.stdout.write(`${JSON.stringify(s)}\n`);
process.stderr.write(`${suggestions.length} namen gevonden die nog niet in content/programmes/ staan (${records.length} vraagsets, ${registry.length} programma's in het register)\n`);
