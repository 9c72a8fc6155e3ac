/**
 * Open questions on the site: which question sets still wait for an answer, when the answer is
 * due (3 weeks after submission, 3 more per postponement notice: src/lib/sync/due.ts), and how a
 * set, its postponement notices and its follow-up answers find each other. Pure.
 *
 * Records from `npm run sync` carry `answerDue`; records from `npm run ingest` do not, so the due
 * date is computed here from the submission date and the postponement notices known on the site.
 */
import { answerDueDate } from '../lib/sync/due.ts';
import { daysBetween } from '../lib/dates.ts';
import { addressedMinistries, type Ministry } from '../lib/ministry.ts';
import type { QuestionSet } from '../lib/schema/index.ts';
import { facetCombinations, facetKey, facetOptionsOf, facetSegments, facetUrl, type FacetOption, type Facets } from './filters.ts';
import { officialUrl } from './links.ts';
import type { RecordView } from './model.ts';

/** The lookups of the site model that relations between records need. */
export interface RecordIndex {
  /** Record by "vergaderjaar/aanhangselNumber". */
  byAanhangsel: Map<string, RecordView>;
  /** Records by zaak number. */
  byZaak: Map<string, RecordView[]>;
  /** Records by the "vergaderjaar/aanhangselNumber" they name in "Zie ook Aanhangsel". */
  bySeeAlso: Map<string, RecordView[]>;
  /** Records by {@link questionKey}. */
  byQuestion: Map<string, RecordView[]>;
}

/** Surname without leading initials ("L. Westerveld" → "westerveld"), for matching. */
function surnameKey(name: string): string {
  return name
    .replace(/^(?:\s*[A-Z]\.)+\s*/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What identifies one set of questions across its documents when there is no zaak number: the
 * questioners' surnames and the subject ("westerveld|de documentaire goede moeders"). Quotes,
 * case, accents and spacing do not count. Null without a title or questioners.
 */
export function questionKey(record: Pick<QuestionSet, 'title' | 'questioners'>): string | null {
  if (!record.title || record.questioners.length === 0) return null;
  const title = record.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!title) return null;
  const names = [...new Set(record.questioners.map((q) => surnameKey(q.name)).filter(Boolean))].sort();
  return names.length ? `${names.join(',')}|${title}` : null;
}

/** A postponement notice of a set: a record on the site, or only its Aanhangsel number. */
export interface PostponementNotice {
  /** The notice's record, when it is on the site. */
  record: RecordView | null;
  /** Aanhangsel number ("3658"). */
  number: number | null;
  /** Vergaderjaar of that number. */
  vergaderjaar: string | null;
  /** Date of the notice, when known. */
  date: string | null;
  /** Where to read it: its page on this site, else the official publication. */
  url: string | null;
}

/** Official id of an Aanhangsel item: ("2020-2021", 3658) → "ah-tk-20202021-3658". */
export function aanhangselId(vergaderjaar: string, number: number): string {
  return `ah-tk-${vergaderjaar.replace('-', '')}-${number}`;
}

/**
 * Whether two records are about the same questions: same zaak, or same questioners and subject
 * submitted on the same day (a member who asks about the same subject again starts a new set).
 */
function sameQuestions(a: QuestionSet, b: QuestionSet): boolean {
  if (a.zaakNumber && b.zaakNumber) return a.zaakNumber === b.zaakNumber;
  if (a.dateSubmitted && b.dateSubmitted && a.dateSubmitted !== b.dateSubmitted) return false;
  const ka = questionKey(a);
  return ka !== null && ka === questionKey(b);
}

/** Candidates about the same questions as `rec`: same zaak number, same questioners and subject. */
function sameSet(index: RecordIndex, rec: QuestionSet): RecordView[] {
  const out: RecordView[] = [];
  if (rec.zaakNumber) out.push(...(index.byZaak.get(rec.zaakNumber) ?? []));
  const key = questionKey(rec);
  if (key) out.push(...(index.byQuestion.get(key) ?? []).filter((x) => sameQuestions(rec, x.record)));
  return out.filter((x) => x.record.id !== rec.id);
}

/**
 * The postponement notices known for a set (answer or open questions): notices on the same zaak or
 * with the same questioners and subject, and the one its "Zie ook Aanhangsel" names (kept as a
 * number with a link to the official publication when that notice is not on the site). Notices
 * dated after the answer are not its notices. Oldest first.
 */
export function postponementNotices(index: RecordIndex, r: RecordView): PostponementNotice[] {
  const rec = r.record;
  if (rec.kind === 'postponement') return [];
  const out: PostponementNotice[] = [];
  const seen = new Set<string>();
  const add = (x: RecordView) => {
    if (seen.has(x.record.id) || x.record.kind !== 'postponement') return;
    if (rec.dateAnswered && x.record.dateAnswered && x.record.dateAnswered > rec.dateAnswered) return;
    if (rec.dateSubmitted && x.record.dateAnswered && x.record.dateAnswered < rec.dateSubmitted) return;
    seen.add(x.record.id);
    out.push({ record: x, number: x.record.aanhangselNumber, vergaderjaar: x.record.vergaderjaar, date: x.record.dateAnswered, url: x.url });
  };
  const vj = rec.vergaderjaar ?? r.vergaderjaar;
  if (rec.seeAlsoAanhangsel && vj) {
    const named = index.byAanhangsel.get(`${vj}/${rec.seeAlsoAanhangsel}`);
    if (named) add(named);
    // Not on the site: "Zie ook Aanhangsel" in an answer names the postponement notice.
    else out.push({ record: null, number: rec.seeAlsoAanhangsel, vergaderjaar: vj, date: null, url: officialUrl(aanhangselId(vj, rec.seeAlsoAanhangsel)) });
  }
  for (const x of sameSet(index, rec)) add(x);
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/**
 * The answers that followed a postponement notice or open questions: answers naming the notice in
 * "Zie ook Aanhangsel", on the same zaak, or with the same questioners and subject (and not dated
 * before the notice). Oldest first.
 */
export function followUpAnswers(index: RecordIndex, r: RecordView): RecordView[] {
  const rec = r.record;
  if (rec.kind === 'answer') return [];
  const vj = rec.vergaderjaar ?? r.vergaderjaar;
  const candidates = [
    ...(vj && rec.aanhangselNumber ? index.bySeeAlso.get(`${vj}/${rec.aanhangselNumber}`) ?? [] : []),
    ...sameSet(index, rec),
  ];
  const since = rec.dateAnswered ?? rec.dateSubmitted;
  const out = new Map<string, RecordView>();
  for (const x of candidates) {
    if (x.record.kind !== 'answer' || x.record.id === rec.id) continue;
    if (since && x.record.dateAnswered && x.record.dateAnswered < since) continue;
    out.set(x.record.id, x);
  }
  return [...out.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** Where an open set stands against its term. */
export type TermStatus = 'binnen-termijn' | 'termijn-verstreken' | 'termijn-onbekend';

/** Dutch labels of the term statuses, as shown in status tags. */
export const TERM_STATUS_LABELS: Record<TermStatus, string> = {
  'binnen-termijn': 'Binnen termijn',
  'termijn-verstreken': 'Termijn verstreken',
  'termijn-onbekend': 'Termijn onbekend',
};

/** An open question set with its due date. */
export interface OpenQuestionView {
  /** The record (kind `questions`). */
  view: RecordView;
  /** Last day an answer is on time, or null when the submission date is unknown. */
  due: string | null;
  /** Whether the due date was computed on the site (no `answerDue` from sync). */
  dueComputed: boolean;
  /** Known postponement notices. */
  postponements: PostponementNotice[];
  /** Where it stands on the build date. */
  status: TermStatus;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Days left until the due date (null when overdue or unknown). */
  daysLeft: number | null;
  /** Every ministry the questions are addressed to. */
  ministries: Ministry[];
}

/**
 * The open state of a `questions` record on `today`: due date (sync's `answerDue`, else computed
 * from the submission date and the known postponement notices) and whether it has passed. Null
 * for other kinds and for questions whose answer is on the site already.
 */
export function openQuestionOf(index: RecordIndex, r: RecordView, today: string): OpenQuestionView | null {
  const rec = r.record;
  if (rec.kind !== 'questions' || followUpAnswers(index, r).length > 0) return null;
  const postponements = postponementNotices(index, r);
  const dueComputed = !rec.answerDue;
  const due = rec.answerDue ?? answerDueDate(rec.dateSubmitted, postponements.length);
  const status: TermStatus = !due ? 'termijn-onbekend' : due < today ? 'termijn-verstreken' : 'binnen-termijn';
  const addressed = addressedMinistries(rec.addressees);
  return {
    view: r,
    due,
    dueComputed,
    postponements,
    status,
    daysOverdue: due && due < today ? daysBetween(due, today) : 0,
    daysLeft: due && due >= today ? daysBetween(today, due) : null,
    ministries: addressed.length ? addressed : r.ministry ? [r.ministry] : [],
  };
}

/** Open sets ordered as the lists show them: most overdue first, then by due date, unknown last. */
export function sortOpenQuestions(list: OpenQuestionView[]): OpenQuestionView[] {
  return list.sort((a, b) => {
    const da = a.due ?? '9999-12-31';
    const db = b.due ?? '9999-12-31';
    return da !== db ? (da < db ? -1 : 1) : a.view.record.id.localeCompare(b.view.record.id);
  });
}

/** The filter dimensions of /vragen/openstaand/, in path order. */
export const OPEN_FILTER_DIMENSIONS = ['status', 'ministerie', 'partij', 'lid'] as const;

/** One filter dimension of the open questions. */
export type OpenFilterDimension = (typeof OPEN_FILTER_DIMENSIONS)[number];

/** Active open-question filters. */
export type OpenFilterState = Facets<OpenFilterDimension>;

/** Base path of the open-questions pages. */
export const OPEN_QUESTIONS_PATH = '/vragen/openstaand/';

/** Values of each dimension that an open set has. */
export function openFilterValues(q: OpenQuestionView): Record<OpenFilterDimension, string[]> {
  return {
    status: [q.status],
    ministerie: q.ministries.map((m) => m.slug),
    partij: q.view.members.flatMap((m) => (m.partySlug ? [m.partySlug] : [])),
    lid: q.view.members.map((m) => m.slug),
  };
}

/** Canonical key of an open-question filter state. */
export function openFilterKey(state: OpenFilterState): string {
  return facetKey(OPEN_FILTER_DIMENSIONS, state);
}

/** Path segments of an open-question filter state. */
export function openFilterSegments(state: OpenFilterState): string[] {
  return facetSegments(OPEN_FILTER_DIMENSIONS, state);
}

/** URL of a filtered open-questions page: /vragen/openstaand/status/termijn-verstreken/ministerie/…/ */
export function openFilterUrl(state: OpenFilterState, page = 1): string {
  return facetUrl(OPEN_QUESTIONS_PATH, OPEN_FILTER_DIMENSIONS, state, page);
}

/** Every open-question filter combination with results (plus the unfiltered list). */
export function openFilterCombinations(items: readonly OpenQuestionView[]): Map<string, { state: OpenFilterState; items: OpenQuestionView[] }> {
  return facetCombinations(items, OPEN_FILTER_DIMENSIONS, openFilterValues);
}

/** Facet options of one dimension given the current state; only options with results. */
export function openFacetOptions(
  combos: Map<string, { state: OpenFilterState; items: OpenQuestionView[] }>,
  state: OpenFilterState,
  dimension: OpenFilterDimension,
  values: readonly { value: string; label: string }[],
): FacetOption[] {
  return facetOptionsOf(combos, OPEN_FILTER_DIMENSIONS, (s) => openFilterUrl(s), state, dimension, values);
}

/** Counts of a list of open sets: all, and past their term. */
export function openCounts(list: readonly OpenQuestionView[]): { open: number; overdue: number } {
  return { open: list.length, overdue: list.filter((q) => q.status === 'termijn-verstreken').length };
}
