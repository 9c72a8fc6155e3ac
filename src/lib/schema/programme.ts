/** Action plans, agendas and programmes: the hand-written registry in `content/programmes/<id>.md`. */
import { z } from 'zod';
import { isoDate } from './common.ts';

/** Front matter of a programme file. The Markdown body is the description. */
export const programme = z.object({
  /** Official or best-known name, e.g. "Hervormingsagenda Jeugd". */
  name: z.string().min(1),
  /** Other names it goes by in documents ("Hervormingsagenda jeugdzorg"). Matching ignores case. */
  aliases: z.array(z.string()).default([]),
  /** Abbreviations ("KBL"). Matched case-sensitively as whole words. */
  abbreviations: z.array(z.string()).default([]),
  /** Responsible ministry, full name. */
  ministry: z.string().nullable().default(null),
  /** Start date (or first known mention) of the programme. */
  start: isoDate.nullable().default(null),
  /** One-paragraph description in Dutch; the file body may hold more. */
  description: z.string().nullable().default(null),
  /** Official page, when there is one. */
  url: z.string().url().nullable().default(null),
});

export type Programme = z.infer<typeof programme>;
