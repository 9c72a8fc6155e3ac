/**
 * Which ministry answered (or was asked): derived from the role of the main signer ("Minister voor
 * Rechtsbescherming" → Justitie en Veiligheid). Pure domain logic, shared by the site, the overdue
 * lists of src/lib/sync/due.ts and scripts/commitments.ts, so they all group the same way. Roles without a ministry of their own
 * ("minister voor …", and a few "van …" titles of ministers without a department) are mapped
 * by table; everything else keeps the department name from the title.
 */
import { slugify } from './slug.ts';

/** A ministry as shown on the site. */
export interface Ministry {
  /** Department name without "Ministerie van", e.g. "Justitie en Veiligheid". */
  name: string;
  /** URL slug, e.g. "justitie-en-veiligheid". */
  slug: string;
}

/** Portfolios of ministers and state secretaries without a department, mapped to the department they sit in. */
export const PORTFOLIO_MINISTRY: Readonly<Record<string, string>> = {
  rechtsbescherming: 'Justitie en Veiligheid',
  migratie: 'Justitie en Veiligheid',
  'langdurige zorg en sport': 'Volksgezondheid, Welzijn en Sport',
  'langdurige zorg, jeugd en sport': 'Volksgezondheid, Welzijn en Sport',
  'medische zorg': 'Volksgezondheid, Welzijn en Sport',
  'medische zorg en sport': 'Volksgezondheid, Welzijn en Sport',
  'jeugd, preventie en sport': 'Volksgezondheid, Welzijn en Sport',
  sport: 'Volksgezondheid, Welzijn en Sport',
  'natuur en stikstof': 'Landbouw, Natuur en Voedselkwaliteit',
  'buitenlandse handel en ontwikkelingssamenwerking': 'Buitenlandse Zaken',
  'klimaat en energie': 'Economische Zaken en Klimaat',
  'primair en voortgezet onderwijs': 'Onderwijs, Cultuur en Wetenschap',
  'basis- en voortgezet onderwijs en media': 'Onderwijs, Cultuur en Wetenschap',
  'volkshuisvesting en ruimtelijke ordening': 'Binnenlandse Zaken en Koninkrijksrelaties',
  'wonen en rijksdienst': 'Binnenlandse Zaken en Koninkrijksrelaties',
  'armoedebeleid, participatie en pensioenen': 'Sociale Zaken en Werkgelegenheid',
  'ontwikkelingssamenwerking': 'Buitenlandse Zaken',
  'europese zaken': 'Buitenlandse Zaken',
  'immigratie, integratie en asiel': 'Justitie en Veiligheid',
};

/** Department named in a role ("Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst" → "Financiën"), or null. */
export function ministryNameOfRole(role: string | null | undefined): string | null {
  if (!role) return null;
  const clean = role.replace(/\s+/g, ' ').trim();
  if (/^minister-?president\b/i.test(clean)) return 'Algemene Zaken';
  const m = /^(?:minister|staatssecretaris|ministerie)\s+(van|voor)\s+(.+)$/i.exec(clean);
  if (!m) return null;
  // "– Fiscaliteit en Belastingdienst" names a portfolio inside the department.
  const [department, portfolio] = m[2]!.split(/\s+[–-]\s+/);
  const key = (department ?? '').toLowerCase();
  if (PORTFOLIO_MINISTRY[key]) return PORTFOLIO_MINISTRY[key]!;
  if (m[1]!.toLowerCase() === 'voor') {
    return PORTFOLIO_MINISTRY[(portfolio ?? key).toLowerCase()] ?? department ?? null;
  }
  return department ?? null;
}

/** The ministry of a record: from the main signer's role, else the first addressee, else null. */
export function ministryOf(answererRoles: readonly (string | null)[], addressees: readonly string[]): Ministry | null {
  for (const role of [...answererRoles, ...addressees]) {
    const name = ministryNameOfRole(role);
    if (name) return { name, slug: slugify(name) };
  }
  return null;
}

/**
 * Every ministry a set of questions is addressed to, in order and without duplicates
 * (["Minister voor Rechtsbescherming", "Staatssecretaris van VWS"] → Justitie en Veiligheid, VWS).
 * Open questions concern each addressed ministry, not only the first. Titles that name no
 * ministry are left out.
 */
export function addressedMinistries(addressees: readonly string[]): Ministry[] {
  const out: Ministry[] = [];
  for (const a of addressees) {
    const name = ministryNameOfRole(a);
    if (name && !out.some((m) => m.name === name)) out.push({ name, slug: slugify(name) });
  }
  return out;
}
