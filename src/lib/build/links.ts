/**
 * The linker: fills a parsed record's references, motions, programmes, abbreviations and
 * commitments. Called by the parser at the end of parsing; pure (strings in, values + messages out).
 */
import type { Message } from '../schema/common.ts';
import type { QuestionSet, Reference } from '../schema/record.ts';
import { extractCommitments } from './commitments.ts';
import { findMotions } from './motions.ts';
import { matchProgrammes, recordAbbreviations, type ProgrammeEntry } from './programmes.ts';
import { findReferences } from './references.ts';

export type { ProgrammeEntry } from './programmes.ts';

/** What the linker needs besides the record. */
export interface LinkContext {
  /** The programme registry (`content/programmes/*.md`), each with its id. */
  programmes: ProgrammeEntry[];
  /** The record's header text ("Vragen van … Zie ook Aanhangsel Handelingen …"), when the caller has it: its references are added with pair null. */
  headerText?: string | null;
}

/** Every reference of a record: header, questions, answers and footnotes, deduplicated by (id, pair, footnote). */
export function collectReferences(record: QuestionSet, headerText: string | null, messages: Message[]): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  // The record's own numbers are no references to other documents.
  const own = new Set([record.id, record.zaakNumber ?? '', record.id.replace(/^kv-tk-/, '')].filter(Boolean));
  const add = (text: string, pair: number | null, footnote: number | null, where: string) => {
    const { references, rejected } = findReferences(text);
    for (const r of references) {
      if (own.has(r.id)) continue;
      // A bare domain in a letterhead ("www.rijksoverheid.nl") points to no document.
      if (pair === null && footnote === null && r.kind === 'url' && !/^https?:\/\/[^/]+\/\S/.test(r.id)) continue;
      const key = `${r.id}|${pair ?? ''}|${footnote ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: r.kind, id: r.id, raw: r.raw, pair, footnote });
    }
    for (const r of rejected) {
      messages.push({ ruleId: 'reference-impossible', reason: `${where}: verwijzing «${r.raw}»: ${r.reason}`, severity: 'warning', place: null });
    }
  };
  if (headerText) add(headerText, null, null, 'kop');
  // Footnotes belong to the pair whose text holds their marker.
  const footnotePair = new Map<number, number>();
  record.pairs.forEach((p, i) => {
    const marks = (p as { footnoteMarks?: Array<{ n: number }> }).footnoteMarks ?? [];
    for (const n of [...(p.footnoteRefs ?? []), ...marks.map((m) => m.n)]) if (!footnotePair.has(n)) footnotePair.set(n, i);
  });
  record.pairs.forEach((p, i) => {
    add(p.question, i, null, `vraag ${p.label}`);
    if (p.answer) add(p.answer, i, null, `antwoord ${p.label}`);
  });
  for (const f of record.footnotes) add(f.text, footnotePair.get(f.n) ?? null, f.n, `voetnoot ${f.n}`);
  return out;
}

/**
 * Fill references, motions, programmes, abbreviations and commitments of a record whose pairs,
 * footnotes, answerers and dates are already set. Pure: returns a new record; problems are added
 * to its messages. Postponement notices and open questions get no commitments (there are no answers).
 */
export function linkRecord(record: QuestionSet, context: LinkContext): QuestionSet {
  const messages: Message[] = [...record.messages];
  const references = collectReferences(record, context.headerText ?? null, messages);
  const motions = findMotions(record);
  const programmes = matchProgrammes(record, context.programmes);
  const abbreviations = { ...record.abbreviations, ...recordAbbreviations(record) };
  const linked: QuestionSet = { ...record, references, motions, programmes, abbreviations, messages };
  const commitments = record.kind === 'answer' ? extractCommitments(linked, { programmes: context.programmes, motions }) : [];
  if (!record.dateAnswered && !record.dateSubmitted && commitments.length > 0) {
    messages.push({
      ruleId: 'commitment-no-date',
      reason: 'toezeggingen gevonden, maar het document heeft geen datum: termijnen zijn niet berekend',
      severity: 'info',
      place: null,
    });
  }
  return { ...linked, commitments };
}
