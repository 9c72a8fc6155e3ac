/**
 * npm run commitments [-- --today 2026-11-23] [--days 30] [--all] [--propose]
 * Lists the commitments that are due soon (within --days) and overdue, per ministry. Status comes
 * from curated files (content/commitments/<id>.md) first, then from the due date. With --propose,
 * later documents that may show delivery are proposed as evidence; nothing is written.
 */
import { contentDir, readRecords } from './lib/store.ts';
import { readCurated } from './lib/curated.ts';
import { loadProgrammes } from './lib/linker.ts';
import { deriveStatus, proposeEvidence } from '../src/lib/build/status.ts';
import { statusLabels, type CommitmentStatus, type QuestionSet, type Commitment } from '../src/lib/schema/index.ts';
import { ministryOf } from '../src/lib/ministry.ts';
import { daysBetween } from '../src/lib/dates.ts';

interface Options {
  today: string;
  all: boolean;
  propose: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { today: new Date().toISOString().slice(0, 10), all: false, propose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    else if (a === '--today' && /^\d{4}-\d{2}-\d{2}$/.test(argv[i + 1] ?? '')) opts.today = argv[++i]!;
    else if (a === '--all') opts.all = true;
    else if (a === '--propose') opts.propose = true;
    else {
      process.stderr.write(`onbekende optie: ${a}\ngebruik: npm run commitments -- [--today JJJJ-MM-DD] [--all] [--propose]\n`);
      process.exit(2);
    }
  }
  return opts;
}

/** One line of the report. */
interface Row {
  commitment: Commitment;
  record: QuestionSet;
  status: CommitmentStatus;
  reason: string;
  ministry: string;
}

const opts = parseArgs(process.argv.slice(2));
const dir = contentDir();
const { records, problems } = await readRecords(dir);
for (const p of problems) process.stderr.write(`${p.problems.join('\n')}\n`);
const ids = new Set(records.map((r) => r.id));
const { curated, problems: curatedProblems } = await readCurated(dir, ids);
for (const p of curatedProblems) process.stderr.write(`${p}\n`);
const programmes = opts.propose ? await loadProgrammes(dir) : [];

const rows: Row[] = [];
for (const record of records) {
  const ministry = ministryOf(record.answerers.map((a) => a.role), record.addressees)?.name ?? 'onbekend ministerie';
  for (const c of record.commitments) {
    const { status, reason } = deriveStatus(c, curated.get(c.id) ?? null, opts.today);
    if (opts.all || status === 'due-soon' || status === 'overdue') rows.push({ commitment: c, record, status, reason, ministry });
  }
}
rows.sort((a, b) => a.ministry.localeCompare(b.ministry, 'nl') || (a.commitment.due ?? '9999').localeCompare(b.commitment.due ?? '9999'));

let current = '';
for (const row of rows) {
  if (row.ministry !== current) {
    current = row.ministry;
    process.stdout.write(`\n${current}\n${'─'.repeat(current.length)}\n`);
  }
  const c = row.commitment;
  const days = c.due ? daysBetween(opts.today, c.due) : null;
  const when = c.due ? `${c.due}${days !== null ? (days < 0 ? ` (${-days} dagen over tijd)` : ` (nog ${days} dagen)`) : ''}` : `geen datum${c.dueText ? ` («${c.dueText}»)` : ''}`;
  process.stdout.write(`${statusLabels[row.status].padEnd(18)} ${when}\n  ${c.id}\n  «${c.text}»\n`);
  if (opts.propose) {
    const later = records.filter((r) => r.id !== row.record.id);
    for (const p of proposeEvidence(c, later, { registry: programmes }).slice(0, 3)) {
      process.stdout.write(`  voorstel bewijs (${p.kind === 'delivered' ? 'nagekomen' : 'voortgang'}): ${p.document} ${p.date ?? ''} antwoord ${p.pair ?? '?'} — «${p.quote}» (${p.why})\n`);
    }
  }
}
const counts = rows.reduce<Record<string, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});
process.stdout.write(`\n${rows.length} toezeggingen${opts.all ? '' : ' bijna verlopen of over tijd'} op ${opts.today}: ${Object.entries(counts).map(([s, n]) => `${n} ${statusLabels[s as CommitmentStatus].toLowerCase()}`).join(', ') || 'geen'}\n`);
process.exitCode = curatedProblems.length ? 1 : 0;
