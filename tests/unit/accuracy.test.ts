/**
 * Accuracy on real, labelled documents, scored as tests/fixtures/score.py scores them:
 * the main corpus (Aanhangsel PDF text, letters), its PDFs, and the held-out set of other forms
 * (officielebekendmakingen and tweedekamer.nl pages, openkamer renderings, old ministry texts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/parse/index.ts';
import { scoreRecords, type LabelEntry } from '../../src/lib/eval/score.ts';
import { loadLinker } from '../../scripts/lib/linker.ts';

const link = await loadLinker();

async function run(dirs: string[], ext: string, labelDirs = dirs) {
  const labels: LabelEntry[] = labelDirs.flatMap((d) =>
    readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => ({ id: f.slice(0, -5), label: JSON.parse(readFileSync(`${d}/${f}`, 'utf8')) as unknown })),
  );
  const ids = new Set(labels.map((l) => l.id));
  const records: unknown[] = [];
  for (const d of dirs) {
    for (const f of readdirSync(d).filter((n) => n.endsWith(ext)).sort()) {
      const path = `${d}/${f}`;
      const outcome = await parseDocument(path, new Uint8Array(readFileSync(path)), { link });
      records.push(outcome.ok ? outcome.record : { file: path, error: outcome.error });
    }
  }
  const present = new Set(records.map((r) => String((r as { source?: { path?: string }; file?: string }).source?.path ?? (r as { file?: string }).file).split('/').pop()!.replace(/\.[a-z]+$/, '')));
  return { result: scoreRecords(labels.filter((l) => present.has(l.id) && ids.has(l.id)), records), records };
}

describe('accuracy on labelled real documents', () => {
  it('the corpus and the seeds: ≥ 98% on the core fields, ≥ 90% on links', async () => {
    const { result } = await run(['tests/fixtures/corpus', 'tests/fixtures/seeds'], '.txt');
    expect(result.fields['parsed']!.ok).toBe(27);
    expect(result.core).toBeGreaterThanOrEqual(98);
    expect(result.links).toBeGreaterThanOrEqual(90);
    expect(result.fields['commitmentDue']!.ok / result.fields['commitmentDue']!.n).toBeGreaterThanOrEqual(0.85);
  });

  it('the PDFs score as their texts do', async () => {
    const { result } = await run(['tests/fixtures/pdf'], '.pdf', ['tests/fixtures/corpus']);
    expect(result.fields['parsed']!.ok).toBe(22);
    expect(result.core).toBeGreaterThanOrEqual(98);
  });

  it('the held-out set of other forms: every document parsed, ≥ 95% on the core fields', async () => {
    const { result, records } = await run(['tests/fixtures/heldout'], '.txt');
    expect(result.fields['parsed']!.ok).toBe(26);
    expect(result.core).toBeGreaterThanOrEqual(95);
    const byId = new Map(records.map((r) => [(r as { source: { path: string } }).source.path.split('/').pop()!.replace('.txt', ''), r as Record<string, unknown>]));
    // A minister's postponement letter without the usual header.
    expect(byId.get('opennieuwsbank-lnv-uitstel-megabedrijven-2007')).toMatchObject({ kind: 'postponement', title: 'megabedrijven' });
    // Glued page metadata of a question-only page: vergaderjaar and zaak number.
    expect(byId.get('kv-tk-2011z04442')).toMatchObject({ kind: 'questions', vergaderjaar: '2010-2011', zaakNumber: '2011Z04442' });
    // Old-style footnotes "1) Metro, 23 mei 2007" with markers "? 1)".
    expect((byId.get('opennieuwsbank-ocw-2060716580')!['footnotes'] as Array<{ n: number }>).map((f) => f.n)).toEqual([1, 2]);
    // openkamer renderings: metadata lines and cells, unlabelled answers.
    expect(byId.get('openkamer-kv-tk-2015z21199')).toMatchObject({ dateSubmitted: '2015-11-11', dateAnswered: '2015-12-09', questioners: [{ name: 'André Bosman', party: 'VVD' }] });
  });
});
