/** People in a question set: members who ask, ministers who answer. */
import { z } from 'zod';

/** A member of the Tweede Kamer who asked the questions. */
export const questioner = z.object({
  /** Surname as written in the document, with prefix and initials when given ("Van der Plas", "Inge van Dijk"). */
  name: z.string().min(1),
  /** Party (fractie) as written, e.g. "GroenLinks-PvdA"; null when the document does not say. */
  party: z.string().min(1).nullable(),
});

/** A member of government who signed the answers. */
export const answerer = z.object({
  /** Name as written ("Dekker", "Mirjam Sterk"); null when only a role is given. */
  name: z.string().min(1).nullable(),
  /** Role, normalised to the full title, e.g. "Minister voor Rechtsbescherming"; null if absent. */
  role: z.string().min(1).nullable(),
});

export type Questioner = z.infer<typeof questioner>;
export type Answerer = z.infer<typeof answerer>;
