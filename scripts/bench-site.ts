/**
 * Site benchmark: `npm run bench:site -- --sets 70000`.
 *
 * Generates a synthetic corpus (default 7 pairs per set, about 7 KB of text per set, about four
 * commitments per ten sets, programmes, motions, curated decisions) into a temporary content
 * folder, builds the site from it (astro build, which builds the Pagefind index while it renders),
 * and reports in one run: build time (and how long indexing ran on after the last page), peak memory (resident memory summed over the process tree, sampled), dist size
 * and file count, Pagefind index size, and the bytes Chromium fetches for a first one-word query.
 *
 * Options: --sets N (default 1000), --pairs N (7), --kb N (kilobytes of text per set, 7),
 * --word W (query word, "jeugdzorg"), --keep (keep the temp folder), --json FILE (write results),
 * --seed N (random seed), --no-browser (skip the query measurement), --split-at N (index pages
 * above which the search index is split per vergaderjaar; default as in scripts/index-site.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Options {
  sets: number;
  pairs: number;
  kb: number;
  word: string;
  keep: boolean;
  json: string | null;
  seed: number;
  browser: boolean;
  splitAt: number | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sets: 1000, pairs: 7, kb: 7, word: 'jeugdzorg', keep: false, json: null, seed: 42, browser: true, splitAt: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench:site: ${a} verwacht een waarde`);
      return v;
    };
    if (a === '--sets') o.sets = Number(next());
    else if (a === '--pairs') o.pairs = Number(next());
    else if (a === '--kb') o.kb = Number(next());
    else if (a === '--word') o.word = next();
    else if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = next();
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--split-at') o.splitAt = Number(next());
    else throw new Error(`bench:site: onbekende optie ${a}`);
  }
  if (!Number.isInteger(o.sets) || o.sets < 1) throw new Error('bench:site: --sets moet een positief geheel getal zijn');
  return o;
}

// ---------------------------------------------------------------- synthetic corpus

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Vocabulary from the real corpus texts, most frequent first, so word frequencies look like Dutch answers. */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const dir of ['tests/fixtures/corpus', 'tests/fixtures/seeds']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs)) {
      if (!f.endsWith('.txt')) continue;
      for (const w of readFileSync(join(abs, f), 'utf8').toLowerCase().match(/\p{L}{2,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  if (words.length < 500) throw new Error('bench:site: te weinig woorden in tests/fixtures/corpus om tekst te maken');
  return words;
}

const PARTIES = ['VVD', 'PVV', 'GroenLinks-PvdA', 'NSC', 'D66', 'BBB', 'CDA', 'SP', 'ChristenUnie', 'PvdD', 'SGP', 'Volt', 'JA21', 'FvD', 'DENK'];
const SURNAMES = [
  'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
  'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn',
  'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven',
  'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Jong', 'Westerveld', 'Kuiken', 'Omtzigt',
];
const ROLES = [
  'Minister van Volksgezondheid, Welzijn en Sport', 'Staatssecretaris van Volksgezondheid, Welzijn en Sport',
  'Minister voor Langdurige Zorg en Sport', 'Minister van Justitie en Veiligheid', 'Minister voor Rechtsbescherming',
  'Staatssecretaris van Justitie en Veiligheid', 'Minister van Binnenlandse Zaken en Koninkrijksrelaties',
  'Minister van Financiën', 'Staatssecretaris van Financiën', 'Minister van Onderwijs, Cultuur en Wetenschap',
  'Minister van Sociale Zaken en Werkgelegenheid', 'Minister van Infrastructuur en Waterstaat',
  'Minister van Economische Zaken en Klimaat', 'Minister van Landbouw, Natuur en Voedselkwaliteit',
  'Minister van Buitenlandse Zaken', 'Minister van Defensie', 'Minister voor Klimaat en Energie',
];
const PROGRAMME_COUNT = 30;

interface Corpus {
  dir: string;
  records: number;
  commitments: number;
  bytes: number;
}

/** Write the synthetic corpus into `dir` (records, programmes, motions, curated commitments). */
function generateCorpus(dir: string, o: Options): Corpus {
  const rand = rng(o.seed);
  const words = vocabulary();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Zipf-like: low indexes (frequent words) are picked far more often.
  const word = (): string => {
    const w = words[Math.min(words.length - 1, Math.floor(Math.exp(rand() * Math.log(words.length))) - 1)]!;
    // Dutch makes compounds freely; they give the long tail of unique words a real index has.
    return rand() < 0.04 ? `${w}${pick(words)}` : w;
  };
  const sentence = (question: boolean): string => {
    const n = 8 + Math.floor(rand() * 16);
    const ws = Array.from({ length: n }, word);
    ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1);
    return `${ws.join(' ')}${question ? '?' : '.'}`;
  };
  const text = (chars: number, question: boolean): string => {
    const out: string[] = [];
    let len = 0;
    let para: string[] = [];
    while (len < chars) {
      const s = sentence(question);
      para.push(s);
      len += s.length + 1;
      if (para.length >= 4) {
        out.push(para.join(' '));
        para = [];
      }
    }
    if (para.length) out.push(para.join(' '));
    return out.join('\n\n');
  };
  const members = Array.from({ length: 400 }, (_, i) => ({
    name: `${pick(SURNAMES)}${i % 3 === 0 ? '' : `-${pick(SURNAMES)}`}`.replace(/^./, (c) => c.toUpperCase()),
    party: PARTIES[i % PARTIES.length]!,
  }));

  const programmes = Array.from({ length: PROGRAMME_COUNT }, (_, i) => ({ id: `programma-${i + 1}`, name: `Programma ${word()} ${i + 1}` }));
  mkdirSync(join(dir, 'programmes'), { recursive: true });
  for (const p of programmes) {
    writeFileSync(
      join(dir, 'programmes', `${p.id}.md`),
      `---\nname: "${p.name}"\naliases: []\nabbreviations: []\nministry: null\nstart: null\ndescription: "Synthetisch programma voor de benchmark."\nurl: null\n---\n${text(400, false)}\n`,
    );
  }

  const perSetChars = o.kb * 1000;
  const pairChars = Math.max(200, Math.floor(perSetChars / o.pairs));
  const firstYear = 2012;
  const years = 14;
  let commitmentCount = 0;
  let bytes = 0;
  const motionIds = new Set<string>();
  mkdirSync(join(dir, 'commitments'), { recursive: true });
  for (let i = 0; i < o.sets; i++) {
    const y = firstYear + Math.floor((i / o.sets) * years);
    const vj = `${y}-${y + 1}`;
    const submitted = new Date(Date.UTC(y, 8, 20) + Math.floor(rand() * 360) * 86_400_000).toISOString().slice(0, 10);
    const answered = new Date(Date.parse(submitted) + (7 + Math.floor(rand() * 70)) * 86_400_000).toISOString().slice(0, 10);
    const id = `ah-tk-${y}${y + 1}-${i + 1}`;
    const asked = [pick(members), ...(rand() < 0.3 ? [pick(members)] : [])];
    const role = pick(ROLES);
    const pairs = Array.from({ length: o.pairs }, (_, k) => ({
      numbers: [k + 1],
      label: String(k + 1),
      question: text(pairChars * 0.3, true),
      answer: text(pairChars * 0.7, false),
      footnoteRefs: k === 0 ? [1] : [],
      questionPlace: null,
      answerPlace: null,
    }));
    const programmeMentions = rand() < 0.08 ? [{ id: pick(programmes).id, name: 'programma', pairs: [Math.floor(rand() * o.pairs)] }] : [];
    for (const pm of programmeMentions) {
      const p = programmes.find((x) => x.id === pm.id)!;
      pm.name = p.name;
      pairs[pm.pairs[0]!]!.answer += ` Dit gebeurt binnen het ${p.name}.`;
    }
    const motions =
      rand() < 0.03
        ? [{ id: `kst-${30000 + Math.floor(rand() * 6000)}-${1 + Math.floor(rand() * 900)}`, kamerstuk: null, text: 'motie van het lid', submitters: [], pairs: [0] }]
        : [];
    for (const m of motions) motionIds.add(m.id);
    const nCommitments = rand() < 0.7 ? 0 : 1 + Math.floor(rand() * 2.4);
    const commitments = Array.from({ length: nCommitments }, (_, k) => {
      const due = rand() < 0.8 ? new Date(Date.parse(answered) + (30 + Math.floor(rand() * 400)) * 86_400_000).toISOString().slice(0, 10) : null;
      const pair = Math.floor(rand() * o.pairs);
      const cid = `${id}-${(k + 1).toString(16).padStart(8, '0')}`;
      if (rand() < 0.1) {
        writeFileSync(
          join(dir, 'commitments', `${cid}.md`),
          `---\nstatus: delivered\nevidence:\n  - document: ${id}\n    date: "${due ?? answered}"\n    quote: null\n    kind: delivered\n    pair: null\nhistory:\n  - date: "${due ?? answered}"\n    status: delivered\n    source: benchmark\n    note: null\nnote: null\n---\n`,
        );
      }
      return {
        id: cid,
        text: sentence(false),
        due,
        dueText: due ? 'voor de zomer' : null,
        action: null,
        actor: role,
        pair,
        programmes: programmeMentions.length && rand() < 0.5 ? [programmeMentions[0]!.id] : [],
        motions: [],
        place: null,
      };
    });
    commitmentCount += commitments.length;
    const record = {
      id,
      kind: 'answer',
      title: text(60, false).replace(/\.$/, ''),
      questioners: asked.map((m) => ({ name: m.name, party: m.party })),
      addressees: [role],
      answerers: [{ name: pick(SURNAMES), role }],
      onBehalfOf: [],
      dateSubmitted: submitted,
      dateAnswered: answered,
      vergaderjaar: vj,
      aanhangselNumber: i + 1,
      seeAlsoAanhangsel: null,
      zaakNumber: null,
      naderAntwoord: false,
      pairs,
      footnotes: [{ n: 1, text: `Kamerstuk ${30000 + (i % 5000)}, nr. ${1 + (i % 300)}.`, place: null }],
      references: [],
      motions,
      programmes: programmeMentions,
      abbreviations: {},
      commitments,
      messages: [],
      source: { path: `synthetisch/${id}.txt`, form: 'aanhangsel-pdf-text', container: 'text' },
      curated: false,
    };
    const json = JSON.stringify(record);
    bytes += json.length;
    mkdirSync(join(dir, 'records', vj), { recursive: true });
    writeFileSync(join(dir, 'records', vj, `${id}.json`), json);
  }
  mkdirSync(join(dir, 'motions'), { recursive: true });
  for (const mid of motionIds) {
    const [, dossier, number] = /^kst-(\d+)-(\d+)$/.exec(mid)!;
    writeFileSync(
      join(dir, 'motions', `${mid}.json`),
      JSON.stringify({ id: mid, kamerstuk: `${dossier}, nr. ${number}`, dossier, suffix: null, number: Number(number), title: `Motie ${sentence(false)}` }),
    );
  }
  return { dir, records: o.sets, commitments: commitmentCount, bytes };
}

// ---------------------------------------------------------------- measuring

interface RunResult {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of the whole process tree, from GNU time when available. */
  cpuSeconds: number | null;
  /** Peak resident memory summed over the process tree (sampled every 250 ms). */
  peakBytes: number;
  /** The last 20,000 characters of its output. */
  output: string;
}

/** Resident memory of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      rss.set(Number(entry), m ? Number(m[1]) * 1024 : 0);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Run a command, sampling the memory of its process tree; fail with its output when it fails. */
function measure(cmd: string, args: string[], env: Record<string, string>, label: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    // GNU time reports the CPU time of the whole tree (it waits for all descendants).
    const timed = existsSync('/usr/bin/time');
    const child = timed
      ? spawn('/usr/bin/time', ['-f', 'VSTIME %U %S', cmd, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 250);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const cpu = /VSTIME ([\d.]+) ([\d.]+)/.exec(output);
      if (code !== 0) reject(new Error(`bench:site: ${label} mislukt (exit ${code}):\n${output}`));
      else resolvePromise({ seconds, cpuSeconds: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 10) / 10 : null, peakBytes: peak, output });
    });
  });
}

function dirStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) stack.push(p);
      else {
        bytes += st.size;
        files++;
      }
    }
  }
  return { bytes, files };
}

interface QueryResult {
  word: string;
  resultsText: string;
  requests: number;
  bytes: number;
  bytesIfTextGzipped: number;
  byKind: Record<string, number>;
}

/** Load /zoeken/?q=<word> in Chromium and count every byte the search fetched (page, scripts, index). */
async function firstQuery(dist: string, word: string): Promise<QueryResult> {
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/zoeken/?q=${encodeURIComponent(word)}`);
    await page.waitForFunction(() => /gevonden|Geen resultaten|lukte niet/.test(document.getElementById('zoekstatus')?.textContent ?? ''), null, { timeout: 120_000 });
    const resultsText = (await page.locator('#zoekstatus').textContent()) ?? '';
    await page.waitForTimeout(300);
    let bytes = 0;
    let gz = 0;
    const byKind: Record<string, number> = {};
    for (const [path, n] of server.bytes) {
      bytes += n;
      const kind = path.startsWith('/pagefind/') ? (path.split('/')[2]?.includes('.') ? `pagefind:${path.split('.').pop()}` : `pagefind:${path.split('/')[2]}`) : path.endsWith('/') ? 'html' : path.split('.').pop() ?? 'other';
      byKind[kind] = (byKind[kind] ?? 0) + n;
      // Pagefind's index, fragment and wasm files are gzip already; text assets would be gzipped by any server.
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      const compressed = /\.(pf_\w+|pagefind)$/.test(path) || !existsSync(file) ? n : gzipSync(readFileSync(file)).length;
      gz += compressed;
    }
    return { word, resultsText, requests: server.requests.length, bytes, bytesIfTextGzipped: gz, byKind };
  } finally {
    await browser.close();
    await server.close();
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'vraagspoor-bench-'));
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  console.log(`bench:site: ${o.sets} sets, ${o.pairs} paren, ~${o.kb} KB tekst per set → ${work}`);
  try {
    const genStart = Date.now();
    const corpus = generateCorpus(content, o);
    console.log(`bench:site: corpus gemaakt in ${((Date.now() - genStart) / 1000).toFixed(1)} s: ${corpus.records} sets, ${corpus.commitments} toezeggingen, ${mb(corpus.bytes)} JSON`);
    const env = {
      VRAAGSPOOR_CONTENT: content,
      VRAAGSPOOR_OUT: dist,
      VRAAGSPOOR_CACHE: join(work, 'cache'),
      VRAAGSPOOR_TODAY: '2026-06-01',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(o.splitAt !== null ? { VRAAGSPOOR_INDEX_SPLIT_AT: String(o.splitAt) } : {}),
    };
    const node = join(ROOT, 'node_modules/.bin/node');
    const heap = Math.max(4096, Math.ceil(o.sets / 50_000) * 6144);
    const astro = await measure(node, [`--max-old-space-size=${heap}`, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env, 'astro build');
    // The search index is built during the build; its last line says how long it ran on after the last page.
    const tail = /klaar ([\d.]+) s na het renderen/.exec(astro.output);
    const indexTailSeconds = tail ? Number(tail[1]) : null;
    console.log(`bench:site: astro build met zoekindex ${astro.seconds.toFixed(1)} s (cpu ${astro.cpuSeconds ?? '?'} s; index klaar ${indexTailSeconds ?? '?'} s na de laatste pagina), piek ${mb(astro.peakBytes)}`);
    const distStats = dirStats(dist);
    const indexStats = dirStats(join(dist, 'pagefind'));
    const manifest = JSON.parse(readFileSync(join(dist, 'pagefind', 'vraagspoor-indexes.json'), 'utf8')) as { groups: unknown[] };
    const query = o.browser ? await firstQuery(dist, o.word) : null;
    const result = {
      sets: o.sets,
      pairs: o.pairs,
      kbPerSet: o.kb,
      commitments: corpus.commitments,
      contentMB: Number((corpus.bytes / 1048576).toFixed(1)),
      // Build and index overlap: the total is the build's wall-clock time.
      totalSeconds: Number(astro.seconds.toFixed(1)),
      indexTailSeconds,
      cpuSeconds: astro.cpuSeconds,
      loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
      peakMemoryMB: Number((astro.peakBytes / 1048576).toFixed(0)),
      distMB: Number((distStats.bytes / 1048576).toFixed(1)),
      distFiles: distStats.files,
      indexMB: Number((indexStats.bytes / 1048576).toFixed(1)),
      indexFiles: indexStats.files,
      indexGroups: manifest.groups.length,
      firstQuery: query,
    };
    console.log('');
    console.log(`Sets                 ${result.sets} (${result.commitments} toezeggingen, ${result.contentMB} MB JSON)`);
    console.log(`Bouwen + indexeren   ${result.totalSeconds} s (cpu ${result.cpuSeconds ?? '?'} s), piekgeheugen ${result.peakMemoryMB} MB (belasting van de machine: ${result.loadAverage})`);
    console.log(`                     de zoekindex was ${result.indexTailSeconds ?? '?'} s na de laatste pagina klaar`);
    console.log(`dist                 ${result.distMB} MB in ${result.distFiles} bestanden`);
    console.log(`Pagefind-index       ${result.indexMB} MB in ${result.indexFiles} bestanden, ${result.indexGroups} ${result.indexGroups === 1 ? 'index' : 'indexen (per vergaderjaar)'}`);
    if (query) {
      console.log(`Eerste zoekvraag     “${query.word}”: ${kb(query.bytes)} opgehaald in ${query.requests} verzoeken (${kb(query.bytesIfTextGzipped)} als tekst gzip-gecomprimeerd wordt)`);
      console.log(`                     ${Object.entries(query.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
      console.log(`                     ${query.resultsText}`);
    }
    if (o.json) {
      mkdirSync(resolve(o.json, '..'), { recursive: true });
      writeFileSync(o.json, `${JSON.stringify(result, null, 2)}\n`);
    }
  } finally {
    if (o.keep) console.log(`bench:site: map bewaard: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
