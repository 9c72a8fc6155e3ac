/**
 * Official identifiers: Aanhangselnummer → ah-tk id, zaak number → kv-tk id, Kamerstuk ids of
 * motions (kst-34550-XVI-91), and date strings of the OData API. Pure functions.
 */

/** An Aanhangsel item: its KOOP id, parliamentary year and number. */
export interface AanhangselRef {
  /** "ah-tk-20242025-2375". */
  id: string;
  /** "2024-2025". */
  vergaderjaar: string;
  /** 2375. */
  number: number;
}

/**
 * Decode Document.Aanhangselnummer: 9 digits, the two-digit years of the vergaderjaar and a
 * five-digit number ("242502375" → ah-tk-20242025-2375, "161701603" → ah-tk-20162017-1603).
 * Returns null for anything else (null, wrong length, years that do not follow each other).
 */
export function aanhangselRef(value: string | null | undefined): AanhangselRef | null {
  const m = /^\s*(\d{2})(\d{2})(\d{5})\s*$/.exec(value ?? '');
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if ((a + 1) % 100 !== b) return null;
  // Two-digit years: the Kamer's numbering starts long after 1950, so 50–99 are 19xx.
  const first = a >= 50 ? 1900 + a : 2000 + a;
  const number = Number(m[3]);
  if (number <= 0) return null;
  const vergaderjaar = `${first}-${first + 1}`;
  return { id: `ah-tk-${first}${first + 1}-${number}`, vergaderjaar, number };
}

/** KOOP id of the questions of a zaak: "2025Z08162" → "kv-tk-2025Z08162". */
export function questionsId(zaakNummer: string): string {
  return `kv-tk-${zaakNummer}`;
}

/** The parts of a Kamerstuk id of a motion. */
export interface KamerstukRef {
  /** "kst-34550-XVI-91". */
  id: string;
  /** "34550", or "21501-02" for a sub-dossier. */
  dossier: string;
  /** "XVI", or null (also for sub-dossiers, whose number is in `dossier`). */
  suffix: string | null;
  /** 91. */
  number: number;
  /** "34 550 XVI, nr. 91". */
  citation: string;
}

/** Format a dossier number with a thin space every three digits from the right, as the Kamer writes it: "34550" → "34 550". */
export function formatDossier(dossier: string): string {
  return dossier.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Build a Kamerstuk reference from its parts; null when the parts are not usable. */
export function kamerstukRef(dossier: string | number | null | undefined, suffix: string | null | undefined, number: number | null | undefined): KamerstukRef | null {
  const d = String(dossier ?? '').trim();
  if (!/^\d+$/.test(d) || !number || number <= 0 || !Number.isInteger(number)) return null;
  const s = (suffix ?? '').trim().replace(/\s+/g, '') || null;
  if (s !== null && !/^[A-Za-z0-9]+$/.test(s)) return null;
  const id = s ? `kst-${d}-${s}-${number}` : `kst-${d}-${number}`;
  // A numeric suffix belongs to the dossier number ("21 501-02", a sub-dossier); a letter suffix is a
  // chapter ("34 550 XVI", a budget chapter).
  if (s !== null && /^\d+$/.test(s)) {
    return { id, dossier: `${d}-${s}`, suffix: null, number, citation: `${formatDossier(d)}-${s}, nr. ${number}` };
  }
  const citation = `${formatDossier(d)}${s ? ` ${s}` : ''}, nr. ${number}`;
  return { id, dossier: d, suffix: s, number, citation };
}

/** Split a Kamerstuk id ("kst-34550-XVI-91", "kst-36410-82") into its parts; null when it is not one. */
export function parseKamerstukId(id: string): KamerstukRef | null {
  const m = /^kst-(\d+)(?:-([A-Za-z0-9]+))?-(\d+)$/.exec(id.trim());
  if (!m) return null;
  return kamerstukRef(m[1], m[2] ?? null, Number(m[3]));
}

/**
 * The calendar date of an OData date or DateTimeOffset value. Values without a time zone or with an
 * offset are local Dutch time, so the date part is the first ten characters; a UTC value ("…Z") is
 * also taken at face value because the API only writes UTC for ApiGewijzigdOp, never for dates.
 * The empty date 0001-01-01 (the register's "no date") and anything unparsable give null.
 */
export function odataDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (Number(m[1]) < 1800) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

/** A GUID as the API writes it (lowercase, with dashes); null otherwise. */
export function guid(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    ? value.toLowerCase()
    : null;
}
