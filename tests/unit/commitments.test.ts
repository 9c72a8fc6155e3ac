/** Commitments: sentence splitting, the promise classifier, the seed story and the labelled corpus. */
import { describe, expect, it } from 'vitest';
import { actionOf, actorOf, classifySentence, extractCommitments, normaliseSentence, shortHash, splitSentences } from '../../src/lib/build/commitments.ts';
import { scanDue } from '../../src/lib/build/due-dates.ts';
import type { QuestionSet } from '../../src/lib/schema/record.ts';
import { labelledDocuments, overlap, parseLinked, registry } from './link-fixtures.ts';

describe('splitSentences', () => {
  it('does not split on Dutch abbreviations, initials, numbers or URLs', () => {
    const text =
      'Dit geldt o.a. voor de GI’s, bijv. in art. 3.3 Jeugdwet. Zie Kamerstuk 31 839, nr. 732 en de brief van 1 jan. jl. aan mr. J. de Vries. De site www.rijksoverheid.nl noemt d.w.z. alles. Klopt dat? Ja!';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Dit geldt o.a. voor de GI’s, bijv. in art. 3.3 Jeugdwet.',
      'Zie Kamerstuk 31 839, nr. 732 en de brief van 1 jan. jl. aan mr. J. de Vries.',
      'De site www.rijksoverheid.nl noemt d.w.z. alles.',
      'Klopt dat?',
      'Ja!',
    ]);
  });
  it('ends sentences at blank lines and list items, and counts paragraphs', () => {
    const s = splitSentences('Twee opties:\n1. om advies te vragen\n2. om te melden\n\nNieuwe alinea zonder punt');
    expect(s.map((x) => x.text)).toEqual(['Twee opties:', '1. om advies te vragen', '2. om te melden', 'Nieuwe alinea zonder punt']);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 0, 1]);
  });
  it('gives offsets that point at the sentence in the source', () => {
    const text = 'Eerste zin.  Tweede zin.';
    const [, second] = splitSentences(text);
    expect(text.slice(second!.start, second!.end)).toBe('Tweede zin.');
  });
});

describe('ids', () => {
  it('FNV-1a 32-bit, 8 hex digits', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('foobar')).toBe('bf9cf968');
  });
  it('normalises case, accents and punctuation before hashing', () => {
    expect(normaliseSentence('Deze wordt  dit jaar uitgevoerd.')).toBe(normaliseSentence('deze wordt dit jaar uitgevoerd'));
    expect(normaliseSentence('Geïnformeerd')).toBe('geinformeerd');
  });
});

/** Classify a sentence the way the extractor does, with its deadline resolved against `date`. */
function isPromise(sentence: string, date: string): boolean {
  const { dueText, due } = scanDue(sentence, date);
  return classifySentence(sentence, dueText, due).promise;
}

describe('classifySentence: promises', () => {
  const yes: Array<[string, string]> = [
    ['Volgend jaar staat de eindevaluatie van het actieplan gepland.', '2021-09-07'],
    ['In dat WGO hebben we toegezegd op basis van dat onderzoek een rondetafelconferentie te organiseren met alle betrokken partijen in het derde kwartaal van 2021.', '2021-09-07'],
    ['In de brief van 28 mei 2021 heb ik u gemeld dat het huidige kabinet in gesprek gaat met de VNG om de vervolgstappen te bepalen.', '2021-09-07'],
    ['Daarbij is de staatssecretaris van Justitie en Veiligheid voornemens het subsidiariteitsvereiste aan te scherpen.', '2026-04-10'],
    ['Met de veranderstrategie van het Toekomstscenario, die voor de zomer zal worden vastgesteld, werken we samen met de partners.', '2026-04-10'],
    ['In de voortgangsbrief Jeugd informeren wij u over de voortgang van het programma.', '2026-04-10'],
    ['Deze wordt dit jaar uitgevoerd.', '2026-04-10'],
    ['Zeker ben ik bereid om met mijn collega’s in gesprek te gaan.', '2026-04-10'],
    ['Conform de toezegging van mijn ambtsvoorganger zal ik de Kamer hierover eind 2024 nader informeren.', '2024-07-17'],
    ['Uw Kamer wordt hier voor het zomerreces over geïnformeerd.', '2024-05-17'],
    ['Zodra de resultaten van het onderzoek gereed zijn, wordt de kabinetsreactie zo spoedig mogelijk naar Uw Kamer gestuurd.', '2024-05-17'],
    ['In de kabinetsreactie worden deze overwegingen meegenomen.', '2024-05-17'],
    ['Op de precieze impact op het uitrolplan kom ik na de zomer terug.', '2024-07-23'],
    ['Na de zomer maken we de balans op en besluiten of hieraan verder gewerkt zal worden.', '2024-07-23'],
    ['Op basis hiervan bekijk ik samen met UWV of en welke vervolgactie nodig is.', '2024-08-22'],
    ['Ik kan het percentage op dit moment niet verklaren en laat hier nog nader naar kijken.', '2024-08-30'],
    ['Tot slot komt er, aan de hand van de verkenning, een concreet en uitgewerkt plan van aanpak.', '2024-06-14'],
    ['De bevoegdheidsverklaringsdienst wordt in 2024 in gebruik genomen.', '2024-01-26'],
    ['Ik zeg toe dat ik de Kamer voor 1 december informeer.', '2024-09-01'],
    ['Ik verwacht uw Kamer dit najaar te informeren over de voortgang.', '2024-08-22'],
    ['Het kabinet komt voor de zomer met een reactie.', '2024-03-01'],
    ['Ik streef ernaar de Kamer voor het einde van het jaar te informeren.', '2024-03-01'],
    ['Ik zal hierover in overleg treden met de sector.', '2024-03-01'],
    ['Zoals ik in mijn brief van 12 maart heb aangegeven, zal het kabinet in het najaar een besluit nemen.', '2024-03-01'],
    ['Uw Kamer ontvangt voor 1 juli de evaluatie.', '2024-03-01'],
  ];
  for (const [s, date] of yes) it(s.slice(0, 90), () => expect(isPromise(s, date)).toBe(true));
});

describe('classifySentence: not promises', () => {
  const no: Array<[string, string, string]> = [
    ['question', 'Bent u bereid de Kamer voor de zomer te informeren?', '2024-03-01'],
    ['fact', 'De uitvoering van het actieplan loopt tot en met einde 2021.', '2021-09-07'],
    ['past', 'Over de tussenresultaten van dit actieplan is uw Kamer regelmatig geïnformeerd.', '2021-09-07'],
    ['past letter', 'In de Kamerbrief van 25 november 2022 is geschetst hoe opvolging wordt gegeven aan de aanbevelingen.', '2023-09-14'],
    ['forecast about others', 'Naar verwachting worden de eerste onderzoeksresultaten eind dit jaar bekend.', '2026-04-10'],
    ['forecast about effects', 'Deze maatregelen zullen naar verwachting zorgen voor een meer toekomstbestendige arbeidsmarkt.', '2024-08-30'],
    ['refusal', 'Het huidige kabinet is niet voornemens stappen te zetten om dit aan te passen.', '2024-06-14'],
    ['possibility', 'Als sprake is van een niet-meewerkende ouder, dan kan de Raad voor de Kinderbescherming worden verzocht een onderzoek in te stellen.', '2024-06-11'],
    ['others will act', 'Wij verwachten niet dat na deze uitspraak meer werkgevers zich zullen melden.', '2024-06-14'],
    ['ongoing', 'Ik zal mij daar vanuit mijn rol ook voor blijven inzetten.', '2024-07-23'],
    ['about this answer', 'Ik zal hieronder toelichten hoe dit met elkaar samenhangt.', '2023-10-24'],
    ['assumption', 'Tot slot ga ik ervanuit dat de signalen serieus worden genomen.', '2024-08-29'],
    ['someone else publishes', 'De standaarden die door het Amerikaanse NIST dit jaar gepubliceerd worden, zijn leidend.', '2024-03-07'],
    ['current work', 'Deze elementen worden momenteel verder uitgewerkt in het Toekomstscenario.', '2026-04-10'],
    ['a prediction with zal', 'Belangrijk is het kind niet te lang in onzekerheid te laten over waar het uiteindelijk zal opgroeien.', '2021-09-07'],
    ['advice to others', 'De ondernemers die het betreft, adviseer ik om in gesprek te gaan met een zaakbegeleider.', '2023-09-14'],
    ['carry on', 'Dat zal ik blijven doen.', '2024-03-01'],
    ['a third party acts', 'De Inspectie zal dit onderzoeken.', '2024-03-01'],
    ['already done', 'De evaluatie van de wet is in 2023 afgerond.', '2024-03-01'],
    ['a past request to others', 'Ik heb de NZa gevraagd mij voor de zomer te informeren.', '2024-03-01'],
  ];
  for (const [kind, s, date] of no) it(`${kind}: ${s.slice(0, 70)}`, () => expect(isPromise(s, date)).toBe(false));
});

describe('action and actor', () => {
  it('names what is promised in a few words', () => {
    expect(actionOf('In dat WGO hebben we toegezegd een rondetafelconferentie te organiseren.')).toBe('rondetafelconferentie organiseren');
    expect(actionOf('Volgend jaar staat de eindevaluatie van het actieplan gepland.')).toBe('eindevaluatie');
    expect(actionOf('Uw Kamer wordt hier voor het zomerreces over geïnformeerd.')).toBe('informeren');
  });
  it('finds a named actor, but not a partner after "samen met"', () => {
    expect(actorOf('Daarbij is de staatssecretaris van Justitie en Veiligheid voornemens het vereiste aan te scherpen.')).toBe('de staatssecretaris van Justitie en Veiligheid');
    expect(actorOf('Hierin bekijk ik samen met de Minister van Veiligheid en Justitie of het nodig is.')).toBeNull();
    expect(actorOf('Ten slotte zullen de Staatssecretaris van JenV en ikzelf opvolging geven.', 'Minister van VWS')).toBe('de Staatssecretaris van JenV en Minister van VWS');
    expect(actorOf('Mijn ministerie zal daarom ook onderzoeken welke instrumenten er zijn.', 'Minister van KGG')).toBe('Minister van KGG');
  });
});

describe('the seed story', () => {
  const s000 = parseLinked('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');
  const s002 = parseLinked('tests/fixtures/seeds/002_f9663fee962278e0.txt');
  const find = (r: QuestionSet, re: RegExp) => r.commitments.find((c) => re.test(c.text));

  it('seed 000: the final evaluation next year, due 2022-12-31, about the action plan', () => {
    const c = find(s000, /Volgend jaar staat de eindevaluatie van het actieplan gepland/)!;
    expect(c).toBeDefined();
    expect(c.due).toBe('2022-12-31');
    expect(c.dueText).toBe('Volgend jaar');
    expect(c.pair).toBe(6);
    expect(c.programmes).toEqual(['actieplan-verbetering-feitenonderzoek-jeugdbeschermingsketen']);
    expect(c.id).toMatch(/^ah-tk-20202021-3976-tz-[0-9a-f]{8}$/);
  });
  it('seed 000: the round-table conference in the third quarter of 2021', () => {
    const c = find(s000, /rondetafelconferentie te organiseren/)!;
    expect(c.due).toBe('2021-09-30');
    expect(c.action).toBe('rondetafelconferentie organiseren');
  });
  it('seed 000: the Hervormingsagenda jeugdzorg, no due date, actor the cabinet', () => {
    const c = find(s000, /Hervormingsagenda jeugdzorg/)!;
    expect(c.due).toBeNull();
    expect(c.actor).toBe('het huidige kabinet');
    expect(c.programmes).toEqual(['hervormingsagenda-jeugd']);
    expect(c.id).toBe('ah-tk-20202021-3976-tz-c89b50d5');
  });
  it('seed 000: nothing else is taken for a promise', () => {
    expect(s000.commitments).toHaveLength(3);
  });
  it('seed 002: before the summer (2026-06-21) and this year (2026-12-31)', () => {
    const summer = s002.commitments.filter((c) => c.due === '2026-06-21');
    expect(summer.length).toBe(2);
    for (const c of summer) expect(c.programmes).toContain('toekomstscenario-kind-en-gezinsbescherming');
    const year = find(s002, /Deze wordt dit jaar uitgevoerd\./)!;
    expect(year.due).toBe('2026-12-31');
    expect(year.programmes).toEqual(['kwaliteit-en-blijvend-leren']);
  });
  it('seed 002: the forecast about the Tilburg research is not a promise', () => {
    expect(find(s002, /eerste onderzoeksresultaten/)).toBeUndefined();
  });
  it('seed 002: the state secretary of Justice is the actor of the "voornemens" promise', () => {
    expect(find(s002, /voornemens/)!.actor).toBe('de staatssecretaris van Justitie en Veiligheid');
  });
  it('ids are stable and unique', () => {
    const again = extractCommitments(s000, { programmes: registry, motions: s000.motions });
    expect(again.map((c) => c.id)).toEqual(s000.commitments.map((c) => c.id));
    expect(new Set(s002.commitments.map((c) => c.id)).size).toBe(s002.commitments.length);
  });
  it('postponement notices get no commitments', () => {
    const notice = parseLinked('tests/fixtures/corpus/ah-tk-20232024-1999.txt');
    expect(notice.commitments).toEqual([]);
  });
});

describe('the labelled corpus', () => {
  const docs = labelledDocuments();
  let labelled = 0;
  let found = 0;
  let dated = 0;
  let dueRight = 0;
  const falses: string[] = [];
  const misses: string[] = [];
  for (const { label, record } of docs) {
    for (const c of label.commitments ?? []) {
      labelled++;
      let best = 0;
      let match = null as QuestionSet['commitments'][number] | null;
      for (const got of record.commitments) {
        const o = overlap(c.quote, got.text);
        if (o > best) [best, match] = [o, got];
      }
      if (best >= 0.6 && match) {
        found++;
        if (c.due) {
          dated++;
          if (match.due === c.due) dueRight++;
          else misses.push(`${label.id}: termijn ${match.due} in plaats van ${c.due} — ${c.quote.slice(0, 60)}`);
        }
      } else misses.push(`${label.id}: niet gevonden — ${c.quote.slice(0, 80)}`);
    }
    for (const got of record.commitments) {
      const best = Math.max(0, ...(label.commitments ?? []).map((c) => overlap(c.quote, got.text)));
      if (best < 0.6) falses.push(`${label.id} [paar ${got.pair}]: ${got.text}`);
    }
  }

  it('finds at least 90% of the labelled commitments', () => {
    if (misses.length) console.log(`Gemist of verkeerde termijn:\n  ${misses.join('\n  ')}`);
    expect(labelled).toBeGreaterThan(40);
    expect(found / labelled).toBeGreaterThanOrEqual(0.9);
  });
  it('gets at least 85% of the labelled due dates right', () => {
    expect(dated).toBeGreaterThan(10);
    expect(dueRight / dated).toBeGreaterThanOrEqual(0.85);
  });
  it('takes at most 0.5 false commitments per document (list printed for a person to check)', () => {
    console.log(`Toezeggingen zonder label (${falses.length} in ${docs.length} documenten):\n  ${falses.join('\n  ')}`);
    expect(falses.length / docs.length).toBeLessThanOrEqual(0.5);
  });
});
