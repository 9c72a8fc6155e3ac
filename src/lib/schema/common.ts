/**
 * Shared building blocks of the Vraagspoor schema: dates, ids, positions and messages.
 * This folder is the single source of truth for every file in `content/`, every line the
 * parser prints, and the JSON Schema the site publishes.
 */
import { z } from 'zod';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `s` names a day that exists (in the proleptic Gregorian calendar, as Date counts). For
 * the YYYY-MM-DD shape this is plain arithmetic, the same answer as the round trip through Date
 * below (checked for every year 0000–9999) at a fraction of its cost: every record validates its
 * dates. Other strings keep the round trip, so the refinement answers exactly as it always did.
 */
function isExistingDate(s: string): boolean {
  if (ISO_DATE_SHAPE.test(s)) {
    const year = Number(s.slice(0, 4));
    const month = Number(s.slice(5, 7));
    const day = Number(s.slice(8, 10));
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return month >= 1 && month <= 12 && day >= 1 && day <= days;
  }
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An ISO calendar date, `YYYY-MM-DD`, that exists in the calendar. */
export const isoDate = z
  .string()
  .regex(ISO_DATE_SHAPE, 'een datum als JJJJ-MM-DD')
  .refine(isExistingDate, 'een bestaande datum')
  .describe('ISO calendar date YYYY-MM-DD.');

/** A parliamentary year as "2020-2021" (September to September). */
export const vergaderjaar = z
  .string()
  .regex(/^(\d{4})-(\d{4})$/, 'een vergaderjaar als 2020-2021')
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'twee opeenvolgende jaren')
  .describe('Parliamentary year, e.g. "2020-2021".');

/** A Tweede Kamer zaak number such as 2026Z03535. */
export const zaakNumber = z.string().regex(/^\d{4}Z\d{5}$/, 'een zaaknummer als 2026Z03535');

/** A Tweede Kamer document number such as 2026D12345. */
export const documentNumber = z.string().regex(/^\d{4}D\d{5}$/, 'een documentnummer als 2026D12345');

/** Where something sits in the source text, so a reader can check it. Lines and columns are 1-based. */
export const position = z
  .object({
    /** 1-based line in the normalised text. */
    line: z.number().int().positive(),
    /** 1-based column in that line. */
    column: z.number().int().positive(),
    /** 0-based character offset in the normalised text. */
    offset: z.number().int().nonnegative(),
    /** 1-based page number when the source has pages (PDF, PDF text), else null. */
    page: z.number().int().positive().nullable().default(null),
  })
  .describe('Position in the normalised source text.');

/** Severity of a parser message. */
export const severity = z.enum(['info', 'warning', 'error']);

/** A non-fatal problem found while reading a document, kept with its place (vfile-style). */
export const message = z.object({
  /** Stable machine id of the rule that raised it, e.g. "answer-missing". */
  ruleId: z.string(),
  /** Human-readable reason, in Dutch, for the people who curate the data. */
  reason: z.string(),
  /** How serious the problem is. */
  severity: severity.default('warning'),
  /** Where in the text it was found, when known. */
  place: position.nullable().default(null),
});

export type IsoDate = z.infer<typeof isoDate>;
export type Position = z.infer<typeof position>;
export type Message = z.infer<typeof message>;
