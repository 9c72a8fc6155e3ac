/** The plain-text reader: PDF text, ministry letters, copied web pages and tracker renderings. */
import type { Message } from '../schema/common.ts';
import type { QuestionSet, SourceForm } from '../schema/record.ts';
import { buildRecord, type ParseOutcome } from './build.ts';
import type { DocumentParts } from './parts.ts';
import { toLines } from './lines.ts';
import { extractFootnotes } from './footnotes.ts';
import { segmentBody } from './segment.ts';

/** Guess the form of a plain-text document from what it contains. */
export function detectTextForm(text: string): SourceForm {
  const head = text.slice(0, 6000);
  if (/Aanhangsel van de Handelingen|Vragen gesteld door de leden der Kamer|ah-tk-\d{8}-\d+|h tk \d{8} \d+|Tweede Kamer, vergaderjaar \d{4}.\d{4}, Aanhangsel/.test(text)) {
    if (/Datum publicatie|Staten-Generaal\s*\d{4}-\d{4}\d/.test(head)) return 'aanhangsel-html';
    return 'aanhangsel-pdf-text';
  }
  if (/Staten-Generaal\s*\d{4}-\d{4}\d|Datum publicatieOrganisatie|officielebekendmakingen\.nl/.test(head)) return 'aanhangsel-html';
  if (/Antwoord schriftelijke vragen\s*:|Schriftelijke vragen\s*:|tweedekamer\.nl|Gerelateerde personen/.test(head)) return 'tk-website';
  if (/Geachte [Vv]oorzitter|Hoogachtend|Retouradres|Ons kenmerk|Uw kenmerk|Datum\s+\d{1,2}\s+\w+\s+\d{4}\s*\n\s*Betreft/.test(head)) return 'ministry-letter';
  if (/^\s*Vragen? van (?:het lid|de leden)/m.test(head)) return 'aanhangsel-pdf-text';
  return 'other';
}

/** Read a plain-text document into parts. */
export function readText(text: string, container: 'text' | 'pdf' = 'text'): DocumentParts {
  const messages: Message[] = [];
  const form = detectTextForm(text);
  const { lines, facts } = toLines(text);
  const { body, footnotes } = extractFootnotes(lines, messages);
  const answered = /\b(?:Antwoord|Nader antwoord) van\b|\bde antwoorden op\b|\bAntwoorden op\b|\bBeantwoord door\b|\bBeantwoording\b/i.test(text.slice(0, 8000));
  const seg = segmentBody(body, answered, messages);
  const header = seg.header.map((l) => l.text).join('\n');
  const pages = lines.filter((l) => l.kind === 'break').length + 1;
  return {
    form,
    container,
    header,
    closing: seg.closing ?? undefined,
    pairs: seg.pairs,
    footnotes: footnotes.map((f) => ({ n: f.n, text: f.text, place: { line: f.line.no, column: 1, offset: f.line.offset, page: f.line.page } })),
    notice: seg.notice,
    meta: {
      vergaderjaar: facts.ahId?.vergaderjaar ?? null,
      aanhangselNumber: facts.ahId?.number ?? null,
    },
    messages,
    pages: container === 'pdf' || /\f/.test(text) ? pages : null,
    footerVergaderjaar: facts.footerVergaderjaar,
  };
}

/** Parse plain text (any text form) into a record; `link` adds references, motions and commitments. */
export function parseText(text: string, path: string, options: { link?: (record: QuestionSet, headerText: string) => QuestionSet } = {}): ParseOutcome {
  return buildRecord(readText(text, 'text'), { path, container: 'text', encoding: 'utf-8' }, options);
}
