/**
 * When written questions are due, and which open ones are overdue. The rule (Reglement van Orde,
 * as the project applies it): an answer is due 3 weeks (21 days) after the questions were
 * submitted; each postponement notice ("Mededeling (uitstel antwoord)") adds 3 more weeks.
 * Pure functions over records; the site builds its overdue lists and RSS from `overdueQuestions`.
 */
import { addDays, daysBetween } from '../dates.ts';
import { ministryNameOfRole } from '../ministry.ts';
import type { QuestionSet } from '../schema/record.ts';

/** Days the government has to answer, and the extra days a postponement notice gives. */
export const ANSWER_TERM_DAYS = 21;

/**
 * Last day an answer is on time: submitted + 21 days, + 21 days per postponement notice.
 * Null when the submission date is unknown.
 */
export function answerDueDate(dateSubmitted: string | null, postponements: number): string | null {
  if (!dateSubmitted) return null;
  return addDays(dateSubmitted, ANSWER_TERM_DAYS * (1 + Math.max(0, Math.floor(postponements))));
}

/** One open question set past its due date. */
export interface OverdueItem {
  /** Record id (kv-tk-…). */
  id: string;
  /** Subject. */
  title: string | null;
  /** Due date. */
  due: string;
  /** Whole days past due on `today`. */
  daysOverdue: number;
  /** Members who asked. */
  questioners: QuestionSet['questioners'];
  /** Addressed ministers. */
  addressees: string[];
}

/** Overdue open questions grouped three ways, each group sorted by days overdue (most first). */
export interface OverdueLists {
  /** All overdue items, most overdue first. */
  all: OverdueItem[];
  /** Per member (name as written). */
  byMember: Record<string, OverdueItem[]>;
  /** Per party; "onbekend" when the party is not known. */
  byParty: Record<string, OverdueItem[]>;
  /**
   * Per ministry, named as the site names it (src/lib/ministry.ts: "Minister voor Rechtsbescherming"
   * → "Justitie en Veiligheid"); an addressee title that names no ministry keys its own group.
   */
  byMinistry: Record<string, OverdueItem[]>;
}

/** The ministry an addressee title belongs to, as the site groups it; the title itself when it names none. */
export function addresseeMinistry(addressee: string): string {
  return ministryNameOfRole(addressee) ?? addressee.replace(/\s+/g, ' ').trim();
}

function push(map: Record<string, OverdueItem[]>, key: string, item: OverdueItem): void {
  (map[key] ??= []).push(item);
}

/**
 * Open question sets (kind `questions`) whose `answerDue` lies before `today` (ISO date). Records
 * without a due date are left out, not guessed.
 */
export function overdueQuestions(records: readonly QuestionSet[], today: string): OverdueLists {
  const all: OverdueItem[] = [];
  for (const r of records) {
    if (r.kind !== 'questions' || !r.answerDue || r.answerDue >= today) continue;
    all.push({
      id: r.id,
      title: r.title,
      due: r.answerDue,
      daysOverdue: daysBetween(r.answerDue, today),
      questioners: r.questioners,
      addressees: r.addressees,
    });
  }
  all.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
  const lists: OverdueLists = { all, byMember: {}, byParty: {}, byMinistry: {} };
  for (const item of all) {
    for (const q of new Set(item.questioners.map((q) => q.name))) push(lists.byMember, q, item);
    for (const p of new Set(item.questioners.map((q) => q.party ?? 'onbekend'))) push(lists.byParty, p, item);
    for (const m of new Set(item.addressees.map(addresseeMinistry))) push(lists.byMinistry, m, item);
  }
  return lists;
}
