/** Acceptance: both seed documents parse exactly (issue 4, "Done when"). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lib/parse/text.ts';

function parseFixture(path: string) {
  const outcome = parseText(readFileSync(path, 'utf8'), path);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.record;
}

describe('seed 000: Aanhangsel 2020-2021 nr. 3976 (PDF text)', () => {
  const r = parseFixture('tests/fixtures/seeds/000_d6e88f2d1987be7c.txt');

  it('reads the header', () => {
    expect(r.id).toBe('ah-tk-20202021-3976');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('de documentaire «Goede Moeders»');
    expect(r.questioners).toEqual([{ name: 'Westerveld', party: 'GroenLinks' }]);
    expect(r.addressees).toEqual(['Minister voor Rechtsbescherming', 'Staatssecretaris van Volksgezondheid, Welzijn en Sport']);
    expect(r.answerers).toEqual([{ name: 'Dekker', role: 'Minister voor Rechtsbescherming' }]);
    expect(r.onBehalfOf).toEqual(['Staatssecretaris van Volksgezondheid, Welzijn en Sport']);
    expect(r.dateSubmitted).toBe('2021-07-08');
    expect(r.dateAnswered).toBe('2021-09-07');
    expect(r.vergaderjaar).toBe('2020-2021');
    expect(r.aanhangselNumber).toBe(3976);
    expect(r.seeAlsoAanhangsel).toBe(3658);
  });

  it('finds 12 pairs numbered 1–12 with their texts', () => {
    expect(r.pairs.map((p) => p.numbers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => [n]));
    expect(r.pairs[0]!.question).toBe('Bent u bekend met de documentaire «Goede Moeders»?');
    expect(r.pairs[0]!.answer).toBe('Ja, daar ben ik mee bekend.');
    expect(r.pairs[11]!.answer).toMatch(/^Tijdens het wetgevingsoverleg \(WGO\) van/);
    // Hyphenation at line ends is undone, running heads are gone.
    expect(r.pairs[1]!.question).toContain('documentaire over de manier');
    for (const p of r.pairs) {
      expect(p.question + (p.answer ?? '')).not.toMatch(/Tweede Kamer, vergaderjaar|Aanhangsel \d|ISSN/);
    }
  });

  it('collects 13 footnotes and ties their markers to the pairs', () => {
    expect(r.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.footnotes[0]!.text).toBe('2Doc.n, 7 juli 2021 «Goede moeders», www.2doc.nl/documentaries/series/2doc/2021/goede-moeders.html.'.replace('documentaries', 'documentaires'));
    expect(r.footnotes[8]!.text).toBe('Kamerstuk 34 550 XVI, nr. 91.');
    expect(r.pairs[0]!.footnoteRefs).toEqual([1]);
    // The footnote text is not left inside the answer it interrupted.
    expect(r.pairs[1]!.answer).not.toContain('2Doc.n');
    expect(r.pairs[1]!.answer).toContain('wanneer melden bij Veilig Thuis (hierna: VT) noodzakelijk is.');
  });
});

describe('seed 002: ministry letter answering 2026Z03535', () => {
  const r = parseFixture('tests/fixtures/seeds/002_f9663fee962278e0.txt');

  it('reads the letter header and signature', () => {
    expect(r.id).toBe('kv-tk-2026Z03535');
    expect(r.kind).toBe('answer');
    expect(r.zaakNumber).toBe('2026Z03535');
    expect(r.questioners).toEqual([
      { name: 'Westerveld', party: 'GroenLinks-PvdA' },
      { name: 'Synhaeve', party: 'D66' },
    ]);
    expect(r.answerers[0]).toEqual({ name: 'Mirjam Sterk', role: 'Minister van Langdurige Zorg, Jeugd en Sport' });
    expect(r.onBehalfOf).toEqual(['Staatssecretaris van Justitie en Veiligheid']);
    expect(r.dateAnswered).toBe('2026-04-10');
    expect(r.title).toBe("het onderzoek 'Van Inzicht naar uitvoering' van het Verwey-Jonker Instituut in Opdracht van Het Vergeten Kind");
  });

  it('finds 11 pairs and 5 footnotes', () => {
    expect(r.pairs.map((p) => p.numbers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => [n]));
    expect(r.pairs[0]!.answer).toMatch(/^Ja\. Kwaliteitsontwikkeling is versnipperd/);
    expect(r.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4, 5]);
    expect(r.footnotes[0]!.text).toBe('Leeragenda | kwaliteit blijvend leren');
    expect(r.footnotes[3]!.text).toBe('https://internetconsultatie.nl/reikwijdtejeugdwet');
    // Footnotes printed between question 2 and 3 do not end up in question 3.
    expect(r.pairs[2]!.question).toMatch(/^Erkent u het belang van focus op terugkeer/);
    expect(r.pairs[0]!.footnoteRefs).toEqual([1, 2]);
  });
});
