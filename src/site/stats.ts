/**
 * Statistics for /statistieken/ and the ministry pages: answer times, share answered late,
 * commitments kept on time. Pure.
 */
import type { CommitmentView, RecordView } from './model.ts';
import { isOpenStatus } from './status.ts';

/** Answer-time figures of a group of question sets. */
export interface AnswerStats {
  /** Group label (ministry name, vergaderjaar). */
  label: string;
  /** Group key (slug, vergaderjaar). */
  key: string;
  /** Answers with both dates known. */
  answered: number;
  /** Median days to answer, or null without data. */
  medianDays: number | null;
  /** Mean days to answer, rounded to one decimal, or null. */
  meanDays: number | null;
  /** Answers given after the three-week term. */
  late: number;
  /** Of those, answers after a postponement notice (uitstelbericht). */
  latePostponed: number;
  /** Share late, 0–100 rounded to whole percent, or null. */
  latePercent: number | null;
}

/** Median of numbers (null for an empty list). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 10) / 10;
}

/** Answer statistics of one group. */
export function answerStats(label: string, key: string, records: readonly RecordView[]): AnswerStats {
  const days = records.filter((r) => r.daysToAnswer !== null).map((r) => r.daysToAnswer!);
  const lateRecords = records.filter((r) => r.late === true);
  const late = lateRecords.length;
  return {
    label,
    key,
    answered: days.length,
    medianDays: median(days),
    meanDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    late,
    latePostponed: lateRecords.filter((r) => r.postponements > 0).length,
    latePercent: days.length ? Math.round((late / days.length) * 100) : null,
  };
}

/** Answer statistics per group, largest groups first (ties by label). */
export function answerStatsBy(
  records: readonly RecordView[],
  groupOf: (r: RecordView) => { key: string; label: string } | null,
): AnswerStats[] {
  const groups = new Map<string, { label: string; records: RecordView[] }>();
  for (const r of records) {
    const g = groupOf(r);
    if (!g) continue;
    const entry = groups.get(g.key);
    if (entry) entry.records.push(r);
    else groups.set(g.key, { label: g.label, records: [r] });
  }
  return [...groups.entries()]
    .map(([key, g]) => answerStats(g.label, key, g.records))
    .filter((s) => s.answered > 0)
    .sort((a, b) => b.answered - a.answered || a.label.localeCompare(b.label, 'nl'));
}

/** Commitment figures of a group. */
export interface CommitmentStats {
  /** Group label. */
  label: string;
  /** Group key. */
  key: string;
  /** All commitments. */
  total: number;
  /** Still open (open, due soon, overdue). */
  open: number;
  /** Past their due date without evidence. */
  overdue: number;
  /** Delivered (fully). */
  delivered: number;
  /** Delivered with a dated delivery no later than the due date. */
  keptOnTime: number;
  /** Delivered with a due date and dated delivery: the base of the on-time share. */
  judged: number;
  /** keptOnTime / judged in whole percent, or null. */
  onTimePercent: number | null;
}

/** Commitment statistics per group, largest first. */
export function commitmentStatsBy(
  commitments: readonly CommitmentView[],
  groupOf: (c: CommitmentView) => { key: string; label: string } | null,
): CommitmentStats[] {
  const groups = new Map<string, CommitmentStats>();
  for (const c of commitments) {
    const g = groupOf(c);
    if (!g) continue;
    let s = groups.get(g.key);
    if (!s) {
      s = { label: g.label, key: g.key, total: 0, open: 0, overdue: 0, delivered: 0, keptOnTime: 0, judged: 0, onTimePercent: null };
      groups.set(g.key, s);
    }
    s.total++;
    if (isOpenStatus(c.status)) s.open++;
    if (c.status === 'overdue') s.overdue++;
    if (c.status === 'delivered') s.delivered++;
    if (c.keptOnTime !== null) {
      s.judged++;
      if (c.keptOnTime) s.keptOnTime++;
    }
  }
  for (const s of groups.values()) s.onTimePercent = s.judged ? Math.round((s.keptOnTime / s.judged) * 100) : null;
  return [...groups.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'nl'));
}
