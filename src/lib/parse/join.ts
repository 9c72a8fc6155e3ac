/** Joining extracted lines back into running text: hyphenation undone, paragraphs and list items kept. */
import { isSpaceCode, trimIfNeeded, visibleStart } from './lines.ts';

/** A line that starts a list item or table row and so keeps its own line. */
const LIST_ITEM = /^\s*(?:[•▪◦·●\-–—*]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|\(\w{1,3}\)\s+|Ad \d+\))/;

/**
 * Whether `line` can start a list item, from its first one or two visible characters: LIST_ITEM
 * needs a bullet, a digit, "(", "A" ("Ad 3)") or a lower-case letter followed by "." or ")". Most
 * lines start otherwise, and this runs on every line that is joined.
 */
function mayBeListItem(line: string): boolean {
  const i = visibleStart(line);
  const c = line.charCodeAt(i);
  if (c >= 97 && c <= 122) {
    const next = line.charCodeAt(i + 1);
    return next === 46 /* . */ || next === 41; /* ) */
  }
  if (c < 128) return (c >= 48 && c <= 57) || c === 40 /* ( */ || c === 65 /* A */ || c === 45 /* - */ || c === 42; /* * */
  return c === 0x2022 /* • */ || c === 0x25aa /* ▪ */ || c === 0x25e6 /* ◦ */ || c === 0xb7 /* · */ || c === 0x25cf /* ● */ || c === 0x2013 /* – */ || c === 0x2014; /* — */
}

/** Words after a line-end hyphen that mean the hyphen is real ("korte- en langetermijn"). */
const KEEP_HYPHEN_BEFORE = /^(?:en|of|tot|noch|dan)\b/;

/** A letter before a line-end hyphen: the hyphen may be a line-break hyphen. */
const LETTER = /[A-Za-zÀ-ÿ]/;
/** A lower-case letter at the start of the next line: the word continues there. */
const LOWER_START = /^[a-zà-ÿ]/;
/** A URL that ends in a hyphen: its hyphen is part of the address. */
const URL_WITH_HYPHEN = /\bwww\.\S*-$|https?:\S*-$/;
/** A URL at the end of the text so far. */
const URL_AT_END = /(?:https?:\/\/|www\.)\S*$/;

/**
 * The last run of non-white-space characters of `s` (all of `s` when it holds no white space).
 *
 * Why: the URL patterns above are anchored at the end and cannot cross white space, so testing them
 * on the last word gives the same answer as testing them on the whole text joined so far.
 */
function lastWord(s: string): string {
  let i = s.length;
  while (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i === 0 ? s : s.slice(i);
}

/**
 * Join lines into text: a hyphen at the end of a line before a lower-case word is a line-break
 * hyphen and goes; blank lines become paragraph breaks; list items keep their own line.
 */
export function joinLines(lines: readonly string[]): string {
  // Why `last` and `glued` instead of looking at the text joined so far: the decisions below only
  // need its end, and reading the end of a string built by `+=` (or slicing it) makes V8 flatten
  // the whole string, which made joining quadratic in the length of a block. So the last line is
  // kept apart (`last`) until the next line decides what goes between them; when `last` was glued
  // to the line before without a space, `glued` is the word it was glued to (so the last word can
  // span several lines).
  let out = '';
  let last = '';
  let glued = '';
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = trimIfNeeded(raw);
    if (t === '') {
      blank = last !== '';
      continue;
    }
    // The line without trailing white space (itself when it has none at either end).
    const line = t.length === raw.length ? raw : raw.trimEnd();
    let glue: string | null = null;
    if (last === '') {
      // The first line.
    } else if (blank) {
      out += `${last}\n\n`;
    } else if (mayBeListItem(line) && LIST_ITEM.test(line)) {
      out += `${last}\n`;
    } else {
      const end = last.charCodeAt(last.length - 1);
      // Only a text ending in "-" or "/" can continue without a space: look at its last word then.
      const tail = end === 45 /* - */ || end === 47 /* / */ ? lastWordOf(last, glued) : '';
      // (A one-character tail has white space or nothing before it, which is no letter.)
      if (end === 45 && LETTER.test(tail.charAt(tail.length - 2)) && LOWER_START.test(t) && !KEEP_HYPHEN_BEFORE.test(t) && !URL_WITH_HYPHEN.test(tail)) {
        // A line-break hyphen: drop it and glue the word back together.
        out += last.slice(0, -1);
        glue = tail.slice(0, -1);
      } else if (tail !== '' && URL_AT_END.test(tail)) {
        // A URL broken over two lines.
        out += last;
        glue = tail;
      } else {
        out += `${last} `;
      }
    }
    last = t;
    glued = glue ?? '';
    blank = false;
  }
  return out + last;
}

/** The last word of the joined text, given its last line and the word that line was glued to. */
function lastWordOf(last: string, glued: string): string {
  const word = lastWord(last);
  return word === last ? glued + last : word;
}
