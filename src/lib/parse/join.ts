/** Joining extracted lines back into running text: hyphenation undone, paragraphs and list items kept. */

/** A line that starts a list item or table row and so keeps its own line. */
const LIST_ITEM = /^\s*(?:[•▪◦·●\-–—*]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|\(\w{1,3}\)\s+|Ad \d+\))/;

/** Words after a line-end hyphen that mean the hyphen is real ("korte- en langetermijn"). */
const KEEP_HYPHEN_BEFORE = /^(?:en|of|tot|noch|dan)\b/;

/**
 * Join lines into text: a hyphen at the end of a line before a lower-case word is a line-break
 * hyphen and goes; blank lines become paragraph breaks; list items keep their own line.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  let blank = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const t = line.trim();
    if (t === '') {
      blank = out !== '';
      continue;
    }
    if (out === '') {
      out = t;
    } else if (blank) {
      out += `\n\n${t}`;
    } else if (LIST_ITEM.test(line)) {
      out += `\n${t}`;
    } else if (/[A-Za-zÀ-ÿ]-$/.test(out) && /^[a-zà-ÿ]/.test(t) && !KEEP_HYPHEN_BEFORE.test(t) && !/\bwww\.\S*-$|https?:\S*-$/.test(out)) {
      out = out.slice(0, -1) + t;
    } else if (/[-/]$/.test(out) && /(?:https?:\/\/|www\.)\S*$/.test(out)) {
      // A URL broken over two lines.
      out += t;
    } else {
      out += ` ${t}`;
    }
    blank = false;
  }
  return out;
}
