/**
 * Commitment status: curated decisions in `content/commitments/<id>.md`, merged with the
 * official commitments register (Toezeggingen). Scripts propose; people decide.
 */
import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Status of a commitment. `open`, `due-soon` and `overdue` follow from the due date while no
 * evidence says otherwise; the others need evidence or a person's decision.
 */
export const commitmentStatus = z.enum([
  'open',
  'due-soon',
  'overdue',
  'delivered',
  'partly-delivered',
  'dropped',
  'superseded',
]);

/** Statuses a person (or the official register) can set; time-based ones are derived. */
export const curatedStatus = z.enum(['open', 'delivered', 'partly-delivered', 'dropped', 'superseded']);

/** Dutch words for each status, as shown on the site (adjectives, GOV.UK style). */
export const statusLabels: Record<z.infer<typeof commitmentStatus>, string> = {
  open: 'Openstaand',
  'due-soon': 'Bijna verlopen',
  overdue: 'Termijn verstreken',
  delivered: 'Nagekomen',
  'partly-delivered': 'Deels nagekomen',
  dropped: 'Vervallen',
  superseded: 'Vervangen',
};

/** A document that shows (part of) the promise kept. */
export const evidence = z.object({
  /** Id of the record or official document (e.g. "kv-tk-2026Z03535", "kst-31839-800"). */
  document: z.string().min(1),
  /** Date of that document. */
  date: isoDate.nullable().default(null),
  /** The sentence in it that shows delivery or progress. */
  quote: z.string().nullable().default(null),
  /** delivered: the promised thing is done; progress: work on it is shown; dropped: it will not happen. */
  kind: z.enum(['delivered', 'progress', 'dropped']).default('delivered'),
  /** Label of the pair in that document, for a deep link. */
  pair: z.string().nullable().default(null),
});

/** One change of status, kept forever. */
export const historyEntry = z.object({
  /** Date of the change. */
  date: isoDate,
  /** The status from that date on. */
  status: curatedStatus,
  /** Who or what set it: a person's name, "script:commitments", or "tk-register". */
  source: z.string().min(1),
  /** Why. */
  note: z.string().nullable().default(null),
});

/** Front matter of a curated commitment file. The Markdown body is a free note. */
export const curatedCommitment = z.object({
  /** Current decided status. */
  status: curatedStatus,
  /** Documents that show delivery or progress. */
  evidence: z.array(evidence).default([]),
  /** Every change of status, oldest first. */
  history: z.array(historyEntry).default([]),
  /** Short note for readers. */
  note: z.string().nullable().default(null),
});

/** Official register values (Toezegging.Status) mapped to ours. */
export const registerStatusMap: Record<string, z.infer<typeof curatedStatus>> = {
  Openstaand: 'open',
  Afgedaan: 'delivered',
  'Deels afgedaan': 'partly-delivered',
  'Deels Afgedaan': 'partly-delivered',
  Voldaan: 'delivered',
  'Deels voldaan': 'partly-delivered',
  'Deels Voldaan': 'partly-delivered',
  Vervallen: 'dropped',
};

export type CommitmentStatus = z.infer<typeof commitmentStatus>;
export type CuratedStatus = z.infer<typeof curatedStatus>;
export type Evidence = z.infer<typeof evidence>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type CuratedCommitment = z.infer<typeof curatedCommitment>;
