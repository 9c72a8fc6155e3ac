/** Stage 5: parts → record. Header facts, footnote markers, kind, id; then links and commitments. */
import { z } from 'zod';
import type { Message } from '../schema/common.ts';
import { questionSet, type QuestionSet, type Source } from '../schema/record.ts';
import { formatIssues } from '../schema/errors.ts';
import type { DocumentParts, RawPair } from './parts.ts';
import { readHeader } from './header.ts';
import { takeMarkers } from './markers.ts';

/** Options that shape a record beyond the document itself. */
export interface BuildOptions {
  /** Fills references, motions, programmes and commitments (the linker), given the record and its header text. */
  link?: (record: QuestionSet, headerText: string) => QuestionSet;
  /**
   * Set by a reader that knows no question or answer text holds a superscript digit (¹²³…):
   * the marker stage then skips looking for superscript markers. Only a shortcut: when it is
   * true, the record is the same as without it.
   */
  superscriptFree?: boolean;
}

/** The result of reading one document. */
export type ParseOutcome =
  | { ok: true; record: QuestionSet; messages: Message[] }
  | { ok: false; error: string; messages: Message[] };

/**
 * The record schema compiled by zod (`z.compile`) into one generated validator, on first use.
 * Why: validation was a large share of parsing time, and the compiled schema gives the same output,
 * issues and messages as `questionSet` (zod falls back to its runtime parser on invalid input to
 * report them) at about a third of the cost.
 */
let compiledQuestionSet: typeof questionSet | null = null;

function recordSchema(): typeof questionSet {
  compiledQuestionSet ??= z.compile(questionSet);
  return compiledQuestionSet;
}

/** A slug for a record id from a file name, used only when the document states no official id. */
export function slugFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'document';
  const stem = base.replace(/\.[A-Za-z0-9]+$/, '');
  return stem.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
}

/** The record's pairs, before validation (see buildRecord for why a loop). */
function recordPairs(pairs: readonly RawPair[], marksByPair: ReadonlyArray<Array<{ n: number; field: 'question' | 'answer'; offset: number }>>) {
  const out = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    out.push({
      numbers: p.numbers,
      label: p.label || p.numbers.join(', '),
      question: p.question,
      answer: p.answer,
      footnoteRefs: p.footnoteRefs ?? [],
      footnoteMarks: marksByPair[i]!,
      questionPlace: p.questionPlace ?? null,
      answerPlace: p.answerPlace ?? null,
    });
  }
  return out;
}

/** The record's footnotes, before validation. */
function recordFootnotes(footnotes: DocumentParts['footnotes']) {
  const out = [];
  for (let i = 0; i < footnotes.length; i++) {
    const f = footnotes[i]!;
    out.push({ n: f.n, text: f.text, place: f.place ?? null });
  }
  return out;
}

/** Turn the parts of a document into a validated record, or say why it is not a Kamervragen document. */
export function buildRecord(parts: DocumentParts, source: Source, options: BuildOptions = {}): ParseOutcome {
  const messages: Message[] = [...parts.messages];
  const facts = readHeader(parts.header);
  const meta = parts.meta;
  const questioners = meta.questioners?.length ? meta.questioners : facts.questioners;
  const answerers = meta.answerers?.length ? meta.answerers : facts.answerers;
  const addressees = meta.addressees?.length ? meta.addressees : facts.addressees;
  const recognised = questioners.length > 0 || answerers.length > 0 || facts.title !== null || Boolean(meta.title);
  if (parts.pairs.length === 0 && !recognised) {
    return { ok: false, error: 'geen Kamervragen gevonden: geen vragen, antwoorden of kopregel (“Vragen van het lid …”) herkend', messages };
  }
  // (Arrays here are built by loops, not map(): the arrays map() returns changed shape while this
  // code was being optimised, which deoptimised the record validation; see lineTexts in lines.ts.)
  const pairs: RawPair[] = [];
  for (let i = 0; i < parts.pairs.length; i++) pairs.push({ ...parts.pairs[i]! });
  const numbers: number[] = [];
  for (let i = 0; i < parts.footnotes.length; i++) numbers.push(parts.footnotes[i]!.n);
  const marks = takeMarkers(pairs, numbers, messages, { superscriptFree: options.superscriptFree === true });
  // Each pair's marks, in one pass over the marks (they are sorted by footnote number).
  const marksByPair: Array<Array<{ n: number; field: 'question' | 'answer'; offset: number }>> = [];
  for (let i = 0; i < pairs.length; i++) marksByPair.push([]);
  const known = new Set(numbers);
  for (const m of marks) {
    marksByPair[m.pair]!.push({ n: m.n, field: m.field, offset: m.offset });
    // A marker (¹, [1]) whose footnote text is nowhere in the document.
    if (!known.has(m.n)) {
      const pair = parts.pairs[m.pair]!;
      messages.push({ ruleId: 'footnote-missing', reason: `markering ${m.n} in ${m.field === 'question' ? 'vraag' : 'antwoord'} ${pair.label} heeft geen voetnoot`, severity: 'warning', place: (m.field === 'question' ? pair.questionPlace : pair.answerPlace) ?? null });
    }
  }
  const vergaderjaar = meta.vergaderjaar ?? facts.vergaderjaar ?? parts.footerVergaderjaar ?? null;
  const aanhangselNumber = meta.aanhangselNumber ?? facts.aanhangselNumber ?? null;
  const zaakNumber = meta.zaakNumber ?? facts.zaakNumber ?? null;
  const hasAnswers = pairs.some((p) => p.answer !== null && p.answer.trim() !== '');
  const kind: QuestionSet['kind'] = hasAnswers ? 'answer' : facts.notice || parts.notice ? 'postponement' : facts.answered && pairs.length === 0 ? 'answer' : 'questions';
  if (pairs.length === 0) messages.push({ ruleId: 'no-pairs', reason: 'geen genummerde vragen of antwoorden gevonden', severity: 'warning', place: null });
  let id = meta.id ?? null;
  if (!id && vergaderjaar && aanhangselNumber) id = `ah-tk-${vergaderjaar.replace('-', '')}-${aanhangselNumber}`;
  if (!id && zaakNumber) id = `kv-tk-${zaakNumber}`;
  id ??= slugFromPath(source.path);
  let dateAnswered = meta.dateAnswered ?? facts.dateAnswered;
  if (kind === 'questions' && !facts.answered) dateAnswered = meta.dateAnswered ?? null;
  const draft = {
    id,
    kind,
    title: meta.title ?? facts.title,
    questioners,
    addressees,
    answerers,
    onBehalfOf: facts.onBehalfOf,
    dateSubmitted: meta.dateSubmitted ?? facts.dateSubmitted,
    dateAnswered,
    vergaderjaar,
    aanhangselNumber,
    seeAlsoAanhangsel: facts.seeAlsoAanhangsel,
    zaakNumber,
    naderAntwoord: facts.naderAntwoord,
    pairs: recordPairs(pairs, marksByPair),
    footnotes: recordFootnotes(parts.footnotes),
    references: [],
    motions: [],
    programmes: [],
    abbreviations: {},
    commitments: [],
    notice: parts.notice ?? null,
    messages,
    source: { ...source, form: parts.form, container: parts.container, pages: parts.pages ?? null },
    curated: false,
  };
  const checked = recordSchema().safeParse(draft);
  if (!checked.success) return { ok: false, error: formatIssues(source.path, checked.error).join('; '), messages };
  let record = checked.data;
  if (options.link) {
    try {
      record = options.link(record, parts.header);
    } catch (error) {
      record.messages.push({ ruleId: 'link-failed', reason: `koppelen mislukt: ${(error as Error).message}`, severity: 'error', place: null });
    }
  }
  return { ok: true, record, messages: record.messages };
}
