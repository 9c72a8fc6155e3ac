/**
 * The official commitments register of the Tweede Kamer (Toezeggingenregistratie, OData entity
 * `Toezegging`), one file per commitment in `content/commitments-register/<Nummer>.json`.
 * Written by `npm run sync`; the site merges these entries into the same commitment model as the
 * promises read from answers (see `registerToCommitment` in `src/lib/sync/register.ts`).
 */
import { z } from 'zod';
import { isoDate } from './common.ts';
import { curatedStatus } from './commitment-status.ts';

/** A register number as the Kamer writes it, e.g. "TZ202504-057". */
export const registerNumber = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'een toezeggingsnummer als TZ202504-057');

/** The member of government who made the promise, as the register names them. */
export const registerPerson = z.object({
  /** Full display name as the register gives it (`Naam`), or built from its parts; null when absent. */
  name: z.string().nullable(),
  /** Surname with prefix ("de Jonge"), from `Tussenvoegsel` + `Achternaam`; null when absent. */
  surname: z.string().nullable(),
  /** Function at the time ("minister van Binnenlandse Zaken en Koninkrijksrelaties"), from `Functie`. */
  role: z.string().nullable(),
});

/** One commitment from the official register. */
export const registerEntry = z.object({
  /** Register number (`Nummer`), also the file name. */
  id: registerNumber,
  /** GUID of the Toezegging entity in the Gegevensmagazijn (`Id`), for deletions and links. */
  tkId: z.string().min(1),
  /** The promise as registered (`Tekst`). */
  text: z.string(),
  /** Our status, mapped from `Status` with `registerStatusMap`; null when the register leaves it empty or uses an unknown value. */
  status: curatedStatus.nullable(),
  /** The register's own status word, verbatim ("Openstaand", "Afgedaan", "Deels Afgedaan", …), or null when empty. */
  registerStatus: z.string().nullable(),
  /** Date by which the promise is due (`DatumNakoming`); null when the register gives none (it writes 0001-01-01 for that). */
  due: isoDate.nullable(),
  /** Date the entry was created (`Aanmaakdatum`). */
  created: isoDate.nullable(),
  /** Ministry responsible (`Ministerie`). */
  ministry: z.string().nullable(),
  /** Number of the activity (debate, commissiedebat) where the promise was made (`ActiviteitNummer`), e.g. "2025A01234". */
  activity: z.string().nullable(),
  /** Who made the promise. */
  person: registerPerson,
  /** The letter that fulfilled the promise (`KamerbriefNakoming`): a text in v4, document numbers in v5; null when none. */
  fulfilledBy: z.string().nullable(),
  /** Free notes of the register (`Notities`, v5 only); null when absent. */
  notes: z.string().nullable().default(null),
  /** Last change in the source system (`GewijzigdOp`), ISO timestamp as given. */
  changed: z.string().nullable(),
  /** Official page of the promise on tweedekamer.nl, when known. */
  url: z.string().url().nullable().default(null),
});

export type RegisterNumber = z.infer<typeof registerNumber>;
export type RegisterPerson = z.infer<typeof registerPerson>;
export type RegisterEntry = z.infer<typeof registerEntry>;
