/** The site model built from the fixture content: trails, statuses, people, relations, filters. */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSiteModel, keptOnTime, relatedRecords, type SiteModel } from '../../src/site/model.ts';
import { fallbackDeriveStatus } from '../../src/site/status.ts';
import {
  facetOptions, filterCombinations, filterKey, filterUrl, pagerWindow, paginate, parseFilterPath,
} from '../../src/site/filters.ts';
import { fixtureCurated, fixtureMotions, fixtureProgrammes, fixtureRecords, fixtureRegister } from './helpers.ts';

let model: SiteModel;
beforeAll(() => {
  model = buildSiteModel({
    records: fixtureRecords(),
    motions: fixtureMotions(),
    programmes: fixtureProgrammes(),
    curated: fixtureCurated(),
    register: fixtureRegister(),
    today: '2026-06-01',
  });
});

describe('records', () => {
  test('newest first, with answer times against the three-week term', () => {
    // Open questions and notices are dated by submission and notice date.
    expect(model.records.map((r) => r.record.id)).toEqual([
      'kv-tk-2026Z90002', 'ah-tk-20252026-9001', 'kv-tk-2026Z03535', 'kv-tk-2026Z90001', 'xss-testrecord', 'ah-tk-20202021-3976', 'ah-tk-20202021-3658',
    ]);
    const seed = model.recordById.get('ah-tk-20202021-3976')!;
    expect(seed.daysToAnswer).toBe(61);
    expect(seed.late).toBe(true);
    // Late, but after its postponement notice 3658.
    expect(seed.postponements).toBe(1);
    expect(model.recordById.get('kv-tk-2026Z03535')!.postponements).toBe(0);
    expect(seed.ministry?.name).toBe('Justitie en Veiligheid');
    // Seed 002 has no vergaderjaar in the document; it follows from the date.
    expect(model.recordById.get('kv-tk-2026Z03535')!.vergaderjaar).toBe('2025-2026');
  });

  test('the answer and its postponement notice find each other ("Zie ook Aanhangsel")', () => {
    const answer = model.recordById.get('ah-tk-20202021-3976')!;
    const notice = model.recordById.get('ah-tk-20202021-3658')!;
    expect(relatedRecords(model, answer).seeAlso).toEqual([notice]);
    expect(relatedRecords(model, notice).seeAlso).toEqual([answer]);
    // Same questioner: Westerveld asked both seeds.
    expect(relatedRecords(model, answer).sameQuestioner.map((r) => r.record.id)).toContain('kv-tk-2026Z03535');
  });
});

describe('people', () => {
  test('a member keeps one page across party names; parties and ministries collect records', () => {
    const w = model.members.get('westerveld')!;
    expect(w.records.map((r) => r.record.id)).toEqual(['kv-tk-2026Z03535', 'ah-tk-20202021-3976', 'ah-tk-20202021-3658']);
    expect(w.parties.map((p) => p.name).sort()).toEqual(['GroenLinks', 'GroenLinks-PvdA']);
    expect(model.parties.get('d66')!.members.map((m) => m.name)).toEqual(['Synhaeve']);
    expect(model.ministries.get('volksgezondheid-welzijn-en-sport')!.records.map((r) => r.record.id)).toEqual([
      'ah-tk-20252026-9001', 'kv-tk-2026Z03535', 'kv-tk-2026Z90001',
    ]);
  });
});

describe('programmes and motions', () => {
  test('the Hervormingsagenda trail runs from 2021 to 2026 with the sentences that name it', () => {
    const p = model.programmes.get('hervormingsagenda-jeugd')!;
    expect(p.mentions.map((m) => [m.record.record.id, m.record.date])).toEqual([
      ['ah-tk-20202021-3976', '2021-09-07'],
      ['kv-tk-2026Z03535', '2026-04-10'],
    ]);
    expect(p.mentions[0]!.pairs[0]).toMatchObject({ label: '12', anchor: 'vraag-12' });
    expect(p.mentions[0]!.pairs[0]!.snippet).toMatch(/Hervormingsagenda jeugdzorg/);
    expect(p.mentions[1]!.pairs[0]!.snippet).toMatch(/Hervormingsagenda Jeugd/);
    expect(p.commitments.map((c) => c.id)).toEqual(['ah-tk-20202021-3976-83f64689']);
  });

  test('motion pages merge the motion file with mentions in records', () => {
    const m = model.motions.get('kst-34550-XVI-91')!;
    expect(m.title).toMatch(/Bergkamp/);
    expect(m.mentions).toHaveLength(1);
    expect(m.mentions[0]!.pairs[0]!.anchor).toBe('vraag-7');
  });
});

describe('commitments', () => {
  test('statuses on the build date, curated decisions first', () => {
    const status = Object.fromEntries(model.commitments.map((c) => [c.id, c.status]));
    expect(status['ah-tk-20202021-3976-83f64689']).toBe('delivered');
    expect(status['ah-tk-20202021-3976-7555736b']).toBe('overdue'); // round table, third quarter 2021
    expect(status['kv-tk-2026Z03535-53855d39']).toBe('due-soon'); // before the summer of 2026
    expect(status['kv-tk-2026Z03535-d2c536bb']).toBe('open'); // this year
    expect(status['tz-TZ202411-047']).toBe('delivered'); // official register: Afgedaan
    expect(model.commitments).toHaveLength(12);
    // Sorted by due date, undated last.
    const dues = model.commitments.map((c) => c.commitment.due ?? '9999');
    expect(dues).toEqual([...dues].sort());
  });

  test('register entries carry their ministry and no record', () => {
    const c = model.commitmentById.get('tz-TZ202410-011')!;
    expect(c.origin).toBe('register');
    expect(c.record).toBeNull();
    expect(c.ministry?.slug).toBe('binnenlandse-zaken-en-koninkrijksrelaties');
    expect(model.ministries.get('binnenlandse-zaken-en-koninkrijksrelaties')!.commitments.map((x) => x.id)).toContain('tz-TZ202410-011');
  });

  test('kept on time is judged by the first delivery evidence', () => {
    const ev = (date: string) => ({ document: 'x', date, quote: null, kind: 'delivered' as const, pair: null });
    expect(keptOnTime('delivered', '2024-06-30', [ev('2024-06-01')])).toBe(true);
    expect(keptOnTime('delivered', '2024-06-30', [ev('2024-09-01')])).toBe(false);
    expect(keptOnTime('open', '2024-06-30', [ev('2024-06-01')])).toBeNull();
    expect(keptOnTime('delivered', null, [ev('2024-06-01')])).toBeNull();
  });

  test('the fallback status rule agrees with the contract', () => {
    const c = { due: '2026-06-21', dueText: 'voor de zomer' } as Parameters<typeof fallbackDeriveStatus>[0];
    expect(fallbackDeriveStatus(c, null, '2026-06-01').status).toBe('due-soon');
    expect(fallbackDeriveStatus(c, null, '2026-07-01').status).toBe('overdue');
    expect(fallbackDeriveStatus(c, null, '2026-01-01').status).toBe('open');
    expect(fallbackDeriveStatus({ ...c, due: null }, null, '2030-01-01').status).toBe('open');
    expect(fallbackDeriveStatus(c, { status: 'dropped', evidence: [], history: [], note: null }, '2026-07-01').status).toBe('dropped');
  });
});

describe('filters without JavaScript', () => {
  test('every combination page exists for its facet links, with correct counts', () => {
    const combos = filterCombinations(model.commitments);
    expect(combos.get('')!.items).toHaveLength(12);
    const overdue = combos.get(filterKey({ status: 'overdue' }))!.items;
    expect(overdue.every((c) => c.status === 'overdue')).toBe(true);
    const options = facetOptions(combos, { status: 'overdue' }, 'ministerie', [
      { value: 'justitie-en-veiligheid', label: 'Justitie en Veiligheid' },
      { value: 'volksgezondheid-welzijn-en-sport', label: 'VWS' },
    ]);
    // VWS has no overdue commitment: no link to an empty page.
    expect(options.map((o) => o.value)).toEqual(['justitie-en-veiligheid']);
    expect(options[0]!.count).toBe(combos.get(filterKey({ status: 'overdue', ministerie: 'justitie-en-veiligheid' }))!.items.length);
    for (const { state } of combos.values()) {
      const segs = filterUrl(state).split('/').filter(Boolean).slice(1);
      expect(parseFilterPath(segs)).toEqual({ state, page: 1 });
    }
  });

  test('paths parse back, in canonical order only', () => {
    expect(filterUrl({ ministerie: 'vws', status: 'open' }, 3)).toBe('/toezeggingen/status/open/ministerie/vws/pagina/3/');
    expect(parseFilterPath(['status', 'open', 'ministerie', 'vws', 'pagina', '3'])).toEqual({ state: { status: 'open', ministerie: 'vws' }, page: 3 });
    expect(parseFilterPath(['ministerie', 'vws', 'status', 'open'])).toBeNull();
    expect(parseFilterPath(['status'])).toBeNull();
  });

  test('pagination', () => {
    const pages = paginate(Array.from({ length: 120 }, (_, i) => i), 50);
    expect(pages.map((p) => [p.page, p.from, p.to, p.items.length])).toEqual([[1, 1, 50, 50], [2, 51, 100, 50], [3, 101, 120, 20]]);
    expect(paginate([], 50)).toHaveLength(1);
    expect(pagerWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  });
});
