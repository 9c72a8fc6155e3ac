/**
 * Stage 2 of the text reader: find the footnote texts that PDF extraction leaves at page bottoms
 * (or, in letters, between paragraphs) and take them out of the running text.
 */
import type { Message } from '../schema/common.ts';
import { firstVisibleCode, fromSuperscript, isBlank, lineTexts, placeOf, SUP_CLASS, withText, type Line } from './lines.ts';
import { isLabelLine } from './labels.ts';
import { joinLines } from './join.ts';

/** A footnote found in the text. */
export interface FoundFootnote {
  n: number;
  text: string;
  line: Line;
}

const BARE_NUMBER = /^\s*(\d{1,3})\s*$/;
const NUMBER_WITH_TEXT = /^\s*(\d{1,3})(?:\s+|(?=[A-Za-zÀ-ÿ«"“'‘(\[]))(\S.*)$/;
const SUP_START = new RegExp(`^\\s*(${SUP_CLASS}+)\\s*(\\S.*)$`);
const BRACKET_START = /^\s*\[(\d{1,3})\]\s*(\S.*)$/;
/** Old-style footnotes "1) Metro, 23 mei 2007"; taken only when the text holds a marker "… ? 1)". */
const PAREN_START = /^\s*(\d{1,3})\)\s+(\S.*)$/;

// The patterns of the functions below, compiled once: a pattern written inside a function is a
// new object each time the function runs (a cost per line here, and garbage).
/** Footnote texts start like a citation: a capital, a digit glued to letters ("2Doc"), a quote, a URL. */
const CITATION_START = /^(?:[A-ZÀ-Ý«"“'‘(\[]|\d+[A-Za-z]|https?:|www\.)/;
/** A line that ends an item: closing punctuation, a bracket, an address. */
const ENDS_ITEM = /[.)»”"]$/;
const ENDS_BRACKET = /\)\.?$/;
const ENDS_ADDRESS = /\.(?:html?|pdf|nl|com|org)\/?\)?\.?$/i;
/** A line that starts an item: a capital, a digit, a quote, a URL. */
const STARTS_ITEM = /^[A-ZÀ-Ý0-9«"“]|^https?:|^www\./;
/** The first question label ("Vraag 1"), before which the header holds no footnotes. */
const FIRST_QUESTION = /^\s*(?:Vraag|Vragen|VRAAG)\s+\d/;
/** The question sentence ("Vragen van het lid …"), when there is no question label. */
const QUESTION_SENTENCE_START = /^\s*Vragen? van (?:het lid|de leden)/;
/** Text that continues a sentence: lower case or a bracket, comma or semicolon. */
const CONTINUES_SENTENCE = /^[a-zà-ÿ(,;]/;

/**
 * The index of the first text line that `pattern` matches, or -1. The patterns given want a "V"
 * as the first visible character (after any white space), which is tested first: most lines fail on it.
 */
function firstTextLine(lines: readonly Line[], pattern: RegExp): number {
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.kind === 'text' && firstVisibleCode(l.text) === 86 /* V */ && pattern.test(l.text)) return k;
  }
  return -1;
}

/** How a footnote block starts on a line. */
interface Start {
  n: number;
  text: string | null;
  style: 'number' | 'superscript';
  /** Started as "1) …", a form numbered lists share: needs a marker in the text before it. */
  paren?: boolean;
}

/** Whether a code unit can start a footnote: a digit, a superscript digit or "[". */
function isStartCode(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 91 /* [ */ || c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

// Footnote numbers are read as `Number(m[1]) | 0`: the groups hold one to three digits, so `| 0`
// changes no value; it tells the optimising compiler the number is a small integer, which it then
// stores as one (it boxed some as floating-point numbers, which turned the arrays of footnote
// numbers into arrays of doubles and deoptimised the code that reads them, again and again).
function startOf(line: Line): Start | null {
  if (line.kind !== 'text') return null;
  const t = line.text;
  // Runs on every line: a character test first, the patterns only for lines that can match.
  const c = firstVisibleCode(t);
  if (!isStartCode(c)) return null;
  // Each pattern wants a certain first visible character (after /^\s*/): SUP_START a superscript
  // digit, BRACKET_START "[", the others an ASCII digit; so only the patterns that can match run.
  let m: RegExpExecArray | null;
  if (c === 91 /* [ */) {
    m = BRACKET_START.exec(t);
    return m ? { n: Number(m[1]) | 0, text: m[2]!, style: 'superscript' } : null;
  }
  if (c < 48 || c > 57) {
    m = SUP_START.exec(t);
    return m ? { n: fromSuperscript(m[1]!), text: m[2]!, style: 'superscript' } : null;
  }
  m = PAREN_START.exec(t);
  if (m) return { n: Number(m[1]) | 0, text: m[2]!, style: 'superscript', paren: true };
  m = BARE_NUMBER.exec(t);
  if (m) return { n: Number(m[1]) | 0, text: null, style: 'number' };
  m = NUMBER_WITH_TEXT.exec(t);
  // Footnote texts start like a citation: a capital, a digit glued to letters ("2Doc"), a quote, a URL.
  if (m && CITATION_START.test(m[2]!)) return { n: Number(m[1]) | 0, text: m[2]!, style: 'number' };
  return null;
}

/** Whether a line before holds the old-style marker "… vragen? 1)" (mid-line, after a space). */
function markedBefore(body: readonly Line[], n: number): boolean {
  const re = new RegExp(`\\S ${n}\\)(?!\\S)`);
  return body.some((l) => l.kind === 'text' && re.test(l.text));
}

function nextNonBlank(lines: Line[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j]!.kind === 'text' && isBlank(lines[j]!.text)) j++;
  return j;
}

/** What may follow a question mark at the end of a paragraph (sticky: tried right after it). */
const AFTER_QUESTION_MARK = /\s*\S{0,3}$/y;

/**
 * Whether `s` matches /\?\s*\S{0,3}$/: a question mark, then white space and at most three other
 * characters up to the end. Only the last "?" need be tried: when an earlier one is followed by
 * such an ending, a later one lies within its last three characters and is followed by fewer.
 * Why: the pattern, anchored only at the end, was tried from every position of the paragraph.
 */
function endsInQuestion(s: string): boolean {
  const q = s.lastIndexOf('?');
  if (q < 0) return false;
  AFTER_QUESTION_MARK.lastIndex = q + 1;
  return AFTER_QUESTION_MARK.test(s);
}

/**
 * Find where a footnote zone that starts at `i` ends (exclusive), or -1 when the lines at `i`
 * are not a footnote zone after all.
 */
function zoneEnd(lines: Line[], i: number, start: Start): number {
  if (start.style === 'superscript') {
    // Letters: each footnote is one paragraph; the zone ends at a blank line not followed by another footnote.
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.kind === 'break') return j;
      if (isBlank(l.text)) {
        const k = nextNonBlank(lines, j);
        if (k < lines.length && lines[k]!.kind === 'text' && startOf(lines[k]!)?.style === 'superscript') {
          j = k;
          continue;
        }
        return j;
      }
      if (isLabelLine(l.text)) return j;
      j++;
    }
    return j;
  }
  // PDF text: the zone runs to the page end; some extractors resume the body with an indented line.
  let j = i + 1;
  let textLines = start.text ? 1 : 0;
  while (j < lines.length) {
    const l = lines[j]!;
    if (l.kind === 'break') break;
    const t = l.text.trim();
    if (t !== '') {
      if (isLabelLine(l.text)) break;
      if (l.indented && textLines > 0) break;
      textLines++;
    }
    j++;
    if (j - i > 40) return -1;
  }
  if (textLines === 0) return -1;
  // Question-only publications number their questions with bare numbers: a "footnote" whose
  // first paragraph ends in a question mark is a question.
  if (start.text === null) {
    const para: string[] = [];
    for (let k = i + 1; k < j; k++) {
      const t = lines[k]!.text.trim();
      if (t === '' && para.length) break;
      if (t) para.push(t);
    }
    if (endsInQuestion(para.join(' '))) return -1;
  }
  return j;
}

/** Split a multi-line footnote text block into `count` pieces at the most likely footnote boundaries. */
function splitBlock(block: Line[], count: number): Line[][] {
  if (count <= 1 || block.length <= 1) return [block];
  const cuts: Array<{ at: number; score: number }> = [];
  for (let k = 1; k < block.length; k++) {
    const prev = block[k - 1]!.text.trim();
    const cur = block[k]!.text.trim();
    let score = 0;
    if (ENDS_ITEM.test(prev) || ENDS_BRACKET.test(prev) || ENDS_ADDRESS.test(prev)) score += 2;
    if (STARTS_ITEM.test(cur)) score += 1;
    if (prev === '') score += 3;
    cuts.push({ at: k, score });
  }
  const chosen = cuts
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, count - 1)
    .map((c) => c.at)
    .sort((a, b) => a - b);
  const pieces: Line[][] = [];
  let from = 0;
  for (const at of chosen) {
    pieces.push(block.slice(from, at));
    from = at;
  }
  pieces.push(block.slice(from));
  return pieces;
}

/**
 * Take footnote zones out of the line stream. Footnote numbers run 1, 2, 3 … through a document,
 * which is what tells a footnote number from a page number, a list item or a table cell.
 */
export function extractFootnotes(lines: Line[], messages: Message[]): { body: Line[]; footnotes: FoundFootnote[] } {
  const footnotes = new Map<number, FoundFootnote>();
  const body: Line[] = [];
  let expected = 1;
  let highest = -Infinity; // the highest footnote number found so far
  // The header (the first page's masthead, a letter's cover) holds no footnotes; its logo digits and
  // Aanhangsel numbers would look like footnote numbers.
  let i = firstTextLine(lines, FIRST_QUESTION);
  if (i < 0) i = firstTextLine(lines, QUESTION_SENTENCE_START);
  if (i < 0) i = 0;
  body.push(...lines.slice(0, i));
  while (i < lines.length) {
    const line = lines[i]!;
    const start = startOf(line);
    const plausible = start && start.n >= expected && start.n <= expected + 4 && !footnotes.has(start.n) && (!start.paren || markedBefore(body, start.n));
    // (Whether the line follows a blank line or a page break is asked last: it is needed rarely.)
    if (!start || !plausible || !(i === 0 || lines[i - 1]!.kind === 'break' || isBlank(lines[i - 1]!.text) || start.style === 'number')) {
      body.push(line);
      i++;
      continue;
    }
    const end = zoneEnd(lines, i, start);
    if (end < 0) {
      body.push(line);
      i++;
      continue;
    }
    // Read the zone: number lines and text lines.
    let pending: number[] = [];
    let current: { n: number; lines: Line[] } | null = null;
    const groups: Array<{ numbers: number[]; lines: Line[]; first: Line }> = [];
    const flush = () => {
      if (current) groups.push({ numbers: [current.n], lines: current.lines, first: current.lines[0] ?? line });
      current = null;
    };
    let orphanNumbers: number[] = [];
    for (let k = i; k < end; k++) {
      const l = lines[k]!;
      if (isBlank(l.text)) {
        if (current && (current as { lines: Line[] }).lines.length > 0) (current as { lines: Line[] }).lines.push(l);
        continue;
      }
      const s = startOf(l);
      const afterPendingNumber = pending.length > 0;
      if (s && s.text === null && s.n >= expected && s.n <= expected + 6 && !footnotes.has(s.n)) {
        // A bare number: a footnote number whose text follows (or precedes, when printed out of order).
        if (current && (current as { lines: Line[] }).lines.length === 0) {
          pending.push((current as { n: number }).n);
          current = null;
        } else flush();
        pending.push(s.n);
        continue;
      }
      if (s && s.text !== null && !afterPendingNumber && s.n >= expected && s.n <= expected + 6 && !footnotes.has(s.n)) {
        flush();
        current = { n: s.n, lines: [withText(l, s.text)] };
        continue;
      }
      if (pending.length > 0) {
        flush();
        // Text after stacked numbers: it belongs to them in order.
        // (The group takes the array itself and a new one collects the next numbers: the same as
        // copying it and emptying it, which costs a slow call to shorten an array.)
        groups.push({ numbers: pending, lines: [l], first: l });
        pending = [];
        current = null;
        continue;
      }
      if (current) (current as { lines: Line[] }).lines.push(l);
      else if (groups.length > 0) groups[groups.length - 1]!.lines.push(l);
    }
    flush();
    orphanNumbers = [...pending];
    // Numbers printed after all texts of the zone: give them the extra text of an earlier group.
    if (orphanNumbers.length > 0) {
      const donor = [...groups].reverse().find((g) => g.lines.filter((l) => l.text.trim()).length > g.numbers.length) ?? groups[0];
      if (donor) donor.numbers.push(...orphanNumbers);
    }
    for (const g of groups) {
      const textLines = g.lines.filter((l) => !isBlank(l.text) || g.numbers.length > 1);
      const pieces = splitBlock(textLines, g.numbers.length);
      const numbers = [...g.numbers].sort((a, b) => a - b);
      // Out-of-order numbers keep the order they were printed in when the pieces match one to one.
      const order = pieces.length === g.numbers.length ? g.numbers : numbers;
      order.forEach((n, idx) => {
        const piece = pieces[idx] ?? [];
        const text = joinLines(lineTexts(piece)).trim();
        if (!footnotes.has(n)) {
          footnotes.set(n, { n, text, line: piece[0] ?? g.first });
          if (n > highest) highest = n;
        }
      });
    }
    // Footnotes run on from the highest number found (numbers printed out of order included).
    if (footnotes.size > 0) expected = highest + 1;
    // The footnotes interrupted a sentence: the blank line before them was not a paragraph break.
    let resume: Line | undefined;
    for (let k = end; k < lines.length && !resume; k++) if (lines[k]!.kind === 'text' && !isBlank(lines[k]!.text)) resume = lines[k];
    if (resume && CONTINUES_SENTENCE.test(resume.text.trim())) {
      while (body.length && body[body.length - 1]!.kind === 'text' && isBlank(body[body.length - 1]!.text)) body.pop();
    }
    i = end;
  }
  const sorted = [...footnotes.values()].sort((a, b) => a.n - b.n);
  for (const f of sorted) {
    if (!f.text) messages.push({ ruleId: 'footnote-empty', reason: `voetnoot ${f.n} heeft geen tekst`, severity: 'warning', place: placeOf(f.line) });
  }
  return { body, footnotes: sorted };
}
