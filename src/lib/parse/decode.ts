/**
 * Bytes to text, and a look at what kind of document the bytes hold. Pure functions: the CLI reads
 * files and hands the bytes here, so every reader sees the same, normalised text.
 */
import type { Message, Position } from '../schema/common.ts';

/** Encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Result of {@link decodeText}. */
export interface DecodedText {
  /** The text in Unicode NFC, line ends normalised to `\n`; form feeds (page breaks) kept; no byte-order mark. */
  text: string;
  /** The encoding the bytes were read in. */
  encoding: TextEncoding;
  /** Notes on guesses and fallbacks, in Dutch. */
  messages: Message[];
}

/** What kind of document some bytes hold, judged by their content (not the file name). */
export type ContainerKind = 'pdf' | 'xml' | 'html' | 'text' | 'binary' | 'empty';

/** Windows-1252 code points for bytes 0x80–0x9F; the other bytes map to the same Latin-1 code point. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decode Windows-1252 by table: does not depend on the ICU data of the Node build. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Index of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Guess UTF-16 without a byte-order mark from the zero bytes of ASCII characters: in UTF-16LE
 * they sit at odd offsets, in UTF-16BE at even ones.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= 0.4 * pairs && evenZero <= 0.05 * pairs) return 'utf-16le';
  if (evenZero >= 0.4 * pairs && oddZero <= 0.05 * pairs) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    chunk.push(bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8));
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  // Lone surrogates (a cut-off file) become U+FFFD, as a decoder would make them.
  return (out + String.fromCharCode(...chunk)).toWellFormed();
}

/** Position of character `offset` in `text` (1-based line and column); `page` when the text has pages. */
export function placeAt(text: string, offset: number, page: number | null = null): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset, page };
}

/**
 * Normalise CRLF and lone CR to LF and compose characters (NFC: "s" + combining cedilla becomes
 * "ş", as in the labels); keep form feeds. Also maps character `offset` in the input to the output.
 */
function normalise(raw: string, offset = -1): { text: string; offset: number } {
  const clean = (s: string): string => s.replace(/\r\n?/g, '\n').normalize('NFC');
  return { text: clean(raw), offset: offset >= 0 ? clean(raw.slice(0, offset)).length : offset };
}

/**
 * Decode document bytes to text. A byte-order mark decides the encoding; otherwise the bytes are
 * read as strict UTF-8, then as UTF-16 when zero bytes show that pattern, else as Windows-1252 (the
 * usual encoding of older Dutch government texts: "Financi\xebn" becomes "Financiën"). Line ends
 * become `\n`, characters are composed (NFC); form feeds stay (they mark page breaks).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const messages: Message[] = [];
  const done = (raw: string, encoding: TextEncoding, badOffset = -1): DecodedText => {
    const { text, offset } = normalise(raw, badOffset);
    if (encoding === 'windows-1252' && offset >= 0) {
      messages.push({
        ruleId: 'encoding-fallback',
        reason: 'de tekst is geen geldige UTF-8 en is gelezen als Windows-1252; controleer letters met accenten',
        severity: 'info',
        place: placeAt(text, offset),
      });
    }
    // UTF-8 that was once read as Windows-1252 and saved again ("FinanciÃ«n") cannot be repaired
    // safely here, but the curator should know.
    const mojibake = text.match(/[ÃÂ][\u0080-\u00BF\u2018-\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u20AC\u2122]/g);
    if (mojibake && mojibake.length >= 3) {
      const at = text.search(/[ÃÂ][\u0080-\u00BF\u2018-\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u20AC\u2122]/);
      messages.push({
        ruleId: 'encoding-mojibake',
        reason: `de tekst bevat ${mojibake.length} keer tekens als "Ã«": waarschijnlijk dubbel gecodeerde UTF-8`,
        severity: 'warning',
        place: placeAt(text, at),
      });
    }
    return { text, encoding, messages };
  };

  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const bad = firstInvalidUtf8(body);
    if (bad < 0) return done(new TextDecoder('utf-8').decode(body), 'utf-8');
    // A UTF-8 mark on bytes that are not UTF-8: believe the bytes.
    messages.push({
      ruleId: 'encoding-bom-mismatch',
      reason: 'het bestand begint met een UTF-8-markering maar is geen geldige UTF-8',
      severity: 'warning',
      place: null,
    });
    return done(decodeWindows1252(body), 'windows-1252', bad);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes.length % 2 === 1) {
      messages.push({ ruleId: 'encoding-odd-length', reason: 'UTF-16-bestand met een oneven aantal bytes: het laatste byte is genegeerd', severity: 'warning', place: null });
    }
    return done(decodeUtf16(bytes.subarray(2), false), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 === 1) {
      messages.push({ ruleId: 'encoding-odd-length', reason: 'UTF-16-bestand met een oneven aantal bytes: het laatste byte is genegeerd', severity: 'warning', place: null });
    }
    return done(decodeUtf16(bytes.subarray(2), true), 'utf-16be');
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    messages.push({
      ruleId: 'encoding-guessed',
      reason: `de tekst heeft geen byte-volgordemarkering maar lijkt ${utf16.toUpperCase()}; zo gelezen`,
      severity: 'info',
      place: null,
    });
    return done(decodeUtf16(bytes, utf16 === 'utf-16be'), utf16);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return done(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  return done(decodeWindows1252(bytes), 'windows-1252', bad);
}

/** Offset of `%PDF-` in the first KiB (some files carry a few junk bytes before it), or -1. */
function pdfHeaderAt(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

/** HTML elements that may open a document without a doctype. */
const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'div', 'p', 'table', 'script', 'style', 'main', 'article', 'section', 'header', 'h1', 'h2']);

/**
 * Decide by content what the bytes are: a PDF (`%PDF-`, possibly after a few junk bytes), XML
 * (a prolog or a root element such as `<officiele-publicatie>` or `<kamervragen>`), HTML (a doctype
 * or `<html>`), plain text, binary (zero bytes or many control characters), or empty (no bytes,
 * or whitespace only).
 */
export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length === 0) return 'empty';
  if (pdfHeaderAt(bytes) >= 0) return 'pdf';

  // Look at the start only: enough to judge, and cheap for big files.
  const head = bytes.subarray(0, 8192);
  let sample: string;
  const bomLE = head[0] === 0xff && head[1] === 0xfe;
  const bomBE = head[0] === 0xfe && head[1] === 0xff;
  const utf16 = bomLE ? 'utf-16le' : bomBE ? 'utf-16be' : guessUtf16(head);
  if (utf16) {
    sample = decodeUtf16(head.subarray(bomLE || bomBE ? 2 : 0), utf16 === 'utf-16be');
  } else {
    let zeros = 0;
    let controls = 0;
    for (const b of head) {
      if (b === 0) zeros++;
      else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
    }
    if (zeros > 0 || controls > 0.05 * head.length) return 'binary';
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    sample = new TextDecoder('utf-8').decode(head.subarray(start));
    // A lot of U+FFFD means a binary format whose bytes happen to avoid control characters.
    const bad = sample.match(/\uFFFD/g)?.length ?? 0;
    if (bad > 0.3 * sample.length) return 'binary';
  }
  if (sample.includes('\u0000')) return 'binary';

  let rest = sample.replace(/^[\uFEFF\s]+/, '');
  if (!rest) {
    if (utf16 || bytes.length <= head.length) return 'empty';
    // Whitespace so far: check the rest of the file byte by byte.
    for (let i = head.length; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (!(b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x0b)) return 'text';
    }
    return 'empty';
  }
  if (/^<\?xml[\s?]/i.test(rest)) {
    // XHTML is HTML for our readers.
    return /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html|<html[\s>]/i.test(rest.slice(0, 2048)) ? 'html' : 'xml';
  }
  // Skip leading comments.
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->');
    if (end < 0) break;
    rest = rest.slice(end + 3).replace(/^\s+/, '');
  }
  const doctype = /^<!DOCTYPE\s+([A-Za-z_][\w.:-]*)/i.exec(rest);
  if (doctype) return doctype[1]!.toLowerCase() === 'html' ? 'html' : 'xml';
  const root = /^<([A-Za-z_][\w.:-]*)[\s/>]/.exec(rest);
  if (root) return HTML_ROOTS.has(root[1]!.toLowerCase()) ? 'html' : 'xml';
  return 'text';
}
