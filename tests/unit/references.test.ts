/** References: every citation form seen in real answers, normalised to stable ids. */
import { describe, expect, it } from 'vitest';
import { extractReferences, findReferences, kamerstukCitation, kamerstukId } from '../../src/lib/build/references.ts';

/** [text as written in a real document, expected ids]. */
const FORMS: Array<[string, string[]]> = [
  ['Kamerstuk 34 550 XVI, nr. 91.', ['kst-34550-XVI-91']],
  ['Kamerstukken II 2020/21, 31 839, nr. 732', ['kst-31839-732']],
  ['zie kst-31839-732', ['kst-31839-732']],
  ['Kamerstuk 21 501-32, nr. 1234', ['kst-21501-32-1234']],
  ['Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169)', ['kst-21501-02-2498', 'https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169']],
  ['Kamerstuk 36 200-XVI, nr. 5', ['kst-36200-XVI-5']],
  ['Kamerstuk 36 200 XVI, nr. 6', ['kst-36200-XVI-6']],
  ['TK 2023/24, 31 839, nr. 1024', ['kst-31839-1024']],
  ['Kamerstukken ll 2023/24, 36 410 XVI, nr. 160', ['kst-36410-XVI-160']],
  ['Kamerstukken II, 2022/2023, 31 839, nr 874', ['kst-31839-874']],
  ['Kamerstukken II2015–16, 34 104, nr. 128.', ['kst-34104-128']],
  ['Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267', ['kst-26485-267']],
  ['Kamerstuk, 28 828, nr. 70', ['kst-28828-70']],
  ['kamerstuk 32 813, nr. 1395', ['kst-32813-1395']],
  ['Kamerstuk 21 501-02 nr. 2732', ['kst-21501-02-2732']],
  ['motie-Bruins Slot/Pia Dijkstra (Kamerstuk 28 828, nr. 66), de regering', ['kst-28828-66']],
  ['Kamerstuk 22 054, nr. 395, d.d. 14 juli 2023.', ['kst-22054-395']],
  ['motie 36 200 IV, nr. 25', ['kst-36200-IV-25']],
  ['Kamerstukken 31 839, nrs. 12 en 13', ['kst-31839-12', 'kst-31839-13']],
  ['Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA', ['kst-25424-679', 'kst-25424-684', 'kst-25424-685']],
  ['Aanhangsel Handelingen II 2020/21, nr. 3658', ['ah-tk-20202021-3658']],
  ['Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658.', ['ah-tk-20202021-3658']],
  ['Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76', ['ah-tk-20232024-76']],
  ['Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028', ['ah-tk-20232024-1028']],
  ['Handelingen II 2021/22, nr. 12, item 5', ['h-tk-20212022-12-5']],
  ['vragen (2026Z03535) en de beantwoording (2022D22285)', ['2026Z03535', '2022D22285']],
  ['https://www.officielebekendmakingen.nl/kst-31839-732.html', ['https://www.officielebekendmakingen.nl/kst-31839-732.html']],
  ['Zie www.rijksoverheid.nl/documenten/publicaties/2024/06/21/mid-term-review-iza.', ['https://www.rijksoverheid.nl/documenten/publicaties/2024/06/21/mid-term-review-iza']],
  ['(https:// www.movisie.nl/sites/movisie.nl/files/inventarisatie.pdf)', ['https://www.movisie.nl/sites/movisie.nl/files/inventarisatie.pdf']],
];

describe('extractReferences: real citation forms', () => {
  for (const [text, ids] of FORMS) {
    it(`${text.slice(0, 70)} → ${ids.join(', ')}`, () => {
      expect(extractReferences(text).map((r) => r.id)).toEqual(ids);
    });
  }
  it('keeps the raw text as written, with the kind', () => {
    expect(extractReferences('Zie Kamerstuk 34 550 XVI, nr. 91.')).toEqual([{ kind: 'kamerstuk', id: 'kst-34550-XVI-91', raw: 'Kamerstuk 34 550 XVI, nr. 91' }]);
    expect(extractReferences('Aanhangsel Handelingen II 2020/21, nr. 3658')[0]!.kind).toBe('aanhangsel');
    expect(extractReferences('Handelingen II 2021/22, nr. 12, item 5')[0]!.kind).toBe('handelingen');
    expect(extractReferences('2026Z03535 2026D12345').map((r) => r.kind)).toEqual(['zaak', 'document']);
  });
  it('does not read page footers, years or article numbers as Kamerstukken', () => {
    expect(extractReferences('Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel 3')).toEqual([]);
    expect(extractReferences('in 2024, nr. 5 van de lijst')).toEqual([]);
    expect(extractReferences('art. 3.3 Jeugdwet en artikel 4.1.1. lid 3')).toEqual([]);
  });
  it('does not take ids from inside a URL', () => {
    const ids = extractReferences('https://www.tweedekamer.nl/kamerstukken/detail?id=2022Z10723').map((r) => r.id);
    expect(ids).toEqual(['https://www.tweedekamer.nl/kamerstukken/detail?id=2022Z10723']);
  });
});

describe('impossible numbers are rejected with a Dutch reason', () => {
  it('a vergaderjaar that is not two consecutive years drops an Aanhangsel reference', () => {
    const r = findReferences('Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844).');
    expect(r.references).toEqual([]);
    expect(r.rejected[0]!.reason).toMatch(/geen paar opeenvolgende jaren/);
  });
  it('a Kamerstuk keeps its id when only the year is wrong, and the typo is reported', () => {
    const r = findReferences('Kamerstukken II 2023–34, 23 235, nr. 240.');
    expect(r.references.map((x) => x.id)).toEqual(['kst-23235-240']);
    expect(r.rejected[0]!.reason).toMatch(/2023\/34/);
  });
  it('number 0 or ≥ 10000, and a six-digit dossier', () => {
    const r = findReferences('Kamerstuk 12 345, nr. 0 en Kamerstuk 31 839, nr. 12345 en Kamerstuk 123 456, nr. 5');
    expect(r.references).toEqual([]);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/Volgnummer 0/),
      expect.stringMatching(/Volgnummer 12345/),
      expect.stringMatching(/Dossiernummer 123 456/),
    ]);
  });
});

describe('ids and citations', () => {
  it('builds and prints Kamerstuk ids both ways', () => {
    expect(kamerstukId('34 550', 'xvi', 91)).toBe('kst-34550-XVI-91');
    expect(kamerstukCitation('kst-34550-XVI-91')).toBe('34 550 XVI, nr. 91');
    expect(kamerstukCitation('kst-21501-32-1234')).toBe('21 501-32, nr. 1234');
    expect(kamerstukCitation('kst-31839-732')).toBe('31 839, nr. 732');
    expect(kamerstukCitation('ah-tk-20202021-3658')).toBeNull();
  });
});
