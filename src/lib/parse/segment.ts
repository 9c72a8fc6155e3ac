/**
 * Stage 3 of the text reader: cut the body into header, question blocks, answer blocks and a
 * notice, and pair answers with the questions they answer.
 */
import type { Message } from '../schema/common.ts';
import type { RawPair } from './parts.ts';
import { readLabel, parseNumbers, type Label } from './labels.ts';
import { joinLines } from './join.ts';
import { isBlank, lineTexts, placeOf, withText, type Line } from './lines.ts';

/** A labelled chunk of lines. */
interface Chunk {
  role: 'question' | 'answer';
  label: string;
  numbers: number[];
  lines: Line[];
  first: Line;
}

/** The segmented body. */
export interface Segments {
  header: Line[];
  pairs: RawPair[];
  notice: string | null;
  closing: string | null;
}

const NOTICE_START = /^\s*Mededeling\b(?!\s+van\b.*\(ontvangen)/;
const BARE_NUMBER_LABEL = /^\s*(\d{1,2})([a-z]?)\s*[.)]?\s*(?:$|(?=\S))(.*)$/;
/** Where the answers end: a letter's closing, or the chrome of a web page after the last question. */
const CLOSING = /^\s*(?:Hoogachtend|Met vriendelijke groet|De Minister|De minister|DE MINISTER|De Staatssecretaris|De staatssecretaris|DE STAATSSECRETARIS)\b|^\s*(?:X\s+)?Noot\s*$|^\s*Noten\s*$|^\s*Naar boven\s*$|^\s*Indiener\(s\)\s*$|^\s*Kamervraag document nummer:/;

function text(lines: Line[]): string {
  return joinLines(lineTexts(lines));
}

/** Find labelled chunks. Lines before the first label are the header. */
function chunkByLabels(body: Line[]): { header: Line[]; chunks: Chunk[]; trailing: Line[] } {
  const header: Line[] = [];
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  for (const line of body) {
    if (line.kind === 'break') continue;
    const label: Label | null = readLabel(line.text);
    const numbered =
      label && (label.numbers.length > 0 || (label.role === 'answer' && current?.role === 'question') || (label.role === 'question' && (current === null || current.role === 'answer')));
    if (label && numbered && !(label.role === 'question' && label.numbers.some((n) => n > 200))) {
      current = { role: label.role, label: label.label, numbers: label.numbers, lines: [], first: line };
      if (label.rest) current.lines.push(withText(line, label.rest));
      chunks.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else header.push(line);
  }
  // "Vraag:" without a number: number the questions in order.
  let n = 0;
  for (const c of chunks) {
    if (c.role !== 'question') continue;
    if (c.numbers.length) {
      for (let k = 0; k < c.numbers.length; k++) if (c.numbers[k]! > n) n = c.numbers[k]!; // n = Math.max(n, ...c.numbers)
    } else {
      n++;
      c.numbers = [n];
      c.label = String(n);
    }
  }
  splitQuestionsBeforeAnswers(header, chunks);
  return { header, chunks, trailing: [] };
}

const QUESTION_NUMBER_LINE = /^\s*(?:Vraag\s+)?(\d{1,3}[a-z]?)\s*[.):]?\s*(?:$|(?=[A-ZÀ-Ý«"“']))(.*)$/;

/**
 * Documents with numbered answers but questions numbered only as "1." lines: the question text
 * sits at the end of the chunk before each answer; cut it out at its number.
 */
function splitQuestionsBeforeAnswers(header: Line[], chunks: Chunk[]): void {
  if (chunks.some((c) => c.role === 'question') || !chunks.some((c) => c.role === 'answer' && c.numbers.length)) return;
  for (let k = chunks.length - 1; k >= 0; k--) {
    const answer = chunks[k]!;
    const first = answer.numbers[0];
    if (first === undefined) continue;
    const host = k === 0 ? header : chunks[k - 1]!.lines;
    for (let i = host.length - 1; i >= 0; i--) {
      const m = QUESTION_NUMBER_LINE.exec(host[i]!.text);
      if (!m || parseInt(m[1]!, 10) !== first) continue;
      const questionLines = host.splice(i);
      const q: Chunk = { role: 'question', label: m[1]!, numbers: answer.numbers, lines: [], first: questionLines[0]! };
      if (m[2]) q.lines.push(withText(questionLines[0]!, m[2]));
      q.lines.push(...questionLines.slice(1));
      chunks.splice(k, 0, q);
      break;
    }
  }
}

/** Split off a notice ("Mededeling …") that follows the last question of a notice document. */
function splitNotice(chunk: Chunk): string | null {
  const idx = chunk.lines.findIndex((l) => NOTICE_START.test(l.text));
  if (idx < 0) return null;
  const notice = chunk.lines.slice(idx);
  chunk.lines = chunk.lines.slice(0, idx);
  const first = notice[0]!;
  const rest = first.text.replace(/^\s*Mededeling\s*[:.]?\s*/, '');
  return text([withText(first, rest), ...notice.slice(1)]);
}

/** Split a chunk of a tracker rendering (question followed by an unlabelled answer) at the end of the question. */
function splitQuestionAnswer(lines: Line[]): { question: Line[]; answer: Line[] } {
  // Paragraphs: separated by blank lines.
  const paras: Line[][] = [[]];
  for (const l of lines) {
    if (isBlank(l.text)) {
      if (paras[paras.length - 1]!.length) paras.push([]);
    } else paras[paras.length - 1]!.push(l);
  }
  if (!paras[paras.length - 1]!.length) paras.pop();
  if (paras.length > 1) {
    let q = 0;
    while (q < paras.length - 1 && /\?\s*[¹²³⁴⁵⁶⁷⁸⁹⁰\d,\s]*$/.test(text(paras[q]!))) q++;
    if (q === 0 && !/\?/.test(text(paras[0]!))) q = 0;
    const cut = Math.max(1, q === 0 ? 1 : q);
    return { question: paras.slice(0, cut).flat(), answer: paras.slice(cut).flat() };
  }
  // One paragraph: cut after the last line that ends a question.
  let last = -1;
  lines.forEach((l, i) => {
    if (/\?\s*\S{0,4}$/.test(l.text.trim())) last = i;
  });
  if (last < 0 || last === lines.length - 1) return { question: lines, answer: [] };
  return { question: lines.slice(0, last + 1), answer: lines.slice(last + 1) };
}

/** The distinct numbers of `questions`, in order (what [...new Set(questions.flatMap(…))] gives). */
function questionNumbers(questions: readonly Chunk[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < questions.length; k++) {
    const numbers = questions[k]!.numbers;
    for (let j = 0; j < numbers.length; j++) {
      const n = numbers[j]!;
      if (!seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}

// toRawPair and pairChunks build their arrays and strings with loops rather than map(), filter()
// and splice(): see lineTexts for why (the results are the same).
function toRawPair(questions: Chunk[], answer: Chunk | null, answerLines?: Line[]): RawPair {
  const numbers = answer && answer.numbers.length ? answer.numbers : questionNumbers(questions);
  let labels = ''; // questions.map((q) => q.label).join(', ')
  let question = ''; // questions.map((q) => text(q.lines)).filter(Boolean).join('\n\n')
  for (let k = 0; k < questions.length; k++) {
    const q = questions[k]!;
    labels = k === 0 ? q.label : `${labels}, ${q.label}`;
    const t = text(q.lines);
    if (t) question = question === '' ? t : `${question}\n\n${t}`;
  }
  const label = answer && answer.label ? answer.label : labels || numbers.join(', ');
  const aLines = answerLines ?? answer?.lines ?? null;
  const firstQ = questions[0];
  return {
    label: answer && answer.label ? answer.label : questions.length === 1 ? firstQ!.label : label,
    numbers,
    question,
    answer: aLines ? text(aLines) : null,
    questionPlace: firstQ ? placeOf(firstQ.first) : null,
    answerPlace: answer ? placeOf(answer.first) : aLines && aLines[0] ? placeOf(aLines[0]) : null,
  };
}

/** Whether any of `numbers` is in `wanted`. */
function coversAny(numbers: readonly number[], wanted: Set<number>): boolean {
  for (let k = 0; k < numbers.length; k++) if (wanted.has(numbers[k]!)) return true;
  return false;
}

/** Empty `open` and return what it held (open.splice(0, open.length), built by a loop). */
function takeAll(open: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (let k = 0; k < open.length; k++) out.push(open[k]!);
  open.length = 0;
  return out;
}

/** Pair labelled chunks: each answer takes the unanswered questions its numbers cover. */
function pairChunks(chunks: Chunk[], messages: Message[]): RawPair[] {
  const pairs: RawPair[] = [];
  const open: Chunk[] = [];
  // All questions come first, then all answers, with at least two questions: the chunks before
  // the first answer are questions by definition (a chunk is one or the other), so this is "the
  // first answer is at index 2 or later and no question follows it". (One pass over the chunks.)
  let firstAnswer = -1;
  let questionAfterAnswer = false;
  for (let k = 0; k < chunks.length; k++) {
    if (chunks[k]!.role === 'answer') {
      if (firstAnswer < 0) firstAnswer = k;
    } else if (firstAnswer >= 0) questionAfterAnswer = true;
  }
  const hasAnswers = firstAnswer >= 0;
  const questionsFirst = firstAnswer > 1 && !questionAfterAnswer;
  for (const chunk of chunks) {
    if (chunk.role === 'question') {
      open.push(chunk);
      continue;
    }
    let taken: Chunk[];
    if (chunk.numbers.length) {
      const wanted = new Set(chunk.numbers);
      taken = [];
      for (let k = 0; k < open.length; k++) if (coversAny(open[k]!.numbers, wanted)) taken.push(open[k]!);
      if (!questionsFirst) {
        // Questions before the covered ones that nobody answers stay as pairs without answers.
        const firstTaken = taken.length ? open.indexOf(taken[0]!) : open.length;
        for (let k = 0; k < firstTaken; k++) {
          const q = open[k]!;
          if (!coversAny(q.numbers, wanted)) {
            pairs.push(toRawPair([q], null));
            messages.push({ ruleId: 'answer-missing', reason: `vraag ${q.label} heeft geen antwoord`, severity: 'warning', place: placeOf(q.first) });
          }
        }
        open.splice(0, firstTaken);
      }
      if (!taken.length && open.length && !questionsFirst) taken = takeAll(open);
    } else {
      taken = takeAll(open);
    }
    for (const q of taken) {
      const k = open.indexOf(q);
      if (k >= 0) open.splice(k, 1);
    }
    if (!taken.length) {
      messages.push({ ruleId: 'question-missing', reason: `antwoord ${chunk.label || '(zonder nummer)'} heeft geen vraag`, severity: 'warning', place: placeOf(chunk.first) });
    }
    pairs.push(toRawPair(taken, chunk));
  }
  for (const q of open) {
    pairs.push(toRawPair([q], null));
    if (hasAnswers) messages.push({ ruleId: 'answer-missing', reason: `vraag ${q.label} heeft geen antwoord`, severity: 'warning', place: placeOf(q.first) });
  }
  return pairs;
}

/** A capital or an opening quote: the start of a question after a bare number. */
const SENTENCE_START = /^[A-ZÀ-Ý«"“']/;

/** Documents numbered only by bare numbers ("1", "2." …) in sequence: kv-tk questions, some letters. */
function chunkByBareNumbers(body: Line[]): { header: Line[]; chunks: Chunk[] } | null {
  const header: Line[] = [];
  const chunks: Chunk[] = [];
  let expected = 1;
  let current: Chunk | null = null;
  for (const line of body) {
    if (line.kind === 'break') continue;
    const m = BARE_NUMBER_LABEL.exec(line.text);
    const inSequence = m && (Number(m[1]) === expected || (m[2] !== '' && Number(m[1]) === expected - 1));
    if (m && inSequence && (m[3] === '' || SENTENCE_START.test(m[3]!))) {
      const label = `${m[1]}${m[2]}`;
      current = { role: 'question', label, numbers: parseNumbers(label), lines: [], first: line };
      if (m[3]) current.lines.push(withText(line, m[3]));
      chunks.push(current);
      expected = Number(m[1]) + 1;
      continue;
    }
    const ans = readLabel(line.text);
    if (ans && ans.role === 'answer' && current) {
      current = { role: 'answer', label: '', numbers: current.numbers, lines: [], first: line };
      if (ans.rest) current.lines.push(withText(line, ans.rest));
      chunks.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else header.push(line);
  }
  return chunks.filter((c) => c.role === 'question').length >= 2 ? { header, chunks } : null;
}

/** Remove a letter's closing (greeting and signature) from the last chunk. */
function splitClosing(chunk: Chunk | undefined): string | null {
  if (!chunk) return null;
  const idx = chunk.lines.findIndex((l) => CLOSING.test(l.text));
  if (idx < 0) return null;
  const closing = text(chunk.lines.slice(idx));
  chunk.lines = chunk.lines.slice(0, idx);
  return closing;
}

/**
 * Segment the body. `answered` says whether the header shows the document holds answers; it
 * decides how a document with question labels but no answer labels is read.
 */
export function segmentBody(body: Line[], answered: boolean, messages: Message[]): Segments {
  let { header, chunks } = chunkByLabels(body);
  const hasNumberedQuestion = chunks.some((c) => c.role === 'question' && c.numbers.length);
  const hasNumberedAnswer = chunks.some((c) => c.role === 'answer' && c.numbers.length);
  if (!hasNumberedQuestion && !hasNumberedAnswer) {
    const bare = chunkByBareNumbers(body);
    if (bare) ({ header, chunks } = bare);
  }
  if (!chunks.length) {
    return { header, pairs: [], notice: null, closing: null };
  }
  const last = chunks[chunks.length - 1];
  const notice = last && last.role === 'question' ? splitNotice(last) : null;
  const closing = splitClosing(chunks[chunks.length - 1]);
  const hasAnswers = chunks.some((c) => c.role === 'answer');
  if (!hasAnswers && answered && !notice) {
    // A tracker rendering: every question block holds its unlabelled answer.
    return {
      header,
      pairs: chunks.map((c) => {
        const { question, answer } = splitQuestionAnswer(c.lines);
        return toRawPair([{ ...c, lines: question }], null, answer.length ? answer : undefined);
      }),
      notice,
      closing,
    };
  }
  return { header, pairs: pairChunks(chunks, messages), notice, closing };
}
