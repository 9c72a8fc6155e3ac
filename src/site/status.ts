/**
 * Commitment status on the site. The linker's `deriveStatus` (src/lib/build/status.ts) decides
 * when it exists; until then a small fallback with the same contract is used, so the site builds
 * either way. Pure apart from the build-time module lookup.
 */
import type { Commitment, CommitmentStatus, CuratedCommitment } from '../lib/schema/index.ts';
import { statusLabels } from '../lib/schema/index.ts';
import { addDays, daysBetween } from '../lib/dates.ts';
import { formatDate } from './text.ts';

/** A decided status with the reason shown to readers (Dutch). */
export interface DerivedStatus {
  /** The status. */
  status: CommitmentStatus;
  /** Why, in one Dutch sentence. */
  reason: string;
}

/** Signature of the linker's deriveStatus. */
export type DeriveStatus = (commitment: Commitment, curated: CuratedCommitment | null, today: string) => DerivedStatus;

/** Days before the due date from which a commitment counts as "due soon". */
export const DUE_SOON_DAYS = 30;

/** The fallback rule: curated decisions win; otherwise the due date against today decides. */
export const fallbackDeriveStatus: DeriveStatus = (commitment, curated, today) => {
  if (curated && curated.status !== 'open') {
    const last = curated.history.at(-1);
    return {
      status: curated.status,
      reason: curated.note ?? (last ? `Vastgesteld door ${last.source} op ${formatDate(last.date)}.` : 'Vastgesteld door de redactie.'),
    };
  }
  if (!commitment.due) return { status: 'open', reason: 'Er is geen termijn genoemd en nog geen bewijs dat de toezegging is nagekomen.' };
  if (commitment.due < today) {
    return { status: 'overdue', reason: `De termijn (${formatDate(commitment.due)}) is verstreken zonder bewijs dat de toezegging is nagekomen.` };
  }
  if (daysBetween(today, commitment.due) <= DUE_SOON_DAYS) {
    return { status: 'due-soon', reason: `De termijn verloopt op ${formatDate(commitment.due)}.` };
  }
  return { status: 'open', reason: `De termijn loopt tot ${formatDate(commitment.due)}.` };
};

// The linker's module may not exist yet; import.meta.glob resolves to {} when it is missing.
const linker = import.meta.glob<{ deriveStatus?: DeriveStatus }>('../lib/build/status.ts', { eager: true });

/** The deriveStatus in use: the linker's when present, else the fallback. */
export const deriveStatus: DeriveStatus = Object.values(linker)[0]?.deriveStatus ?? fallbackDeriveStatus;

/** Dutch label of a status ("Openstaand"). */
export function statusLabel(status: CommitmentStatus): string {
  return statusLabels[status];
}

/** Statuses in the order the site lists them. */
export const STATUS_ORDER: readonly CommitmentStatus[] = [
  'overdue', 'due-soon', 'open', 'partly-delivered', 'delivered', 'superseded', 'dropped',
];

/** Whether a status still asks something of the government. */
export function isOpenStatus(status: CommitmentStatus): boolean {
  return status === 'open' || status === 'due-soon' || status === 'overdue';
}

/** Build date used for time-based statuses: `override` (an ISO date) or today in UTC. */
export function buildDate(override: string | undefined, now: Date = new Date()): string {
  if (override && /^\d{4}-\d{2}-\d{2}$/.test(override)) return override;
  return addDays(now.toISOString().slice(0, 10), 0);
}
