/**
 * Stage 4: footnote markers. PDF extraction glues markers to words, years and ids ("Moeders»?1",
 * "november 20231", "gesproken.3Toekomstige"). Knowing which footnotes exist, we look for their
 * markers in order through the document and take them out of the text.
 */
import type { Message } from '../schema/common.ts';
import type { RawPair } from './parts.ts';
import { fromSuperscript, isSpaceCode, nextSuperscript, SUP_CLASS } from './lines.ts';

/** Where a footnote marker stood. */
export interface FootnoteMark {
  n: number;
  pair: number;
  field: 'question' | 'answer';
  offset: number;
}

/** A run of superscript markers ("¹", "¹²", "¹, ²"), read where it starts (sticky). */
const SUPERSCRIPT_RUN_AT = new RegExp(`${SUP_CLASS}+(?:[\\u2009,\\s]{0,2}${SUP_CLASS}+)*`, 'y');
/**
 * Whether `text` holds a superscript digit. Why not the full pattern: most texts hold none, and
 * `includes` finds ¹²³ with a byte search; the others are left to nextSuperscript, whose pattern
 * the engine scans about twice as fast as a class of the superscripts alone.
 */
function hasSuperscript(text: string): boolean {
  return text.includes('¹') || text.includes('²') || text.includes('³') || nextSuperscript(text, 0) >= 0;
}

/** The marker patterns, compiled once per footnote number. */
const MARKER_RES = new Map<number, RegExp>();

/**
 * The pattern of the plain-digit marker `n`, sticky: it is tried only where `n`'s digits occur
 * (found with `indexOf`), because its lookbehinds keep the engine from skipping ahead quickly.
 */
function markerRe(n: number): RegExp {
  let re = MARKER_RES.get(n);
  if (re) return re;
  const d = String(n);
  re = new RegExp(
    // glued to a letter or closing punctuation, or to a four-digit year; not part of a longer number or word
    `(?:(?<=[\\p{L}»”"’')\\]?!.,;:])|(?<=\\b(?:19|20)\\d{2})|(?<=[?!.»”")]\\s))${d}(?!\\d)(?![\\p{Ll}])(?:\\s*,\\s*\\d{1,3}(?!\\d)(?![\\p{Ll}]))*`,
    'uy',
  );
  MARKER_RES.set(n, re);
  return re;
}

/** Whether a code unit is an ASCII digit. */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A quick test of two things every match of markerRe at `at` needs, so the pattern (slowed by its
 * lookbehinds) runs on fewer of the many digits in a text: no digit may follow the number, and a
 * digit right before it must end a year 19xx or 20xx. It may say yes where the pattern says no,
 * never the other way round.
 */
function mayStartMarker(text: string, at: number, length: number): boolean {
  // (The end of the text is tested first: reading past it is slow in optimised code.)
  if (at === 0 || (at + length < text.length && isDigitCode(text.charCodeAt(at + length)))) return false;
  if (!isDigitCode(text.charCodeAt(at - 1))) return true;
  if (at < 4 || !isDigitCode(text.charCodeAt(at - 2))) return false;
  const c = text.charCodeAt(at - 4);
  const y = text.charCodeAt(at - 3);
  return (c === 49 && y === 57) || (c === 50 && y === 48); // "19" or "20"
}

const FORMULA_BEFORE = /(?:^|[\s(])(?:CO|NO|H|O|N|SO|PM|B|A|C|F|G|K|M|Q|S|T|V|X|Y)$/;
const DECIMAL_BEFORE = /\d[.,]$/;
const YEAR_STOP_BEFORE = /\b(?:19|20)\d{2}\.$/;
const COUNTED_WORD_BEFORE = /\b(?:artikel|art\.|lid|nr\.|nummer|pagina|p\.|blz\.|hoofdstuk|bijlage|fase|niveau|stap|stappen|vraag|vragen|antwoord)\s*$/i;

/** Whether a code unit is one of the characters markerRe accepts right before the number: »”"’')]?!.,;: */
function isMarkerPunctuation(c: number): boolean {
  switch (c) {
    case 0xbb: // »
    case 0x201d: // ”
    case 34: // "
    case 0x2019: // ’
    case 39: // '
    case 41: // )
    case 93: // ]
    case 63: // ?
    case 33: // !
    case 46: // .
    case 44: // ,
    case 59: // ;
    case 58: // :
      return true;
    default:
      return false;
  }
}

/** Whether a code unit is one of [?!.»”")], which markerRe accepts before a space before the number. */
function isSentenceEnd(c: number): boolean {
  return c === 63 || c === 33 || c === 46 || c === 0xbb || c === 0x201d || c === 34 || c === 41;
}

/**
 * Whether the character before `at` lets markerRe's lookbehinds accept a number at `at`, as far
 * as one or two code units tell (a quick test before the pattern; like mayStartMarker, it may say
 * yes where the pattern says no, never the other way round). The lookbehinds want, right before
 * the number: a letter or one of »”"’')]?!.,;: (first), a digit ending a year (second, left to
 * the pattern), or white space after one of ?!.»”") (third). So an ASCII character that is none
 * of these (a space after a word, "(", "-", "/" …) rules the place out, which is most places a
 * digit stands in running text ("vraag 1", "(2)"); other characters are left to the pattern.
 */
function lookbehindMayAccept(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c >= 128) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || isMarkerPunctuation(c)) return true;
  // White space (ASCII: tab to carriage return, space) before: the third lookbehind.
  if (c === 32 || (c >= 9 && c <= 13)) return isSentenceEnd(text.charCodeAt(at - 2));
  return false;
}

/** Where the plain-digit marker of footnote `n` stands in `text`, from `from` on, or null. */
function findPlainMarker(text: string, n: number, from: number): { start: number; end: number } | null {
  const d = String(n);
  const re = markerRe(n);
  // Every match starts with `d`: try the sticky pattern at each occurrence of `d`, resuming after
  // a rejected match, which visits the same matches as a global search from `from` would.
  let at = text.indexOf(d, from);
  while (at >= 0) {
    if (!mayStartMarker(text, at, d.length) || !lookbehindMayAccept(text, at)) {
      at = text.indexOf(d, at + 1);
      continue;
    }
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) {
      at = text.indexOf(d, at + 1);
      continue;
    }
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, at - 12), at);
    // Not chemical formulas and codes such as CO2, H2, NIS2 ("NIS24" is NIS2 + marker 4, handled by order).
    // Not decimals or article numbers ("4.1.1", "art. 21 (2)").
    if (FORMULA_BEFORE.test(before) || (DECIMAL_BEFORE.test(before) && !YEAR_STOP_BEFORE.test(before)) || COUNTED_WORD_BEFORE.test(before)) {
      at = text.indexOf(d, end);
      continue;
    }
    // Old-style markers "vragen? 2)": the bracket belongs to the marker.
    if (text.charCodeAt(end) === 41 /* ) */ && text.charCodeAt(at - 1) === 32 && !/\(\d*$/.test(text.slice(Math.max(0, at - 4), at))) return { start: at, end: end + 1 };
    return { start: at, end };
  }
  return null;
}

/** An upper-case letter at the start: a new sentence or name after the marker. */
const UPPER_START = /^[\p{Lu}]/u;
const TRAILING_SPACE_AT_LINE_END = /[ \t]+\n/g;
const SPACE_RUN = / {2,}/g;

/**
 * Find and remove the markers of `numbers` (footnote numbers, ascending) in the pairs' texts.
 * Returns the marks; the pairs' texts are rewritten without markers. `superscriptFree` promises
 * that no text holds a superscript digit, so they are not searched for.
 */
export function takeMarkers(pairs: RawPair[], numbers: number[], messages: Message[], options: { superscriptFree?: boolean } = {}): FootnoteMark[] {
  const marks: FootnoteMark[] = [];
  const fields: Array<{ pair: number; field: 'question' | 'answer'; text: string }> = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    fields.push({ pair: i, field: 'question', text: p.question });
    if (p.answer !== null) fields.push({ pair: i, field: 'answer', text: p.answer });
  }
  // Superscript markers are certain: take them all first.
  for (const f of fields) {
    if (options.superscriptFree || !hasSuperscript(f.text)) continue;
    // Offsets are places in the text without markers: each removed run shifts the later ones.
    // Every run starts at a superscript digit, found with nextSuperscript, and is read there; this
    // takes out the same runs as replacing the run pattern globally (each match starts where the
    // last ended), but the engine scans for the digits faster that way than for the pattern.
    const text = f.text;
    let kept = '';
    let copied = 0; // text[0, copied) is dealt with
    let removed = 0;
    for (let at = nextSuperscript(text, 0); at >= 0; at = nextSuperscript(text, copied)) {
      SUPERSCRIPT_RUN_AT.lastIndex = at;
      const run = SUPERSCRIPT_RUN_AT.exec(text)![0];
      for (const part of run.split(/[\u2009,\s]+/)) {
        const n = fromSuperscript(part);
        if (n > 0) marks.push({ n, pair: f.pair, field: f.field, offset: at - removed });
      }
      kept += text.slice(copied, at);
      copied = at + run.length;
      removed += run.length;
    }
    f.text = copied === 0 ? text : kept + text.slice(copied);
  }
  const found = new Set<number>();
  for (let k = 0; k < marks.length; k++) found.add(marks[k]!.n);
  let fi = 0;
  let pos = 0;
  for (const n of numbers) {
    if (found.has(n)) continue;
    let hit: { fi: number; start: number; end: number } | null = null;
    for (let k = fi; k < fields.length && !hit; k++) {
      const r = findPlainMarker(fields[k]!.text, n, k === fi ? pos : 0);
      if (r) hit = { fi: k, start: r.start, end: r.end };
    }
    if (!hit) {
      messages.push({ ruleId: 'footnote-marker-missing', reason: `markering van voetnoot ${n} niet gevonden in de tekst`, severity: 'info', place: null });
      continue;
    }
    const f = fields[hit.fi]!;
    const raw = f.text.slice(hit.start, hit.end);
    // The marker is `n` ("3", or "3)" in the old style) or a list that starts with it ("3, 4"): the
    // first number is `n` itself; the others (one to three digits, so `| 0` changes no value) are
    // read as small integers, which keeps the optimising compiler from boxing them as doubles.
    const nums = [n];
    if (raw.includes(',')) {
      const list = raw.replace(/\)$/, '').split(/\s*,\s*/);
      for (let k = 1; k < list.length; k++) nums.push(Number(list[k]) | 0);
    }
    for (const m of nums) {
      if (numbers.includes(m) && !found.has(m)) {
        marks.push({ n: m, pair: f.pair, field: f.field, offset: hit.start });
        found.add(m);
      }
    }
    // Remove the marker; keep a space where it separated two words ("gesproken.3Toekomstige").
    // White space before the marker goes when white space (or the end) follows it. The ends of
    // `left` are read by character: a pattern anchored at the end would scan all of `left`.
    const left = f.text.slice(0, hit.start);
    const right = f.text.slice(hit.end);
    let keep = left.length;
    while (keep > 0 && isSpaceCode(left.charCodeAt(keep - 1))) keep--;
    const glue = keep === left.length && keep > 0 && UPPER_START.test(right) ? ' ' : '';
    const dropSpace = keep < left.length && (right === '' || isSpaceCode(right.charCodeAt(0)));
    f.text = (dropSpace ? left.slice(0, keep) : left) + glue + right;
    fi = hit.fi;
    pos = hit.start;
  }
  for (const f of fields) {
    const p = pairs[f.pair]!;
    const t = tidySpaces(f.text);
    if (f.field === 'question') p.question = t;
    else p.answer = t;
  }
  // The marks of each pair, gathered in one pass (marks are in the order they were found). (The
  // arrays are built by loops, not map(): see lineTexts.)
  const byPair: number[][] = [];
  for (let k = 0; k < pairs.length; k++) byPair.push([]);
  for (const m of marks) byPair[m.pair]!.push(m.n);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    p.footnoteRefs = sortedUnique(p.footnoteRefs ? [...p.footnoteRefs, ...byPair[i]!] : byPair[i]!);
  }
  return marks.sort((a, b) => a.n - b.n);
}

/** The distinct numbers of `list`, ascending (a new array). */
function sortedUnique(list: number[]): number[] {
  if (list.length < 2) return list.slice();
  const sorted = list.slice().sort((a, b) => a - b);
  const out: number[] = [];
  for (const n of sorted) if (out.length === 0 || out[out.length - 1] !== n) out.push(n);
  return out;
}

/**
 * Anything tidySpaces changes besides trimming: a space followed by a space or a line end, or a tab
 * before a line end. One scan for it is cheaper than the two below in the usual case of none.
 */
const UNTIDY_SPACE = / [ \n]|\t\n/;

/** Drop spaces before line ends, collapse runs of spaces, trim. */
function tidySpaces(text: string): string {
  if (!UNTIDY_SPACE.test(text)) return text.trim();
  let t = text;
  if (spaceBeforeLineEnd(t)) t = t.replace(TRAILING_SPACE_AT_LINE_END, '\n');
  return t.replace(SPACE_RUN, ' ').trim();
}

/**
 * Whether a space or tab stands right before a line break. Why not a pattern: fields have few
 * line breaks, and `indexOf('\n')` jumps from one to the next far faster than a pattern that
 * starts with a space can scan the text.
 */
function spaceBeforeLineEnd(t: string): boolean {
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
    const c = t.charCodeAt(i - 1);
    if (c === 32 || c === 9) return true;
  }
  return false;
}
