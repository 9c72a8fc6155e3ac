/** The plain-text reader: PDF text, ministry letters, copied web pages and tracker renderings. */
import type { Message } from '../schema/common.ts';
import type { QuestionSet, SourceForm } from '../schema/record.ts';
import { buildRecord, type ParseOutcome } from './build.ts';
import type { DocumentParts } from './parts.ts';
import { toLines } from './lines.ts';
import { extractFootnotes, type FoundFootnote } from './footnotes.ts';
import { segmentBody } from './segment.ts';
import { readTrackerText } from './tracker.ts';

/** Whether `s` contains any of `words`. */
function mentions(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}

/** "Staten-Generaal2012-20132881": officielebekendmakingen metadata glued together (sticky: tried at one place). */
const GLUED_METADATA_AT = /Staten-Generaal\s*\d{4}-\d{4}\d/y;

/**
 * Whether `head` holds glued metadata. Every Aanhangsel names the Staten-Generaal, so the pattern is
 * tried only where that word occurs (found with indexOf), not at every character.
 */
function hasGluedMetadata(head: string): boolean {
  for (let at = head.indexOf('Staten-Generaal'); at >= 0; at = head.indexOf('Staten-Generaal', at + 1)) {
    GLUED_METADATA_AT.lastIndex = at;
    if (GLUED_METADATA_AT.test(head)) return true;
  }
  return false;
}

/** "Schriftelijke vragen:" or "Antwoord schriftelijke vragen:" (sticky: tried at one place each). */
const QUESTIONS_HEADING_AT = /Schriftelijke vragen\s*:/y;
const ANSWERS_HEADING_AT = /Antwoord schriftelijke vragen\s*:/y;

/**
 * Whether `head` holds a tweedekamer.nl heading "Schriftelijke vragen:" or "Antwoord schriftelijke
 * vragen:". Both contain "chriftelijke vragen", found with indexOf; the patterns are tried only
 * where their match would start around it (one character before it, or ten). This is the
 * alternation /Antwoord schriftelijke vragen\s*:|Schriftelijke vragen\s*:/ without a scan of
 * every character, which for the documents that reach it (letters, not Aanhangsels) took longer
 * than all other form tests together.
 */
function hasQuestionsHeading(head: string): boolean {
  for (let at = head.indexOf('chriftelijke vragen'); at >= 0; at = head.indexOf('chriftelijke vragen', at + 1)) {
    if (at >= 1) {
      QUESTIONS_HEADING_AT.lastIndex = at - 1;
      if (QUESTIONS_HEADING_AT.test(head)) return true;
    }
    if (at >= 10) {
      ANSWERS_HEADING_AT.lastIndex = at - 10;
      if (ANSWERS_HEADING_AT.test(head)) return true;
    }
  }
  return false;
}

/** Guess the form of a plain-text document from what it contains. */
export function detectTextForm(text: string): SourceForm {
  const head = text.slice(0, 6000);
  // The first two tests take their alternatives one by one: fixed words found with `includes` and
  // patterns that start with a fixed word are searched for far faster than an alternation, and
  // these run on every document.
  if (
    mentions(text, ['Aanhangsel van de Handelingen', 'Vragen gesteld door de leden der Kamer']) ||
    /ah-tk-\d{8}-\d+/.test(text) ||
    /h tk \d{8} \d+/.test(text) ||
    /Tweede Kamer, vergaderjaar \d{4}.\d{4}, Aanhangsel/.test(text)
  ) {
    if (head.includes('Datum publicatie') || hasGluedMetadata(head)) return 'aanhangsel-html';
    return 'aanhangsel-pdf-text';
  }
  if (hasGluedMetadata(head) || mentions(head, ['Datum publicatieOrganisatie', 'officielebekendmakingen.nl'])) return 'aanhangsel-html';
  if (mentions(head, ['tweedekamer.nl', 'Gerelateerde personen']) || hasQuestionsHeading(head)) return 'tk-website';
  if (/Geachte [Vv]oorzitter|Hoogachtend|Retouradres|Ons kenmerk|Uw kenmerk|Datum\s+\d{1,2}\s+\w+\s+\d{4}\s*\n\s*Betreft|Uitstel (?:van (?:de )?)?beantwoording|^\s*DE (?:MINISTER|STAATSSECRETARIS) V|^\s*De Voorzitter van de Tweede Kamer/m.test(head)) return 'ministry-letter';
  if (/^\s*Vragen? van (?:het lid|de leden)/m.test(head)) {
    // PDF text breaks paragraphs into lines of a column's width; text copied from a web page keeps
    // each paragraph on one long line.
    const long = head.split('\n').filter((l) => l.length > 150).length;
    return long >= 2 && !head.includes('\f') ? 'aanhangsel-html' : 'aanhangsel-pdf-text';
  }
  return 'other';
}

/** An answer statement: "Antwoord van", "de antwoorden op", "Beantwoord door" … (sticky: tried at one place). */
const ANSWER_STATEMENT_AT = /\b(?:Antwoord|Nader antwoord) van\b|\bde antwoorden op\b|\bAntwoorden op\b|\bBeantwoord door\b|\bBeantwoording\b/iy;
/** "ntwoord" in any case (global). */
const NTWOORD = /ntwoord/gi;
/**
 * How far before its "ntwoord" each statement starts: (A)ntwoord(en), (Bea)ntwoord(ing),
 * (de a)ntwoorden, (Nader a)ntwoord.
 */
const STATEMENT_STARTS = [1, 3, 4, 7];

/**
 * Whether `head` states that it holds answers. Every statement holds "ntwoord" (in some case) 1,
 * 3, 4 or 7 characters after its start, so the statement pattern is tried only there, at each
 * "ntwoord" in turn. Why: the pattern, an alternation that ignores case, is slow to scan with; it
 * used to run from a little before the first "ntwoord" to the statement, a few hundred characters
 * on, and the whole head of a document without one.
 */
function statesAnswers(head: string): boolean {
  let found = false;
  NTWOORD.lastIndex = 0;
  for (let m = NTWOORD.exec(head); m && !found; m = NTWOORD.exec(head)) {
    for (let k = 0; k < STATEMENT_STARTS.length && !found; k++) {
      const at = m.index - STATEMENT_STARTS[k]!;
      if (at < 0) continue;
      ANSWER_STATEMENT_AT.lastIndex = at;
      found = ANSWER_STATEMENT_AT.test(head);
    }
  }
  NTWOORD.lastIndex = 0;
  ANSWER_STATEMENT_AT.lastIndex = 0;
  return found;
}

/** The footnotes as parts hold them (a loop rather than map(): see lineTexts in lines.ts). */
function partsFootnotes(footnotes: readonly FoundFootnote[]): DocumentParts['footnotes'] {
  const out: DocumentParts['footnotes'] = [];
  for (let i = 0; i < footnotes.length; i++) {
    const f = footnotes[i]!;
    out.push({ n: f.n, text: f.text, place: { line: f.line.no, column: 1, offset: f.line.offset, page: f.line.page } });
  }
  return out;
}

/** Read a plain-text document into parts. */
export function readText(text: string, container: 'text' | 'pdf' = 'text'): DocumentParts {
  return readTextParts(text, container).parts;
}

/** readText, and whether a question or answer text can hold a superscript digit (see TextLines). */
function readTextParts(text: string, container: 'text' | 'pdf'): { parts: DocumentParts; superscripts: boolean } {
  if (container === 'text') {
    const tracker = readTrackerText(text);
    if (tracker) return { parts: tracker, superscripts: true };
  }
  const messages: Message[] = [];
  const form = detectTextForm(text);
  const { lines, facts, superscripts, pages } = toLines(text);
  const { body, footnotes } = extractFootnotes(lines, messages);
  const answered = statesAnswers(text.slice(0, 8000));
  const seg = segmentBody(body, answered, messages);
  const header = seg.header.map((l) => l.text).join('\n');
  const parts: DocumentParts = {
    form,
    container,
    header,
    closing: seg.closing ?? undefined,
    pairs: seg.pairs,
    footnotes: partsFootnotes(footnotes),
    notice: seg.notice,
    meta: {
      vergaderjaar: facts.ahId?.vergaderjaar ?? null,
      aanhangselNumber: facts.ahId?.number ?? null,
    },
    messages,
    // (toLines counts the pages: the page breaks among `lines` plus one.)
    pages: container === 'pdf' || text.includes('\f') ? pages : null,
    footerVergaderjaar: facts.footerVergaderjaar,
  };
  return { parts, superscripts };
}

/** Parse plain text (any text form) into a record; `link` adds references, motions and commitments. */
export function parseText(text: string, path: string, options: { link?: (record: QuestionSet, headerText: string) => QuestionSet } = {}): ParseOutcome {
  const { parts, superscripts } = readTextParts(text, 'text');
  // The reader knows whether the texts can hold superscript markers; saying so spares the marker
  // stage a scan of every text (the record is the same either way).
  return buildRecord(parts, { path, container: 'text', encoding: 'utf-8' }, { link: options.link, superscriptFree: !superscripts });
}
