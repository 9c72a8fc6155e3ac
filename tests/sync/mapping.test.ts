/**
 * Entity → domain mapping on recorded payloads: Aanhangsel ids, the records a Zaak yields, due
 * dates and overdue lists, votes from Besluit/Stemming, motion texts from KOOP XML, the register,
 * the cross-check, paging envelopes and the query builder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionSet, type QuestionSet } from '../../src/lib/schema/index.ts';
import {
  aanhangselRef,
  amsterdamOffset,
  answerDueDate,
  canonicalUrl,
  crossCheck,
  FIELD_MAP,
  kamerstukRef,
  localMidnight,
  motionRef,
  motionsFromBesluit,
  motionTextFromXml,
  odataDate,
  overdueQuestions,
  parseKamerstukId,
  parseODataPage,
  planZaak,
  recordKind,
  registerToCommitment,
  toBesluit,
  toRegisterEntry,
  toStemming,
  toToezegging,
  toZaak,
  voteOf,
  voteOutcomeOf,
  VOTE_BESLUIT_SOORTEN,
  zakenQuery,
  type MapContext,
  type SyncMessage,
  type TkBesluit,
} from '../../src/lib/sync/index.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures');
type Row = Record<string, unknown>;
const load = (...p: string[]): Row => JSON.parse(readFileSync(join(FIX, ...p), 'utf8')) as Row;
const V4: MapContext = { map: FIELD_MAP, version: 'v4' };
const URLS = { odataBase: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0', documentsBase: 'https://zoek.officielebekendmakingen.nl' };

describe('identifiers', () => {
  it('decodes Aanhangselnummer into the KOOP id', () => {
    expect(aanhangselRef('242502375')).toEqual({ id: 'ah-tk-20242025-2375', vergaderjaar: '2024-2025', number: 2375 });
    expect(aanhangselRef('161701603')?.id).toBe('ah-tk-20162017-1603');
    expect(aanhangselRef('990000012')?.id).toBe('ah-tk-19992000-12');
    expect(aanhangselRef('242602375')).toBeNull(); // years that do not follow each other
    expect(aanhangselRef('2375')).toBeNull();
    expect(aanhangselRef(null)).toBeNull();
  });

  it('builds Kamerstuk ids and citations, sub-dossiers included', () => {
    expect(kamerstukRef('34550', 'XVI', 91)).toMatchObject({ id: 'kst-34550-XVI-91', citation: '34 550 XVI, nr. 91' });
    expect(parseKamerstukId('kst-21501-02-2498')).toMatchObject({ dossier: '21501-02', suffix: null, citation: '21 501-02, nr. 2498' });
    expect(parseKamerstukId('kst-36410-82')).toMatchObject({ dossier: '36410', suffix: null, number: 82 });
    expect(parseKamerstukId('ah-tk-20232024-1076')).toBeNull();
  });

  it('reads OData dates as Dutch calendar dates; 0001-01-01 is no date', () => {
    expect(odataDate('2025-04-23T00:00:00+02:00')).toBe('2025-04-23');
    expect(odataDate('1993-03-10')).toBe('1993-03-10');
    expect(odataDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(odataDate('2025-02-30T00:00:00+01:00')).toBeNull();
    expect(odataDate(null)).toBeNull();
  });

  it('filters on Dutch local midnight, with summer time', () => {
    expect(amsterdamOffset('2024-03-30')).toBe('+01:00');
    expect(amsterdamOffset('2024-03-31')).toBe('+02:00');
    expect(amsterdamOffset('2024-10-26')).toBe('+02:00');
    expect(amsterdamOffset('2024-10-27')).toBe('+01:00');
    expect(localMidnight('2024-09-01')).toBe('2024-09-01T00:00:00+02:00');
    const q = decodeURIComponent(zakenQuery(V4, { since: '2024-09-01', until: '2024-12-31', watermark: '2026-01-01T00:00:00Z' }));
    expect(q).toContain("Soort eq 'Schriftelijke vragen' and Verwijderd eq false");
    expect(q).toContain('GestartOp ge 2024-09-01T00:00:00+02:00 and GestartOp lt 2025-01-01T00:00:00+01:00');
    expect(q).toContain('ApiGewijzigdOp ge 2026-01-01T00:00:00Z');
    expect(q).toContain('$orderby=ApiGewijzigdOp asc,Id asc');
  });

  it('rewrites URLs of a local copy to the official ones', () => {
    const local = { odataBase: 'http://127.0.0.1:9/OData/v4/2.0', documentsBase: 'http://127.0.0.1:9/koop' };
    expect(canonicalUrl('http://127.0.0.1:9/koop/ah-tk-20232024-1076.xml', local)).toBe('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1076.xml');
    expect(canonicalUrl('http://127.0.0.1:9/OData/v4/2.0/Document(x)/resource', local)).toBe('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document(x)/resource');
    expect(canonicalUrl('https://elsewhere.example/x', local)).toBe('https://elsewhere.example/x');
  });
});

describe('paging envelopes', () => {
  it('reads the recorded skiptoken page and its nextLink', () => {
    const text = readFileSync(join(FIX, 'official', 'tk-odata-v4', 'stemming.page1.skiptoken.trimmed.json'), 'utf8');
    const result = parseODataPage(text, 'x');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.page.rows).toHaveLength(3);
      expect(result.page.nextLink).toMatch(/\$skiptoken=Id-4ad4cb7c-f699-4eeb-8529-00138580abc9$/);
    }
  });

  it('refuses truncated JSON, a missing value list and rows without Id', () => {
    const text = readFileSync(join(FIX, 'official', 'tk-odata-v4', 'zaak.schriftelijke-vragen.json'), 'utf8');
    const truncated = parseODataPage(text.slice(0, text.length / 2), 'https://x/Zaak');
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error).toMatch(/^Geen geldige JSON van https:\/\/x\/Zaak/);
    expect(parseODataPage('{"value": 3}', 'u')).toEqual({ ok: false, error: 'Antwoord van u mist de lijst "value".' });
    expect(parseODataPage('{"value": [{"Nummer": "x"}]}', 'u')).toEqual({ ok: false, error: 'Rij 0 in het antwoord van u heeft geen Id.' });
  });

  it('keeps deleted rows recognisable (Verwijderd: true, all else null)', () => {
    const rows = load('official', 'tk-odata-v4', 'stemming.top3.json')['value'] as Row[];
    const messages: SyncMessage[] = [];
    expect(rows.map((r) => toStemming(r, V4, messages).verwijderd)).toEqual([false, false, true]);
    expect(messages).toEqual([]);
  });
});

describe('records of a Zaak', () => {
  const answered = (load('sync', 'zaak.schriftelijke-vragen.recorded-answered.json')['value'] as Row[]).map((r) => toZaak(r, V4, []));

  it('the real Zaak 2025Z08162: one answer, one postponement notice, and the open-questions record superseded', () => {
    const plan = planZaak(answered.find((z) => z.nummer === '2025Z08162')!, URLS);
    expect(plan.plans.map((p) => [p.recordId, p.kind, p.requiresDocument])).toEqual([
      ['ah-tk-20242025-2375', 'answer', true],
      ['ah-tk-20242025-2215', 'postponement', false],
    ]);
    expect(plan.supersededIds).toEqual(['kv-tk-2025Z08162']);
    expect(plan.postponements).toBe(1);
    const answer = plan.plans[0]!;
    expect(answer.facts).toMatchObject({ dateSubmitted: '2025-04-23', dateAnswered: '2025-06-10', vergaderjaar: '2024-2025', aanhangselNumber: 2375 });
    // Official XML first, then the KOOP PDF, then the Tweede Kamer's copy.
    expect(answer.sources.map((s) => s.url)).toEqual([
      'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2375.xml',
      'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2375.pdf',
      'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document(38e9be18-5fb4-4af9-b096-584dc88dfa98)/resource',
    ]);
  });

  it('an open Zaak yields a kv-tk record due 3 weeks after submission, 3 more per postponement', () => {
    const open = (load('sync', 'zaak.schriftelijke-vragen.recorded-open.json')['value'] as Row[]).map((r) => toZaak(r, V4, []));
    const plan = planZaak(open.find((z) => z.nummer === '2024Z21102')!, URLS);
    expect(plan.plans.map((p) => [p.recordId, p.kind])).toEqual([['kv-tk-2024Z21102', 'questions']]);
    expect(answerDueDate('2024-12-13', 0)).toBe('2025-01-03');
    expect(answerDueDate('2024-12-13', 1)).toBe('2025-01-24');
    expect(answerDueDate('2024-12-13', 2)).toBe('2025-02-14');
    expect(answerDueDate(null, 1)).toBeNull();
  });

  it('a document the parser reads as a notice is stored as one; open questions stay questions', () => {
    expect(recordKind('answer', 'postponement')).toBe('postponement');
    expect(recordKind('answer', 'questions')).toBe('answer');
    expect(recordKind('postponement', 'answer')).toBe('answer');
    expect(recordKind('questions', 'answer')).toBe('questions');
  });
});

describe('cross-check of API facts and the parsed document', () => {
  const labels = load('corpus', 'ah-tk-20232024-1314.json') as unknown as QuestionSet & { questioners: QuestionSet['questioners'] };
  const parsed = questionSet.parse({
    id: 'ah-tk-20232024-1314', kind: 'answer', title: 'x', questioners: labels.questioners, addressees: [], answerers: [], onBehalfOf: [],
    dateSubmitted: '2024-03-06', dateAnswered: '2024-03-25', vergaderjaar: '2023-2024', aanhangselNumber: 1314, seeAlsoAanhangsel: null,
    zaakNumber: null, pairs: [], footnotes: [], references: [], motions: [], commitments: [], source: { path: 'x' },
  });
  const facts = {
    id: 'ah-tk-20232024-1314', kind: 'answer' as const, zaakNumber: '2024Z91314', dateSubmitted: '2024-03-06', dateAnswered: '2024-03-25',
    vergaderjaar: '2023-2024', aanhangselNumber: 1314, questioners: [{ name: 'Mutluer', party: 'GroenLinks-PvdA' }, { name: 'Kostic', party: 'PvdD' }], addressees: [],
  };

  it('agrees when dates, numbers and people match (accents, initials and spacing ignored)', () => {
    expect(crossCheck(parsed, facts)).toEqual([]);
    expect(crossCheck(parsed, { ...facts, questioners: [{ name: 'H. Mutluer', party: 'GroenLinks-PvdA' }, { name: 'C. Kostić', party: 'PvdD' }] })).toEqual([]);
  });

  it('reports each disagreement with both values, in Dutch', () => {
    const found = crossCheck(parsed, { ...facts, dateSubmitted: '2024-03-05', aanhangselNumber: 1315, questioners: [{ name: 'Mutluer', party: 'PvdA' }] });
    expect(found.map((m) => m.ruleId)).toEqual(['api-mismatch-date-submitted', 'api-mismatch-aanhangsel', 'api-mismatch-questioners', 'api-mismatch-party']);
    expect(found[0]!.reason).toBe('Datum van indienen verschilt: het document zegt 2024-03-06, de Tweede Kamer-API zegt 2024-03-05 (zaak 2024Z91314).');
    expect(found[3]!.reason).toContain('Fractie van Mutluer verschilt: het document zegt GroenLinks-PvdA, de Tweede Kamer-API zegt PvdA');
  });
});

describe('votes', () => {
  it('maps every vote BesluitSoort to an outcome, and procedural ones to none', () => {
    expect(VOTE_BESLUIT_SOORTEN.map((s) => voteOutcomeOf(s))).toEqual([
      'aangenomen', 'verworpen', 'gestaakt', 'aangehouden', 'aangehouden', 'uitgesteld', 'ingetrokken', 'aangenomen', 'verworpen',
    ]);
    const procedural = (load('official', 'tk-odata-v4', 'besluit.top3.json')['value'] as Row[]).map((r) => voteOutcomeOf(r['BesluitSoort'] as string));
    expect(procedural).toEqual([null, null, null]);
    expect(voteOutcomeOf('Stemmen - iets nieuws')).toBe('onbekend');
  });

  it('reads the recorded adopted motion with its party votes', () => {
    const page = load('sync', 'besluit.motie.page1.enriched.json')['value'] as Row[];
    const { motions, unresolved } = motionsFromBesluit(toBesluit(page[0]!, V4, []));
    expect(unresolved).toEqual([]);
    expect(motions).toHaveLength(1);
    expect(motions[0]).toMatchObject({ id: 'kst-35727-7', zaakNumber: '2022Z17826', submitters: ['Leijten'] });
    expect(motions[0]!.vote).toMatchObject({ outcome: 'aangenomen', date: '2022-10-04', besluitTekst: 'Aangenomen.' });
  });

  it('without a dossier in the payload the motion cannot be identified and is reported', () => {
    const page = load('official', 'tk-odata-v4', 'besluit.motie.expand-zaak-stemming.page1.trimmed.json')['value'] as Row[];
    expect(motionsFromBesluit(toBesluit(page[0]!, V4, []))).toEqual({ motions: [], unresolved: ['2022Z17826'] });
  });

  it('counts member votes (hoofdelijk) per party and keeps the tied outcome', () => {
    const rows = load('official', 'tk-odata-v4', 'stemming.expand.vote-kinds.selection.json')['value'] as Row[];
    const byBesluit = new Map<string, TkBesluit>();
    for (const r of rows) {
      const b = toBesluit(r['Besluit'] as Row, V4, []);
      const entry = byBesluit.get(b.id) ?? b;
      entry.stemmingen.push(toStemming(r, V4, []));
      byBesluit.set(b.id, entry);
    }
    const votes = [...byBesluit.values()].map((b) => voteOf([b]));
    const tied = votes.find((v) => v?.besluitSoort === 'Stemmen - gestaakt')!;
    expect(tied.outcome).toBe('gestaakt');
    expect(tied.besluitTekst).toBe('Stemmen (74-74).');
    expect(tied.parties).toHaveLength(1);
    expect(tied.parties[0]).toMatchObject({ vote: 'tegen', seats: 1 });
    const adopted = votes.find((v) => v?.besluitTekst === 'Aangenomen 75-73.')!;
    expect(adopted.parties.map((p) => p.vote).sort()).toEqual(['niet deelgenomen', 'voor']);
  });

  it('a final outcome beats an earlier or later provisional one', () => {
    const b = (id: string, soort: string, datum: string): TkBesluit => ({
      id, besluitSoort: soort, besluitTekst: null, stemmingsSoort: null, datum, gewijzigdOp: null, stemmingen: [], zaken: [], verwijderd: false,
    });
    expect(voteOf([b('1', 'Stemmen - aangehouden', '2024-06-01'), b('2', 'Stemmen - verworpen', '2024-05-01')])?.outcome).toBe('verworpen');
    expect(voteOf([b('1', 'Stemmen - aangehouden', '2024-05-01'), b('2', 'Stemmen - aangehouden', '2024-06-01')])?.date).toBe('2024-06-01');
    expect(voteOf([b('1', 'Behandelen', '2024-05-01')])).toBeNull();
  });

  it('identifies a motion by the KOOP id of its document', () => {
    const zaak = toZaak(load('official', 'tk-odata-v4', 'zaak.motie.expand-document-versie-publicatie.json'), V4, []);
    expect(motionRef(zaak)?.id).toBe('kst-19637-3384');
  });
});

describe('motion texts from the official XML', () => {
  it('reads the operative text and the signatories of kst-19637-3384', () => {
    const xml = readFileSync(join(FIX, 'official', 'officielebekendmakingen', 'kst-19637-3384.motie.documentpublicatie-resource.xml'), 'utf8');
    const m = motionTextFromXml(xml)!;
    expect(m.title).toBe('GEWIJZIGDE MOTIE VAN HET LID PODT C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3370');
    expect(m.date).toBe('2025-02-18');
    expect(m.text.split('\n\n')[0]).toBe('De Kamer,');
    expect(m.text).toContain('• zorg voor een overgangsregeling voor de schaderegeling na 1 juni;');
    expect(m.text.endsWith('en gaat over tot de orde van de dag.')).toBe(true);
    expect(m.signatories).toEqual(['Podt', 'Piri', 'Van Nispen', 'Boomsma', 'Diederik van Dijk', 'Eerdmans', 'Koekkoek', 'Bontenbal', 'Ceder', 'Van der Plas']);
  });

  it('reads kst-34104-439 (inline metadata) and refuses XML that is not a motion text', () => {
    const xml = readFileSync(join(FIX, 'official', 'officielebekendmakingen', 'kst-34104-439.motie.inline-metadata.xml'), 'utf8');
    expect(motionTextFromXml(xml)?.signatories).toEqual(['Rikkers-Oosterkamp']);
    expect(motionTextFromXml(readFileSync(join(FIX, 'official', 'officielebekendmakingen', 'gmb-2024-216934.metadata.xml'), 'utf8'))).toBeNull();
    expect(motionTextFromXml('<stuk><tekst><al>open')).toBeNull();
  });
});

describe('the commitments register', () => {
  const rows = load('sync', 'toezegging.reconstructed.json')['value'] as Row[];
  const mapped = rows.map((r) => toRegisterEntry(toToezegging(r, V4, [])));

  it('maps the statuses seen in real data and the XSD ones, and 0001-01-01 to no date', () => {
    expect(mapped.map((m) => m.entry && [m.entry.id, m.entry.registerStatus, m.entry.status, m.entry.due])).toEqual([
      ['TZ202410-011', 'Openstaand', 'open', '2025-06-21'],
      ['TZ202411-047', 'Afgedaan', 'delivered', '2025-03-31'],
      ['TZ202501-102', 'Deels Afgedaan', 'partly-delivered', '2025-12-31'],
      ['TZ202502-013', 'Vervallen', 'dropped', null],
      ['TZ202503-077', null, null, null],
      ['TZ202504-057', 'Voldaan', 'delivered', '2025-09-01'],
      null, // deleted
    ]);
  });

  it('keeps an unknown status verbatim and reports it', () => {
    const { entry, messages } = toRegisterEntry(toToezegging({ ...rows[0]!, Status: 'In behandeling' }, V4, []));
    expect(entry?.status).toBeNull();
    expect(entry?.registerStatus).toBe('In behandeling');
    expect(messages.map((m) => m.ruleId)).toEqual(['register-status']);
  });

  it('joins the commitment model of records', () => {
    const c = registerToCommitment(mapped[0]!.entry!);
    expect(c).toMatchObject({ id: 'tz-TZ202410-011', due: '2025-06-21', actor: 'minister van Binnenlandse Zaken en Koninkrijksrelaties' });
  });
});

describe('overdue lists', () => {
  const base = { title: null, addressees: [], answerers: [], onBehalfOf: [], dateAnswered: null, vergaderjaar: null, aanhangselNumber: null, seeAlsoAanhangsel: null, zaakNumber: null, pairs: [], footnotes: [], references: [], motions: [], commitments: [], source: { path: 'x' } };
  const records = [
    questionSet.parse({ ...base, id: 'kv-tk-2025Z00001', kind: 'questions', questioners: [{ name: 'Dobbe', party: 'SP' }], addressees: ['Minister van Volksgezondheid, Welzijn en Sport'], dateSubmitted: '2025-01-01', answerDue: '2025-01-22' }),
    questionSet.parse({ ...base, id: 'kv-tk-2025Z00002', kind: 'questions', questioners: [{ name: 'Dobbe', party: 'SP' }, { name: 'Bikker', party: 'ChristenUnie' }], addressees: ['Minister voor Klimaat en Energie'], dateSubmitted: '2025-02-01', answerDue: '2025-02-22' }),
    questionSet.parse({ ...base, id: 'kv-tk-2025Z00003', kind: 'questions', questioners: [{ name: 'Bikker', party: null }], dateSubmitted: '2025-03-01', answerDue: '2025-03-22' }),
    questionSet.parse({ ...base, id: 'ah-tk-20242025-1', kind: 'answer', questioners: [{ name: 'Dobbe', party: 'SP' }], dateSubmitted: '2024-01-01' }),
  ];

  it('lists open questions past their due date per member, party and ministry, most overdue first', () => {
    const lists = overdueQuestions(records, '2025-03-01');
    expect(lists.all.map((i) => [i.id, i.daysOverdue])).toEqual([
      ['kv-tk-2025Z00001', 38],
      ['kv-tk-2025Z00002', 7],
    ]);
    expect(Object.keys(lists.byMember).sort()).toEqual(['Bikker', 'Dobbe']);
    expect(lists.byMember['Dobbe']!.map((i) => i.id)).toEqual(['kv-tk-2025Z00001', 'kv-tk-2025Z00002']);
    expect(lists.byParty['ChristenUnie']!.map((i) => i.id)).toEqual(['kv-tk-2025Z00002']);
    // Grouped as the site groups ministries (src/lib/ministry.ts): a portfolio minister sits in a department.
    expect(Object.keys(lists.byMinistry).sort()).toEqual(['Economische Zaken en Klimaat', 'Volksgezondheid, Welzijn en Sport']);
  });
});
