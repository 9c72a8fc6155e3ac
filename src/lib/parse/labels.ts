/** Question and answer labels: "Vraag 3", "Antwoord 2 en 3", "Antwoord vraag 1)", "Vraag 7, 8, 9 10 en 11". */
import { visibleStart } from './lines.ts';

/** A label found at the start of a line. */
export interface Label {
  /** Question or answer. */
  role: 'question' | 'answer';
  /** The numbering as printed ("2 en 3"), or '' when the label has no number ("Antwoord:"). */
  label: string;
  /** The question numbers it covers. */
  numbers: number[];
  /** Text on the same line after the label. */
  rest: string;
}

const NUM = String.raw`\d{1,3}[a-z]?`;
const SEP = String.raw`\s*(?:,\s*(?:en\s+)?|\ben\b|&|\+|t\s*/\s*m|t\.m\.|tot\s+en\s+met|tot|[-–])\s*`;
/** Regular-expression source of a numbering such as "3, 4 en 5", "2 t/m 6", "4-7", "9 10 en 11". */
export const NUMBERS_SOURCE = String.raw`${NUM}(?:(?:${SEP}|\s+(?=${NUM}\s*(?:,|\ben\b|$)))${NUM})*`;

const QUESTION_LABEL = new RegExp(String.raw`^\s*(?:Vraag|Vragen|VRAAG|VRAGEN)(?:\s+nr\.?)?\s+(${NUMBERS_SOURCE})\s*(?:[).:]\s*|\s+(?=\S)|$)(.*)$`);
const ANSWER_LABEL = new RegExp(
  String.raw`^\s*(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)(?:\s+(?:op\s+)?(?:de\s+)?(?:vraag|vragen|Vraag|Vragen))?(?:\s+nr\.?)?\s+(${NUMBERS_SOURCE})\s*(?:[).:]\s*|\s+(?=\S)|$)(.*)$`,
);
const BARE_ANSWER = /^\s*(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)\s*(?:[:.]\s*(.*))?$/;
const BARE_QUESTION = /^\s*(?:Vraag|VRAAG)\s*(?:[:.]\s*(.*))?$/;

/** A label that is one number, such as "3" or "12a". */
const SINGLE_NUMBER = /^\d{1,3}[a-z]?$/;

/** A token of a numbering: a number, or a range word or dash (global). */
const NUMBER_TOKEN = /\d{1,3}[a-z]?|t\s*\/\s*m|t\.m\.|tot\s+en\s+met|tot|[-–]/g;
/** White space, and a comma with white space around it (global; for tidyLabel). */
const SPACE_RUN = /\s+/g;
const COMMA = /\s*,\s*/g;

/** Whether a token starts with a digit (as /^\d/ tests it). */
function isDigitStart(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Expand a numbering as printed into the numbers it covers: "2 t/m 4" → [2, 3, 4]; "3a" → [3].
 * (Numbers are read as `parseInt(…) | 0`: they have at most three digits, so `| 0` changes no
 * value, and the optimising compiler keeps them small integers rather than boxed doubles.)
 */
export function parseNumbers(label: string): number[] {
  // Most labels are one number ("3", "12a"): that needs no tokens and no set.
  if (SINGLE_NUMBER.test(label)) return [parseInt(label, 10) | 0];
  const out: number[] = [];
  const tokens = label.match(NUMBER_TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isDigitStart(t)) {
      out.push(parseInt(t, 10) | 0);
      continue;
    }
    const from = out[out.length - 1];
    const next = tokens[i + 1];
    if (from !== undefined && next && isDigitStart(next)) {
      const to = parseInt(next, 10) | 0;
      if (to > from && to - from <= 50) for (let n = from + 1; n < to; n++) out.push(n);
    }
  }
  return [...new Set(out)];
}

/** Read a question or answer label at the start of a line, or null. */
export function readLabel(text: string): Label | null {
  // Every label starts with "Vra"/"VRA" (Vraag, Vragen) or "Ant"/"ANT" (Antwoord) after the
  // indentation. This runs on every line, so those letters are tested before any pattern.
  const i = visibleStart(text);
  const first = text.charCodeAt(i);
  if (first === 86 /* V */) {
    if (!text.startsWith('ra', i + 1) && !text.startsWith('RA', i + 1)) return null;
  } else if (first === 65 /* A */) {
    if (!text.startsWith('nt', i + 1) && !text.startsWith('NT', i + 1)) return null;
  } else return null;
  let m = QUESTION_LABEL.exec(text);
  if (m) return { role: 'question', label: tidyLabel(m[1]!), numbers: parseNumbers(m[1]!), rest: m[2]!.trim() };
  m = ANSWER_LABEL.exec(text);
  if (m) return { role: 'answer', label: tidyLabel(m[1]!), numbers: parseNumbers(m[1]!), rest: m[2]!.trim() };
  m = BARE_ANSWER.exec(text);
  if (m) return { role: 'answer', label: '', numbers: [], rest: (m[1] ?? '').trim() };
  m = BARE_QUESTION.exec(text);
  if (m) return { role: 'question', label: '', numbers: [], rest: (m[1] ?? '').trim() };
  return null;
}

/** White space or a comma: the only things tidyLabel changes besides trimming. */
const LABEL_UNTIDY = /[\s,]/;

function tidyLabel(s: string): string {
  if (!LABEL_UNTIDY.test(s)) return s;
  return s.replace(SPACE_RUN, ' ').replace(COMMA, ', ').trim();
}

/** Whether a line starts with a question or answer label. */
export function isLabelLine(text: string): boolean {
  return readLabel(text) !== null;
}
