/**
 * Renderings of Kamervragen by other trackers, as text copied from their pages:
 * - openkamer document pages ("Kamervraag 2015Z21199", "Ingediend …", "Indiener …",
 *   "Beantwoord door …", then " • Vraag N" items, each a question followed by unlabelled answers);
 * - openkamer listings (cells "title |", "submitters |", "answerers |", then questions and answers
 *   as alternating unnumbered lines).
 * Both state their metadata in cells or labelled lines, so the reader fills it in directly.
 */
import type { Message } from '../schema/common.ts';
import type { Answerer, Questioner } from '../schema/person.ts';
import type { DocumentParts, RawPair } from './parts.ts';
import { parseDutchDate } from '../dates.ts';
import { canonicalRole } from './header.ts';
import { visibleStart } from './lines.ts';

/** A question line ends with a question mark, maybe followed by footnote digits. */
const ENDS_QUESTION = /\?[»”"')]*\s*\d{0,2}(?:\s*,\s*\d{1,2})*\s*$/;

/** "André Bosman (VVD)" or "Cem Laçin" → questioner. */
function readPerson(cell: string): Questioner | null {
  const m = /^(.+?)\s*(?:\(([^()]+)\))?\s*$/.exec(cell.trim());
  if (!m || !m[1]!.trim()) return null;
  return { name: m[1]!.trim(), party: m[2]?.trim() || null };
}

/** "Ronald Plasterk (minister binnenlandse zaken en koninkrijksrelaties) (PvdA)" → answerer. */
function readTrackerAnswerer(cell: string): Answerer | null {
  const parts = /^(.+?)\s*(?:\(([^()]+)\))?\s*(?:\(([^()]+)\))?\s*$/.exec(cell.trim());
  if (!parts || !parts[1]!.trim()) return null;
  const role = parts[3] !== undefined ? parts[2] : parts[2] && /minister|staatssecretaris/i.test(parts[2]) ? parts[2] : undefined;
  return { name: parts[1]!.trim(), role: role ? canonicalRole(role) : null };
}

/** Split a cell of people: "A (P), B (Q)" — commas inside brackets do not split. */
function splitPeople(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of cell) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Pair alternating question and answer paragraphs: a paragraph ending in "?" starts a new question. */
function alternate(paragraphs: string[], messages: Message[]): RawPair[] {
  const pairs: RawPair[] = [];
  // An answered set has an answer between two questions; otherwise every paragraph is a question
  // (the last one may be cut off mid-sentence, without its question mark).
  const answered = paragraphs.some((p, i) => i > 0 && i < paragraphs.length - 1 && !ENDS_QUESTION.test(p) && ENDS_QUESTION.test(paragraphs[i + 1]!));
  if (!answered) {
    return paragraphs.map((p, i) => ({ label: String(i + 1), numbers: [i + 1], question: p, answer: null }));
  }
  for (const p of paragraphs) {
    const last = pairs[pairs.length - 1];
    if (ENDS_QUESTION.test(p) || !last) {
      if (last && last.answer === null && !ENDS_QUESTION.test(p)) {
        last.question += `\n\n${p}`;
        continue;
      }
      pairs.push({ label: String(pairs.length + 1), numbers: [pairs.length + 1], question: p, answer: null });
    } else {
      last.answer = last.answer === null ? p : `${last.answer}\n\n${p}`;
    }
  }
  if (!pairs.length) messages.push({ ruleId: 'no-pairs', reason: 'geen vragen gevonden in de weergave', severity: 'warning', place: null });
  return pairs;
}

/** Read an openkamer document page. */
function readOpenkamerDocument(text: string): DocumentParts {
  const messages: Message[] = [];
  const lines = text.split('\n');
  const zaak = /^\s*Kamervraag\s+(\d{4}Z\d{5})\s*$/.exec(lines[0] ?? '')?.[1] ?? null;
  const field = (name: string) => {
    const re = new RegExp(`^\\s*${name}\\s+(.+?)\\s*$`);
    for (const l of lines) {
      const m = re.exec(l);
      if (m) return m[1]!;
    }
    return null;
  };
  const title = lines.slice(1).map((l) => l.trim()).find((l) => l && !/^(?:Ingediend|Beantwoord|Indiener|Onderwerpen|Bron)\b/.test(l)) ?? null;
  const questioners = splitPeople(field('Indiener') ?? '').map(readPerson).filter((q): q is Questioner => q !== null);
  const answerers = splitPeople(field('Beantwoord door') ?? '').map(readTrackerAnswerer).filter((a): a is Answerer => a !== null);
  const answerUrl = field('Bron antwoord');
  const ahId = answerUrl ? /(ah-tk-(\d{4})(\d{4})-(\d+))/.exec(answerUrl) : null;
  // Footnotes: "1. RTV Noord, …" lines before the first item.
  const firstItem = lines.findIndex((l) => /^\s*•\s*Vraag\s+\d/.test(l));
  const footnotes: DocumentParts['footnotes'] = [];
  for (const l of lines.slice(0, firstItem < 0 ? lines.length : firstItem)) {
    const m = /^\s*(\d{1,3})\.\s+(\S.*)$/.exec(l);
    if (m && Number(m[1]) === footnotes.length + 1) footnotes.push({ n: Number(m[1]), text: m[2]!.trim() });
  }
  // Items, up to the trailing page metadata.
  const end = lines.findIndex((l) => /^\s*Kamervraag document nummer:/.test(l));
  const body = lines.slice(firstItem < 0 ? lines.length : firstItem, end < 0 ? lines.length : end);
  const pairs: RawPair[] = [];
  let paras: string[] = [];
  let label: string | null = null;
  const flush = () => {
    if (label === null) return;
    const [question, ...answer] = paras;
    pairs.push({ label, numbers: [Number.parseInt(label, 10)], question: question ?? '', answer: answer.length ? answer.join('\n\n') : null });
  };
  let cur = '';
  for (const l of body) {
    const item = /^\s*•\s*Vraag\s+(\d{1,3}[a-z]?)\s*$/.exec(l);
    if (item) {
      if (cur) paras.push(cur);
      flush();
      label = item[1]!;
      paras = [];
      cur = '';
      continue;
    }
    if (l.trim() === '') {
      if (cur) paras.push(cur);
      cur = '';
    } else cur = cur ? `${cur} ${l.trim()}` : l.trim();
  }
  if (cur) paras.push(cur);
  flush();
  return {
    form: 'tracker',
    container: 'text',
    header: '',
    pairs,
    footnotes,
    notice: null,
    meta: {
      title,
      zaakNumber: zaak,
      dateSubmitted: parseDutchDate(field('Ingediend') ?? ''),
      dateAnswered: parseDutchDate(field('Beantwoord') ?? ''),
      questioners,
      answerers,
      ...(ahId ? { vergaderjaar: `${ahId[2]}-${ahId[3]}`, aanhangselNumber: Number(ahId[4]) } : {}),
    },
    messages,
  };
}

/** Read an openkamer listing entry: three cells, then alternating questions and answers. */
function readOpenkamerListing(text: string): DocumentParts {
  const messages: Message[] = [];
  const lines = text.split('\n').map((l) => l.trim());
  const cells: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '') continue;
    if (!l.endsWith('|')) break;
    cells.push(l.slice(0, -1).trim());
  }
  const filled = cells.filter((c) => c !== '' && c !== '![]()');
  const [title, submitters, receivers] = filled;
  const rest = lines.slice(i).filter(Boolean);
  // A line "Something |" after the items starts the next listing entry.
  const next = rest.findIndex((l) => /\|\s*$/.test(l));
  const paragraphs = next < 0 ? rest : rest.slice(0, next);
  const pairs = alternate(paragraphs, messages);
  const answered = pairs.some((p) => p.answer !== null);
  return {
    form: 'tracker',
    container: 'text',
    header: '',
    pairs,
    footnotes: [],
    notice: null,
    meta: {
      title: title ?? null,
      questioners: splitPeople(submitters ?? '').map(readPerson).filter((q): q is Questioner => q !== null),
      // For an unanswered set the third cell names who the questions went to, not who answered.
      answerers: answered ? splitPeople(receivers ?? '').map(readTrackerAnswerer).filter((a): a is Answerer => a !== null) : [],
    },
    messages,
  };
}

/**
 * Whether the first line of `head` that is not blank can start a tracker rendering: an openkamer
 * document page's "Kamervraag …" line or a listing's first cell ("title |"). Both tests in
 * readTrackerText look at that line first: the document pattern starts with /^\s*Kamervraag/
 * (so that line must start with "K"), and the listing's first cell is that line, trimmed, which
 * must end with "|". Every other text, almost all of them, is turned away here, before the head
 * is split into lines.
 */
function mayBeTracker(head: string): boolean {
  const start = visibleStart(head);
  if (head.charCodeAt(start) === 75 /* K */) return true;
  const end = head.indexOf('\n', start);
  // (The line from `start` is the first non-blank one: everything before `start` is white space.)
  return head.slice(start, end < 0 ? head.length : end).trim().endsWith('|');
}

/** Read a tracker rendering, or null when the text is not one. */
export function readTrackerText(text: string): DocumentParts | null {
  const head = text.slice(0, 600);
  if (!mayBeTracker(head)) return null;
  if (/^\s*Kamervraag\s+\d{4}Z\d{5}\s*\n/.test(head) && /\n\s*(?:Ingediend|Indiener)\s/.test(text.slice(0, 2000))) return readOpenkamerDocument(text);
  // A listing entry: a title cell, an empty cell, a cell of submitters (white space varies).
  const cells = head.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3);
  if (cells.length === 3 && cells[0]!.length > 1 && cells[0]!.endsWith('|') && cells[1] === '|' && cells[2]!.endsWith('|') && cells[2] !== '|') return readOpenkamerListing(text);
  return null;
}
