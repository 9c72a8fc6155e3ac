/**
 * The site model: every page's data, computed once from the content collections.
 * Pure: plain values in (records, motions, programmes, curated commitments, the build date),
 * indexes and view models out. Pages look things up here instead of scanning the collections,
 * so a build over 50,000 records stays linear.
 */
import type {
  Commitment,
  CommitmentStatus,
  CuratedCommitment,
  Evidence,
  Motion,
  Programme,
  QuestionSet,
  RecordKind,
  RegisterEntry,
} from '../lib/schema/index.ts';
import { daysBetween, vergaderjaarOf } from '../lib/dates.ts';
import { ministryOf, type Ministry } from '../lib/ministry.ts';
import { openQuestionOf, postponementNotices, questionKey, sortOpenQuestions, type OpenQuestionView } from './open-questions.ts';
import { registerCommitment } from './register.ts';
import { deriveStatus as defaultDeriveStatus, isOpenStatus, type DeriveStatus } from './status.ts';
import { pairAnchorsOf, slugify, snippetAround, type PairAnchors } from './text.ts';

/** The answer term for written questions: three weeks. */
export const ANSWER_TERM_DAYS = 21;

/** Dutch names of the record kinds. */
export const KIND_LABELS: Record<RecordKind, string> = {
  answer: 'Antwoord',
  postponement: 'Uitstelbericht',
  questions: 'Vragen, nog niet beantwoord',
};

/** A member of parliament as linked from a record. */
export interface MemberRef {
  /** Name as written. */
  name: string;
  /** Slug of the member page. */
  slug: string;
  /** Party as written in this record, or null. */
  party: string | null;
  /** Slug of the party page, or null. */
  partySlug: string | null;
}

/** A question set with the values pages need. */
export interface RecordView {
  /** The record itself. */
  record: QuestionSet;
  /** Site URL, "/vragen/<id>/". */
  url: string;
  /** Date of the document: answered (or notice) date, else the submission date. */
  date: string | null;
  /** Parliamentary year: the record's own, else derived from its date. */
  vergaderjaar: string | null;
  /** Ministry that answered (or was asked). */
  ministry: Ministry | null;
  /** Questioners with slugs. */
  members: MemberRef[];
  /** Days from submission to answer, for answers with both dates. */
  daysToAnswer: number | null;
  /** Whether the answer came after the three-week term (null when unknown). */
  late: boolean | null;
  /**
   * Postponement notices known for an answer (on the site, or named in its "Zie ook Aanhangsel"):
   * a late answer with a notice was postponed as the Reglement van Orde asks, one without was not.
   * 0 for other kinds; filled in by buildSiteModel (viewRecord alone cannot see other records).
   */
  postponements: number;
}

/** A commitment with its status and links. */
export interface CommitmentView {
  /** The commitment as parsed. */
  commitment: Commitment;
  /** Its id. */
  id: string;
  /** Site URL, "/toezeggingen/<id>/". */
  url: string;
  /** Where it comes from: read from an answer, or the official commitments register. */
  origin: 'answer' | 'register';
  /** The record it was made in (null for register entries). */
  record: RecordView | null;
  /** The official register entry (null for promises read from answers). */
  register: RegisterEntry | null;
  /** Date the promise was made: the answer's date, or the register entry's creation date. */
  date: string | null;
  /** Parliamentary year of that date. */
  vergaderjaar: string | null;
  /** Questioners of the record it answers (empty for register entries). */
  members: MemberRef[];
  /** Current status. */
  status: CommitmentStatus;
  /** Why that status (Dutch). */
  reason: string;
  /** The curated file, when there is one. */
  curated: CuratedCommitment | null;
  /** Label of the pair it was found in ("12"), or null. */
  pairLabel: string | null;
  /** Anchor of that pair ("vraag-12"), or null. */
  pairAnchor: string | null;
  /** Ministry of the record. */
  ministry: Ministry | null;
  /** Due-period filter value: the due year ("2026") or "zonder-termijn". */
  period: string;
  /** Programme ids it concerns (from the commitment, limited to known programmes). */
  programmeIds: string[];
  /** Motion ids it concerns. */
  motionIds: string[];
  /** Whether it was kept by its due date: true/false when delivered and dated, else null. */
  keptOnTime: boolean | null;
}

/** A member page. */
export interface MemberView {
  /** Name as first written. */
  name: string;
  /** Slug. */
  slug: string;
  /** Parties seen, newest first. */
  parties: { name: string; slug: string }[];
  /** Their question sets, newest first. */
  records: RecordView[];
  /** Commitments made in answer to their questions. */
  commitments: CommitmentView[];
  /** Their questions still waiting for an answer, most overdue first. */
  openQuestions: OpenQuestionView[];
}

/** A party page. */
export interface PartyView {
  /** Party name as written. */
  name: string;
  /** Slug. */
  slug: string;
  /** Members who asked questions for it. */
  members: MemberView[];
  /** Question sets, newest first. */
  records: RecordView[];
  /** Commitments made in answer to its members' questions. */
  commitments: CommitmentView[];
  /** Its members' questions still waiting for an answer, most overdue first. */
  openQuestions: OpenQuestionView[];
}

/** A ministry page. */
export interface MinistryView extends Ministry {
  /** Question sets it answered, newest first. */
  records: RecordView[];
  /** Its commitments. */
  commitments: CommitmentView[];
  /** Questions addressed to it that still wait for an answer, most overdue first. */
  openQuestions: OpenQuestionView[];
}

/** One mention of a programme or motion in a record, with the pairs it occurs in. */
export interface MentionView {
  /** The record. */
  record: RecordView;
  /** Name or words as written. */
  text: string;
  /** The pairs it occurs in, with a snippet of the sentence around the name. */
  pairs: { label: string; anchor: string; snippet: string | null }[];
}

/** A programme page. */
export interface ProgrammeView {
  /** Programme id (file name). */
  id: string;
  /** Site URL. */
  url: string;
  /** Front matter, or null when only records name it. */
  data: Programme | null;
  /** Display name. */
  name: string;
  /** Mentions, oldest first: the trail over time. */
  mentions: MentionView[];
  /** Commitments that concern it. */
  commitments: CommitmentView[];
}

/** A motion page. */
export interface MotionView {
  /** Kamerstuk id. */
  id: string;
  /** Site URL. */
  url: string;
  /** The motion file, or null when only records mention it. */
  motion: Motion | null;
  /** Citation ("34 550 XVI, nr. 91"). */
  kamerstuk: string | null;
  /** Title, or the words of the first mention. */
  title: string;
  /** Submitters' surnames. */
  submitters: string[];
  /** Mentions in records on this site, oldest first. */
  mentions: MentionView[];
  /** Mentions recorded in the motion file whose record is not on this site. */
  otherMentions: { record: string; label: string | null; raw: string; date: string | null }[];
  /** Commitments that concern it. */
  commitments: CommitmentView[];
}

/** Everything the pages need. */
export interface SiteModel {
  /** Build date (ISO) used for time-based statuses. */
  today: string;
  /** All records, newest first. */
  records: RecordView[];
  /** Record by id. */
  recordById: Map<string, RecordView>;
  /** All commitments, by due date (undated last). */
  commitments: CommitmentView[];
  /** Commitment by id. */
  commitmentById: Map<string, CommitmentView>;
  /** Members by slug. */
  members: Map<string, MemberView>;
  /** Parties by slug. */
  parties: Map<string, PartyView>;
  /** Ministries by slug. */
  ministries: Map<string, MinistryView>;
  /** Programmes by id. */
  programmes: Map<string, ProgrammeView>;
  /** Motions by id. */
  motions: Map<string, MotionView>;
  /** Record by "vergaderjaar/aanhangselNumber", for "Zie ook Aanhangsel". */
  byAanhangsel: Map<string, RecordView>;
  /** Records by zaak number (answers, notices and further answers to the same questions). */
  byZaak: Map<string, RecordView[]>;
  /** Records by the "vergaderjaar/aanhangselNumber" they name in "Zie ook Aanhangsel". */
  bySeeAlso: Map<string, RecordView[]>;
  /** Commitments by the id of the record they were made in. */
  commitmentsByRecord: Map<string, CommitmentView[]>;
  /** Records by questioners and subject ({@link questionKey}), to tie documents of one set together without a zaak number. */
  byQuestion: Map<string, RecordView[]>;
  /** Question sets still waiting for an answer, most overdue first. */
  openQuestions: OpenQuestionView[];
  /** Open set by record id. */
  openQuestionById: Map<string, OpenQuestionView>;
}

/** Inputs of {@link buildSiteModel}. */
export interface SiteInput {
  /** Question sets. */
  records: QuestionSet[];
  /** Motion files. */
  motions: Motion[];
  /** Programme files: id and front matter. */
  programmes: { id: string; data: Programme }[];
  /** Curated commitment files: id and front matter. */
  curated: { id: string; data: CuratedCommitment }[];
  /** Entries of the official commitments register (may be empty). */
  register?: RegisterEntry[];
  /** ISO build date. */
  today: string;
  /** Status rule; defaults to the linker's deriveStatus (or the fallback). */
  deriveStatus?: DeriveStatus;
}

function byDateDesc(a: RecordView, b: RecordView): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const anchorCache = new WeakMap<QuestionSet, PairAnchors[]>();

/** The unique anchors of a record's pairs (cached per record). */
export function anchorsOf(record: QuestionSet): PairAnchors[] {
  let anchors = anchorCache.get(record);
  if (!anchors) {
    anchors = pairAnchorsOf(record.pairs);
    anchorCache.set(record, anchors);
  }
  return anchors;
}

/** Anchor of pair `index` of a record, or null when there is no such pair. */
export function anchorOf(record: QuestionSet, index: number | null): string | null {
  return index === null ? null : (anchorsOf(record)[index]?.main ?? null);
}

/** Make the record view: dates, ministry, members, answer time. */
export function viewRecord(record: QuestionSet): RecordView {
  const date = record.dateAnswered ?? record.dateSubmitted;
  const daysToAnswer =
    record.kind === 'answer' && record.dateSubmitted && record.dateAnswered
      ? daysBetween(record.dateSubmitted, record.dateAnswered)
      : null;
  return {
    record,
    url: `/vragen/${record.id}/`,
    date,
    vergaderjaar: record.vergaderjaar ?? (date ? vergaderjaarOf(date) : null),
    ministry: ministryOf(record.answerers.map((a) => a.role), record.addressees),
    members: record.questioners.map((q) => ({
      name: q.name,
      slug: slugify(q.name),
      party: q.party,
      partySlug: q.party ? slugify(q.party) : null,
    })),
    daysToAnswer: daysToAnswer !== null && daysToAnswer >= 0 ? daysToAnswer : null,
    late: daysToAnswer !== null && daysToAnswer >= 0 ? daysToAnswer > ANSWER_TERM_DAYS : null,
    postponements: 0,
  };
}

/** Whether a delivered commitment was kept by its due date, judged by the first delivery evidence. */
export function keptOnTime(status: CommitmentStatus, due: string | null, evidence: readonly Evidence[]): boolean | null {
  if (status !== 'delivered' || !due) return null;
  const dates = evidence.filter((e) => e.kind === 'delivered' && e.date).map((e) => e.date!).sort();
  if (!dates.length) return null;
  return dates[0]! <= due;
}

/** Build the site model. Runs once per build. */
export function buildSiteModel(input: SiteInput): SiteModel {
  const derive = input.deriveStatus ?? defaultDeriveStatus;
  const records = input.records.map(viewRecord).sort(byDateDesc);
  const recordById = new Map(records.map((r) => [r.record.id, r]));
  const curatedById = new Map(input.curated.map((c) => [c.id, c.data]));

  const byAanhangsel = new Map<string, RecordView>();
  const byZaak = new Map<string, RecordView[]>();
  const bySeeAlso = new Map<string, RecordView[]>();
  const byQuestion = new Map<string, RecordView[]>();
  for (const r of records) {
    const key = questionKey(r.record);
    if (key) pushTo(byQuestion, key, r);
    if (r.record.vergaderjaar && r.record.seeAlsoAanhangsel) {
      pushTo(bySeeAlso, `${r.record.vergaderjaar}/${r.record.seeAlsoAanhangsel}`, r);
    }
    if (r.record.vergaderjaar && r.record.aanhangselNumber) {
      byAanhangsel.set(`${r.record.vergaderjaar}/${r.record.aanhangselNumber}`, r);
    }
    if (r.record.zaakNumber) pushTo(byZaak, r.record.zaakNumber, r);
  }

  // Open questions: due dates from sync, or computed from the postponement notices found here.
  const index = { byAanhangsel, byZaak, bySeeAlso, byQuestion };
  for (const r of records) if (r.record.kind === 'answer') r.postponements = postponementNotices(index, r).length;
  const openQuestions = sortOpenQuestions(
    records.map((r) => openQuestionOf(index, r, input.today)).filter((q): q is OpenQuestionView => q !== null),
  );
  const openQuestionById = new Map(openQuestions.map((q) => [q.view.record.id, q]));

  // Programmes: the registry first, then ids that records name but the registry lacks.
  const programmes = new Map<string, ProgrammeView>();
  for (const p of input.programmes) {
    programmes.set(p.id, { id: p.id, url: `/programmas/${p.id}/`, data: p.data, name: p.data.name, mentions: [], commitments: [] });
  }
  const motions = new Map<string, MotionView>();
  for (const m of input.motions) {
    motions.set(m.id, {
      id: m.id,
      url: `/moties/${m.id}/`,
      motion: m,
      kamerstuk: m.kamerstuk,
      title: m.title ?? `Motie ${m.kamerstuk}`,
      submitters: m.submitters,
      mentions: [],
      otherMentions: [],
      commitments: [],
    });
  }

  // Walk records oldest first so mention trails come out in time order.
  for (const r of [...records].reverse()) {
    const rec = r.record;
    const pairView = (i: number, needles: string[]) => {
      const p = rec.pairs[i];
      if (!p) return null;
      return {
        label: p.label,
        anchor: anchorOf(rec, i)!,
        snippet: snippetAround(`${p.question}\n\n${p.answer ?? ''}`, needles),
      };
    };
    for (const pm of rec.programmes) {
      if (!pm.id || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(pm.id)) continue;
      let view = programmes.get(pm.id);
      if (!view) {
        view = { id: pm.id, url: `/programmas/${pm.id}/`, data: null, name: pm.name, mentions: [], commitments: [] };
        programmes.set(pm.id, view);
      }
      const needles = [pm.name, view.name, ...(view.data?.aliases ?? [])];
      view.mentions.push({ record: r, text: pm.name, pairs: pm.pairs.map((i) => pairView(i, needles)).filter((x) => x !== null) });
    }
    for (const mm of rec.motions) {
      if (!mm.id || !/^kst-[0-9]+(-[A-Za-z0-9]+)?-[0-9]+$/.test(mm.id)) continue;
      let view = motions.get(mm.id);
      if (!view) {
        view = {
          id: mm.id,
          url: `/moties/${mm.id}/`,
          motion: null,
          kamerstuk: mm.kamerstuk,
          title: mm.text,
          submitters: mm.submitters,
          mentions: [],
          otherMentions: [],
          commitments: [],
        };
        motions.set(mm.id, view);
      }
      const needles = [mm.text, ...(mm.submitters.length ? [`motie ${mm.submitters[0]}`] : [])];
      view.mentions.push({ record: r, text: mm.text, pairs: mm.pairs.map((i) => pairView(i, needles)).filter((x) => x !== null) });
    }
  }
  for (const view of motions.values()) {
    if (!view.motion) continue;
    const seen = new Set(view.mentions.map((m) => m.record.record.id));
    for (const ref of view.motion.mentions) {
      if (seen.has(ref.record)) continue;
      const r = recordById.get(ref.record);
      if (r) {
        seen.add(ref.record);
        const p = ref.pair !== null ? r.record.pairs[ref.pair] : undefined;
        view.mentions.push({
          record: r,
          text: ref.raw,
          pairs: p ? [{ label: p.label, anchor: anchorOf(r.record, ref.pair)!, snippet: snippetAround(`${p.question}\n\n${p.answer ?? ''}`, [ref.raw]) }] : [],
        });
      } else {
        view.otherMentions.push({ record: ref.record, label: ref.label, raw: ref.raw, date: ref.date });
      }
    }
    view.mentions.sort((a, b) => (a.record.date ?? '').localeCompare(b.record.date ?? ''));
  }

  // Commitments.
  const commitments: CommitmentView[] = [];
  for (const r of records) {
    for (const c of r.record.commitments) {
      const curated = curatedById.get(c.id) ?? null;
      const { status, reason } = derive(c, curated, input.today);
      const pair = c.pair !== null ? r.record.pairs[c.pair] : undefined;
      // The linker decides which programmes a commitment concerns; a programme merely named in
      // the same pair is not enough (the 2021 round-table promise is not about the agenda).
      const programmeIds = new Set(c.programmes);
      const view: CommitmentView = {
        commitment: c,
        id: c.id,
        url: `/toezeggingen/${c.id}/`,
        origin: 'answer',
        record: r,
        register: null,
        date: r.date,
        vergaderjaar: r.vergaderjaar,
        members: r.members,
        status,
        reason,
        curated,
        pairLabel: pair?.label ?? null,
        pairAnchor: pair ? anchorOf(r.record, c.pair) : null,
        ministry: r.ministry,
        period: c.due ? c.due.slice(0, 4) : 'zonder-termijn',
        programmeIds: [...programmeIds].filter((id) => programmes.has(id)),
        motionIds: c.motions.filter((id) => motions.has(id)),
        keptOnTime: keptOnTime(status, c.due, curated?.evidence ?? []),
      };
      commitments.push(view);
    }
  }
  const seenIds = new Set(commitments.map((c) => c.id));
  for (const entry of input.register ?? []) {
    const { commitment, curated: fromRegister, ministry, date } = registerCommitment(entry);
    if (seenIds.has(commitment.id)) continue;
    seenIds.add(commitment.id);
    // A curated file for the register entry wins over the register's own status.
    const curated = curatedById.get(commitment.id) ?? fromRegister;
    const { status, reason } = derive(commitment, curated, input.today);
    commitments.push({
      commitment,
      id: commitment.id,
      url: `/toezeggingen/${commitment.id}/`,
      origin: 'register',
      record: null,
      register: entry,
      date,
      vergaderjaar: date ? vergaderjaarOf(date) : null,
      members: [],
      status,
      reason,
      curated,
      pairLabel: null,
      pairAnchor: null,
      ministry,
      period: commitment.due ? commitment.due.slice(0, 4) : 'zonder-termijn',
      programmeIds: [],
      motionIds: [],
      keptOnTime: keptOnTime(status, commitment.due, curated?.evidence ?? []),
    });
  }
  commitments.sort((a, b) => {
    const da = a.commitment.due ?? '9999';
    const db = b.commitment.due ?? '9999';
    return da !== db ? (da < db ? -1 : 1) : a.id < b.id ? -1 : 1;
  });
  const commitmentById = new Map(commitments.map((c) => [c.id, c]));
  for (const c of commitments) {
    for (const id of c.programmeIds) programmes.get(id)?.commitments.push(c);
    for (const id of c.motionIds) motions.get(id)?.commitments.push(c);
  }

  // People, parties, ministries.
  const members = new Map<string, MemberView>();
  const parties = new Map<string, PartyView>();
  const ministries = new Map<string, MinistryView>();
  const commitmentsByRecord = new Map<string, CommitmentView[]>();
  for (const c of commitments) if (c.record) pushTo(commitmentsByRecord, c.record.record.id, c);
  for (const r of records) {
    const own = commitmentsByRecord.get(r.record.id) ?? [];
    const seenParties = new Set<string>();
    for (const m of r.members) {
      let member = members.get(m.slug);
      if (!member) {
        member = { name: m.name, slug: m.slug, parties: [], records: [], commitments: [], openQuestions: [] };
        members.set(m.slug, member);
      }
      if (member.records.at(-1) !== r) member.records.push(r);
      member.commitments.push(...own);
      if (m.party && m.partySlug) {
        if (!member.parties.some((p) => p.slug === m.partySlug)) member.parties.push({ name: m.party, slug: m.partySlug });
        let party = parties.get(m.partySlug);
        if (!party) {
          party = { name: m.party, slug: m.partySlug, members: [], records: [], commitments: [], openQuestions: [] };
          parties.set(m.partySlug, party);
        }
        if (!party.members.includes(member)) party.members.push(member);
        if (!seenParties.has(m.partySlug)) {
          seenParties.add(m.partySlug);
          party.records.push(r);
          party.commitments.push(...own);
        }
      }
    }
    if (r.ministry) {
      let ministry = ministries.get(r.ministry.slug);
      if (!ministry) {
        ministry = { ...r.ministry, records: [], commitments: [], openQuestions: [] };
        ministries.set(r.ministry.slug, ministry);
      }
      ministry.records.push(r);
      ministry.commitments.push(...own);
    }
  }
  for (const c of commitments) {
    if (c.record || !c.ministry) continue;
    let ministry = ministries.get(c.ministry.slug);
    if (!ministry) {
      ministry = { ...c.ministry, records: [], commitments: [], openQuestions: [] };
      ministries.set(c.ministry.slug, ministry);
    }
    ministry.commitments.push(c);
  }
  // Open questions go to every member, party and addressed ministry (in the model's order).
  for (const q of openQuestions) {
    const seen = new Set<object>();
    for (const m of q.view.members) {
      const member = members.get(m.slug);
      const party = m.partySlug ? parties.get(m.partySlug) : undefined;
      for (const group of [member, party]) {
        if (group && !seen.has(group)) {
          seen.add(group);
          group.openQuestions.push(q);
        }
      }
    }
    for (const m of q.ministries) {
      let ministry = ministries.get(m.slug);
      if (!ministry) {
        ministry = { ...m, records: [], commitments: [], openQuestions: [] };
        ministries.set(m.slug, ministry);
      }
      if (!seen.has(ministry)) {
        seen.add(ministry);
        ministry.openQuestions.push(q);
      }
    }
  }
  const commitmentOrder = new Map(commitments.map((c, i) => [c, i]));
  const sortCommitments = (list: CommitmentView[]) => list.sort((a, b) => commitmentOrder.get(a)! - commitmentOrder.get(b)!);
  for (const v of [...members.values(), ...parties.values(), ...ministries.values()]) sortCommitments(v.commitments);
  for (const p of parties.values()) p.members.sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return {
    today: input.today,
    records,
    recordById,
    commitments,
    commitmentById,
    members,
    parties,
    ministries,
    programmes,
    motions,
    byAanhangsel,
    byZaak,
    bySeeAlso,
    commitmentsByRecord,
    byQuestion,
    openQuestions,
    openQuestionById,
  };
}

/** Open commitments (open, due soon, overdue) of a list. */
export function openCommitments(list: readonly CommitmentView[]): CommitmentView[] {
  return list.filter((c) => isOpenStatus(c.status));
}

/** Related question sets of a record, by kind of relation; each list newest first and without the record itself. */
export interface Related {
  /** The record named in "Zie ook Aanhangsel" (usually the postponement notice), or records naming this one. */
  seeAlso: RecordView[];
  /** Other documents on the same zaak (notices, further answers). */
  sameZaak: RecordView[];
  /** Other sets by the same questioners. */
  sameQuestioner: RecordView[];
  /** Other sets naming the same programmes. */
  sameProgramme: RecordView[];
  /** Other sets naming the same motions. */
  sameMotion: RecordView[];
}

/**
 * Records ordered by vergaderjaar, oldest first, those without one last; within a year the order
 * is kept (a stable sort).
 */
export function recordsByVergaderjaar(records: readonly RecordView[]): RecordView[] {
  const key = (r: RecordView) => r.vergaderjaar ?? '~';
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Find related sets of `r`, at most `limit` per relation. */
export function relatedRecords(model: SiteModel, r: RecordView, limit = 5): Related {
  const self = r.record.id;
  const take = (list: Iterable<RecordView>) => {
    const out: RecordView[] = [];
    const seen = new Set<string>([self]);
    for (const x of list) {
      if (seen.has(x.record.id)) continue;
      seen.add(x.record.id);
      out.push(x);
    }
    return out.sort(byDateDesc).slice(0, limit);
  };
  const seeAlso: RecordView[] = [];
  if (r.record.vergaderjaar && r.record.seeAlsoAanhangsel) {
    const x = model.byAanhangsel.get(`${r.record.vergaderjaar}/${r.record.seeAlsoAanhangsel}`);
    if (x) seeAlso.push(x);
  }
  if (r.record.vergaderjaar && r.record.aanhangselNumber) {
    // Reverse direction: the answer that points at this notice.
    seeAlso.push(...(model.bySeeAlso.get(`${r.record.vergaderjaar}/${r.record.aanhangselNumber}`) ?? []));
  }
  const sameZaak = r.record.zaakNumber ? model.byZaak.get(r.record.zaakNumber) ?? [] : [];
  const sameQuestioner = r.members.flatMap((m) => model.members.get(m.slug)?.records.slice(0, limit + 1) ?? []);
  const sameProgramme = r.record.programmes.flatMap((p) =>
    p.id ? (model.programmes.get(p.id)?.mentions.map((m) => m.record) ?? []).slice(-limit - 1) : [],
  );
  const sameMotion = r.record.motions.flatMap((m) =>
    m.id ? (model.motions.get(m.id)?.mentions.map((x) => x.record) ?? []).slice(-limit - 1) : [],
  );
  return {
    seeAlso: take(seeAlso),
    sameZaak: take(sameZaak),
    sameQuestioner: take(sameQuestioner),
    sameProgramme: take(sameProgramme),
    sameMotion: take(sameMotion),
  };
}
