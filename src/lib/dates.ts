/** Dutch calendar dates in words, and the parliamentary year. Pure functions. */

/** Dutch month names (and common abbreviations) to month numbers 1–12. */
export const DUTCH_MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, febr: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Regular-expression source matching a Dutch date in words, e.g. "8 juli 2021" (groups: day, month, year). */
export const DUTCH_DATE_SOURCE =
  '(\\d{1,2})\\s*(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?\\s+(\\d{4})';

/** Format year, month, day as an ISO date, or null when the date does not exist. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1800 && year <= 2200)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

const DUTCH_DATE = new RegExp(DUTCH_DATE_SOURCE, 'i');
const NUMERIC_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)/;

/** Parse the first Dutch date in words ("8 juli 2021", "1 dec. 2023"), numeric ("08-07-2021") or ISO ("2021-07-08", also with a time) in `text`. */
export function parseDutchDate(text: string): string | null {
  const words = DUTCH_DATE.exec(text);
  if (words) {
    const month = DUTCH_MONTHS[words[2]!.toLowerCase()];
    if (month) return isoFromParts(Number(words[3]), month, Number(words[1]));
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return isoFromParts(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** The parliamentary year a date falls in: it turns on Prinsjesdag, the third Tuesday of September. */
export function vergaderjaarOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  // The Tweede Kamer's vergaderjaar starts on Prinsjesdag (third Tuesday of September).
  const start = prinsjesdag(year);
  return monthDay >= start.slice(5) ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** ISO date of Prinsjesdag (third Tuesday of September) in `year`. */
export function prinsjesdag(year: number): string {
  const first = new Date(Date.UTC(year, 8, 1)).getUTCDay(); // 0 = Sunday
  const firstTuesday = 1 + ((2 - first + 7) % 7);
  return isoFromParts(year, 9, firstTuesday + 14)!;
}

/** Whole days from ISO date `a` to ISO date `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Add `days` to an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
