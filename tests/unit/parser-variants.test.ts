/** Layout variants of real forms: question-only, postponement, letters, merged numbering, trackers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lib/parse/text.ts';

function parse(name: string) {
  const path = `tests/fixtures/variants/${name}`;
  const outcome = parseText(readFileSync(path, 'utf8'), path);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.record;
}

describe('layout variants', () => {
  it('reads a question-only publication numbered with bare numbers and sub-questions', () => {
    const r = parse('questions-only-kv-tk.txt');
    expect(r.kind).toBe('questions');
    expect(r.pairs.map((p) => p.label)).toEqual(['1', '2', '3a', '3b']);
    expect(r.pairs.map((p) => p.numbers)).toEqual([[1], [2], [3], [3]]);
    expect(r.pairs.every((p) => p.answer === null)).toBe(true);
    expect(r.pairs[0]!.question).toBe('Bent u bekend met de documentaire «Goede Moeders»?');
    expect(r.pairs[0]!.footnoteRefs).toEqual([1]);
    expect(r.footnotes).toEqual([expect.objectContaining({ n: 1, text: '2Doc.nl, 7 juli 2021 «Goede moeders».' })]);
    expect(r.dateSubmitted).toBe('2021-07-08');
    expect(r.dateAnswered).toBeNull();
  });

  it('reads a postponement notice with no questions printed', () => {
    const r = parse('postponement-notice.txt');
    expect(r.kind).toBe('postponement');
    expect(r.pairs).toEqual([]);
    expect(r.answerers[0]).toEqual({ name: 'Dekker', role: 'Minister voor Rechtsbescherming' });
    expect(r.dateAnswered).toBe('2021-07-29');
  });

  it('reads a letter numbered "1." with unnumbered answers, keeping lists inside answers', () => {
    const r = parse('letter-numbered-dot.txt');
    expect(r.kind).toBe('answer');
    expect(r.pairs.map((p) => p.numbers)).toEqual([[1], [2], [3]]);
    expect(r.pairs[1]!.answer).toContain('1. tijdsgebrek;\n2. hoge werkdruk;');
    expect(r.pairs[2]!.question).toMatch(/^Erkent u het belang/);
    expect(r.answerers[0]!.name).toBe('Mirjam Sterk');
  });

  it('pairs answers with merged numbering to the questions they cover', () => {
    const r = parse('merged-numbering.txt');
    expect(r.pairs.map((p) => p.numbers)).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
    expect(r.pairs.map((p) => p.label)).toEqual(['1', '2 t/m 4', '5, 6 en 7']);
    expect(r.pairs[1]!.question).toContain('Aan wie moet de verloskundige dit melden?');
    expect(r.pairs[1]!.answer).toMatch(/^In de documentaire/);
  });

  it('splits tracker renderings where answers follow questions without a label', () => {
    const r = parse('tracker-unlabelled-answers.txt');
    expect(r.kind).toBe('answer');
    expect(r.questioners).toEqual([{ name: 'Erkens', party: 'VVD' }]);
    expect(r.title).toMatch(/^overbodige functies/);
    expect(r.seeAlsoAanhangsel).toBe(1028);
    expect(r.pairs.map((p) => p.numbers)).toEqual([[1], [2]]);
    expect(r.pairs[0]!.answer).toMatch(/^De Rijksoverheid is inderdaad/);
    expect(r.pairs[1]!.question).toMatch(/teruggedraaid via de voorgenomen besparingen\?$/);
  });
});

describe('documents the parser cannot fully read', () => {
  it('a marker without a footnote gives a message with its place', () => {
    const text = 'Vragen van het lid Westerveld (GroenLinks) aan de Minister voor Rechtsbescherming over de documentaire «Goede Moeders» (ingezonden 8 juli 2021).\n\nVraag 1\nBent u bekend met de documentaire «Goede Moeders»?¹\n\nVraag 2\nWat is uw reactie?\n';
    const outcome = parseText(text, 'marker-zonder-voetnoot.txt');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.record.pairs[0]!.question).toBe('Bent u bekend met de documentaire «Goede Moeders»?');
    expect(outcome.record.messages).toContainEqual(expect.objectContaining({ ruleId: 'footnote-missing', reason: 'markering 1 in vraag 1 heeft geen voetnoot', place: expect.objectContaining({ line: 3 }) }));
  });

  it('a Kamervragen header with unnumbered text gives a record that says no pairs were found', () => {
    const text = 'Vragen van het lid Westerveld (GroenLinks) aan de Minister voor Rechtsbescherming over de documentaire «Goede Moeders» (ingezonden 8 juli 2021).\n\nDe vragen worden zo spoedig mogelijk beantwoord.\n';
    const outcome = parseText(text, 'zonder-nummering.txt');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.record.pairs).toEqual([]);
    expect(outcome.record.messages.map((m) => m.ruleId)).toContain('no-pairs');
  });

  it('prose that is not Kamervragen gives a clear error', () => {
    const outcome = parseText('De gemeenteraad vergadert op dinsdag over de begroting.\nDe agenda staat online.\n', 'notulen.txt');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/geen Kamervragen gevonden/);
  });
});
