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

/** The place of a line, for records and messages. */
export function placeOf(line: Pick<Line, 'no' | 'offset' | 'page'>, column = 1): Position {
  return { line: line.no, column, offset: line.offset + column - 1, page: line.page };
}

const SUPERSCRIPT_DIGITS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** Write a number in superscript digits, the unambiguous footnote marker form used inside the parser. */
export function superscript(n: number | string): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[d] ?? d);
}
/** Read superscript digits back as a number. */
export function fromSuperscript(s: string): number {
  const map: Record<string, string> = {};
  for (const [d, sup] of Object.entries(SUPERSCRIPT_DIGITS)) map[sup] = d;
  return Number([...s].map((c) => map[c] ?? c).join(''));
}
/** Character class source matching superscript digits. */
export const SUP_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

/** Undo Markdown renderings of PDFs (headings, bold, italics, links, footnote superscripts). */
export function undoMarkdown(line: string): string {
  let s = line;
  s = s.replace(/^\s{0,3}#{1,6}\s+/, '');
  s = s.replace(/\*\*([^*]*)\*\*/g, '$1').replace(/\*\*/g, '');
  s = s.replace(/(^|[\s(«"“])\*([^*\s][^*]*?)\*(?=$|[\s.,;:!?)»"”])/g, '$1$2');
  s = s.replace(/(^|[\s(«"“])_([^_\s][^_]*?)_(?=$|[\s.,;:!?)»"”])/g, '$1$2');
  // Footnote markers rendered as "[1 ]", "[4 5 ]" (pymupdf4llm) become superscripts; "[e ]" ordinals become plain.
  s = s.replace(/\[((?:\d{1,3}\s*)+)\](?!\()/g, (_m, nums: string) => nums.trim().split(/\s+/).map(superscript).join('\u2009'));
  s = s.replace(/\[(e|ste|de)\s*\]/g, '$1');
  // Links: keep the text, or the address when the text is the address.
  s = s.replace(/\[([^\]]+)\]\((?:#|[^)\s]*)\)/g, '$1');
  s = s.replace(/<((?:https?:\/\/|www\.)[^>\s]+)>/g, '$1');
  return s;
}

/** First characters of running-head lines: a cheap test before the patterns. */
const FOOTER_FIRST = new Set(['a', 'A', 'k', 'h', 'H', 'I', '’', "'", '`', 'T']);

const FOOTER_PATTERNS: RegExp[] = [
  /^ah-tk-\d{8}-\d+$/i,
  /^kv-tk-\d{4}Z\d{5}$/i,
  /^h tk \d{8} \d+$/i,
  /^ISSN 0921\s*-\s*7398.*$/,
  /^[’'`]s-Gravenhage \d{4}$/,
  /^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel(\s+\d+)?$/,
  /^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel \d+\s*\\?$/,
];

/** Running-head pieces that PDF extraction sometimes glues onto real text ("… Aanhangsel 1Antwoord 3"). */
const GLUED_FOOTER = /(?:ah-tk-\d{8}-\d+\s*)?ISSN 0921\s*-\s*7398\s*(?:[’'`]s-Gravenhage \d{4}\s*)?(?:Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d*)?|Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel\s*\d*(?=\s*(?:Vraag|Antwoord|Vragen)\b)/g;

/**
 * Split text into lines, undo Markdown, and turn running heads and page footers into page
 * breaks. Returns the lines and what the running heads said.
 */
export function toLines(input: string): { lines: Line[]; facts: RunningHeadFacts } {
  const facts: RunningHeadFacts = { ahId: null, footerVergaderjaar: null };
  const raw = input.split('\n');
  const out: Line[] = [];
  let offset = 0;
  let page = 1;
  const markdown = /^-{3,}\s*$/m.test(input) && /^#{1,6}\s/m.test(input);
  let lastFooterAt = -10;
  // pdftotext prints the footer block in two parts around the footnote texts ("ah-tk-… ISSN …
  // ’s-Gravenhage", footnotes, "Tweede Kamer, vergaderjaar …, Aanhangsel", page number): the page
  // ends at the second part, so the first part is dropped without a break when the second follows.
  const aanhangselFooter = /^\s*Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel/;
  const footerFollows = (i: number) => {
    for (let k = i + 1; k < Math.min(raw.length, i + 16); k++) {
      if (aanhangselFooter.test(raw[k]!)) return true;
      if (raw[k]!.includes('\f')) return false;
    }
    return false;
  };
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i]!;
    const lineOffset = offset;
    offset += text.length + 1;
    // Form feeds: pdftotext page breaks, possibly mid-line.
    const pieces = text.split('\f');
    for (let p = 0; p < pieces.length; p++) {
      if (p > 0) {
        out.push({ text: '', no: i + 1, offset: lineOffset, page, kind: 'break', indented: false });
        page++;
      }
      text = pieces[p]!;
      let clean = cleanCharacters(text);
      if (markdown) {
        if (/^\s*-{3,}\s*$/.test(clean)) {
          out.push({ text: '', no: i + 1, offset: lineOffset, page, kind: 'break', indented: false });
          page++;
          continue;
        }
        clean = undoMarkdown(clean);
      } else if ((clean.includes('[') || clean.includes('<')) && /\[(?:\d{1,3}\s*)+\]|\]\(#\)|\]\(https?:|<https?:\/\//.test(clean)) {
        clean = undoMarkdown(clean);
      }
      const trimmed = clean.trim();
      const ah = trimmed.length > 12 && trimmed.length < 30 && /^a|^h /i.test(trimmed) ? (/^ah-tk-(\d{4})(\d{4})-(\d+)$/i.exec(trimmed) ?? /^h tk (\d{4})(\d{4}) (\d+)$/i.exec(trimmed)) : null;
      if (ah && Number(ah[2]) === Number(ah[1]) + 1) {
        facts.ahId ??= { vergaderjaar: `${ah[1]}-${ah[2]}`, number: Number(ah[3]) };
      }
      const fv = facts.footerVergaderjaar === null && clean.includes('vergaderjaar') && /Tweede Kamer, vergaderjaar (\d{4})\s*[–-]\s*(\d{4}), Aanhangsel/.exec(trimmed);
      if (fv) facts.footerVergaderjaar = `${fv[1]}-${fv[2]}`;
      const maybeFooter = FOOTER_FIRST.has(trimmed.charAt(0)) && FOOTER_PATTERNS.some((re) => re.test(trimmed));
      if (maybeFooter) {
        if (!aanhangselFooter.test(trimmed) && footerFollows(i)) continue;
        // A footer block closes the page: mark a break once per block.
        if (out.length - lastFooterAt > 6 || out[out.length - 1]?.kind !== 'break') {
          out.push({ text: '', no: i + 1, offset: lineOffset, page, kind: 'break', indented: false });
          page++;
        }
        lastFooterAt = out.length;
        continue;
      }
      // A bare page number right after a footer line belongs to the footer.
      if (/^\d{1,3}$/.test(trimmed) && out.length - lastFooterAt <= 2 && out.slice(lastFooterAt).every((l) => l.kind === 'break' || l.text.trim() === '')) {
        lastFooterAt = out.length;
        continue;
      }
      if ((clean.includes('ISSN') || clean.includes('Aanhangsel')) && GLUED_FOOTER.test(clean)) {
        GLUED_FOOTER.lastIndex = 0;
        const rest = clean.replace(GLUED_FOOTER, '\u0000');
        const parts = rest.split('\u0000');
        for (let k = 0; k < parts.length; k++) {
          if (k > 0) {
            out.push({ text: '', no: i + 1, offset: lineOffset, page, kind: 'break', indented: false });
            page++;
          }
          const part = parts[k]!;
          if (part.trim()) out.push({ text: part, no: i + 1, offset: lineOffset, page, kind: 'text', indented: false });
        }
        lastFooterAt = out.length;
        continue;
      }
      GLUED_FOOTER.lastIndex = 0;
      out.push({ text: clean.trimEnd(), no: i + 1, offset: lineOffset, page, kind: 'text', indented: /^[ \t]/.test(clean) && trimmed !== '' });
    }
  }
  return { lines: out, facts };
}

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
