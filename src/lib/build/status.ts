/**
 * Commitment status: derive it from the due date and a person's curated decision, propose
 * evidence from later documents, and check curated files. Scripts propose; people decide.
 * Pure functions.
 */
import { daysBetween } from '../dates.ts';
import { curatedCommitment, curatedStatus, type CommitmentStatus, type CuratedCommitment } from '../schema/commitment-status.ts';
import { formatPath } from '../schema/errors.ts';
import type { Commitment, QuestionSet } from '../schema/record.ts';
import { splitSentences } from './commitments.ts';
import { findMotionHits, submitterKey } from './motions.ts';
import { programmeIdsIn, type ProgrammeEntry } from './programmes.ts';
import { findReferences } from './references.ts';

/** Days before the due date from which a commitment counts as due soon. */
export const DUE_SOON_DAYS = 30;

/** Format an ISO date the Dutch way: "21 juni 2026". */
function dutchDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/**
 * The status of a commitment on `today` (ISO). A curated decision other than "open" wins; otherwise
 * the due date decides: open, due-soon (at most 30 days left) or overdue (past due, nobody recorded
 * delivery). The reason is Dutch, for readers.
 */
export function deriveStatus(commitment: Pick<Commitment, 'due' | 'dueText'>, curated: CuratedCommitment | null, today: string): { status: CommitmentStatus; reason: string } {
  if (curated && curated.status !== 'open') {
    const last = curated.history[curated.history.length - 1];
    const by = last ? ` door ${last.source} op ${dutchDate(last.date)}` : '';
    const note = curated.note ?? last?.note ?? null;
    return { status: curated.status, reason: `Vastgesteld${by}${note ? `: ${note}` : '.'}` };
  }
  if (!commitment.due) {
    return {
      status: 'open',
      reason: commitment.dueText ? `Geen vaste datum («${commitment.dueText}»); nog niet als nagekomen vastgelegd.` : 'Geen termijn genoemd; nog niet als nagekomen vastgelegd.',
    };
  }
  const left = daysBetween(today, commitment.due);
  if (left < 0) {
    return { status: 'overdue', reason: `De termijn (${dutchDate(commitment.due)}) is ${-left} ${-left === 1 ? 'dag' : 'dagen'} verstreken en er is geen nakoming vastgelegd.` };
  }
  if (left <= DUE_SOON_DAYS) {
    return { status: 'due-soon', reason: `Nog ${left} ${left === 1 ? 'dag' : 'dagen'} tot de termijn (${dutchDate(commitment.due)}).` };
  }
  return { status: 'open', reason: `Termijn: ${dutchDate(commitment.due)}.` };
}

/** A proposed piece of evidence: a sentence in a later document about the same promise. */
export interface EvidenceProposal {
  /** Id of the later record. */
  document: string;
  /** Its date. */
  date: string | null;
  /** The sentence that shows progress or delivery. */
  quote: string;
  /** delivered when the sentence says the promised thing is done; progress otherwise. */
  kind: 'progress' | 'delivered';
  /** Label of the pair in that document. */
  pair: string | null;
  /** Why it was proposed (Dutch), e.g. "noemt Hervormingsagenda Jeugd". */
  why: string;
}

/** Options for evidence proposals. */
export interface EvidenceOptions {
  /** Date of the document that made the promise; only later documents count. Taken from the records when absent. */
  since?: string | null;
  /** The programme registry, to recognise programmes by any name in later sentences. */
  registry?: readonly ProgrammeEntry[];
}

/** Words that say the promised thing is done. */
const DONE =
  /\b(?:is|zijn|werd|werden)\s+(?:inmiddels\s+|onlangs\s+|op\s+\d{1,2}\s+\p{L}+\s+(?:\d{4}\s+)?)?(?:vastgesteld|verstuurd|verzonden|gestuurd|gepubliceerd|afgerond|uitgevoerd|georganiseerd|aangeboden|opgeleverd|gehouden|ingediend|in\s+werking\s+getreden|afgesloten|gestart|ondertekend)\b|\bheeft\s+(?:inmiddels\s+)?plaatsgevonden\b|\b(?:heb|hebben)\s+(?:ik|wij|we)\s+(?:u|uw\s+kamer)\b[^.]{0,80}\bgeïnformeerd\b/iu;

/** Words that show work on it. */
const PROGRESS = /\b(?:uit\s+te\s+voeren|uitvoering|uitvoeren|wordt\s+gewerkt|werken\s+(?:we|wij)|verzetten|in\s+voorbereiding|loopt|lopen|voortgang|implementatie|volop\s+gaande|zetten\s+(?:we|wij)\s+in|zet\s+ik\s+(?:mij|me)\s+in)\b/iu;

/** Distinctive words of a text: lower-case words of 8+ letters that are not common prose. */
function keywords(text: string): Set<string> {
  const common = new Set(['daarnaast', 'betrokken', 'mogelijke', 'mogelijkheden', 'hierover', 'informeren', 'verschillende', 'belangrijk', 'aanleiding', 'onderzoek', 'ontwikkeling', 'partijen', 'organisaties', 'gemeenten', 'staatssecretaris', 'minister']);
  return new Set(
    (text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/\p{L}{8,}/gu) ?? []).filter((w) => !common.has(w)),
  );
}

/**
 * Propose evidence for a commitment from later records: answer sentences that name the same
 * programme(s) or motion(s), or share the promised object and several distinctive words. One
 * proposal per pair (its best sentence), oldest document first. People decide what to keep.
 */
export function proposeEvidence(commitment: Commitment, laterRecords: readonly QuestionSet[], options: EvidenceOptions = {}): EvidenceProposal[] {
  const sourceId = commitment.id.replace(/-tz-[0-9a-f]+$/, '');
  const since = options.since ?? laterRecords.find((r) => r.id === sourceId)?.dateAnswered ?? null;
  const registry = options.registry ?? [];
  const objectWords = keywords(`${commitment.action ?? ''} ${commitment.text}`);
  const out: EvidenceProposal[] = [];
  for (const r of laterRecords) {
    if (r.id === sourceId) continue;
    const date = r.dateAnswered ?? r.dateSubmitted ?? null;
    if (since && (!date || date <= since)) continue;
    const named = registry.filter((p) => r.programmes.some((m) => m.id === p.id));
    r.pairs.forEach((pair) => {
      if (!pair.answer) return;
      let best: { quote: string; score: number; why: string; kind: 'progress' | 'delivered' } | null = null;
      for (const s of splitSentences(pair.answer)) {
        const why: string[] = [];
        let score = 0;
        const progs = registry.length > 0 ? programmeIdsIn(s.text, registry, named) : r.programmes.filter((m) => s.text.toLowerCase().includes(m.name.toLowerCase())).map((m) => m.id ?? '');
        const sharedProgs = commitment.programmes.filter((id) => progs.includes(id));
        if (sharedProgs.length > 0) {
          score += 3 * sharedProgs.length;
          why.push(`noemt ${sharedProgs.map((id) => registry.find((p) => p.id === id)?.name ?? id).join(', ')}`);
        }
        const sentMotions = new Set<string>(findReferences(s.text).references.map((x) => x.id));
        for (const h of findMotionHits(s.text)) {
          if (h.id) sentMotions.add(h.id);
          const m = r.motions.find((x) => x.id && submitterKey(x.submitters) === submitterKey(h.submitters));
          if (m?.id) sentMotions.add(m.id);
        }
        const sharedMotions = commitment.motions.filter((id) => sentMotions.has(id));
        if (sharedMotions.length > 0) {
          score += 3 * sharedMotions.length;
          why.push(`noemt motie ${sharedMotions.join(', ')}`);
        }
        const words = keywords(s.text);
        const shared = [...objectWords].filter((w) => words.has(w));
        if (sharedProgs.length === 0 && sharedMotions.length === 0) {
          // Without a shared programme or motion, the sentence must clearly be about the same thing.
          if (shared.length < 3) continue;
          why.push(`deelt ${shared.slice(0, 4).join(', ')}`);
        }
        score += shared.length;
        const done = DONE.test(s.text);
        if (done) score += 2;
        else if (PROGRESS.test(s.text)) score += 2;
        if (!best || score > best.score) best = { quote: s.text, score, why: why.join('; '), kind: done ? 'delivered' : 'progress' };
      }
      if (best) out.push({ document: r.id, date, quote: best.quote, kind: best.kind, pair: pair.label, why: best.why });
    });
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.document.localeCompare(b.document));
}

/** Result of checking a curated commitment file. */
export interface CuratedCheck {
  /** The parsed front matter, when valid. */
  value: CuratedCommitment | null;
  /** Problems, one line each: "file › field: reason" in Dutch. */
  messages: string[];
}

/**
 * Check the front matter of `content/commitments/<id>.md`: the schema, a friendly message for an
 * unknown status, and evidence that points to documents that do not exist.
 */
export function validateCurated(file: string, data: unknown, knownDocumentIds: ReadonlySet<string> | readonly string[]): CuratedCheck {
  const known = knownDocumentIds instanceof Set ? knownDocumentIds : new Set(knownDocumentIds as readonly string[]);
  const messages: string[] = [];
  const options = curatedStatus.options.join(', ');
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  // Status problems get a message naming the allowed values, in the file's own words.
  const statusCheck = (value: unknown, path: string) => {
    if (typeof value === 'string' && !curatedStatus.options.includes(value as never)) {
      const hint = value === 'overdue' || value === 'due-soon' ? ' (deze status volgt uit de termijn en wordt niet met de hand gezet)' : '';
      messages.push(`${file} › ${path}: onbekende status «${value}»${hint}; kies uit ${options}`);
      return true;
    }
    return false;
  };
  const badStatus = statusCheck(raw['status'], 'status');
  const history = Array.isArray(raw['history']) ? raw['history'] : [];
  const badHistory = history.map((h, i) => statusCheck((h as Record<string, unknown> | null)?.['status'], `history[${i}].status`)).some(Boolean);
  const parsed = curatedCommitment.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path);
      if ((badStatus && path === 'status') || (badHistory && /^history\[\d+\]\.status$/.test(path))) continue;
      messages.push(`${file} › ${path}: ${issue.message}`);
    }
  }
  const evidence = Array.isArray(raw['evidence']) ? raw['evidence'] : [];
  evidence.forEach((e, i) => {
    const doc = (e as Record<string, unknown> | null)?.['document'];
    if (typeof doc === 'string' && doc && !known.has(doc)) {
      messages.push(`${file} › evidence[${i}].document: document «${doc}» is geen bekend document (controleer het id in content/records of het Kamerstuk-id)`);
    }
  });
  return { value: parsed.success ? parsed.data : null, messages };
}
