/**
 * Stage 1 of the text reader: split the text into lines that remember where they came from,
 * undo the artefacts of PDF extraction and Markdown renderings, and remove running heads.
 */
import type { Position } from '../schema/common.ts';

/** One line of the source with its place. `kind` marks synthetic page breaks. */
export interface Line {
  /** The cleaned text of the line (running heads removed, Markdown undone, not trimmed at the start). */
  text: string;
  /** 1-based line number in the input. */
  no: number;
  /** 0-based offset of the line start in the input. */
  offset: number;
  /** 1-based page. */
  page: number;
  /** 'text' for real lines, 'break' for a page end (a form feed, a page footer, a Markdown rule). */
  kind: 'text' | 'break';
  /** Whether the raw line began with white space (some extractors indent text that resumes after a footnote). */
  indented: boolean;
}

/** Facts the running heads give away: the Aanhangsel id printed in every page footer, the vergaderjaar. */
export interface RunningHeadFacts {
  /** e.g. { vergaderjaar: "2023-2024", number: 1076 } from "ah-tk-20232024-1076". */
  ahId: { vergaderjaar: string; number: number } | null;
  /** Vergaderjaar from "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel". */
  footerVergaderjaar: string | null;
}

/**
 * Whether a UTF-16 code unit is white space as `\s` in a regular expression understands it.
 * Hot per-line checks use it to look past indentation without running a pattern.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The index of the first character of `s` that is not white space (`s.length` when there is none). */
export function visibleStart(s: string): number {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Whether `s` is empty or only white space (as `s.trim() === ''`, without making a string). */
export function isBlank(s: string): boolean {
  return visibleStart(s) === s.length;
}

/**
 * `s.trim()`, without the call when `s` has no white space at either end (most lines): then it is
 * its own trimmed text. Why: lines are trimmed in several stages, and the call costs more than
 * looking at the two ends.
 */
export function trimIfNeeded(s: string): string {
  return isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1)) ? s.trim() : s;
}

/** The first code unit of `s` after leading white space, or NaN when there is none. */
export function firstVisibleCode(s: string): number {
  return s.charCodeAt(visibleStart(s));
}

/** The place of a line, for records and messages. */
export function placeOf(line: Pick<Line, 'no' | 'offset' | 'page'>, column = 1): Position {
  return { line: line.no, column, offset: line.offset + column - 1, page: line.page };
}

const SUPERSCRIPT_DIGITS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** Write a number in superscript digits, the unambiguous footnote marker form used inside the parser. */
export function superscript(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[d] ?? d);
}
/** Superscript digit → plain digit, built once (fromSuperscript runs for every footnote marker). */
const PLAIN_DIGITS: ReadonlyMap<string, string> = new Map(Object.entries(SUPERSCRIPT_DIGITS).map(([d, sup]) => [sup, d]));
/**
 * Read superscript digits back as a number. A run of up to nine superscript digits (every footnote
 * marker) is read digit by digit, which gives the same number as Number() of the plain digits but
 * as a small integer: the optimising compiler boxed Number()'s result as a double, which turned
 * arrays of footnote numbers into arrays of doubles and deoptimised the code that reads them.
 * Anything else is read as before.
 */
export function fromSuperscript(s: string): number {
  if (s.length > 0 && s.length <= 9) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const d = superscriptDigit(s.charCodeAt(i));
      if (d < 0) return fromSuperscriptText(s);
      n = n * 10 + d;
    }
    return n;
  }
  return fromSuperscriptText(s);
}

/** The value of a superscript digit's code unit, or -1. */
function superscriptDigit(c: number): number {
  if (c === 0xb9) return 1;
  if (c === 0xb2) return 2;
  if (c === 0xb3) return 3;
  if (c === 0x2070) return 0;
  return c >= 0x2074 && c <= 0x2079 ? c - 0x2070 : -1;
}

/** fromSuperscript for any text: superscript digits become plain ones, then Number() reads it. */
function fromSuperscriptText(s: string): number {
  let plain = '';
  for (const c of s) plain += PLAIN_DIGITS.get(c) ?? c;
  return Number(plain);
}
/** Character class source matching superscript digits. */
export const SUP_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

// undoMarkdown's patterns, compiled once (it runs on every line of a Markdown document, and a
// pattern written inside a function is a new object on every call).
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;
const MD_BOLD = /\*\*([^*]*)\*\*/g;
const MD_STARS = /\*\*/g;
const MD_ITALIC_STAR = /(^|[\s(«"“])\*([^*\s][^*]*?)\*(?=$|[\s.,;:!?)»"”])/g;
const MD_ITALIC_UNDERSCORE = /(^|[\s(«"“])_([^_\s][^_]*?)_(?=$|[\s.,;:!?)»"”])/g;
const MD_FOOTNOTE_MARKER = /\[((?:\d{1,3}\s*)+)\](?!\()/g;
const MD_ORDINAL = /\[(e|ste|de)\s*\]/g;
const MD_LINK = /\[([^\]]+)\]\((?:#|[^)\s]*)\)/g;
const MD_AUTOLINK = /<((?:https?:\/\/|www\.)[^>\s]+)>/g;
const WHITE_SPACE = /\s+/;

/** "[4 5 ]" → "⁴\u2009⁵": a Markdown footnote marker as superscripts. */
function markerAsSuperscripts(_m: string, nums: string): string {
  return nums.trim().split(WHITE_SPACE).map(superscript).join('\u2009');
}

/** Undo Markdown renderings of PDFs (headings, bold, italics, links, footnote superscripts). */
export function undoMarkdown(line: string): string {
  let s = line;
  // Each rewrite needs its own character (#, *, _, [ or <). In a Markdown document this runs on
  // every line, and most lines hold none of them: testing for the character skips the pattern.
  if (s.includes('#')) s = s.replace(MD_HEADING, '');
  if (s.includes('*')) {
    s = s.replace(MD_BOLD, '$1').replace(MD_STARS, '');
    s = s.replace(MD_ITALIC_STAR, '$1$2');
  }
  if (s.includes('_')) s = s.replace(MD_ITALIC_UNDERSCORE, '$1$2');
  if (s.includes('[')) {
    // Footnote markers rendered as "[1 ]", "[4 5 ]" (pymupdf4llm) become superscripts; "[e ]" ordinals become plain.
    s = s.replace(MD_FOOTNOTE_MARKER, markerAsSuperscripts);
    s = s.replace(MD_ORDINAL, '$1');
    // Links: keep the text, or the address when the text is the address.
    s = s.replace(MD_LINK, '$1');
  }
  if (s.includes('<')) s = s.replace(MD_AUTOLINK, '$1');
  return s;
}

/**
 * Cheap test before the running-head patterns: the starts they can match, so most lines fail on
 * the first character. The first character is case-sensitive on purpose: running heads have
 * always been tried only on lines starting with a, A, k, h, H, I, a quote or T (so not
 * "KV-TK-…"), and this keeps that behaviour.
 */
const FOOTER_START = /^(?:[aA][hH]-[tT][kK]-|k[vV]-[tT][kK]-|[hH] [tT][kK] |ISSN|[’'`]s-|Tweede Kamer, vergaderjaar )/;

const FOOTER_PATTERNS: RegExp[] = [
  /^ah-tk-\d{8}-\d+$/i,
  /^kv-tk-\d{4}Z\d{5}$/i,
  /^h tk \d{8} \d+$/i,
  /^ISSN 0921\s*-\s*7398.*$/,
  /^[’'`]s-Gravenhage \d{4}$/,
  /^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel(\s+\d+)?$/,
  /^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel \d+\s*\\?$/,
];

/** Whether a trimmed line is a running head or page footer. */
function isFooter(trimmed: string): boolean {
  if (!FOOTER_START.test(trimmed)) return false;
  for (const re of FOOTER_PATTERNS) if (re.test(trimmed)) return true;
  return false;
}

/** Running-head pieces that PDF extraction sometimes glues onto real text ("… Aanhangsel 1Antwoord 3"). */
const GLUED_FOOTER = /(?:ah-tk-\d{8}-\d+\s*)?ISSN 0921\s*-\s*7398\s*(?:[’'`]s-Gravenhage \d{4}\s*)?(?:Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d*)?|Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d*(?=\s*(?:Vraag|Antwoord|Vragen)\b)/g;

/** A Markdown horizontal rule: a page end in Markdown renderings. */
const MARKDOWN_RULE = /^\s*-{3,}\s*$/;
/** Markdown footnote markers or links in a line of a document that is not Markdown as a whole. */
const MARKDOWN_BITS = /\[(?:\d{1,3}\s*)+\]|\]\(#\)|\]\(https?:|<https?:\/\//;
/** An Aanhangsel id line: "ah-tk-20232024-1076" or "h tk 20232024 1076". */
const AH_START = /^a|^h /i;
const AH_ID = /^ah-tk-(\d{4})(\d{4})-(\d+)$/i;
const H_TK_ID = /^h tk (\d{4})(\d{4}) (\d+)$/i;
const FOOTER_VERGADERJAAR = /Tweede Kamer, vergaderjaar (\d{4})\s*[–-]\s*(\d{4}), Aanhangsel/;
const PAGE_NUMBER = /^\d{1,3}$/;

/** The second part of a footer, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", starting a line. */
const AANHANGSEL_FOOTER = /^\s*Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel/;

/**
 * The second part of a footer ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel") at the start of
 * a line, tested in place in the whole input (sticky, from `lastIndex`). It is
 * /^\s*Tweede Kamer, …/ with white space that does not cross a line end, so it matches exactly
 * where that pattern matches the line on its own.
 */
const AANHANGSEL_FOOTER_AT = /[^\S\n]*Tweede Kamer, vergaderjaar \d{4}[^\S\n]*[–-][^\S\n]*\d{4}, Aanhangsel/y;

/** A page break line. */
function pageBreak(no: number, offset: number, page: number): Line {
  return { text: '', no, offset, page, kind: 'break', indented: false };
}

/** Whether a string starts with a space or a tab. */
function startsIndented(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 32 || c === 9;
}

/**
 * The first occurrence of `needle` in `input` at or after `from`, or -1, given `known`: the answer
 * for an earlier (smaller) `from`. Lines are read in order, so each needle is searched for once
 * per occurrence instead of once per line ("does this line contain X?" becomes a comparison).
 */
function nextAt(input: string, needle: string, known: number, from: number): number {
  return known < 0 || known >= from ? known : input.indexOf(needle, from);
}

/**
 * Whether the line `clean` holds `needle`. While it is still the raw piece `text` (ending at
 * `pieceEnd` in the input), the next occurrence `at` in the input answers that; after cleaning or
 * Markdown changed the line, the line itself is searched.
 */
function holds(clean: string, text: string, needle: string, at: number, pieceEnd: number): boolean {
  return clean === text ? at >= 0 && at + needle.length <= pieceEnd : clean.includes(needle);
}

/**
 * Whether a trimmed line can be a running head: a cheap test of its first two characters before
 * the patterns. They are the first two characters FOOTER_START allows ("ah", "kv", "h ", "IS",
 * "’s", "Tw" …), which every running head must start with; most lines that start with one of the
 * letters (Antwoord, Het, In, Kunt, Tot …) fail on the second.
 */
function mayBeFooter(trimmed: string): boolean {
  const second = trimmed.charCodeAt(1);
  switch (trimmed.charCodeAt(0)) {
    case 97: // a
    case 65: // A
      if (second !== 104 && second !== 72) return false; // h, H
      break;
    case 107: // k
      if (second !== 118 && second !== 86) return false; // v, V
      break;
    case 104: // h
    case 72: // H
      if (second !== 32) return false; // space
      break;
    case 73: // I
      if (second !== 83) return false; // S
      break;
    case 0x2019: // ’
    case 39: // '
    case 96: // `
      if (second !== 115) return false; // s
      break;
    case 84: // T
      if (second !== 119) return false; // w
      break;
    default:
      // (Upper-case ids such as "KV-TK-2026Z03535" were tested before too, but FOOTER_START
      // wants a lower-case "k": they were never running heads.)
      return false;
  }
  return isFooter(trimmed);
}

/** The lines of a text, what their running heads said, and whether they can hold superscripts. */
export interface TextLines {
  /** The lines, page breaks included. */
  lines: Line[];
  /** What the running heads said. */
  facts: RunningHeadFacts;
  /**
   * False when no line holds a superscript digit (¹²³…): the input has none and no Markdown
   * footnote marker was turned into one. Lets later stages skip looking for superscript markers.
   */
  superscripts: boolean;
  /** The number of pages: one more than the page breaks among `lines`. */
  pages: number;
}

/**
 * Split text into lines, undo Markdown, and turn running heads and page footers into page
 * breaks. Returns the lines, what the running heads said, and whether superscripts can occur.
 */
export function toLines(input: string): TextLines {
  const facts: RunningHeadFacts = { ahId: null, footerVergaderjaar: null };
  const out: Line[] = [];
  let page = 1;
  // A Markdown rendering has a rule line ("---") and a heading ("# …"). "#" is tested for first: it
  // is rare in other texts, and its search is quick, while "-" stands in many words and ids.
  const markdown = input.includes('#') && input.includes('---') && /^-{3,}\s*$/m.test(input) && /^#{1,6}\s/m.test(input);
  // Whole-input checks, once, with one scan for the usual case that the input holds neither: when
  // no line has a character to clean, cleaning is skipped; when no line has a superscript digit,
  // the marker stage need not look for them.
  const { needsCleaning, hasSuperscripts } = inventory(input);
  let superscripts = markdown || hasSuperscripts;
  // Where the next characters to clean are (see nextAt), when the input has one: only the lines that
  // hold one are cleaned, instead of testing every line for them. Tabs, carriage returns and the
  // others are each looked for once per occurrence (a file with CRLF line ends has one per line).
  let tabAt = needsCleaning ? input.indexOf('\t') : -1;
  let crAt = needsCleaning ? input.indexOf('\r') : -1;
  let otherCleaningAt = needsCleaning ? nextOtherCleaning(input, 0) : -1;
  // Where the next form feed, bracket and running-head word are (see nextAt); -1 when there is none.
  let formFeedAt = input.indexOf('\f');
  let bracketAt = input.indexOf('[');
  let angleAt = input.indexOf('<');
  let issnAt = input.indexOf('ISSN');
  let aanhangselAt = input.indexOf('Aanhangsel');
  let vergaderjaarAt = input.indexOf('vergaderjaar');
  let lastFooterAt = -10;
  // pdftotext prints the footer block in two parts around the footnote texts ("ah-tk-… ISSN …
  // ’s-Gravenhage", footnotes, "Tweede Kamer, vergaderjaar …, Aanhangsel", page number): the page
  // ends at the second part, so the first part is dropped without a break when the second follows
  // within the next 15 lines (before a form feed).
  const footerFollows = (lineEnd: number) => {
    if (lineEnd >= input.length) return false;
    let pos = lineEnd + 1;
    const formFeed = input.indexOf('\f', pos);
    for (let k = 0; k < 15; k++) {
      const nl = input.indexOf('\n', pos);
      const end = nl < 0 ? input.length : nl;
      // The line is tested in place (no copy of it): the pattern is anchored at the line start.
      AANHANGSEL_FOOTER_AT.lastIndex = pos;
      if (AANHANGSEL_FOOTER_AT.test(input)) return true;
      if (formFeed >= pos && formFeed < end) return false;
      if (nl < 0) break;
      pos = nl + 1;
    }
    return false;
  };
  // Lines are cut with indexOf and slice rather than split: no array of all lines is needed.
  let lineStart = 0;
  for (let no = 1; lineStart <= input.length; no++) {
    const newline = input.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? input.length : newline;
    const rawLine = input.slice(lineStart, lineEnd);
    const lineOffset = lineStart;
    lineStart = lineEnd + 1;
    formFeedAt = nextAt(input, '\f', formFeedAt, lineOffset);
    const hasFormFeed = formFeedAt >= 0 && formFeedAt < lineEnd;
    // Form feeds: pdftotext page breaks, possibly mid-line. Each piece between them is read on its
    // own; `from` is where the next piece starts in the line, -1 after the last.
    let from = 0;
    for (let p = 0; from >= 0; p++) {
      const ff = hasFormFeed ? rawLine.indexOf('\f', from) : -1;
      const text = ff < 0 ? (from === 0 ? rawLine : rawLine.slice(from)) : rawLine.slice(from, ff);
      const pieceStart = lineOffset + from;
      const pieceEnd = ff < 0 ? lineEnd : lineOffset + ff;
      from = ff < 0 ? -1 : ff + 1;
      if (p > 0) {
        out.push(pageBreak(no, lineOffset, page));
        page++;
      }
      if (text === '') {
        // An empty line (one in six, in PDF text) is an empty text line: cleaning and Markdown
        // leave it empty, and no running head, page number or glued footer is empty, so every
        // test below would say no.
        out.push({ text, no, offset: lineOffset, page, kind: 'text', indented: false });
        continue;
      }
      let clean = text;
      if (needsCleaning) {
        tabAt = nextAt(input, '\t', tabAt, pieceStart);
        crAt = nextAt(input, '\r', crAt, pieceStart);
        if (otherCleaningAt >= 0 && otherCleaningAt < pieceStart) otherCleaningAt = nextOtherCleaning(input, pieceStart);
        const cleaningAt = firstOf(firstOf(tabAt, crAt), otherCleaningAt);
        // (cleanCharacters leaves a piece without such a character as it is.)
        if (cleaningAt >= 0 && cleaningAt < pieceEnd) clean = cleanCharacters(text);
      }
      if (markdown) {
        if (MARKDOWN_RULE.test(clean)) {
          out.push(pageBreak(no, lineOffset, page));
          page++;
          continue;
        }
        clean = undoMarkdown(clean);
      } else {
        // Cleaning never adds or removes brackets, so the raw piece tells whether the line has one.
        bracketAt = nextAt(input, '[', bracketAt, pieceStart);
        angleAt = nextAt(input, '<', angleAt, pieceStart);
        if (((bracketAt >= 0 && bracketAt < pieceEnd) || (angleAt >= 0 && angleAt < pieceEnd)) && MARKDOWN_BITS.test(clean)) {
          clean = undoMarkdown(clean);
          superscripts = true; // "[1 ]" may have become "¹"
        }
      }
      const trimmedLine = trimIfNeeded(clean);
      if (trimmedLine.length > 12 && trimmedLine.length < 30 && AH_START.test(trimmedLine)) {
        const ah = AH_ID.exec(trimmedLine) ?? H_TK_ID.exec(trimmedLine);
        if (ah && Number(ah[2]) === Number(ah[1]) + 1) {
          facts.ahId ??= { vergaderjaar: `${ah[1]}-${ah[2]}`, number: Number(ah[3]) };
        }
      }
      if (facts.footerVergaderjaar === null) {
        vergaderjaarAt = nextAt(input, 'vergaderjaar', vergaderjaarAt, pieceStart);
        const fv = holds(clean, text, 'vergaderjaar', vergaderjaarAt, pieceEnd) && FOOTER_VERGADERJAAR.exec(trimmedLine);
        // A misprinted footer ("2023–2025") names no vergaderjaar; the next footer may.
        if (fv && Number(fv[2]) === Number(fv[1]) + 1) facts.footerVergaderjaar = `${fv[1]}-${fv[2]}`;
      }
      if (mayBeFooter(trimmedLine)) {
        if (!AANHANGSEL_FOOTER.test(trimmedLine) && footerFollows(lineEnd)) continue;
        // A footer block closes the page: mark a break once per block.
        if (out.length - lastFooterAt > 6 || out[out.length - 1]?.kind !== 'break') {
          out.push(pageBreak(no, lineOffset, page));
          page++;
        }
        lastFooterAt = out.length;
        continue;
      }
      // A bare page number right after a footer line belongs to the footer.
      if (out.length - lastFooterAt <= 2 && PAGE_NUMBER.test(trimmedLine) && onlyBlankSince(out, lastFooterAt)) {
        lastFooterAt = out.length;
        continue;
      }
      issnAt = nextAt(input, 'ISSN', issnAt, pieceStart);
      aanhangselAt = nextAt(input, 'Aanhangsel', aanhangselAt, pieceStart);
      if ((holds(clean, text, 'ISSN', issnAt, pieceEnd) || holds(clean, text, 'Aanhangsel', aanhangselAt, pieceEnd)) && GLUED_FOOTER.test(clean)) {
        GLUED_FOOTER.lastIndex = 0;
        const rest = clean.replace(GLUED_FOOTER, '\u0000');
        const parts = rest.split('\u0000');
        for (let k = 0; k < parts.length; k++) {
          if (k > 0) {
            out.push(pageBreak(no, lineOffset, page));
            page++;
          }
          const part = parts[k]!;
          if (part.trim()) out.push({ text: part, no, offset: lineOffset, page, kind: 'text', indented: false });
        }
        lastFooterAt = out.length;
        continue;
      }
      GLUED_FOOTER.lastIndex = 0;
      // (A line without white space at its ends is its own trimmed text: no second trim.)
      out.push({ text: trimmedLine.length === clean.length ? clean : clean.trimEnd(), no, offset: lineOffset, page, kind: 'text', indented: trimmedLine !== '' && startsIndented(clean) });
    }
  }
  // (Every page break pushed above is followed by page++, so `page` counts the breaks plus one.)
  return { lines: out, facts, superscripts, pages: page };
}

/** Whether every line of `out` from `from` on is a page break or blank. */
function onlyBlankSince(out: Line[], from: number): boolean {
  for (let k = from; k < out.length; k++) {
    const l = out[k]!;
    if (l.kind !== 'break' && !isBlank(l.text)) return false;
  }
  return true;
}

/**
 * The texts of `lines`, in a new array filled by a loop. Why not `lines.map(…)`: V8 deoptimised
 * the code that reads arrays made by map() ("wrong map": joinLines, pairChunks, the record
 * validation) again and again during a long run, well after warm-up, as the code making them was
 * optimised (seen with --trace-deopt); arrays filled by push() from an empty literal did not do
 * that. The other arrays that hot code reads are built the same way.
 */
export function lineTexts(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) out.push(lines[i]!.text);
  return out;
}

/** A copy of `line` with other text (same shape as every Line, so property access stays fast). */
export function withText(line: Line, text: string): Line {
  return { text, no: line.no, offset: line.offset, page: line.page, kind: line.kind, indented: line.indented };
}

/**
 * The characters cleanCharacters changes and the superscript digits, except tab and carriage
 * return (global). Why apart: tab and carriage return are found far faster by `indexOf` (a byte
 * search); and this class, holding the superscripts too, is scanned by the regular-expression
 * engine about twice as fast as the class of all the special characters, and three times as fast
 * as the class of only those to clean (measured on the corpus with V8 13; how fast the engine
 * scans for a class depends on the class). So one search finds both kinds, and a search for one
 * kind skips over the other.
 */
const SPECIAL_NON_ASCII = /[\u00a0\u00b2\u00b3\u00b9\u2002\u2003\u2007\u2009\u200b-\u200d\u202f\u2060\u2070\u2074-\u2079\ufeff]/g;

/** Whether a code unit is a superscript digit (⁰¹²³⁴⁵⁶⁷⁸⁹). */
function isSuperscriptCode(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** Where `pattern` (global) first matches `input` at or after `from`, or -1. */
function matchFrom(pattern: RegExp, input: string, from: number): number {
  pattern.lastIndex = from;
  const found = pattern.exec(input);
  pattern.lastIndex = 0;
  return found ? found.index : -1;
}

/** The smaller of two places, where -1 means none. */
function firstOf(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** The next superscript digit in `input` at or after `from`, or -1 (see SPECIAL_NON_ASCII). */
export function nextSuperscript(input: string, from: number): number {
  for (let at = matchFrom(SPECIAL_NON_ASCII, input, from); at >= 0; at = matchFrom(SPECIAL_NON_ASCII, input, at + 1)) {
    if (isSuperscriptCode(input.charCodeAt(at))) return at;
  }
  return -1;
}

/** The next character to clean other than tab and carriage return, at or after `from`, or -1. */
function nextOtherCleaning(input: string, from: number): number {
  for (let at = matchFrom(SPECIAL_NON_ASCII, input, from); at >= 0; at = matchFrom(SPECIAL_NON_ASCII, input, at + 1)) {
    if (!isSuperscriptCode(input.charCodeAt(at))) return at;
  }
  return -1;
}

/** The next character to clean (see NEEDS_CLEANING) at or after `from`, or -1. */
function nextCleaning(input: string, from: number): number {
  return firstOf(firstOf(input.indexOf('\t', from), input.indexOf('\r', from)), nextOtherCleaning(input, from));
}

/**
 * Whether the input has characters to clean and superscript digits. One scan answers both in the
 * usual case that it has neither; otherwise the scan for the other kind resumes where the first
 * special character was found (nothing before it is of either kind).
 */
function inventory(input: string): { needsCleaning: boolean; hasSuperscripts: boolean } {
  const at = firstOf(firstOf(input.indexOf('\t'), input.indexOf('\r')), matchFrom(SPECIAL_NON_ASCII, input, 0));
  if (at < 0) return { needsCleaning: false, hasSuperscripts: false };
  if (isSuperscriptCode(input.charCodeAt(at))) return { needsCleaning: nextCleaning(input, at + 1) >= 0, hasSuperscripts: true };
  return { needsCleaning: true, hasSuperscripts: nextSuperscript(input, at + 1) >= 0 };
}

/** A character that cleanCharacters changes. */
const NEEDS_CLEANING = /[\r\u00a0\u2007\u202f\u2002\u2003\u2009\u200b\u200c\u200d\u2060\ufeff\t]/;

/** Normalise characters that vary between extractors: spaces, soft hyphens, quotes stay as written. */
export function cleanCharacters(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s
    .replace(/\r/g, '')
    .replace(/[\u00a0\u2007\u202f\u2002\u2003\u2009]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/\t/g, ' ');
}
