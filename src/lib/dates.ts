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

/** Days per month in a common year (February gets its leap day in isoFromParts). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A number 1–31 as two digits. */
function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Format year, month, day as an ISO date, or null when the date does not exist. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1800 && year <= 2200)) return null;
  // Whole numbers (every caller's case) are checked and written by arithmetic: building a Date and
  // its ISO string was most of the cost of reading a header's dates. The answer is the same as the
  // Date route below: proleptic Gregorian leap years, a four-digit year (1800–2200), and null for a
  // day past the month's end (where Date would roll over into the next month).
  if (Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
    return day <= days ? `${year}-${twoDigits(month)}-${twoDigits(day)}` : null;
  }
  // Fractions: Date truncates them (a path no parser takes, kept exactly as it was).
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

const DUTCH_DATE = new RegExp(DUTCH_DATE_SOURCE, 'i');

/**
 * DUTCH_MONTHS as a map. Why: a month word from a match is a new string each time, and looking it
 * up as a property name costs more than a map lookup; most are written in lower case already, so
 * the word is tried as it is before it is lower-cased.
 */
const MONTHS_BY_NAME: ReadonlyMap<string, number> = new Map(Object.entries(DUTCH_MONTHS));
const NUMERIC_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)/;

/** Parse the first Dutch date in words ("8 juli 2021", "1 dec. 2023"), numeric ("08-07-2021") or ISO ("2021-07-08", also with a time) in `text`. */
export function parseDutchDate(text: string): string | null {
  const words = DUTCH_DATE.exec(text);
  if (words) {
    // (The pattern's month alternatives are exactly the keys of DUTCH_MONTHS, in any case.)
    const month = MONTHS_BY_NAME.get(words[2]!) ?? MONTHS_BY_NAME.get(words[2]!.toLowerCase());
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
