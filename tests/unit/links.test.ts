/** The linker: motions (through footnotes), programmes, abbreviations, references and motion entities. */
import { describe, expect, it } from 'vitest';
import { collectReferences, linkRecord } from '../../src/lib/build/links.ts';
import { buildMotionEntities, findMotionHits, findMotions } from '../../src/lib/build/motions.ts';
import { findAbbreviations, findPlanNames, findProgrammesInText, matchProgrammes, suggestProgrammes } from '../../src/lib/build/programmes.ts';
import { questionSet, type QuestionSet } from '../../src/lib/schema/record.ts';
import type { Motion } from '../../src/lib/schema/motion.ts';
import { labelledDocuments, parseLinked, registry } from './link-fixtures.ts';

/**
 * Pairs 7 and 12 of seed 000 as the parser gives them: markers taken out of the text, their
 * places in `footnoteMarks` (offsets as measured in the seed's own text).
 */
const Q7 =
  'Wat heeft u gedaan met alle vragen, moties en een rondetafelgesprek vanuit de Kamer rondom het verbeteren van waarheidsvinding zoals bijvoorbeeld de motie Bergkamp? Wat zijn de concrete opbrengsten geweest van het actieplan Verbetering Feitonderzoek dat drie jaar geleden is opgezet? Hoe verhoudt zich dit met het interne rapport hierover waar NRC Handelsblad deze week over bericht?';
const A7 =
  'Bij motie van het lid Bergkamp is in 2016 gevraagd om een actieplan waarheidsvinding. In samenspraak met vele partijen is in 2017 gestart met de voorbereidingen. Dit heeft geresulteerd in het Actieplan Verbetering Feitenonderzoek in de Jeugdbeschermingsketen, dat in 2018 aan uw Kamer is gestuurd. Volgend jaar staat de eindevaluatie van het actieplan gepland.';
const Q12 =
  'Wat is er gebeurd met de uitvoering van de Kamerbreed aangenomen motie van de leden Westerveld en Wörsdörfer, waarin gevraagd wordt om een plan van aanpak te maken om het aantal uithuisplaatsingen te verminderen en meer op gezinsgerichte hulp in te zetten? Waarom is dat plan van aanpak er niet gekomen ondanks dat de hele Kamer hierom gevraagd heeft?';
const A12 =
  'Tijdens het wetgevingsoverleg (WGO) van 23 november 2020 is de uitvoering van de motie van de leden Westerveld en Wörsdörfer, waarin gevraagd wordt om een plan van aanpak te maken, besproken. In dat WGO hebben we toegezegd op basis van dat onderzoek een rondetafelconferentie te organiseren met alle betrokken partijen in het derde kwartaal van 2021.';

function seedRecord(withMarks: boolean): QuestionSet {
  const pairs = [
    {
      numbers: [7],
      label: '7',
      question: Q7,
      answer: A7,
      footnoteRefs: [7, 8, 9],
      footnoteMarks: withMarks
        ? [
            { n: 7, field: 'question', offset: Q7.length },
            { n: 8, field: 'question', offset: Q7.length },
            { n: 9, field: 'answer', offset: A7.indexOf('waarheidsvinding.') + 'waarheidsvinding.'.length },
          ]
        : [],
    },
    {
      numbers: [12],
      label: '12',
      question: Q12,
      answer: A12,
      footnoteRefs: [12, 13],
      footnoteMarks: withMarks
        ? [
            { n: 12, field: 'question', offset: Q12.length },
            { n: 13, field: 'answer', offset: A12.length },
          ]
        : [],
    },
  ];
  return questionSet.parse({
    id: 'ah-tk-20202021-3976',
    kind: 'answer',
    title: 'de documentaire «Goede Moeders»',
    questioners: [{ name: 'Westerveld', party: 'GroenLinks' }],
    addressees: [],
    answerers: [{ name: 'Dekker', role: 'Minister voor Rechtsbescherming' }],
    onBehalfOf: [],
    dateSubmitted: '2021-07-08',
    dateAnswered: '2021-09-07',
    vergaderjaar: '2020-2021',
    aanhangselNumber: 3976,
    seeAlsoAanhangsel: 3658,
    zaakNumber: null,
    pairs,
    footnotes: [
      { n: 7, text: 'Kamerstuk 33 619, nr. 13.' },
      { n: 8, text: 'NRC, 7 juli 2021, «Rapport over jeugdzorg niet gedeeld met Ministers», https://www.nrc.nl/nieuws/2021/07/07/rapport.' },
      { n: 9, text: 'Kamerstuk 34 550 XVI, nr. 91.' },
      { n: 12, text: 'Kamerstuk 31 839, nr. 732.' },
      { n: 13, text: 'Kamerstuk 35 570 XVI, nr. 175.' },
    ],
    references: [],
    motions: [],
    commitments: [],
    source: { path: 'tests/fixtures/seeds/000_d6e88f2d1987be7c.txt' },
  });
}

describe('motions: finding the words', () => {
  it('reads every way a motion is named', () => {
    const cases: Array<[string, string[]]> = [
      ['de motie van het lid Bergkamp is aangenomen', ['Bergkamp']],
      ['de motie-Bergkamp', ['Bergkamp']],
      ['de motie van de leden Westerveld en Wörsdörfer, waarin', ['Westerveld', 'Wörsdörfer']],
      ['de motie Ceder c.s. over', ['Ceder']],
      ['de gewijzigde motie van het lid Van Zanten c.s. over subsidies', ['Van Zanten']],
      ['motie-Bruins Slot/Pia Dijkstra (Kamerstuk 28 828, nr. 66)', ['Bruins Slot', 'Pia Dijkstra']],
      ['conform motie Bikker/Omtzigt (Kamerstuk 36 410, nr. 74)', ['Bikker', 'Omtzigt']],
      ['de motie van de leden Alkaya en van Raan verzoekt', ['Alkaya', 'van Raan']],
      ['de motie Joseph-Agema, weer', ['Joseph-Agema']],
    ];
    for (const [text, names] of cases) expect(findMotionHits(text)[0]?.submitters, text).toEqual(names);
  });
  it('takes a number written right after the name', () => {
    expect(findMotionHits('motie-Bruins Slot/Pia Dijkstra (Kamerstuk 28 828, nr. 66), de regering')[0]!.id).toBe('kst-28828-66');
    expect(findMotionHits('de motie 36 200 IV, nr. 25 vraagt')[0]!.id).toBe('kst-36200-IV-25');
    expect(findMotionHits('de op 5 maart 2024 aangenomen motie van de leden Erkens en Grinwis (Kamerstuk 36 197,\nnr. 15).')[0]!.id).toBe('kst-36197-15');
  });
  it('does not take "moties" or "de motie van uw Kamer" for a named motion', () => {
    expect(findMotionHits('alle vragen, moties en een rondetafelgesprek')).toEqual([]);
    expect(findMotionHits('wordt conform de motie van uw Kamer gehandeld').every((h) => h.submitters.length === 0)).toBe(true);
  });
});

describe('motions: linking through footnotes (seed 000)', () => {
  it('with marker places: Bergkamp → footnote 9, Westerveld/Wörsdörfer → footnote 12', () => {
    const motions = findMotions(seedRecord(true));
    expect(motions.map((m) => [m.id, m.submitters, m.pairs])).toEqual([
      ['kst-34550-XVI-91', ['Bergkamp'], [0]],
      ['kst-31839-732', ['Westerveld', 'Wörsdörfer'], [1]],
    ]);
    expect(motions[0]!.kamerstuk).toBe('34 550 XVI, nr. 91');
  });
  it('the question’s "motie Bergkamp?" is not linked to footnote 7 two sentences later', () => {
    const r = seedRecord(true);
    r.pairs[0]!.answer = 'Daar ben ik mee bekend.';
    expect(findMotions(r).find((m) => m.submitters.includes('Bergkamp'))!.id).toBeNull();
  });
  it('without marker places: only unambiguous links are made', () => {
    const motions = findMotions(seedRecord(false));
    // Pair 12 has one Kamerstuk footnote besides 13 … two, so nothing is guessed; pair 7 has two.
    for (const m of motions) expect(m.id).toBeNull();
    expect(motions.map((m) => m.submitters)).toEqual([['Bergkamp'], ['Westerveld', 'Wörsdörfer']]);
  });
  it('without marker places, a footnote naming the submitters links them', () => {
    const r = seedRecord(false);
    r.footnotes.find((f) => f.n === 9)!.text = 'Motie Bergkamp, Kamerstuk 34 550 XVI, nr. 91.';
    expect(findMotions(r).find((m) => m.submitters.includes('Bergkamp'))!.id).toBe('kst-34550-XVI-91');
  });
  it('the parsed seed gives the same links', () => {
    const r = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
    expect(r.motions.map((m) => m.id)).toEqual(['kst-34550-XVI-91', 'kst-31839-732']);
  });
});

describe('motions: the labelled corpus', () => {
  it('finds every labelled motion with its Kamerstuk', () => {
    const misses: string[] = [];
    let n = 0;
    for (const { label, record } of labelledDocuments()) {
      for (const m of label.motions ?? []) {
        n++;
        if (!m.kamerstuk) continue;
        const id = `kst-${m.kamerstuk.replace(/\s+/g, '').replace(/,nr\.?/, '-').replace(/([0-9])([A-Z])/, '$1-$2')}`;
        if (!record.motions.some((x) => x.id?.replace(/-/g, '') === id.replace(/-/g, ''))) misses.push(`${label.id}: ${m.text} (${m.kamerstuk})`);
      }
    }
    expect(n).toBeGreaterThan(10);
    expect(misses).toEqual([]);
  });
});

describe('motion entities', () => {
  it('aggregates mentions and keeps official fields of existing entities', () => {
    const r = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
    const official: Motion = {
      id: 'kst-34550-XVI-91',
      kamerstuk: '34 550 XVI, nr. 91',
      dossier: '34550',
      suffix: 'XVI',
      number: 91,
      title: 'Motie van het lid Bergkamp over een actieplan waarheidsvinding',
      submitters: ['Bergkamp'],
      zaakNumber: null,
      date: '2016-11-10',
      text: 'verzoekt de regering …',
      vote: { outcome: 'aangenomen', date: '2016-11-15', besluitSoort: 'Stemmen - aangenomen', besluitTekst: 'Aangenomen.', parties: [] },
      kabinetsappreciatie: null,
      mentions: [{ record: 'ah-tk-20202021-3976', pair: 2, label: '3', raw: 'oud', date: '2021-09-07' }, { record: 'other', pair: 0, label: '1', raw: 'x', date: '2020-01-01' }],
    };
    const entities = buildMotionEntities([r], [official]);
    const e = entities.find((x) => x.id === 'kst-34550-XVI-91')!;
    expect(e.title).toBe(official.title);
    expect(e.vote).toEqual(official.vote);
    expect(e.text).toBe(official.text);
    expect(e.submitters).toEqual(['Bergkamp']);
    // The stale mention of this record is replaced; the other record's mention stays.
    expect(e.mentions).toEqual([
      { record: 'other', pair: 0, label: '1', raw: 'x', date: '2020-01-01' },
      { record: 'ah-tk-20202021-3976', pair: 6, label: '7', raw: 'motie van het lid Bergkamp', date: '2021-09-07' },
    ]);
    const w = entities.find((x) => x.id === 'kst-31839-732')!;
    expect([w.dossier, w.suffix, w.number, w.kamerstuk]).toEqual(['31839', null, 732, '31 839, nr. 732']);
    expect(w.submitters).toEqual(['Westerveld', 'Wörsdörfer']);
  });
});

describe('programmes', () => {
  it('matches names and aliases ignoring case, abbreviations only in capitals', () => {
    const hits = findProgrammesInText('Met de Hervormingagenda Jeugd en de hervormingsagenda jeugdzorg; het IZA, niet iza, en geen PAS-melders.', registry);
    expect(hits.map((h) => [h.id, h.via])).toEqual([
      ['hervormingsagenda-jeugd', 'name'],
      ['hervormingsagenda-jeugd', 'name'],
      ['integraal-zorgakkoord', 'abbreviation'],
    ]);
  });
  it('seed 000: the action plan (also by its short form in the commitment) and the Hervormingsagenda', () => {
    const r = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
    expect(r.programmes.map((p) => [p.id, p.pairs])).toEqual([
      ['actieplan-verbetering-feitenonderzoek-jeugdbeschermingsketen', [6]],
      ['hervormingsagenda-jeugd', [11]],
    ]);
  });
  it('seed 002: the Toekomstscenario by its short form, the Hervormingsagenda with the typo', () => {
    const r = parseLinked('tests/fixtures/seeds/002_f9663fee962278e0.txt');
    const byId = new Map(r.programmes.map((p) => [p.id, p.pairs]));
    expect(byId.get('toekomstscenario-kind-en-gezinsbescherming')).toEqual(expect.arrayContaining([1, 2, 3, 4, 7, 9]));
    expect(byId.get('hervormingsagenda-jeugd')).toEqual([2, 3]);
  });
  it('every registry file is valid and has a Dutch description', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('content/programmes').filter((f) => f.endsWith('.md'));
    expect(registry.map((p) => p.id).sort()).toEqual(files.map((f) => f.replace(/\.md$/, '')).sort());
    for (const f of files) expect(readFileSync(`content/programmes/${f}`, 'utf8').split(/^---$/m)[2]!.trim().length).toBeGreaterThan(40);
    for (const id of ['hervormingsagenda-jeugd', 'toekomstscenario-kind-en-gezinsbescherming', 'actieplan-geweld-hoort-nergens-thuis', 'actieplan-verbetering-feitenonderzoek-jeugdbeschermingsketen']) {
      expect(registry.some((p) => p.id === id)).toBe(true);
    }
  });
  it('matchProgrammes lists pairs per programme', () => {
    const r = seedRecord(true);
    expect(matchProgrammes(r, registry).map((p) => [p.id, p.pairs])).toEqual([['actieplan-verbetering-feitenonderzoek-jeugdbeschermingsketen', [0]]]);
  });
});

describe('abbreviations', () => {
  it('reads "(hierna: …)" and plain parentheses when the letters fit', () => {
    expect(
      findAbbreviations(
        'melden bij Veilig Thuis (hierna: VT) is nodig. Een onderzoek bij de Raad voor de Kinderbescherming (hierna: RvdK). Voor de gecertificeerde instellingen (hierna: GI’s) geldt. Het Nationaal Programma Onderwijs (NPO) en het wetgevingsoverleg (WGO).',
      ),
    ).toEqual({ VT: 'Veilig Thuis', RvdK: 'Raad voor de Kinderbescherming', GI: 'gecertificeerde instellingen', NPO: 'Nationaal Programma Onderwijs', WGO: 'wetgevingsoverleg' });
  });
  it('ignores parties and codes whose letters do not fit', () => {
    expect(findAbbreviations('de leden Westerveld (GroenLinks-PvdA) en Synhaeve (D66), Erkens (VVD)')).toEqual({});
  });
  it('the parsed seed 000 has VT and RvdK', () => {
    const r = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
    expect(r.abbreviations).toMatchObject({ VT: 'Veilig Thuis', RvdK: 'Raad voor de Kinderbescherming' });
  });
});

describe('programme suggestions', () => {
  it('finds plan names in text', () => {
    expect(findPlanNames('In het NWA programma ‘Doen wat werkt’ en de Sociale Agenda voor Nederland; ook het Nationaal Preventieakkoord.')).toEqual([
      'Programma «Doen wat werkt»',
      'Sociale Agenda voor Nederland',
      'Nationaal Preventieakkoord',
    ]);
  });
  it('suggests only names the registry does not know, most frequent first', () => {
    const docs = labelledDocuments().map((d) => d.record);
    const names = suggestProgrammes(docs, registry);
    expect(names.length).toBeGreaterThan(0);
    for (const s of names) {
      expect(s.records.length).toBeGreaterThan(0);
      expect(registry.some((p) => p.name.toLowerCase() === s.name.toLowerCase())).toBe(false);
    }
    expect(names.map((s) => s.name)).not.toContain('Hervormingsagenda Jeugd');
    for (let i = 1; i < names.length; i++) expect(names[i - 1]!.count).toBeGreaterThanOrEqual(names[i]!.count);
  });
});

describe('references of a record', () => {
  it('questions, answers and footnotes, with pair and footnote set, deduplicated', () => {
    const messages: never[] = [];
    const refs = collectReferences(seedRecord(true), 'Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658.', messages);
    expect(refs).toEqual([
      { kind: 'aanhangsel', id: 'ah-tk-20202021-3658', raw: 'Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658', pair: null, footnote: null },
      { kind: 'kamerstuk', id: 'kst-33619-13', raw: 'Kamerstuk 33 619, nr. 13', pair: 0, footnote: 7 },
      { kind: 'url', id: 'https://www.nrc.nl/nieuws/2021/07/07/rapport', raw: 'https://www.nrc.nl/nieuws/2021/07/07/rapport', pair: 0, footnote: 8 },
      { kind: 'kamerstuk', id: 'kst-34550-XVI-91', raw: 'Kamerstuk 34 550 XVI, nr. 91', pair: 0, footnote: 9 },
      { kind: 'kamerstuk', id: 'kst-31839-732', raw: 'Kamerstuk 31 839, nr. 732', pair: 1, footnote: 12 },
      { kind: 'kamerstuk', id: 'kst-35570-XVI-175', raw: 'Kamerstuk 35 570 XVI, nr. 175', pair: 1, footnote: 13 },
    ]);
  });
  it('impossible references become messages naming where they stand', () => {
    const r = seedRecord(true);
    r.footnotes[0]!.text = 'Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844.';
    const linked = linkRecord(r, { programmes: registry });
    expect(linked.messages.some((m) => m.ruleId === 'reference-impossible' && m.reason.startsWith('voetnoot 7:'))).toBe(true);
  });
  it('linkRecord is pure and its output is a valid record', () => {
    const r = seedRecord(true);
    const before = JSON.stringify(r);
    const linked = linkRecord(r, { programmes: registry });
    expect(JSON.stringify(r)).toBe(before);
    expect(questionSet.safeParse(linked).success).toBe(true);
    expect(linked.commitments.map((c) => c.due)).toEqual(['2022-12-31', '2021-09-30']);
  });
});
