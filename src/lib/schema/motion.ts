/** Motions as entities of their own, stored as `content/motions/<id>.json`. */
import { z } from 'zod';
import { isoDate, zaakNumber } from './common.ts';

/** Outcome of the vote on a motion, mapped from the official BesluitSoort. */
export const voteOutcome = z.enum([
  'aangenomen',
  'verworpen',
  'aangehouden',
  'ingetrokken',
  'gestaakt',
  'uitgesteld',
  'onbekend',
]);

/** The vote on a motion, from Tweede Kamer open data (Besluit / Stemming). */
export const vote = z.object({
  /** The decision. */
  outcome: voteOutcome,
  /** Date of the decision. */
  date: isoDate.nullable(),
  /** The official BesluitSoort text it was mapped from, e.g. "Stemmen - aangenomen". */
  besluitSoort: z.string().nullable().default(null),
  /** The official free text, e.g. "Aangenomen. (73-72)". */
  besluitTekst: z.string().nullable().default(null),
  /** Party votes, when recorded: fractie name, for/against, seats. */
  parties: z
    .array(z.object({ party: z.string(), vote: z.enum(['voor', 'tegen', 'niet deelgenomen']), seats: z.number().int().nonnegative().nullable() }))
    .default([]),
});

/** Where a motion is mentioned in a question set. */
export const motionMentionRef = z.object({
  /** Id of the question set record. */
  record: z.string(),
  /** Index of the pair (0-based), or null for header or footnote only. */
  pair: z.number().int().nonnegative().nullable(),
  /** Label of that pair ("3", "2 en 3"), for anchors on the site. */
  label: z.string().nullable().default(null),
  /** The words in the document that name the motion. */
  raw: z.string(),
  /** Date of the document that mentions it. */
  date: isoDate.nullable().default(null),
});

/** A motion (motie), identified by its Kamerstuk. */
export const motion = z.object({
  /** Kamerstuk id, e.g. "kst-34550-XVI-91". */
  id: z.string().regex(/^kst-[0-9]+(-[A-Za-z0-9]+)?-[0-9]+$/, 'een Kamerstuk-id als kst-34550-XVI-91'),
  /** Citation as usually written: "34 550 XVI, nr. 91". */
  kamerstuk: z.string(),
  /** Dossier number ("34550"). */
  dossier: z.string(),
  /** Dossier suffix ("XVI"), or null. */
  suffix: z.string().nullable(),
  /** Number within the dossier. */
  number: z.number().int().positive(),
  /** Title or subject, when a text or official data gives it. */
  title: z.string().nullable().default(null),
  /** Surnames of the submitters. */
  submitters: z.array(z.string()).default([]),
  /** Zaak number from official data, when known. */
  zaakNumber: zaakNumber.nullable().default(null),
  /** Date the motion was submitted, when known. */
  date: isoDate.nullable().default(null),
  /** Operative text of the motion, from official data. */
  text: z.string().nullable().default(null),
  /** Vote outcome, from official data. */
  vote: vote.nullable().default(null),
  /** The government's appraisal (Kabinetsappreciatie), e.g. "Oordeel Kamer". */
  kabinetsappreciatie: z.string().nullable().default(null),
  /** Every question–answer pair that mentions it. */
  mentions: z.array(motionMentionRef).default([]),
});

export type VoteOutcome = z.infer<typeof voteOutcome>;
export type Vote = z.infer<typeof vote>;
export type Motion = z.infer<typeof motion>;
export type MotionMentionRef = z.infer<typeof motionMentionRef>;
