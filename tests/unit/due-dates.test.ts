/** Due dates: every rule of src/lib/build/due-dates.ts, relative to a document date. */
import { describe, expect, it } from 'vitest';
import { SUMMER_RECESS_START, findDueText, resolveDueDate, scanDue } from '../../src/lib/build/due-dates.ts';

/** [words, document date, expected due]. */
const RULES: Array<[string, string, string | null]> = [
  // voor de zomer → 21 June; the next summer when this one has started
  ['voor de zomer', '2026-04-10', '2026-06-21'],
  ['voor de zomer van 2026', '2025-11-01', '2026-06-21'],
  ['vóór de zomer', '2024-10-01', '2025-06-21'],
  // voor het zomerreces → day before the recess, from the sourced table; unknown years → null
  ['voor het zomerreces', '2024-05-17', '2024-07-04'],
  ['voor het zomerreces', '2023-03-01', '2023-07-06'],
  ['voor het zomerreces', '2031-03-01', null],
  // this year / a named year / in the course of a year → 31 December
  ['eind dit jaar', '2024-07-17', '2024-12-31'],
  ['dit jaar', '2026-04-10', '2026-12-31'],
  ['in 2024', '2024-01-26', '2024-12-31'],
  ['in de loop van 2024', '2024-03-07', '2024-12-31'],
  ['eind 2024', '2024-07-17', '2024-12-31'],
  ['voor eind 2024', '2024-07-17', '2024-12-31'],
  ['voor het einde van het jaar', '2024-07-17', '2024-12-31'],
  ['later dit jaar', '2024-07-17', '2024-12-31'],
  // next year
  ['volgend jaar', '2021-09-07', '2022-12-31'],
  ['komend jaar', '2021-09-07', '2022-12-31'],
  ['begin volgend jaar', '2024-11-05', '2025-03-31'],
  ['begin 2025', '2024-11-05', '2025-03-31'],
  // quarters and halves
  ['in het derde kwartaal van 2021', '2021-09-07', '2021-09-30'],
  ['in het eerste kwartaal', '2024-11-05', '2025-03-31'],
  ['in het vierde kwartaal van dit jaar', '2024-02-01', '2024-12-31'],
  ['in Q3', '2024-02-01', '2024-09-30'],
  ['Q2 2025', '2024-02-01', '2025-06-30'],
  ['in de eerste helft van 2024', '2024-04-11', '2024-06-30'],
  ['in de tweede helft van 2024', '2024-04-11', '2024-12-31'],
  ['in de eerste helft van volgend jaar', '2024-04-11', '2025-06-30'],
  // months → month end; a month already past this year means next year
  ['in april 2024', '2024-01-10', '2024-04-30'],
  ['in april van 2024', '2024-04-11', '2024-04-30'],
  ['eind april', '2024-01-10', '2024-04-30'],
  ['in maart', '2024-11-05', '2025-03-31'],
  ['eind mei', '2024-05-17', '2024-05-31'],
  ['in september', '2024-11-05', null], // nearest September is the one just gone: history
  ['op 26 september', '2024-08-22', '2024-09-26'],
  // "voor april" is before April starts (our choice, see the rule's comment)
  ['voor april', '2024-11-05', '2025-03-31'],
  ['half februari 2010', '2009-11-05', '2010-02-15'],
  ['medio april', '2024-01-05', '2024-04-15'],
  ['begin juni', '2024-01-05', '2024-06-10'],
  // seasons end on fixed days
  ['dit voorjaar', '2025-02-01', '2025-06-21'],
  ['in het voorjaar van 2025', '2024-11-01', '2025-06-21'],
  ['in de zomer van 2025', '2024-11-01', '2025-09-22'],
  ['dit najaar', '2024-08-22', '2024-12-21'],
  ['in het najaar van 2024', '2024-08-22', '2024-12-21'],
  ['volgend voorjaar', '2024-03-01', '2025-06-21'],
  ['deze winter', '2024-11-01', '2025-03-20'],
  // medio / halverwege a year → 30 June (our choice)
  ['medio 2025', '2024-11-05', '2025-06-30'],
  // stated dates
  ['voor 1 december 2023', '2023-09-14', '2023-12-01'],
  ['omstreeks 20 januari 2009', '2008-12-01', '2009-01-20'],
  ['uiterlijk 1 juli', '2024-03-01', '2024-07-01'],
  // weeks and months from the document date
  ['binnen zes weken', '2024-11-05', '2024-12-17'],
  ['binnen drie weken', '2024-11-05', '2024-11-26'],
  ['binnen 14 dagen', '2024-11-05', '2024-11-19'],
  ['binnen twee maanden', '2024-11-05', '2025-01-05'],
  // Prinsjesdag: third Tuesday of September
  ['voor Prinsjesdag', '2024-03-01', '2024-09-17'],
  // starting from a year
  ['vanaf 2025', '2024-03-01', '2025-01-01'],
];

const VAGUE: string[] = [
  'zo spoedig mogelijk',
  'zo snel mogelijk',
  'binnenkort',
  'op korte termijn',
  'na de zomer',
  'de komende tijd',
  'te zijner tijd',
  'na afronding van het onderzoek',
  'na de afronding van het herbeoordelingsproces',
  'zodra de resultaten van het onderzoek gereed zijn',
  'in de toekomst',
];

describe('resolveDueDate: one rule at a time', () => {
  for (const [words, date, want] of RULES) {
    it(`«${words}» written ${date} → ${want}`, () => {
      expect(resolveDueDate(words, date)).toBe(want);
    });
  }
  for (const words of VAGUE) {
    it(`«${words}» is vague: no date, but the words are kept`, () => {
      expect(resolveDueDate(words, '2024-07-23')).toBeNull();
      expect(findDueText(`Ik informeer uw Kamer ${words} over de uitkomsten.`, '2024-07-23')).not.toBeNull();
    });
  }
  it('refuses a bad document date instead of guessing', () => {
    expect(resolveDueDate('eind 2024', 'juli 2024')).toBeNull();
    expect(resolveDueDate('', '2024-07-01')).toBeNull();
  });
  it('only lists recess dates it can source, each a Friday', () => {
    for (const start of Object.values(SUMMER_RECESS_START)) expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(5);
  });
});

describe('findDueText and scanDue in real sentences', () => {
  it('seed 000: "Volgend jaar staat de eindevaluatie van het actieplan gepland." (2021-09-07)', () => {
    expect(scanDue('Volgend jaar staat de eindevaluatie van het actieplan gepland.', '2021-09-07')).toEqual({ dueText: 'Volgend jaar', due: '2022-12-31' });
  });
  it('seed 000: the rondetafelconferentie in the third quarter of 2021', () => {
    const s = 'In dat WGO hebben we toegezegd op basis van dat onderzoek een rondetafelconferentie te organiseren met alle betrokken partijen in het derde kwartaal van 2021.';
    expect(scanDue(s, '2021-09-07').due).toBe('2021-09-30');
  });
  it('seed 002: "die voor de zomer zal worden vastgesteld" and "Deze wordt dit jaar uitgevoerd."', () => {
    expect(scanDue('Met de veranderstrategie van het Toekomstscenario, die voor de zomer zal worden vastgesteld', '2026-04-10')).toEqual({ dueText: 'voor de zomer', due: '2026-06-21' });
    expect(scanDue('Deze wordt dit jaar uitgevoerd.', '2026-04-10')).toEqual({ dueText: 'dit jaar', due: '2026-12-31' });
  });
  it('a vague phrase narrowed by a stated date keeps both words and takes the date', () => {
    const s = 'Over de uitkomsten van dit onderzoek zal ik uw kamer op korte termijn informeren, in ieder geval ruim voor het sluiten van de openstellingsperiode van de Lbv (1 december 2023).';
    const r = scanDue(s, '2023-09-14');
    expect(r.due).toBe('2023-12-01');
    expect(r.dueText).toMatch(/^op korte termijn .*\(1 december 2023\)$/);
  });
  it('"na 2030" is no deadline, "eind dit jaar" in the same sentence is', () => {
    const s = 'Bij het bezien van eventuele maatregelen voor de periode na 2030, waarover ik uw Kamer eind dit jaar zal informeren, zal ik de inzet beschouwen.';
    expect(scanDue(s, '2024-07-17')).toEqual({ dueText: 'eind dit jaar', due: '2024-12-31' });
  });
  it('dates before the document date are history, not deadlines', () => {
    expect(findDueText('In de brief van 28 mei 2021 heb ik u gemeld dat het kabinet in gesprek gaat.', '2021-09-07')).toBeNull();
    expect(findDueText('Het wetsvoorstel is half februari in internetconsultatie gegaan.', '2026-04-10')).toBeNull();
    expect(findDueText('Bij motie is in 2016 gevraagd om een actieplan.', '2021-09-07')).toBeNull();
  });
  it('"tot en met 2030" and a bare year are no deadlines', () => {
    expect(findDueText('Er zijn tot en met 2030 geen leveringszekerheidsrisico’s.', '2024-07-17')).toBeNull();
  });
  it('"na de zomer" is not read as "de zomer"', () => {
    expect(scanDue('Na de zomer zal ik samen met netbeheerders kansrijke gebieden uitwerken.', '2024-07-23')).toEqual({ dueText: 'Na de zomer', due: null });
  });
  it('with an anchor, the deadline nearest the promised verb wins', () => {
    const s = 'Op 26 september vindt er een vervolgbijeenkomst plaats en ik verwacht uw Kamer dit najaar te informeren over de voortgang.';
    expect(scanDue(s, '2024-08-22', /informeren/).due).toBe('2024-12-21');
    expect(scanDue(s, '2024-08-22').due).toBe('2024-09-26');
  });
  it('a date after "van" dates a document, it is no deadline', () => {
    expect(scanDue('Zoals ik in mijn brief van 12 maart heb aangegeven, zal het kabinet in het najaar een besluit nemen.', '2024-03-01').due).toBe('2024-12-21');
  });
  it('"23 oktober jl." is in the past even without a year', () => {
    expect(findDueText('Tijdens de Raad van 23 oktober jl. heeft Nederland dit besproken.', '2023-11-13')).toBeNull();
  });
});
