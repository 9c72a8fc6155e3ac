/**
 * Entries of the official commitments register (Toezeggingen) as site commitments: the same
 * Commitment shape the parser gives (via the sync module's registerToCommitment), with the
 * register's status as a curated decision so the usual status rule applies. Pure.
 */
import type { CuratedCommitment, RegisterEntry } from '../lib/schema/index.ts';
import type { Commitment } from '../lib/schema/record.ts';
import { registerToCommitment } from '../lib/sync/register.ts';
import { ministryNameOfRole, type Ministry } from '../lib/ministry.ts';
import { slugify } from './text.ts';

/** A register entry turned into a commitment, its curated status, ministry and date. */
export interface RegisterCommitment {
  /** The commitment (id "tz-<Nummer>"). */
  commitment: Commitment;
  /** The register's decision as a curated status, or null when it gives none. */
  curated: CuratedCommitment | null;
  /** The responsible ministry. */
  ministry: Ministry | null;
  /** Date the entry was made. */
  date: string | null;
}

/** Convert one register entry. */
export function registerCommitment(entry: RegisterEntry): RegisterCommitment {
  const commitment = registerToCommitment(entry);
  const date = entry.created ?? entry.changed?.slice(0, 10) ?? null;
  const curated: CuratedCommitment | null = entry.status
    ? {
        status: entry.status,
        evidence: [],
        history: [
          {
            date: (entry.changed ?? entry.created ?? '').slice(0, 10) || (date ?? '1970-01-01'),
            status: entry.status,
            source: 'tk-register',
            note: entry.registerStatus ? `Status in het register van de Tweede Kamer: ${entry.registerStatus}.` : null,
          },
        ],
        note: entry.fulfilledBy ? `Nagekomen met: ${entry.fulfilledBy}.` : null,
      }
    : null;
  const name = entry.ministry?.replace(/^ministerie van\s+/i, '').trim() || ministryNameOfRole(entry.person.role);
  return { commitment, curated, ministry: name ? { name, slug: slugify(name) } : null, date };
}
