/**
 * Tests for the official-XML and HTML readers. Fixtures: tests/fixtures/xml and tests/fixtures/html
 * (see their README for which are recorded and which are reconstructions from real text), and the
 * recorded official payloads in tests/fixtures/official for the "not Kamervragen" cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPairs,
  finishParagraph,
  footnoteMarker,
  isKamervragenXml,
  labelKind,
  normaliseDate,
  parseAanhangselValue,
  parseLabel,
  readOfficialXml,
} from '../../src/lib/parse/xml.ts';
import { readLabel } from '../../src/lib/parse/labels.ts';
import { readHtml } from '../../src/lib/parse/html.ts';
import type { DocumentParts } from '../../src/lib/parse/parts.ts';
import type { Message } from '../../src/lib/schema/common.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const read = (...p: string[]): string => readFileSync(join(FIX, ...p), 'utf8');
const xml = (name: string): string => read('xml', name);
const html = (name: string): string => read('html', name);
const official = (name: string): string => read('official', 'officielebekendmakingen', name);

/** First words of a text, for comparing with the labels' "first ~5 words" convention. */
const starts = (text: string | null | undefined, prefix: string): boolean => (text ?? '').startsWith(prefix);

function summary(parts: DocumentParts): Array<[string, number[], boolean]> {
  return parts.pairs.map((p) => [p.label, p.numbers, p.answer !== null]);
}

// ---------------------------------------------------------------------------------------------
// Official XML
// ---------------------------------------------------------------------------------------------

describe('readOfficialXml: answer with footnotes (ah-tk-20202021-3976, reconstructed from the seed)', () => {
  const parts = readOfficialXml(xml('ah-tk-20202021-3976.reconstructed.xml'));
  const seed = JSON.parse(read('seeds', '000_d6e88f2d1987be7c.json')) as {
    questions: Array<{ label: string; numbers: number[] }>;
    footnotes: Array<{ n: number; text: string }>;
    firstQuestionStart: string;
    firstAnswerStart: string;
    lastAnswerStart: string;
  };

  it('reports form, container and no problems', () => {
    expect(parts.form).toBe('aanhangsel-xml');
    expect(parts.container).toBe('xml');
    expect(parts.messages).toEqual([]);
    expect(parts.notice).toBeNull();
  });

  it('gives the twelve numbered pairs the seed labels list, all answered', () => {
    expect(parts.pairs.map((p) => ({ label: p.label, numbers: p.numbers }))).toEqual(seed.questions);
    expect(parts.pairs.every((p) => p.answer !== null && p.answer.length > 0)).toBe(true);
    expect(starts(parts.pairs[0]?.question, seed.firstQuestionStart)).toBe(true);
    expect(starts(parts.pairs[0]?.answer, seed.firstAnswerStart)).toBe(true);
    expect(starts(parts.pairs[11]?.answer, seed.lastAnswerStart)).toBe(true);
  });

  it('puts the header sentences together in order', () => {
    expect(parts.header).toBe(
      'Vragen van het lid Westerveld (GroenLinks) aan de Minister voor Rechtsbescherming en de Staatssecretaris van Volksgezondheid, Welzijn en Sport over de documentaire «Goede Moeders» (ingezonden 8 juli 2021). Antwoord van Minister Dekker (Rechtsbescherming), mede namens Staatssecretaris van Volksgezondheid, Welzijn en Sport (ontvangen 7 september 2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658.',
    );
  });

  it('replaces inline notes by superscripts glued to the text and records them per pair', () => {
    expect(parts.pairs[0]?.question).toBe('Bent u bekend met de documentaire «Goede Moeders»?¹');
    expect(parts.pairs[6]?.question.endsWith('deze week over bericht?⁷, ⁸')).toBe(true);
    expect(parts.pairs[5]?.answer).toContain('hulp en bijstand⁶.');
    expect(parts.pairs.map((p) => p.footnoteRefs)).toEqual([[1], [], [2], [3], [4, 5], [6], [7, 8, 9], [], [], [10, 11], [], [12, 13]]);
    // The note text never leaks into the question or answer.
    expect(parts.pairs[0]?.question).not.toContain('2Doc');
  });

  it('collects all thirteen footnotes with the texts the seed labels give', () => {
    expect(parts.footnotes).toEqual(seed.footnotes);
  });

  it('keeps paragraphs and list items', () => {
    const a4 = parts.pairs[3]?.answer ?? '';
    expect(a4).toContain('Als een professional contact opneemt met VT kan dit zijn:\n\n1. om advies te vragen aan VT\n2. om een melding te doen\n\nAd 1)\n\nMet professionals');
    expect(a4).toContain('\n\n1) De overdracht naar een lokaal team');
    expect(a4.split('\n\n')).toHaveLength(8);
    expect(parts.pairs[9]?.answer?.split('\n\n')[1]?.startsWith('Dat laat onverlet')).toBe(true);
  });

  it('reads the metadata the markup states', () => {
    expect(parts.meta).toEqual({
      id: 'ah-tk-20202021-3976',
      aanhangselNumber: 3976,
      vergaderjaar: '2020-2021',
      dateSubmitted: '2021-07-08',
      dateAnswered: '2021-09-07',
      title: 'de documentaire «Goede Moeders»',
    });
    expect(isKamervragenXml(xml('ah-tk-20202021-3976.reconstructed.xml'))).toBe(true);
  });
});

describe('readOfficialXml: merged numbering and tables (ah-tk-20232024-1314, reconstructed)', () => {
  const parts = readOfficialXml(xml('ah-tk-20232024-1314.reconstructed.xml'));
  const labels = JSON.parse(read('corpus', 'ah-tk-20232024-1314.json')) as {
    questions: Array<{ label: string; numbers: number[] }>;
    footnotes: Array<{ n: number; text: string }>;
    lastAnswerStart: string;
  };

  it('gives one pair for "Vraag 3, 4 en 5" with its three questions', () => {
    expect(parts.pairs.map((p) => ({ label: p.label, numbers: p.numbers }))).toEqual(labels.questions);
    const merged = parts.pairs[2];
    expect(merged?.question.split('\n\n')).toHaveLength(3);
    expect(merged?.question.split('\n\n')[2]?.startsWith('Kent u de Inventarisatie Regenboogbeleid Regenboogprovincies?² Zo ja')).toBe(true);
    expect(merged?.footnoteRefs).toEqual([2]);
    expect(starts(merged?.answer, 'Het is van groot belang')).toBe(true);
  });

  it('renders tables one row per line, cells joined by " | "', () => {
    const a6 = parts.pairs[3]?.answer ?? '';
    expect(starts(a6, labels.lastAnswerStart)).toBe(true);
    expect(a6).toContain('Meldingen Tumba, kenniscentrum discriminatie en diversiteit\n\nGrond | Meldingen in 2021 | Meldingen in 2022 | Meldingen in 2023\nGeslacht(Trans) | 2 | 3 | 6\nSeksuele gerichtheid | 10 | 14 | 34\nTOTAAL | 12 | 17 | 40');
    expect(a6.endsWith('Seksuele gerichtheid | 66 | 73 | 74')).toBe(true);
  });

  it('has the footnotes and dates of the labels', () => {
    expect(parts.footnotes).toEqual(labels.footnotes);
    expect(parts.meta.dateSubmitted).toBe('2024-03-06');
    expect(parts.meta.dateAnswered).toBe('2024-03-25');
    expect(parts.meta.aanhangselNumber).toBe(1314);
    expect(parts.header.endsWith('Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap) (ontvangen 25 maart 2024).')).toBe(true);
  });
});

describe('readOfficialXml: notice with questions and no answers (ah-tk-20232024-1999, reconstructed)', () => {
  const parts = readOfficialXml(xml('ah-tk-20232024-1999.reconstructed.xml'));

  it('gives the three questions with a null answer and no complaint about missing answers', () => {
    expect(summary(parts)).toEqual([['1', [1], false], ['2', [2], false], ['3', [3], false]]);
    expect(parts.messages).toEqual([]);
    expect(parts.pairs[0]?.footnoteRefs).toEqual([1]);
    expect(parts.pairs[0]?.question).toContain('van het hoofdlijnenakkoord?¹ Zo ja');
  });

  it('puts the Mededeling text in notice and the "Mededeling van" sentence in the header', () => {
    expect(parts.notice).toBe(
      'De schriftelijke vragen van de leden Sneller, Chakor, Van Nispen over Juridische analyse(s) van het hoofdlijnenakkoord (ingezonden 30 mei 2024) zijn beantwoord middels een brief over Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024.',
    );
    expect(parts.header.endsWith('Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).')).toBe(true);
    expect(parts.footnotes).toHaveLength(1);
    expect(parts.meta.title).toBe('juridische analyse(s) van het hoofdlijnenakkoord');
  });
});

describe('readOfficialXml: without inline metadata the body itself is read', () => {
  it('takes number, vergaderjaar and dates from kamervraagnummer, kamervraagkop and <datum isodatum>', () => {
    const bare = xml('ah-tk-20232024-1999.reconstructed.xml').replace(/<metadata>[\s\S]*?<\/metadata>/, '');
    const parts = readOfficialXml(bare);
    expect(parts.meta).toEqual({
      aanhangselNumber: 1999,
      vergaderjaar: '2023-2024',
      dateSubmitted: '2024-05-30',
      dateAnswered: '2024-06-07',
      title: 'juridische analyse(s) van het hoofdlijnenakkoord',
    });
    expect(parts.pairs).toHaveLength(3);
  });
});

describe('readOfficialXml: questions-only kv-tk document (kv-tk-2026Z03535, reconstructed)', () => {
  const parts = readOfficialXml(xml('kv-tk-2026Z03535.reconstructed.xml'));

  it('gives eleven unanswered questions and the zaak number', () => {
    expect(parts.pairs).toHaveLength(11);
    expect(parts.pairs.map((p) => p.numbers[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(parts.pairs.every((p) => p.answer === null)).toBe(true);
    expect(starts(parts.pairs[0]?.question, 'Herkent u de conclusies van de onderzoekers')).toBe(true);
    expect(starts(parts.pairs[2]?.question, 'Erkent u het belang van focus op terugkeer')).toBe(true);
    expect(parts.meta).toMatchObject({ id: 'kv-tk-2026Z03535', zaakNumber: '2026Z03535', vergaderjaar: '2025-2026' });
    expect(parts.meta.aanhangselNumber).toBeUndefined();
    expect(parts.messages).toEqual([]);
  });
});

describe('readOfficialXml: what is not Kamervragen is refused with a reason', () => {
  it('refuses the recorded motions (Kamerstukken)', () => {
    expect(() => readOfficialXml(official('kst-19637-3384.motie.documentpublicatie-resource.xml'))).toThrow(/Geen Kamervragen-XML: het is een Kamerstuk \(gewijzigde motie van het lid podt/);
    expect(() => readOfficialXml(official('kst-34104-439.motie.inline-metadata.xml'))).toThrow(/Geen Kamervragen-XML: het is een Kamerstuk \(motie/);
    expect(isKamervragenXml(official('kst-34104-439.motie.inline-metadata.xml'))).toBe(false);
  });

  it('refuses a Gemeenteblad metadata file, an OWMS file and SRU responses', () => {
    expect(() => readOfficialXml(official('gmb-2024-216934.metadata.xml'))).toThrow(/metadata-bestand \(metadata\.xml\) zonder documenttekst van een Gemeenteblad/);
    expect(() => readOfficialXml(official('gmb-2024-216934.metadata_owms.xml'))).toThrow(/Geen Kamervragen-XML/);
    expect(() => readOfficialXml(official('sru-1.2.zoek-officielebekendmakingen.search.stb.xml'))).toThrow(/SRU-zoekantwoord/);
    expect(() => readOfficialXml(official('sru-1.2.zoek-officielebekendmakingen.diagnostic.xml'))).toThrow(/SRU-foutmelding/);
    expect(() => readOfficialXml(official('sru.repository-overheid.record.gmb-2023-174296.xml'))).toThrow(/Geen Kamervragen-XML/);
    expect(isKamervragenXml(official('gmb-2024-216934.metadata.xml'))).toBe(false);
  });

  it('refuses malformed XML (a truncated download of a real payload) with line and column', () => {
    const truncated = official('kst-19637-3384.motie.documentpublicatie-resource.xml').slice(0, 1200);
    expect(() => readOfficialXml(truncated)).toThrow(/^Geen geldige XML: .*\(regel \d+, kolom \d+\)\.$/);
    expect(isKamervragenXml(truncated)).toBe(false);
    expect(() => readOfficialXml('')).toThrow('Geen XML: de invoer is leeg.');
    expect(() => readOfficialXml('Vraag 1\nBent u bekend met …')).toThrow(/Geen XML/);
  });

  it('refuses HTML given as XML', () => {
    expect(() => readOfficialXml(html('stcrt-2013-10981.wetsuite.html'))).toThrow(/Geen (geldige )?(Kamervragen-)?XML/);
  });

  it('refuses pathological nesting with a clear error instead of overflowing the stack', () => {
    expect(() => readOfficialXml('<a>'.repeat(5000) + '</a>'.repeat(5000))).toThrow(/^Geen bruikbare XML/);
    expect(() => readHtml('<div>'.repeat(5000) + 'Vraag 1' + '</div>'.repeat(5000))).toThrow(/^Geen bruikbare HTML/);
  });

  it('never expands entities declared in a DOCTYPE', () => {
    const withEntity = xml('ah-tk-20232024-1999.reconstructed.xml').replace(
      '<officiele-publicatie>',
      '<!DOCTYPE officiele-publicatie [<!ENTITY x "GEHEIM">]>\n<officiele-publicatie>',
    ).replace('Kunt u juridische analyses', 'Kunt u &x; juridische analyses');
    const parts = readOfficialXml(withEntity);
    expect(parts.pairs[1]?.question).not.toContain('GEHEIM');
  });
});

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

describe('readHtml: recorded officielebekendmakingen fragments (openkamer tests)', () => {
  it('reads four questions from div.vraag and the a.nootnum markers', () => {
    const parts = readHtml(html('openkamer.kv-tk-2016Z00020.vragen.fragment.html'));
    expect(parts.form).toBe('aanhangsel-html');
    expect(parts.container).toBe('html');
    expect(summary(parts)).toEqual([['1', [1], false], ['2', [2], false], ['3', [3], false], ['4', [4], false]]);
    expect(parts.pairs[0]?.question).toBe('Wat is uw reactie op het bericht «Veel beginnende ggz-krachten krijgen alleen onkostenvergoeding»?¹,²');
    expect(parts.pairs[0]?.footnoteRefs).toEqual([1, 2]);
    expect(parts.pairs[1]?.question).toBe('Bent u van mening dat hier sprake is van een arbeidsrelatie waarbij loon verschuldigd is? Zo ja, wat gaat u hieraan doen? Zo nee, waarom niet?');
    // The fragment holds no note texts: that is reported, not invented.
    expect(parts.footnotes).toEqual([]);
    expect(parts.messages.map((m) => m.ruleId)).toEqual(['footnote-text-missing', 'footnote-text-missing']);
  });

  it('refuses the footnote fragment alone: it holds no Kamervragen', () => {
    expect(() => readHtml(html('openkamer.2016Z00047.noten.fragment.html'))).toThrow(/Geen Kamervragen-HTML/);
  });

  it('refuses a real Staatscourant page', () => {
    expect(() => readHtml(html('stcrt-2013-10981.wetsuite.html'))).toThrow(/Geen Kamervragen-HTML: .*stcrt-2013-10981/);
    expect(() => readHtml('   ')).toThrow('Geen HTML: de invoer is leeg.');
  });
});

describe('readHtml: officielebekendmakingen page (ah-tk-20232024-1314, reconstructed)', () => {
  const parts = readHtml(html('ah-tk-20232024-1314.oep.reconstructed.html'));
  const fromXml = readOfficialXml(xml('ah-tk-20232024-1314.reconstructed.xml'));

  it('gives the same pairs, footnotes and header as the XML of the same document', () => {
    expect(parts.form).toBe('aanhangsel-html');
    expect(parts.pairs).toEqual(fromXml.pairs);
    expect(parts.footnotes).toEqual(fromXml.footnotes);
    expect(parts.header).toBe(fromXml.header);
    expect(parts.messages).toEqual([]);
  });

  it('reads the meta elements', () => {
    expect(parts.meta).toEqual({
      id: 'ah-tk-20232024-1314',
      aanhangselNumber: 1314,
      vergaderjaar: '2023-2024',
      dateSubmitted: '2024-03-06',
      dateAnswered: '2024-03-25',
    });
  });
});

describe('readHtml: notice page (ah-tk-20232024-1999, reconstructed)', () => {
  it('matches the XML reading of the same notice', () => {
    const parts = readHtml(html('ah-tk-20232024-1999.oep.reconstructed.html'));
    const fromXml = readOfficialXml(xml('ah-tk-20232024-1999.reconstructed.xml'));
    expect(parts.pairs).toEqual(fromXml.pairs);
    expect(parts.notice).toBe(fromXml.notice);
    expect(parts.header).toBe(fromXml.header);
    expect(parts.footnotes).toEqual(fromXml.footnotes);
  });
});

describe('readHtml: tweedekamer.nl page (2025D04328, reconstructed excerpt)', () => {
  const page = html('tk-2025D04328.tk-website.reconstructed.html');
  const parts = readHtml(page);

  it('is recognised as the Tweede Kamer website and keeps its canonical address', () => {
    expect(parts.form).toBe('tk-website');
    expect(parts.meta.url).toBe('https://tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D04328&id=2025D04328');
  });

  it('finds the header sentences, joined across the line break, and skips page chrome', () => {
    expect(parts.header).toBe(
      'Vragen van het lid Erkens (VVD) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over overbodige functies, adviesorganen en doublures bij de Rijksoverheid in relatie tot voorgenomen besparingen op het overheidsapparaat (ingezonden 20 december 2024). Antwoord van Minister Uitermark (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 4 februari 2025). Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028.',
    );
    expect(parts.header).not.toContain('Antwoord schriftelijke vragen');
  });

  it('reads labels that stand as lines of their own', () => {
    expect(summary(parts)).toEqual([['1', [1], true]]);
    expect(parts.pairs[0]?.question).toBe('Deelt u de mening dat de Rijksoverheid significant is gegroeid de laatste jaren terwijl de slagvaardigheid niet evenredig is toegenomen? Zo nee, waarom niet?');
    expect(parts.pairs[0]?.answer?.split('\n\n')).toHaveLength(2);
    expect(starts(parts.pairs[0]?.answer, 'De Rijksoverheid is inderdaad significant gegroeid. De cijfers opgenomen in de Jaarrapportage Bedrijfsvoering Rijk')).toBe(true);
    // The footer line "Vraag 1 over deze site?" is page chrome and starts no question.
    expect(parts.pairs.at(-1)?.answer).not.toContain('over deze site');
  });

  it('also reads a label and its text in one paragraph, split by <br> or a colon', () => {
    const brForm = readHtml(page.replace('<p>Vraag 1</p>\n      <p>Deelt', '<p>Vraag 1<br>Deelt').replace('<p>Antwoord 1</p>\n      <p>De Rijks', '<p>Antwoord 1: De Rijks'));
    expect(brForm.pairs.map((p) => [p.label, p.question, p.answer])).toEqual(parts.pairs.map((p) => [p.label, p.question, p.answer]));
  });

  it('reads labels printed in lower case or capitals the same way', () => {
    const caps = readHtml(page.replace('<p>Vraag 1</p>', '<p>vraag 1</p>').replace('<p>Antwoord 1</p>', '<p>ANTWOORD 1:</p>'));
    expect(caps.pairs).toEqual(parts.pairs);
  });
});

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

describe('labels, pairing and markers', () => {
  it('reads printed labels', () => {
    expect(parseLabel('Vraag 2 en 3')).toEqual({ label: '2 en 3', numbers: [2, 3] });
    expect(parseLabel('Vragen 2 t/m 6')).toEqual({ label: '2 t/m 6', numbers: [2, 3, 4, 5, 6] });
    expect(parseLabel('Antwoord op vraag 4-7:')).toEqual({ label: '4-7', numbers: [4, 5, 6, 7] });
    expect(parseLabel('Vraag 3a')).toEqual({ label: '3a', numbers: [3] });
    expect(parseLabel('Antwoord 7, 8, 9 10 en 11')).toEqual({ label: '7, 8, 9 10 en 11', numbers: [7, 8, 9, 10, 11] });
    expect(parseLabel('Vraag 1)')).toEqual({ label: '1', numbers: [1] });
  });

  it('expands numbering with the text reader\'s grammar ("t.m.", "tot", em dash)', () => {
    expect(parseLabel('Vragen 4 t.m. 6')).toEqual({ label: '4 t.m. 6', numbers: [4, 5, 6] });
    expect(parseLabel('Antwoord 4 tot 6:')).toEqual({ label: '4 tot 6', numbers: [4, 5, 6] });
    expect(parseLabel('Vraag 4—7')).toEqual({ label: '4—7', numbers: [4, 5, 6, 7] });
    expect(parseLabel('3a')).toEqual({ label: '3a', numbers: [3] });
    expect(parseLabel('Antwoord 5 en 4')).toEqual({ label: '5 en 4', numbers: [4, 5] });
  });

  it('tells label lines from text, in any case and with "nr." glued to the number', () => {
    expect(['Vraag 1', 'VRAGEN 2 en 3', 'vraag nr.3', 'Vragen 2 & 3'].map(labelKind)).toEqual(['q', 'q', 'q', 'q']);
    expect(['Antwoord 1', 'Antwoord op vraag 2 t/m 4:', 'antwoord Op Vraag 3', 'Antwoorden 1 + 2'].map(labelKind)).toEqual(['a', 'a', 'a', 'a']);
    expect(['Vraag 1 over deze site?', 'Vraag', 'Antwoord:', 'Mededeling', '1', 'Antwoord schriftelijke vragen'].map(labelKind)).toEqual([null, null, null, null, null, null]);
  });

  it('reads every label line of the corpus as the text reader does', () => {
    const dir = join(FIX, 'corpus');
    let seen = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
        const line = raw.replace(/[*#]/g, '').trim();
        const text = readLabel(line);
        if (!text || text.rest !== '' || text.numbers.length === 0) continue;
        seen++;
        expect(labelKind(line), `${f}: ${line}`).toBe(text.role === 'question' ? 'q' : 'a');
        expect(parseLabel(line).numbers, `${f}: ${line}`).toEqual([...text.numbers].sort((a, b) => a - b));
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('normalises metadata dates to ISO and refuses dates that do not exist', () => {
    expect(normaliseDate('2021-07-08')).toBe('2021-07-08');
    expect(normaliseDate(' 2021-7-8T00:00:00 ')).toBe('2021-07-08');
    expect(normaliseDate('8-7-2021')).toBe('2021-07-08');
    expect(normaliseDate('2023-02-29')).toBeNull();
    expect(normaliseDate('2021-13-01')).toBeNull();
    expect(normaliseDate('8 juli 2021')).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
  });

  it('pairs separate questions with one merged answer', () => {
    const messages: Message[] = [];
    const pairs = buildPairs(
      [
        { kind: 'q', label: '1', numbers: [1], text: 'Een?', refs: [] },
        { kind: 'a', label: '1', numbers: [1], text: 'Ja.', refs: [] },
        { kind: 'q', label: '2', numbers: [2], text: 'Twee?', refs: [3] },
        { kind: 'q', label: '3', numbers: [3], text: 'Drie?', refs: [] },
        { kind: 'a', label: '2 en 3', numbers: [2, 3], text: 'Samen.', refs: [4] },
      ],
      messages,
    );
    expect(pairs).toEqual([
      { label: '1', numbers: [1], question: 'Een?', answer: 'Ja.', footnoteRefs: [] },
      { label: '2 en 3', numbers: [2, 3], question: 'Twee?\n\nDrie?', answer: 'Samen.', footnoteRefs: [3, 4] },
    ]);
    expect(messages).toEqual([]);
  });

  it('reports a question left without answer in an answered document', () => {
    const messages: Message[] = [];
    const pairs = buildPairs(
      [
        { kind: 'q', label: '1', numbers: [1], text: 'Een?', refs: [] },
        { kind: 'q', label: '2', numbers: [2], text: 'Twee?', refs: [] },
        { kind: 'a', label: '2', numbers: [2], text: 'Ja.', refs: [] },
      ],
      messages,
    );
    expect(pairs.map((p) => [p.label, p.answer])).toEqual([['1', null], ['2', 'Ja.']]);
    expect(messages.map((m) => m.ruleId)).toEqual(['answer-missing']);
  });

  it('glues markers to the text before them and separates adjacent ones', () => {
    expect(finishParagraph(`Moeders»? ${footnoteMarker(1)}  en`)).toBe('Moeders»?¹ en');
    expect(finishParagraph(`bericht?${footnoteMarker(7)}, ${footnoteMarker(8)}`)).toBe('bericht?⁷, ⁸');
    expect(finishParagraph(`bieden.${footnoteMarker(10)} ${footnoteMarker(11)}`)).toBe('bieden.¹⁰,¹¹');
  });

  it('reads Aanhangsel numbers in the forms metadata uses', () => {
    expect(parseAanhangselValue('3976')).toEqual({ number: 3976, vergaderjaar: null });
    expect(parseAanhangselValue('242502375')).toEqual({ number: 2375, vergaderjaar: '2024-2025' });
    expect(parseAanhangselValue('ah-tk-20202021-3976')).toEqual({ number: 3976, vergaderjaar: '2020-2021' });
    expect(parseAanhangselValue('2025Z08162')).toBeNull();
  });

  it('resolves a repeated reference (<nootref>) to the number of the note it points at', () => {
    const doc = xml('ah-tk-20232024-1999.reconstructed.xml').replace(
      'ook met de Kamer delen?',
      'ook met de Kamer delen?<nootref refid="ID-1999-n1"/>',
    );
    const parts = readOfficialXml(doc);
    expect(parts.pairs[1]?.question.endsWith('ook met de Kamer delen?¹')).toBe(true);
    expect(parts.pairs[1]?.footnoteRefs).toEqual([1]);
    expect(parts.footnotes).toHaveLength(1);
  });
});
