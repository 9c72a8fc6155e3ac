/**
 * Open questions in the site model: due dates (from sync, or computed from the submission date and
 * the postponement notices found on the site), the groupings per member, party and ministry, the
 * filter pages, the overdue feed, and how answers, notices and open sets find each other.
 * Built from the fixture content (seed 000 with its notice 3658, and the fictitious open sets
 * kv-tk-2026Z90001/90002 described in tests/fixtures/site/README.md) on the test build date.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { QuestionSet } from '../../src/lib/schema/index.ts';
import { questionSet } from '../../src/lib/schema/index.ts';
import { overdueQuestions } from '../../src/lib/sync/due.ts';
import { buildSiteModel, type SiteModel } from '../../src/site/model.ts';
import {
  followUpAnswers,
  openFacetOptions,
  openFilterCombinations,
  openFilterKey,
  openFilterUrl,
  OPEN_FILTER_DIMENSIONS,
  postponementNotices,
  questionKey,
} from '../../src/site/open-questions.ts';
import { recordTimeline } from '../../src/site/timeline.ts';
import { overdueQuestionEntries } from '../../src/site/feed-entries.ts';
import { atomFeed } from '../../src/site/feeds.ts';
import { fixtureCurated, fixtureMotions, fixtureProgrammes, fixtureRecords, fixtureRegister } from './helpers.ts';

const TODAY = '2026-06-01';

function modelOf(records: QuestionSet[], today = TODAY): SiteModel {
  return buildSiteModel({
    records,
    motions: fixtureMotions(),
    programmes: fixtureProgrammes(),
    curated: fixtureCurated(),
    register: fixtureRegister(),
    today,
  });
}

let records: QuestionSet[];
let model: SiteModel;
beforeAll(() => {
  records = fixtureRecords();
  model = modelOf(records);
});

const byId = (id: string) => records.find((r) => r.id === id)!;

describe('due dates of open questions', () => {
  test('computed from the submission date plus three weeks per known postponement notice, or taken from sync', () => {
    expect(model.openQuestions.map((q) => [q.view.record.id, q.due, q.dueComputed, q.status, q.daysOverdue, q.daysLeft])).toEqual([
      // Submitted 2026-03-26, one notice on the same zaak: 26 March + 42 days = 7 May; 25 days over on 1 June.
      ['kv-tk-2026Z90001', '2026-05-07', true, 'termijn-verstreken', 25, null],
      // answerDue set by sync is used as is.
      ['kv-tk-2026Z90002', '2026-06-10', false, 'binnen-termijn', 0, 9],
    ]);
    const q = model.openQuestionById.get('kv-tk-2026Z90001')!;
    expect(q.postponements.map((n) => n.record?.record.id)).toEqual(['ah-tk-20252026-9001']);
  });

  test('without its notice the set is due three weeks after submission', () => {
    const m = modelOf(records.filter((r) => r.id !== 'ah-tk-20252026-9001'));
    expect(m.openQuestionById.get('kv-tk-2026Z90001')!.due).toBe('2026-04-16');
  });

  test('a notice is found by questioners and subject when there is no zaak number', () => {
    const open = { ...byId('kv-tk-2026Z90001'), zaakNumber: null };
    const notice = { ...byId('ah-tk-20252026-9001'), zaakNumber: null, title: 'De wachtlijsten in de Jeugd-GGZ (fictief testrecord)', questioners: [{ name: 'J. Proefhoven', party: 'SP' }] };
    const m = modelOf([open, notice]);
    expect(m.openQuestionById.get(open.id)!.due).toBe('2026-05-07');
    // The same member asking about the same subject on another day is another set: its notice does not count.
    const again = { ...open, id: 'kv-tk-2026Z90009', dateSubmitted: '2026-03-05' };
    const m2 = modelOf([again, notice]);
    expect(m2.openQuestionById.get(again.id)!.postponements).toEqual([]);
    expect(m2.openQuestionById.get(again.id)!.due).toBe('2026-03-26');
  });

  test('open questions whose answer is on the site are not open', () => {
    const answer = questionSet.parse({
      ...byId('ah-tk-20252026-9001'),
      id: 'ah-tk-20252026-9002',
      kind: 'answer',
      aanhangselNumber: 9002,
      dateAnswered: '2026-05-20',
    });
    const m = modelOf([...records, answer]);
    expect(m.openQuestionById.has('kv-tk-2026Z90001')).toBe(false);
    expect(m.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90002']);
    // The notice now leads to its follow-up answer (same zaak).
    expect(followUpAnswers(m, m.recordById.get('ah-tk-20252026-9001')!).map((r) => r.record.id)).toEqual(['ah-tk-20252026-9002']);
  });

  test('no submission date, no due date: the term is unknown, not guessed', () => {
    const m = modelOf([{ ...byId('kv-tk-2026Z90001'), dateSubmitted: null }]);
    expect(m.openQuestions[0]).toMatchObject({ due: null, status: 'termijn-onbekend', daysOverdue: 0, daysLeft: null });
  });
});

describe('groupings', () => {
  test('per member, party and every addressed ministry', () => {
    expect(model.members.get('proefhoven')!.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90001']);
    expect(model.parties.get('sp')!.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90001']);
    expect(model.parties.get('christenunie')!.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90002']);
    // Addressed to the state secretary for youth (VWS) and the minister of JenV: both ministries list it.
    expect(model.openQuestionById.get('kv-tk-2026Z90001')!.ministries.map((m) => m.name)).toEqual(['Volksgezondheid, Welzijn en Sport', 'Justitie en Veiligheid']);
    expect(model.ministries.get('justitie-en-veiligheid')!.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90001']);
    expect(model.ministries.get('financien')!.openQuestions.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90002']);
    expect(model.members.get('westerveld')!.openQuestions).toEqual([]);
  });

  test('the overdue lists of sync group ministries as the site does ("Minister voor Rechtsbescherming" → Justitie en Veiligheid)', () => {
    const open = questionSet.parse({ ...byId('kv-tk-2026Z90001'), addressees: ['Minister voor Rechtsbescherming'], answerDue: '2026-05-07' });
    const lists = overdueQuestions([open], TODAY);
    expect(Object.keys(lists.byMinistry)).toEqual(['Justitie en Veiligheid']);
    expect(lists.all.map((i) => i.daysOverdue)).toEqual([25]);
  });
});

describe('filters without JavaScript', () => {
  test('every facet link leads to a combination with the count it shows', () => {
    const combos = openFilterCombinations(model.openQuestions);
    expect(combos.get('')!.items.length).toBe(2);
    expect(combos.get(openFilterKey({ status: 'termijn-verstreken' }))!.items.map((q) => q.view.record.id)).toEqual(['kv-tk-2026Z90001']);
    expect(combos.get(openFilterKey({ status: 'binnen-termijn', ministerie: 'financien', partij: 'christenunie', lid: 'steekproef' }))!.items.length).toBe(1);
    expect(combos.has(openFilterKey({ status: 'binnen-termijn', ministerie: 'justitie-en-veiligheid' }))).toBe(false);
    const values = {
      status: [{ value: 'termijn-verstreken', label: 'x' }, { value: 'binnen-termijn', label: 'y' }],
      ministerie: [...model.ministries.values()].map((m) => ({ value: m.slug, label: m.name })),
      partij: [...model.parties.values()].map((m) => ({ value: m.slug, label: m.name })),
      lid: [...model.members.values()].map((m) => ({ value: m.slug, label: m.name })),
    };
    for (const { state } of combos.values()) {
      for (const d of OPEN_FILTER_DIMENSIONS) {
        for (const o of openFacetOptions(combos, state, d, values[d])) {
          const target = [...combos.values()].find((c) => openFilterUrl(c.state) === o.url);
          expect(target, o.url).toBeDefined();
          expect(target!.items.length).toBe(o.count);
        }
      }
    }
    // Status facet on the unfiltered page: one over time, one within the term; no unknown terms.
    expect(openFacetOptions(combos, {}, 'status', values.status).map((o) => [o.url, o.count])).toEqual([
      ['/vragen/openstaand/status/termijn-verstreken/', 1],
      ['/vragen/openstaand/status/binnen-termijn/', 1],
    ]);
  });

  test('URLs keep the dimension order and page numbers', () => {
    expect(openFilterUrl({})).toBe('/vragen/openstaand/');
    expect(openFilterUrl({ lid: 'proefhoven', status: 'termijn-verstreken' }, 2)).toBe('/vragen/openstaand/status/termijn-verstreken/lid/proefhoven/pagina/2/');
  });
});

describe('postponement notices and follow-up answers', () => {
  test('seed 000: the timeline shows the notice 3658 with a link to its page', () => {
    const answer = model.recordById.get('ah-tk-20202021-3976')!;
    const events = recordTimeline(model, answer);
    const notice = events.find((e) => e.title === 'Uitstel gemeld');
    expect(notice).toMatchObject({ date: '2021-07-29', href: '/vragen/ah-tk-20202021-3658/' });
    expect(events.map((e) => e.title)).toEqual(expect.arrayContaining(['Vragen ingezonden', 'Antwoord ontvangen']));
    expect(events.at(-1)!.title).toBe('Vragen ingezonden');
  });

  test('seed 000 without the notice on the site: "Zie ook Aanhangsel nr. 3658" links to the official publication', () => {
    const m = modelOf(records.filter((r) => r.id !== 'ah-tk-20202021-3658'));
    const answer = m.recordById.get('ah-tk-20202021-3976')!;
    expect(postponementNotices(m, answer)).toEqual([
      { record: null, number: 3658, vergaderjaar: '2020-2021', date: null, url: 'https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3658.html' },
    ]);
    const event = recordTimeline(m, answer).find((e) => e.title.startsWith('Uitstel gemeld'));
    expect(event).toMatchObject({
      title: 'Uitstel gemeld (Aanhangsel nr. 3658)',
      date: null,
      sortDate: '2021-07-08',
      href: 'https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3658.html',
    });
  });

  test('a notice links to its follow-up answer by "Zie ook Aanhangsel", and by questioners and subject when that is missing', () => {
    const notice = model.recordById.get('ah-tk-20202021-3658')!;
    expect(followUpAnswers(model, notice).map((r) => r.record.id)).toEqual(['ah-tk-20202021-3976']);
    expect(recordTimeline(model, notice).find((e) => e.title === 'Antwoord')).toMatchObject({ href: '/vragen/ah-tk-20202021-3976/', date: '2021-09-07' });
    const m = modelOf(records.map((r) => (r.id === 'ah-tk-20202021-3976' ? { ...r, seeAlsoAanhangsel: null } : r)));
    expect(followUpAnswers(m, m.recordById.get('ah-tk-20202021-3658')!).map((r) => r.record.id)).toEqual(['ah-tk-20202021-3976']);
    // The answer itself still finds its notice the same way.
    expect(postponementNotices(m, m.recordById.get('ah-tk-20202021-3976')!).map((n) => n.record?.record.id)).toEqual(['ah-tk-20202021-3658']);
  });

  test('a notice of other questions by the same member is not linked', () => {
    const other = { ...byId('ah-tk-20202021-3658'), id: 'ah-tk-20202021-9999', aanhangselNumber: 9999, title: 'een ander onderwerp' };
    const m = modelOf([...records, other]);
    expect(postponementNotices(m, m.recordById.get('ah-tk-20202021-3976')!).map((n) => n.record?.record.id)).toEqual(['ah-tk-20202021-3658']);
    expect(followUpAnswers(m, m.recordById.get('ah-tk-20202021-9999')!)).toEqual([]);
  });

  test('question keys ignore initials, case, quotes and accents', () => {
    expect(questionKey({ title: 'de documentaire «Goede Moeders»', questioners: [{ name: 'Westerveld', party: null }] })).toBe(
      questionKey({ title: 'De documentaire "goede moeders"', questioners: [{ name: 'L. Westerveld', party: 'GroenLinks' }] }),
    );
    expect(questionKey({ title: null, questioners: [{ name: 'Westerveld', party: null }] })).toBeNull();
    expect(questionKey({ title: 'x', questioners: [] })).toBeNull();
  });
});

describe('overdue feed', () => {
  test('one entry per overdue open set, well-formed and escaped', () => {
    const entries = overdueQuestionEntries(model.openQuestions, 'http://127.0.0.1:4321');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ url: 'http://127.0.0.1:4321/vragen/kv-tk-2026Z90001/', updated: '2026-05-07' });
    expect(entries[0]!.title).toMatch(/^Termijn verstreken \(25 dagen\): de wachtlijsten/);
    expect(entries[0]!.summary).toContain('uiterlijk 7 mei 2026');
    expect(entries[0]!.summary).toContain('na een uitstelbericht');
    const hostile = modelOf([{ ...byId('kv-tk-2026Z90001'), title: '<script>x</script> & co' }]);
    const xml = atomFeed({ title: 't', selfUrl: 'http://x/f.xml', pageUrl: 'http://x/', updated: TODAY, entries: overdueQuestionEntries(hostile.openQuestions, 'http://x') });
    expect(xml).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(xml).not.toContain('<script>');
  });
});
