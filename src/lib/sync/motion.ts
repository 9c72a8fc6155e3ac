/**
 * Motions from official data: Kamerstuk id, submitters, dates, the government's appraisal and the
 * vote outcome (Besluit → BesluitSoort, Stemming → party or member votes), the operative text from
 * the KOOP XML, and the merge with what `content/motions/<id>.json` already holds (mentions from
 * question sets are kept; official fields are refreshed).
 */
import { XMLParser } from 'fast-xml-parser';
import { motion as motionSchema, type Motion, type MotionMentionRef, type Vote } from '../schema/motion.ts';
import type { QuestionSet } from '../schema/record.ts';
import type { TkBesluit, TkDocument, TkZaak } from './entities.ts';
import { kamerstukRef, parseKamerstukId, type KamerstukRef } from './ids.ts';
import { memberName } from './records.ts';
import { MOTIE_DOCUMENT_SOORTEN, outcomeFinality, RELATIE, stemmingVote, voteOutcomeOf, ZAAK_SOORTEN_MOTIE } from './status.ts';

/** The official fields of a motion (everything except mentions). */
export type OfficialMotion = Omit<Motion, 'mentions'>;

/**
 * The vote that counts among a motion's Besluiten: a final outcome (aangenomen, verworpen,
 * ingetrokken) over a provisional one (aangehouden, uitgesteld, gestaakt), then the latest session.
 * Party votes are kept per party with their seats; member votes (hoofdelijk) are counted per party
 * and vote. Null when none of the Besluiten is a vote decision.
 */
export function voteOf(besluiten: readonly TkBesluit[]): Vote | null {
  const votes = besluiten
    .filter((b) => !b.verwijderd)
    .map((b) => ({ b, outcome: voteOutcomeOf(b.besluitSoort) }))
    .filter((x): x is { b: TkBesluit; outcome: NonNullable<ReturnType<typeof voteOutcomeOf>> } => x.outcome !== null);
  if (votes.length === 0) return null;
  votes.sort(
    (x, y) =>
      outcomeFinality(y.outcome) - outcomeFinality(x.outcome) ||
      (y.b.datum ?? '').localeCompare(x.b.datum ?? '') ||
      (y.b.gewijzigdOp ?? '').localeCompare(x.b.gewijzigdOp ?? '') ||
      x.b.id.localeCompare(y.b.id),
  );
  const best = votes[0]!;
  const tally = new Map<string, { party: string; vote: 'voor' | 'tegen' | 'niet deelgenomen'; seats: number | null }>();
  for (const s of best.b.stemmingen) {
    if (s.verwijderd) continue;
    const vote = stemmingVote(s.soort);
    const party = s.actorFractie ?? s.actorNaam;
    if (!vote || !party) continue;
    const key = `${party}\u0000${vote}`;
    const entry = tally.get(key) ?? { party, vote, seats: s.member ? 0 : s.fractieGrootte };
    if (s.member) entry.seats = (entry.seats ?? 0) + 1;
    tally.set(key, entry);
  }
  const parties = [...tally.values()].sort((a, b) => a.party.localeCompare(b.party, 'nl') || a.vote.localeCompare(b.vote));
  return {
    outcome: best.outcome,
    date: best.b.datum,
    besluitSoort: best.b.besluitSoort,
    besluitTekst: best.b.besluitTekst,
    parties,
  };
}

/** The motion document of a motion Zaak: the newest live Document of soort Motie / Motie (gewijzigd/nader). */
export function motionDocument(zaak: TkZaak): TkDocument | null {
  const docs = zaak.documents
    .filter((d) => !d.verwijderd && d.soort !== null && MOTIE_DOCUMENT_SOORTEN.includes(d.soort))
    .sort((a, b) => (b.datum ?? '').localeCompare(a.datum ?? '') || a.id.localeCompare(b.id));
  return docs[0] ?? null;
}

/**
 * The Kamerstuk id of a motion: the KOOP identifier of its document when given, else the dossier
 * (Kamerstukdossier Nummer + Toevoeging) and the document's (or Zaak's) Volgnummer. Null when
 * neither is available: such a motion cannot be linked and is reported by the caller.
 */
export function motionRef(zaak: TkZaak, doc: TkDocument | null = motionDocument(zaak)): KamerstukRef | null {
  const ext = doc?.externeIdentifier ?? null;
  if (ext) {
    const ref = parseKamerstukId(ext);
    if (ref) return ref;
  }
  const dossier = doc?.dossiers[0] ?? zaak.dossiers[0] ?? null;
  const volgnummer = doc?.volgnummer ?? zaak.volgnummer;
  if (!dossier || volgnummer === null || volgnummer <= 0) return null;
  return kamerstukRef(dossier.nummer, dossier.toevoeging, volgnummer);
}

/** Official fields of a motion Zaak; `besluiten` are the Zaak's own or those the listing gave. */
export function officialMotion(zaak: TkZaak, besluiten: readonly TkBesluit[], doc: TkDocument | null = motionDocument(zaak)): OfficialMotion | null {
  if (zaak.soort && !ZAAK_SOORTEN_MOTIE.includes(zaak.soort)) return null;
  const ref = motionRef(zaak, doc);
  if (!ref) return null;
  const submitters: string[] = [];
  for (const relatie of [RELATIE.indiener, RELATIE.medeindiener]) {
    for (const a of zaak.actors) {
      if (a.verwijderd || a.relatie?.toLowerCase() !== relatie.toLowerCase() || !a.naam) continue;
      const name = memberName(a.naam);
      if (!submitters.includes(name)) submitters.push(name);
    }
  }
  return {
    id: ref.id,
    kamerstuk: ref.citation,
    dossier: ref.dossier,
    suffix: ref.suffix,
    number: ref.number,
    title: zaak.onderwerp ?? doc?.onderwerp ?? null,
    submitters,
    zaakNumber: zaak.nummer,
    date: zaak.gestartOp ?? doc?.datum ?? null,
    text: null,
    vote: voteOf(besluiten.length > 0 ? besluiten : zaak.besluiten),
    kabinetsappreciatie: zaak.kabinetsappreciatie,
  };
}

/** Motions decided by one vote Besluit (usually one motion Zaak). */
export function motionsFromBesluit(besluit: TkBesluit): { motions: OfficialMotion[]; unresolved: string[] } {
  const motions: OfficialMotion[] = [];
  const unresolved: string[] = [];
  for (const zaak of besluit.zaken) {
    if (zaak.verwijderd || (zaak.soort && !ZAAK_SOORTEN_MOTIE.includes(zaak.soort))) continue;
    const m = officialMotion(zaak, [besluit]);
    if (m) motions.push(m);
    else unresolved.push(zaak.nummer ?? zaak.id);
  }
  return { motions, unresolved };
}

/** Mention refs of one record: one per pair the motion is mentioned in, or one without a pair. */
export function mentionRefs(record: QuestionSet): Map<string, MotionMentionRef[]> {
  const out = new Map<string, MotionMentionRef[]>();
  for (const m of record.motions) {
    if (!m.id || !parseKamerstukId(m.id)) continue;
    const refs = out.get(m.id) ?? [];
    const pairs = m.pairs.length > 0 ? m.pairs : [null];
    for (const pair of pairs) {
      if (refs.some((r) => r.pair === pair)) continue;
      refs.push({
        record: record.id,
        pair,
        label: pair === null ? null : (record.pairs[pair]?.label ?? null),
        raw: m.text,
        date: record.dateAnswered ?? record.dateSubmitted ?? null,
      });
    }
    out.set(m.id, refs);
  }
  return out;
}

/** Sort mentions for stable files: by record id, then pair (header/footnote first). */
function sortMentions(list: MotionMentionRef[]): MotionMentionRef[] {
  return list.sort((a, b) => a.record.localeCompare(b.record) || (a.pair ?? -1) - (b.pair ?? -1) || a.raw.localeCompare(b.raw));
}

/** What to change in a motion file. */
export interface MotionUpdate {
  /** Kamerstuk id. */
  id: string;
  /** Official data, when fetched; null keeps what the file has. */
  official?: OfficialMotion | null;
  /** Operative text from the KOOP XML, when fetched. */
  text?: string | null;
  /** Replace all mentions from this record id with `mentions` (possibly none). */
  fromRecord?: { record: string; mentions: MotionMentionRef[] } | null;
  /** Submitters named in a mention, used only while official data is missing. */
  mentionSubmitters?: string[];
}

/**
 * Merge an update into the current file content (or nothing). Official values replace older official
 * values but never wipe a known value with null; mentions from other records stay untouched.
 */
export function mergeMotion(existing: Motion | null, update: MotionUpdate): Motion | null {
  const ref = parseKamerstukId(update.id);
  if (!ref) return null;
  const base: Motion =
    existing ??
    motionSchema.parse({
      id: ref.id,
      kamerstuk: ref.citation,
      dossier: ref.dossier,
      suffix: ref.suffix,
      number: ref.number,
    });
  const o = update.official ?? null;
  let mentions = base.mentions;
  if (update.fromRecord) {
    mentions = sortMentions([...base.mentions.filter((m) => m.record !== update.fromRecord!.record), ...update.fromRecord.mentions]);
  }
  const submitters =
    o && o.submitters.length > 0
      ? o.submitters
      : base.submitters.length > 0
        ? base.submitters
        : (update.mentionSubmitters ?? []);
  return motionSchema.parse({
    ...base,
    kamerstuk: ref.citation,
    dossier: ref.dossier,
    suffix: ref.suffix,
    number: ref.number,
    title: o?.title ?? base.title,
    submitters,
    zaakNumber: o?.zaakNumber ?? base.zaakNumber,
    date: o?.date ?? base.date,
    text: update.text ?? base.text,
    vote: o?.vote ?? base.vote,
    kabinetsappreciatie: o?.kabinetsappreciatie ?? base.kabinetsappreciatie,
    mentions,
  });
}

/** Whether a motion file still lacks official data worth a lookup (no zaak, or no final vote). */
export function needsLookup(m: Motion | null): boolean {
  if (!m) return true;
  if (!m.zaakNumber) return true;
  return !m.vote || outcomeFinality(m.vote.outcome) < 2;
}

type Node = Record<string, unknown>;

function childrenOf(node: Node): Node[] {
  const key = Object.keys(node).find((k) => k !== ':@');
  const value = key ? node[key] : undefined;
  return Array.isArray(value) ? (value as Node[]) : [];
}

function tagOf(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function textOf(node: Node): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text'] ?? '');
  return childrenOf(node).map(textOf).join('');
}

function findFirst(nodes: Node[], tag: string): Node | null {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const deeper = findFirst(childrenOf(n), tag);
    if (deeper) return deeper;
  }
  return null;
}

/** The text of a motion XML (KOOP `kamerstuk` with `stuk`/`tekst`/`al`). */
export interface MotionXmlText {
  /** Paragraphs up to and including "en gaat over tot de orde van de dag.", joined by blank lines. */
  text: string;
  /** Names under the text (the signatories), in order. */
  signatories: string[];
  /** The `<titel>` of the `<stuk>`, e.g. "MOTIE VAN HET LID RIKKERS-OOSTERKAMP". */
  title: string | null;
  /** `<datum isodatum>` of "Voorgesteld …". */
  date: string | null;
}

/**
 * Read the operative text of a motion from its official XML. List items keep their bullet or number.
 * Returns null when the XML does not parse or has no `<tekst>` inside a `<stuk>`.
 */
export function motionTextFromXml(xml: string): MotionXmlText | null {
  let tree: Node[];
  try {
    // DOCTYPEs are removed first: nothing from a document type is ever expanded.
    const clean = xml.replace(/<!DOCTYPE[^>[]*(\[[^\]]*\])?[^>]*>/gi, '');
    tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, processEntities: true }).parse(clean) as Node[];
  } catch {
    return null;
  }
  const stuk = findFirst(tree, 'stuk');
  if (!stuk) return null;
  const tekst = findFirst(childrenOf(stuk), 'tekst');
  if (!tekst) return null;
  const paragraphs: string[] = [];
  const walk = (nodes: Node[], prefix: string): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'al') {
        const t = textOf(n).replace(/\s+/g, ' ').trim();
        if (t) paragraphs.push(prefix ? `${prefix} ${t}` : t);
      } else if (tag === 'li') {
        const nr = childrenOf(n).find((c) => tagOf(c) === 'li.nr');
        const label = nr ? textOf(nr).trim() : '';
        walk(childrenOf(n).filter((c) => tagOf(c) !== 'li.nr'), label);
      } else if (tag !== '#text') {
        walk(childrenOf(n), prefix);
      }
    }
  };
  walk(childrenOf(tekst), '');
  if (paragraphs.length === 0) return null;
  const end = paragraphs.findIndex((p) => /orde van de dag\.?\s*$/i.test(p));
  const body = end >= 0 ? paragraphs.slice(0, end + 1) : paragraphs;
  const signatories = end >= 0 ? paragraphs.slice(end + 1) : [];
  const titel = findFirst(childrenOf(stuk), 'titel');
  const datum = findFirst(childrenOf(stuk), 'datum');
  const iso = datum ? ((datum[':@'] as Record<string, string> | undefined)?.['@_isodatum'] ?? null) : null;
  return {
    text: body.join('\n\n'),
    signatories,
    title: titel ? textOf(titel).replace(/\s+/g, ' ').trim() || null : null,
    date: iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null,
  };
}
