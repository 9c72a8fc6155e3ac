/**
 * From a Zaak of written questions (with its documents and actors) to question-set records: which
 * records it yields (one per answer, nader antwoord and postponement notice; one `kv-tk-…` record
 * while it has no answer), where to fetch each document (official XML first, PDF as fallback), and
 * how a parsed document and the API facts combine into the record that is stored.
 */
import type { z } from 'zod';
import type { Message } from '../schema/common.ts';
import type { Questioner } from '../schema/person.ts';
import { questionSet, type QuestionSet, type RecordKind } from '../schema/record.ts';
import { crossCheck, MISMATCH_PREFIX, stripInitials, type ApiFacts } from './crosscheck.ts';
import { answerDueDate } from './due.ts';
import type { SyncMessage, TkDocument, TkZaak } from './entities.ts';
import { aanhangselRef, questionsId } from './ids.ts';
import { documentRole, RELATIE, type DocumentRole } from './status.ts';

/** One place a document can be fetched from, in order of preference. */
export interface FetchSource {
  /** Absolute URL under the configured base. */
  url: string;
  /** What the bytes should be. */
  container: 'xml' | 'pdf';
  /** KOOP (officielebekendmakingen) or the Tweede Kamer's own copy. */
  origin: 'koop' | 'tk';
}

/** One record a Zaak yields. */
export interface DocumentPlan {
  /** ah-tk-… or kv-tk-… */
  recordId: string;
  /** Record kind. */
  kind: RecordKind;
  /** The document's role in the Zaak. */
  role: DocumentRole;
  /** The Document it comes from (null for an open Zaak without a question document). */
  document: TkDocument | null;
  /** Where to fetch it, best first. */
  sources: FetchSource[];
  /** True for answers: without the document itself no record is written and the Zaak waits. */
  requiresDocument: boolean;
  /** API facts for the cross-check and for filling gaps. */
  facts: ApiFacts;
}

/** Everything a Zaak yields. */
export interface ZaakPlan {
  zaak: TkZaak;
  plans: DocumentPlan[];
  /** Ids of records this Zaak no longer yields (e.g. its kv-tk record once answered). */
  supersededIds: string[];
  /** Number of postponement notices. */
  postponements: number;
  messages: SyncMessage[];
}

/** Base URLs the sync talks to, and the official ones recorded in `source.path`. */
export interface UrlConfig {
  /** OData base in use, e.g. https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0 or a local server. */
  odataBase: string;
  /** KOOP document base in use, e.g. https://zoek.officielebekendmakingen.nl. */
  documentsBase: string;
}

/** The official bases: records always name these, so a run against a local copy writes the same bytes. */
export const OFFICIAL_URLS: UrlConfig = {
  odataBase: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0',
  documentsBase: 'https://zoek.officielebekendmakingen.nl',
};

/** Rewrite a URL under a configured base to the same path under the official base. */
export function canonicalUrl(url: string, config: UrlConfig, official: UrlConfig = OFFICIAL_URLS): string {
  const strip = (s: string): string => s.replace(/\/+$/, '');
  for (const key of ['documentsBase', 'odataBase'] as const) {
    const base = strip(config[key]);
    if (url === base || url.startsWith(`${base}/`)) return `${strip(official[key])}${url.slice(base.length)}`;
  }
  return url;
}

/** A member's name as the record writes it: no initials, first letter capital ("E. van Dijk" → "Van Dijk"). */
export function memberName(actorNaam: string): string {
  const s = stripInitials(actorNaam);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An addressee title as records write it: first letter capital ("minister van Financiën" → "Minister van Financiën"). */
export function addresseeTitle(text: string): string {
  const s = text.trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Questioners (Indiener first, then Medeindieners) and addressees of a Zaak. */
export function zaakPeople(zaak: TkZaak): { questioners: Questioner[]; addressees: string[] } {
  const live = zaak.actors.filter((a) => !a.verwijderd);
  const questioners: Questioner[] = [];
  for (const relatie of [RELATIE.indiener, RELATIE.medeindiener]) {
    for (const a of live.filter((x) => x.relatie?.toLowerCase() === relatie.toLowerCase())) {
      if (!a.naam) continue;
      const name = memberName(a.naam);
      if (name && !questioners.some((q) => q.name === name)) questioners.push({ name, party: a.fractie ?? null });
    }
  }
  const addressees: string[] = [];
  for (const a of live.filter((x) => x.relatie?.toLowerCase() === RELATIE.gerichtAan.toLowerCase())) {
    const title = a.functie ?? a.naam;
    if (title && !addressees.includes(addresseeTitle(title))) addressees.push(addresseeTitle(title));
  }
  return { questioners, addressees };
}

function sourcesFor(recordId: string, document: TkDocument | null, urls: UrlConfig): FetchSource[] {
  const docs = urls.documentsBase.replace(/\/+$/, '');
  const odata = urls.odataBase.replace(/\/+$/, '');
  const out: FetchSource[] = [
    { url: `${docs}/${recordId}.xml`, container: 'xml', origin: 'koop' },
    { url: `${docs}/${recordId}.pdf`, container: 'pdf', origin: 'koop' },
  ];
  if (document) out.push({ url: `${odata}/Document(${document.id})/resource`, container: 'pdf', origin: 'tk' });
  return out;
}

/**
 * Plan the records of one Zaak. Deleted documents are ignored; an answer without an Aanhangselnummer
 * (not yet published in the Aanhangsel) cannot get its official id yet and is reported.
 */
export function planZaak(zaak: TkZaak, urls: UrlConfig, knownIds: readonly string[] = []): ZaakPlan {
  const messages: SyncMessage[] = [];
  const where = `Zaak ${zaak.nummer ?? zaak.id}`;
  const docs = zaak.documents.filter((d) => !d.verwijderd);
  const byRole = (role: DocumentRole): TkDocument[] =>
    docs.filter((d) => documentRole(d.soort) === role).sort((a, b) => (a.datum ?? '').localeCompare(b.datum ?? '') || a.id.localeCompare(b.id));
  const answers = [...byRole('answer'), ...byRole('nader-answer')];
  const postponements = byRole('postponement');
  const questionDocs = byRole('questions');
  const people = zaakPeople(zaak);
  const plans: DocumentPlan[] = [];

  const facts = (id: string, kind: RecordKind, doc: TkDocument | null, ref: ReturnType<typeof aanhangselRef>): ApiFacts => ({
    id,
    kind,
    zaakNumber: zaak.nummer,
    dateSubmitted: zaak.gestartOp ?? questionDocs[0]?.datum ?? null,
    dateAnswered: kind === 'questions' ? null : (doc?.datum ?? null),
    vergaderjaar: ref?.vergaderjaar ?? (kind === 'questions' ? zaak.vergaderjaar : null),
    aanhangselNumber: ref?.number ?? null,
    questioners: people.questioners,
    addressees: people.addressees,
  });

  for (const doc of [...answers, ...postponements]) {
    const role = documentRole(doc.soort);
    const kind: RecordKind = role === 'postponement' ? 'postponement' : 'answer';
    const ref = aanhangselRef(doc.aanhangselnummer) ?? (doc.externeIdentifier?.startsWith('ah-tk-') ? aanhangselFromId(doc.externeIdentifier) : null);
    if (!ref) {
      messages.push({
        ruleId: 'aanhangsel-missing',
        reason: `${where}: document ${doc.nummer ?? doc.id} (${doc.soort}) heeft (nog) geen Aanhangselnummer; het wordt overgeslagen tot het gepubliceerd is.`,
        severity: kind === 'answer' ? 'warning' : 'info',
      });
      continue;
    }
    plans.push({
      recordId: ref.id,
      kind,
      role,
      document: doc,
      sources: sourcesFor(ref.id, doc, urls),
      requiresDocument: kind === 'answer',
      facts: facts(ref.id, kind, doc, ref),
    });
  }

  const supersededIds: string[] = [];
  if (zaak.nummer) {
    const openId = questionsId(zaak.nummer);
    if (answers.length === 0) {
      const doc = questionDocs[0] ?? null;
      plans.push({
        recordId: openId,
        kind: 'questions',
        role: 'questions',
        document: doc,
        sources: sourcesFor(openId, doc, urls),
        requiresDocument: false,
        facts: facts(openId, 'questions', doc, null),
      });
    } else {
      supersededIds.push(openId);
    }
  } else {
    messages.push({ ruleId: 'zaak-number-missing', reason: `${where} heeft geen zaaknummer.`, severity: 'warning' });
  }
  const planned = new Set(plans.map((p) => p.recordId));
  for (const id of knownIds) if (!planned.has(id) && !supersededIds.includes(id)) supersededIds.push(id);
  return { zaak, plans, supersededIds, postponements: postponements.length, messages };
}

/** "ah-tk-20242025-2375" → its parts (the inverse of `aanhangselRef(...).id`). */
export function aanhangselFromId(id: string): ReturnType<typeof aanhangselRef> {
  const m = /^ah-tk-(\d{4})(\d{4})-(\d+)$/.exec(id);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return { id, vergaderjaar: `${m[1]}-${m[2]}`, number: Number(m[3]) };
}

/** Prefix of sync-made (not parser-made) message ids, stripped before a record is rebuilt. */
export const SYNC_PREFIX = 'sync-';

/** Remove messages an earlier sync added, so rebuilding a record from its stored form is idempotent. */
export function withoutSyncMessages(messages: readonly Message[]): Message[] {
  return messages.filter((m) => !m.ruleId.startsWith(MISMATCH_PREFIX) && !m.ruleId.startsWith(SYNC_PREFIX));
}

/** A sync message in record form. */
export function syncMessage(ruleId: string, reason: string, severity: Message['severity'] = 'info'): Message {
  return { ruleId: `${SYNC_PREFIX}${ruleId}`, reason, severity, place: null };
}

/** Where the stored record says it came from. */
export interface FetchedFrom {
  /** Official URL of the bytes that were parsed (see `canonicalUrl`). */
  url: string;
}

/**
 * The stored record: the parsed document, with the official identity from the API (id, vergaderjaar,
 * Aanhangsel and zaak number), the document's own content (dates, people, text) with gaps filled from
 * the API, cross-check messages for every disagreement, and (open questions only) the answer due date.
 */
export function finishRecord(plan: DocumentPlan, zaakPlan: ZaakPlan, parsed: QuestionSet, from: FetchedFrom, extra: Message[] = []): QuestionSet {
  const api = plan.facts;
  const base = { ...parsed, messages: withoutSyncMessages(parsed.messages) };
  const checks = crossCheck(base, api);
  const record: QuestionSet = {
    ...base,
    id: plan.recordId,
    kind: recordKind(plan.kind, base.kind),
    title: base.title ?? zaakPlan.zaak.onderwerp,
    questioners: base.questioners.length > 0 ? base.questioners : api.questioners,
    addressees: base.addressees.length > 0 ? base.addressees : api.addressees,
    dateSubmitted: base.dateSubmitted ?? api.dateSubmitted,
    dateAnswered: plan.kind === 'questions' ? base.dateAnswered : (base.dateAnswered ?? api.dateAnswered),
    // Identity (where the record lives, what links to it) follows the official id; the document's
    // own value, when it differs, is in the cross-check message.
    vergaderjaar: api.vergaderjaar ?? base.vergaderjaar,
    aanhangselNumber: api.aanhangselNumber ?? base.aanhangselNumber,
    zaakNumber: api.zaakNumber ?? base.zaakNumber,
    naderAntwoord: base.naderAntwoord || plan.role === 'nader-answer',
    messages: [...base.messages, ...checks, ...extra],
    source: { ...base.source, path: from.url },
  };
  setAnswerDue(record, zaakPlan.postponements);
  return questionSet.parse(record);
}

/**
 * The kind of a stored record. Open questions stay `questions`. For an answer or notice, what the
 * document turns out to be wins when the parser recognised it (an "Antwoord" document that is in
 * fact a notice referring to a letter is a `postponement`); when the parser found neither answers
 * nor a notice, the API's Soort stands. Any difference is reported by the cross-check.
 */
export function recordKind(planned: RecordKind, parsed: RecordKind): RecordKind {
  if (planned === 'questions') return 'questions';
  return parsed === 'questions' ? planned : parsed;
}

function setAnswerDue(record: QuestionSet, postponements: number): void {
  if (record.kind === 'questions') record.answerDue = answerDueDate(record.dateSubmitted, postponements);
  else delete record.answerDue;
}

/**
 * A record from the API facts alone, for a postponement notice or open questions whose document
 * could not be fetched: no pairs, an info message saying so, the Zaak as the source.
 */
export function metadataRecord(plan: DocumentPlan, zaakPlan: ZaakPlan, sourceUrl: string, reason: string): QuestionSet {
  const api = plan.facts;
  // Built as schema input so fields with defaults (and fields added to the schema later) get them.
  const input: z.input<typeof questionSet> = {
    id: plan.recordId,
    kind: plan.kind,
    title: zaakPlan.zaak.onderwerp,
    questioners: api.questioners,
    addressees: api.addressees,
    answerers: [],
    onBehalfOf: [],
    dateSubmitted: api.dateSubmitted,
    dateAnswered: api.dateAnswered,
    vergaderjaar: api.vergaderjaar,
    aanhangselNumber: api.aanhangselNumber,
    seeAlsoAanhangsel: null,
    zaakNumber: api.zaakNumber,
    naderAntwoord: plan.role === 'nader-answer',
    pairs: [],
    footnotes: [],
    references: [],
    motions: [],
    commitments: [],
    messages: [syncMessage('metadata-only', reason)],
    source: { path: sourceUrl, form: 'other' },
  };
  const record = questionSet.parse(input);
  setAnswerDue(record, zaakPlan.postponements);
  return record;
}
