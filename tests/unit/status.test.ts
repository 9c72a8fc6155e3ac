/** Commitment status: derived status, evidence proposals across the seed story, curated files. */
import { readFileSync, readdirSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { deriveStatus, proposeEvidence, validateCurated } from '../../src/lib/build/status.ts';
import type { CuratedCommitment } from '../../src/lib/schema/commitment-status.ts';
import { parseLinked, registry } from './link-fixtures.ts';

const base = { due: '2026-06-21', dueText: 'voor de zomer' };

describe('deriveStatus', () => {
  it('open while more than 30 days are left', () => {
    expect(deriveStatus(base, null, '2026-04-10')).toEqual({ status: 'open', reason: 'Termijn: 21 juni 2026.' });
  });
  it('due-soon within 30 days, on the day itself too', () => {
    expect(deriveStatus(base, null, '2026-05-22').status).toBe('due-soon');
    expect(deriveStatus(base, null, '2026-06-21')).toEqual({ status: 'due-soon', reason: 'Nog 0 dagen tot de termijn (21 juni 2026).' });
  });
  it('overdue the day after, with the number of days', () => {
    expect(deriveStatus(base, null, '2026-06-22')).toEqual({ status: 'overdue', reason: 'De termijn (21 juni 2026) is 1 dag verstreken en er is geen nakoming vastgelegd.' });
  });
  it('open without a date, naming the vague words', () => {
    expect(deriveStatus({ due: null, dueText: 'na de zomer' }, null, '2030-01-01').reason).toMatch(/«na de zomer»/);
    expect(deriveStatus({ due: null, dueText: null }, null, '2030-01-01').status).toBe('open');
  });
  it('a curated decision wins over the calendar', () => {
    const curated: CuratedCommitment = {
      status: 'delivered',
      evidence: [],
      history: [{ date: '2026-07-01', status: 'delivered', source: 'redactie', note: 'Veranderstrategie vastgesteld.' }],
      note: null,
    };
    expect(deriveStatus(base, curated, '2027-01-01')).toEqual({ status: 'delivered', reason: 'Vastgesteld door redactie op 1 juli 2026: Veranderstrategie vastgesteld.' });
  });
  it('a curated "open" still turns overdue when the date passes', () => {
    const curated: CuratedCommitment = { status: 'open', evidence: [], history: [], note: null };
    expect(deriveStatus(base, curated, '2027-01-01').status).toBe('overdue');
  });
});

describe('proposeEvidence: the seed story', () => {
  const s000 = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
  const s002 = parseLinked('tests/fixtures/seeds/002_f9663fee962278e0.txt');
  const hervorming = s000.commitments.find((c) => c.programmes.includes('hervormingsagenda-jeugd'))!;

  it('the 2021 Hervormingsagenda promise gets the 2026 answers as progress', () => {
    const proposals = proposeEvidence(hervorming, [s000, s002], { registry });
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((p) => p.document === 'kv-tk-2026Z03535' && p.date === '2026-04-10' && p.kind === 'progress')).toBe(true);
    const best = proposals.find((p) => p.pair === '3')!;
    expect(best.quote).toMatch(/^Het werk dat we samen verzetten om Hervormingsagenda Jeugd uit te voeren/);
    expect(best.why).toBe('noemt Hervormingsagenda Jeugd');
  });
  it('earlier documents and the document itself are never evidence', () => {
    const toekomst = s002.commitments.find((c) => c.due === '2026-06-21')!;
    expect(proposeEvidence(toekomst, [s000, s002], { registry })).toEqual([]);
    expect(proposeEvidence(hervorming, [s000], { registry })).toEqual([]);
  });
  it('a sentence saying the thing is done is proposed as delivered', () => {
    const later = structuredClone(s002);
    later.id = 'kv-tk-2027Z00001';
    later.dateAnswered = '2027-01-15';
    later.pairs[0]!.answer = 'De Hervormingsagenda Jeugd is inmiddels vastgesteld.';
    const p = proposeEvidence(hervorming, [s000, later], { registry }).find((x) => x.pair === later.pairs[0]!.label)!;
    expect(p.kind).toBe('delivered');
  });
});

describe('curated commitment files', () => {
  const known = new Set(['kv-tk-2026Z03535', 'ah-tk-20202021-3976']);
  it('a valid file passes', () => {
    const data = { status: 'open', evidence: [{ document: 'kv-tk-2026Z03535', date: '2026-04-10', quote: 'x', kind: 'progress', pair: '3' }], history: [], note: null };
    expect(validateCurated('content/commitments/x.md', data, known)).toMatchObject({ messages: [] });
  });
  it('an unknown status names the file, the field and the choices', () => {
    const r = validateCurated('content/commitments/x.md', { status: 'klaar' }, known);
    expect(r.value).toBeNull();
    expect(r.messages).toEqual(['content/commitments/x.md › status: onbekende status «klaar»; kies uit open, delivered, partly-delivered, dropped, superseded']);
  });
  it('a derived status cannot be set by hand, and says why', () => {
    const r = validateCurated('f.md', { status: 'open', history: [{ date: '2026-01-01', status: 'overdue', source: 'ik' }] }, known);
    expect(r.messages[0]).toMatch(/^f\.md › history\[0\]\.status: onbekende status «overdue» \(deze status volgt uit de termijn/);
  });
  it('evidence pointing to a document that does not exist', () => {
    const r = validateCurated('f.md', { status: 'delivered', evidence: [{ document: 'kv-tk-2099Z99999' }] }, known);
    expect(r.messages).toEqual([expect.stringMatching(/^f\.md › evidence\[0\]\.document: document «kv-tk-2099Z99999» is geen bekend document/)]);
  });
  it('other schema problems are reported per field', () => {
    const r = validateCurated('f.md', { status: 'open', history: [{ date: '1 mei', status: 'open', source: '' }] }, known);
    expect(r.messages.some((m) => m.startsWith('f.md › history[0].date:'))).toBe(true);
    expect(r.messages.some((m) => m.startsWith('f.md › history[0].source:'))).toBe(true);
  });
  it('every file in content/commitments is valid and belongs to an extracted commitment', () => {
    const s000 = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
    const s002 = parseLinked('tests/fixtures/seeds/002_f9663fee962278e0.txt');
    const ids = new Set([...s000.commitments, ...s002.commitments].map((c) => c.id));
    const files = readdirSync('content/commitments').filter((f) => f.endsWith('.md'));
    expect(files).toContain('ah-tk-20202021-3976-tz-c89b50d5.md');
    for (const f of files) {
      const text = readFileSync(`content/commitments/${f}`, 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
      const r = validateCurated(f, loadYaml(front), known);
      expect(r.messages).toEqual([]);
      expect(ids.has(f.replace(/\.md$/, ''))).toBe(true);
      expect(r.value!.evidence.every((e) => e.kind === 'progress' || e.kind === 'delivered')).toBe(true);
    }
  });
});
