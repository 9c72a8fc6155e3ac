/** CSV export (RFC 4180) of commitments. Pure. */
import type { CommitmentView } from './model.ts';
import { statusLabel } from './status.ts';

/**
 * Quote one CSV field. Fields that a spreadsheet would read as a formula (starting with
 * = + - @ or a tab) get a leading apostrophe, because the text comes from documents.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Column names of /data/toezeggingen.csv. */
export const COMMITMENT_COLUMNS = [
  'id', 'status', 'status_nl', 'termijn', 'termijn_tekst', 'tekst', 'actie', 'actor', 'ministerie',
  'vragenset', 'vraag', 'datum_document', 'vragenstellers', 'programmas', 'moties', 'op_tijd_nagekomen', 'url',
] as const;

/** The commitments CSV. `site` is the absolute site origin for the url column. */
export function commitmentsCsv(commitments: readonly CommitmentView[], site: string): string {
  const origin = site.replace(/\/$/, '');
  return toCsv(
    COMMITMENT_COLUMNS,
    commitments.map((c) => [
      c.id,
      c.status,
      statusLabel(c.status),
      c.commitment.due,
      c.commitment.dueText,
      c.commitment.text,
      c.commitment.action,
      c.commitment.actor,
      c.ministry?.name ?? null,
      c.record?.record.id ?? (c.register ? `register:${c.register.id}` : null),
      c.pairLabel,
      c.date,
      c.members.map((m) => (m.party ? `${m.name} (${m.party})` : m.name)).join('; '),
      c.programmeIds.join('; '),
      c.motionIds.join('; '),
      c.keptOnTime === null ? null : c.keptOnTime ? 'ja' : 'nee',
      `${origin}${c.url}`,
    ]),
  );
}
