/**
 * The TypeScript scorer (src/lib/eval/score.ts) against the reference tests/fixtures/score.py:
 * both run on the same records, produced by the real parser from the labelled fixtures, and must
 * print the same lines.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore, kstKey, nameKey, norm, parseRecordsJsonl, pyFixed, scoreRecords, words, type LabelEntry } from '../../src/lib/eval/score.ts';
import { parseText } from '../../src/lib/parse/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const LABEL_DIRS = ['tests/fixtures/corpus', 'tests/fixtures/seeds'];
const SCORE_PY = join(ROOT, 'tests/fixtures/score.py');

let tmp = '';
let labelDir = '';
const labels: LabelEntry[] = [];
const records: unknown[] = [];

/** Run score.py (python3 is required: a missing interpreter fails the test, it does not skip). */
function python(recordsFile: string, verbose = true): string {
  return execFileSync('python3', [SCORE_PY, labelDir, recordsFile, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
}

/** `field ok/n pct%` lines as a map, from either scorer's output. */
function fieldCounts(out: string): Record<string, [number, number]> {
  const counts: Record<string, [number, number]> = {};
  for (const line of out.split('\n')) {
    const m = /^(\w+)\s+(\d+)\/(\d+)\s+[\d.]+%$/.exec(line);
    if (m) counts[m[1]!] = [Number(m[2]), Number(m[3])];
  }
  return counts;
}

function typescript(text: string): string {
  return `${formatScore(scoreRecords(labels, parseRecordsJsonl(text)), { verbose: true }).join('\n')}\n`;
}

function writeRecords(name: string, recs: unknown[], extraLines = ''): { file: string; text: string } {
  const text = `${recs.map((r) => JSON.stringify(r)).join('\n')}\n${extraLines}`;
  const file = join(tmp, name);
  writeFileSync(file, text);
  return { file, text };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vraagspoor-score-'));
  labelDir = join(tmp, 'labels');
  execFileSync('mkdir', [labelDir]);
  for (const dir of LABEL_DIRS) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = join(ROOT, dir, name);
      if (name.endsWith('.json')) {
        copyFileSync(path, join(labelDir, name));
        labels.push({ id: name.slice(0, -5), label: JSON.parse(readFileSync(path, 'utf8')) });
      } else if (name.endsWith('.txt')) {
        const outcome = parseText(readFileSync(path, 'utf8'), `${dir}/${name}`);
        records.push(outcome.ok ? outcome.record : { file: `${dir}/${name}`, error: outcome.error });
      }
    }
  }
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('scoreRecords matches score.py', () => {
  it('on the parser’s records for the labelled corpus and seeds', () => {
    expect(labels.length).toBeGreaterThanOrEqual(27);
    expect(records.length).toBe(labels.length);
    const { file, text } = writeRecords('records.jsonl', records);
    const py = python(file);
    const ts = typescript(text);
    expect(fieldCounts(ts)).toEqual(fieldCounts(py));
    expect(Object.keys(fieldCounts(py))).toContain('pairing');
    // Same lines throughout: field table, MISS details (Python repr), links and score.
    expect(ts).toBe(py);
    expect(py).toMatch(new RegExp(`score: [\\d.]+% \\(${labels.length} docs\\)\\n$`));
  });

  it('on records that exercise every check (links, names, types, failures)', () => {
    // Deterministic variations of the real records: the label's references, motions and
    // commitments fed back in different shapes, names with diacritics and odd spacing, wrong types.
    const byId = new Map(labels.map((l) => [l.id, l.label as Record<string, any>]));
    const varied = records.map((r0, i) => {
      const r = structuredClone(r0) as Record<string, any>;
      const id = String(r['source']?.path ?? r['file'] ?? '').replace(/^.*\//, '').replace(/\.txt$/, '');
      const lab = byId.get(id) ?? {};
      if (i % 9 === 4) return { file: r['source']?.path, error: 'kapot' };
      if (i % 5 === 1) r['questioners'] = (r['questioners'] ?? []).map((q: any) => ({ ...q, name: `${q.name}\u00ad`, party: i % 2 ? null : q.party }));
      if (i % 7 === 2) r['answerers'] = [{ name: `minister ${lab['answerers']?.[0]?.name ?? ''}` }];
      if (i % 7 === 3) r['answerers'] = [];
      if (i % 6 === 5) r['aanhangselNumber'] = String(r['aanhangselNumber']);
      if (i % 8 === 6) r['pairs'] = (r['pairs'] ?? []).slice(0, 2);
      if (i % 4 === 0) r['footnotes'] = (r['footnotes'] ?? []).map((f: any, j: number) => ({ ...f, n: [f.n, String(f.n), null, true][j % 4] }));
      r['references'] = (lab['references'] ?? []).map((x: string, j: number) => [x, { raw: x }, { id: x.toUpperCase() }, x.replace(/ /g, '\u00a0'), { raw: null }][(i + j) % 5]);
      r['motions'] = (lab['motions'] ?? []).map((m: any, j: number) => [m, { kamerstuk: m.kamerstuk }, { text: 'motie Ünïcode' }, {}][(i + j) % 4]);
      r['commitments'] = (lab['commitments'] ?? []).map((c: any, j: number) => {
        const w = String(c.quote).split(' ');
        return { text: w.slice(0, Math.ceil(w.length * [1, 0.7, 0.5][(i + j) % 3]!)).join(' '), due: [c.due, null, '2024-12-31'][(i + j) % 3] };
      });
      return r;
    });
    const { file, text } = writeRecords('varied.jsonl', varied, 'not json\r\n\n  \n{"file": "x.txt"');
    const py = python(file);
    const ts = typescript(text);
    expect(fieldCounts(ts)).toEqual(fieldCounts(py));
    expect(ts).toBe(py);
    // The variations really reach the link checks: some hit, some miss.
    const counts = fieldCounts(py);
    for (const f of ['references', 'motions', 'commitments', 'commitmentDue']) {
      expect(counts[f]?.[0]).toBeGreaterThan(0);
      expect(counts[f]?.[0]).toBeLessThan(counts[f]?.[1] ?? 0);
    }
  });
});

describe('scoreRecords on incomplete records', () => {
  it('a record with only a source scores misses, without throwing', () => {
    const bare = [{ source: { path: 'x/ah-tk-20222023-3649.txt' } }];
    const result = scoreRecords(labels, bare);
    expect(result.fields['parsed']).toEqual({ ok: 1, n: labels.length });
    expect(result.fields['questioners']?.ok).toBe(0);
    expect(result.fields['pairing']?.ok).toBe(0);
    expect(result.misses.filter((m) => m.id === 'ah-tk-20222023-3649').map((m) => m.field)).toEqual(
      expect.arrayContaining(['questioners', 'answerer', 'dateAnswered', 'title', 'pairing', 'footnotes']),
    );
    // And score.py agrees on it.
    const { file, text } = writeRecords('bare.jsonl', bare);
    expect(typescript(text)).toBe(python(file));
  });

  it('wrong types in a record do not crash the scorer', () => {
    const odd = [
      { file: 'ah-tk-20222023-3649.txt', questioners: 'Bromet', answerers: [null], pairs: { a: 1 }, footnotes: [null, 5, { n: '1' }], references: [3, null], motions: 'x', commitments: [null, { text: 7 }] },
      [1, 2, 3],
      null,
    ];
    const result = scoreRecords(labels, odd);
    expect(result.fields['parsed']?.ok).toBe(1);
    expect(result.fields['questioners']?.ok).toBe(0);
    expect(formatScore(result).at(-1)).toMatch(/^score: \d+\.\d% \(\d+ docs\)$/);
  });

  it('a failed parse counts as "no record"', () => {
    const result = scoreRecords([{ id: 'a', label: {} }], [{ file: 'dir/a.pdf', error: 'bestand is leeg' }]);
    expect(result.fields).toEqual({ parsed: { ok: 0, n: 1 } });
    expect(result.misses).toEqual([{ id: 'a', field: 'parsed', detail: 'no record' }]);
    expect(formatScore(result)).toEqual(['parsed                0/1       0.0%', 'links: 0.0% (motions, commitments, due dates)', 'score: 0.0% (1 docs)']);
  });
});

describe('helpers follow Python', () => {
  it('normalises names, words and Kamerstuk numbers as score.py documents', () => {
    expect(nameKey('Inge vanDijk')).toBe(nameKey('Inge van Dijk'));
    expect(nameKey('Van der Wal-Zeggelink')).toBe('vanderwalzeggelink');
    expect(nameKey('  ')).toBeNull();
    expect(norm('Café  Ça\u00adva – x')).toBe('cafe cava - x');
    expect(norm(null)).toBeNull();
    expect(words('Ver- zekering van de zorg', 2)).toBe('verzekering van');
    expect(kstKey('Kamerstuk 34 550 XVI, nr. 91')).toBe('34550-xvi-91');
    expect(kstKey('Kamerstuk 36 373, H')).toBe('36373-h');
    expect(kstKey('geen nummer')).toBeNull();
  });

  it('rounds percentages like Python’s .1f (ties to even), checked against python3', () => {
    const values: number[] = [];
    for (let n = 1; n <= 64; n++) for (let ok = 0; ok <= n; ok++) values.push((100.0 * ok) / n);
    const py = execFileSync('python3', ['-c', 'import sys\nfor l in sys.stdin: print(f"{100.0*int(l.split()[0])/int(l.split()[1]):6.1f}")'], {
      input: Array.from({ length: 64 }, (_, i) => Array.from({ length: i + 2 }, (_, ok) => `${ok} ${i + 1}`).join('\n')).join('\n'),
      encoding: 'utf8',
    });
    expect(values.map((v) => pyFixed(v, 1).padStart(6)).join('\n') + '\n').toBe(py);
    expect(pyFixed(6.25, 1)).toBe('6.2'); // JavaScript's toFixed says 6.3
  });
});
