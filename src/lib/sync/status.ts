/**
 * The official words the sync recognises (Zaak and Document soorten, ZaakActor relaties,
 * BesluitSoort, Stemming soort, Toezegging status) and what they mean in our model. Values come
 * from `tests/fixtures/official/README.md` (recorded data, opendata.tweedekamer.nl, openkamer/tkapi).
 */
import { registerStatusMap, type CuratedStatus } from '../schema/commitment-status.ts';
import type { VoteOutcome } from '../schema/motion.ts';
import type { RecordKind } from '../schema/record.ts';

/** Zaak.Soort of written questions. */
export const ZAAK_SOORT_SCHRIFTELIJKE_VRAGEN = 'Schriftelijke vragen';

/** Zaak.Soort values of motions. */
export const ZAAK_SOORTEN_MOTIE: readonly string[] = ['Motie'];

/** What a Document of a written-questions Zaak is. */
export type DocumentRole = 'questions' | 'answer' | 'nader-answer' | 'postponement' | 'other';

/** Document.Soort → role. Anything else attached to the Zaak (Bijlage, Brief regering, …) is "other". */
export const DOCUMENT_SOORT_ROLE: Readonly<Record<string, DocumentRole>> = {
  'Schriftelijke vragen': 'questions',
  'Antwoord schriftelijke vragen': 'answer',
  'Antwoord schriftelijke vragen (nader)': 'nader-answer',
  'Mededeling (uitstel antwoord)': 'postponement',
};

/** Role of a document by its Soort (case and surrounding spaces ignored). */
export function documentRole(soort: string | null | undefined): DocumentRole {
  if (!soort) return 'other';
  const key = Object.keys(DOCUMENT_SOORT_ROLE).find((k) => k.toLowerCase() === soort.trim().toLowerCase());
  return key ? DOCUMENT_SOORT_ROLE[key]! : 'other';
}

/** The record kind a document role produces, or null for documents that are not records. */
export function recordKindOf(role: DocumentRole): RecordKind | null {
  if (role === 'answer' || role === 'nader-answer') return 'answer';
  if (role === 'postponement') return 'postponement';
  if (role === 'questions') return 'questions';
  return null;
}

/** Document.Soort values of motion documents. */
export const MOTIE_DOCUMENT_SOORTEN: readonly string[] = ['Motie', 'Motie (gewijzigd/nader)'];

/** ZaakActor.Relatie values the sync uses. */
export const RELATIE = {
  indiener: 'Indiener',
  medeindiener: 'Medeindiener',
  gerichtAan: 'Gericht aan',
} as const;

/** BesluitSoort values that record a vote (or its absence) on a Zaak, as seen in the data. */
export const VOTE_BESLUIT_SOORTEN: readonly string[] = [
  'Stemmen - aangenomen',
  'Stemmen - verworpen',
  'Stemmen - gestaakt',
  'Stemmen - aangehouden',
  'Stemmen - aangehouden (al tijdens debat)',
  'Stemmen - uitstellen',
  'Stemmen - ingetrokken',
  'Stemmen - zonder stemming aannemen',
  'Stemmen - niet aangenomen',
];

/**
 * BesluitSoort → vote outcome. BesluitTekst is free text ("Aangenomen. (73-72)", "Stemmen (74-74).")
 * and is kept verbatim but never parsed for the outcome.
 */
export const BESLUIT_SOORT_OUTCOME: Readonly<Record<string, VoteOutcome>> = {
  'Stemmen - aangenomen': 'aangenomen',
  'Stemmen - zonder stemming aannemen': 'aangenomen',
  'Stemmen - verworpen': 'verworpen',
  'Stemmen - niet aangenomen': 'verworpen',
  'Stemmen - gestaakt': 'gestaakt',
  'Stemmen - aangehouden': 'aangehouden',
  'Stemmen - aangehouden (al tijdens debat)': 'aangehouden',
  'Stemmen - uitstellen': 'uitgesteld',
  'Stemmen - ingetrokken': 'ingetrokken',
};

/** Outcome of a BesluitSoort; null when it is not a vote decision at all (procedural Besluiten). */
export function voteOutcomeOf(besluitSoort: string | null | undefined): VoteOutcome | null {
  if (!besluitSoort) return null;
  const direct = BESLUIT_SOORT_OUTCOME[besluitSoort.trim()];
  if (direct) return direct;
  return /^stemmen\b/i.test(besluitSoort.trim()) ? 'onbekend' : null;
}

/**
 * How final an outcome is, to pick the decision that counts when a motion has several Besluiten
 * (first "aangehouden", later "aangenomen"): a final outcome beats a provisional one of any date.
 */
export function outcomeFinality(outcome: VoteOutcome): number {
  switch (outcome) {
    case 'aangenomen':
    case 'verworpen':
    case 'ingetrokken':
      return 2;
    case 'gestaakt':
    case 'aangehouden':
    case 'uitgesteld':
      return 1;
    default:
      return 0;
  }
}

/** Stemming.Soort → the vote word of our schema; null for unknown or empty values. */
export function stemmingVote(soort: string | null | undefined): 'voor' | 'tegen' | 'niet deelgenomen' | null {
  switch ((soort ?? '').trim().toLowerCase()) {
    case 'voor':
      return 'voor';
    case 'tegen':
      return 'tegen';
    case 'niet deelgenomen':
      return 'niet deelgenomen';
    default:
      return null;
  }
}

/** Toezegging.Status → our status. Case-insensitive over `registerStatusMap`; empty or unknown → null. */
export function registerStatusOf(status: string | null | undefined): CuratedStatus | null {
  const value = (status ?? '').trim();
  if (!value) return null;
  if (registerStatusMap[value]) return registerStatusMap[value]!;
  const key = Object.keys(registerStatusMap).find((k) => k.toLowerCase() === value.toLowerCase());
  return key ? registerStatusMap[key]! : null;
}
