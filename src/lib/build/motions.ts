/**
 * Motions (moties) mentioned in answer documents: find the words that name a motion
 * ("de motie van het lid Bergkamp", "motie-Simons c.s.", "motie 36 200 IV, nr. 25"), link each to
 * its Kamerstuk — in the sentence itself or through the footnote whose marker follows the mention —
 * and aggregate mentions across records into motion entities. Pure functions.
 */
import type { Footnote, MotionMention, QuestionSet } from '../schema/record.ts';
import type { Motion, MotionMentionRef } from '../schema/motion.ts';
import { findReferences, kamerstukCitation, type FoundReference } from './references.ts';

/** A footnote marker's place in a pair, as the parser reports it. */
export interface FootnoteMarkLike {
  /** Footnote number. */
  n: number;
  /** Character offset in the field's text where the marker stood. */
  offset: number;
  /** Which text of the pair. */
  field: 'question' | 'answer';
}

/** A motion named in one text, before linking. */
export interface MotionHit {
  /** The words that name the motion, e.g. "motie van het lid Bergkamp". */
  text: string;
  /** Surnames of the submitters. */
  submitters: string[];
  /** Offset of the mention in the text. */
  index: number;
  /** Offset just after the mention. */
  end: number;
  /** Kamerstuk id when the mention itself carries the number ("motie 36 200 IV, nr. 25", "(Kamerstuk …)"). */
  id: string | null;
  /** The Kamerstuk as written, when the mention carries it. */
  raw: string | null;
}

/** A surname: optional particles ("van", "Van der") and one to three capitalised words ("Bruins Slot", "Joseph-Agema", "Wörsdörfer"). */
const PARTICLE = String.raw`(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Ii]n\s+['’]t|['’]t|[Ll]a|[Ll]e|[Dd]u|[Vv]on|[Dd]i)\s+)`;
const CAP = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{Lu}?[\p{L}'’]+)*`;
const SURNAME = String.raw`${PARTICLE}*${CAP}(?:\s+${CAP}){0,2}`;
const NAME_LIST = String.raw`${SURNAME}(?:\s*(?:,|\ben\b|&|\/)\s*${SURNAME})*(?:\s+c\.\s?s\.?)?`;
/** Words that may precede "motie" and belong to the mention. */
const LEAD = String.raw`(?:(?:Kamerbreed|breed|eerder|door\s+uw\s+Kamer|door\s+de\s+Kamer|twee\s+jaar\s+geleden|op\s+\d{1,2}\s+\p{L}+\s+\d{4})\s+)*(?:(?:aangenomen|gewijzigde|ingediende|verworpen|aangehouden|genoemde|eerdergenoemde|bovengenoemde|betreffende|bewuste|onze|uw)\s+)*`;

/** "motie van het lid X", "motie van de leden X en Y", "motie van leden X en Y", "motie-X", "motie X c.s.", "motie X/Y". */
const NAMED_MOTION = new RegExp(
  String.raw`(?<![\p{L}])${LEAD}[Mm]oties?(?:\s+van\s+(?:het|de)\s+(?:[Ll]id|[Ll]eden)\s+|\s+van\s+(?:[Ll]id|[Ll]eden)\s+|-|\s+)(${NAME_LIST})`,
  'gu',
);
/** A motion without names: "de aangenomen motie", "onze motie", "deze motie" — linked only through a number or footnote. */
const BARE_MOTION = new RegExp(String.raw`(?<![\p{L}-])${LEAD}[Mm]otie(?![\p{L}-])`, 'gu');

/** Capitalised words after "motie" that are not names. */
const NOT_SURNAMES = new Set(['Kamer', 'Tweede', 'Eerste', 'Kamerstuk', 'Kamerstukken', 'De', 'Het', 'Een', 'In', 'Over', 'Die', 'Dat', 'Deze', 'Dit', 'Zoals', 'Ook', 'Nr', 'Als']);

/** Split a name list into surnames: "Bruins Slot/Pia Dijkstra" → ["Bruins Slot", "Pia Dijkstra"]. */
function splitNames(list: string): string[] {
  return list
    .replace(/\s+c\.\s?s\.?$/, '')
    .split(/\s*(?:,|\ben\b|&|\/)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && !NOT_SURNAMES.has(s.split(/\s+/).pop() ?? s) && /\p{Lu}/u.test(s));
}

/** Key for comparing submitter names: lower case, no spaces, dashes or particles' case. */
export function submitterKey(names: readonly string[]): string {
  return names
    .map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s\-‐'’]/g, ''))
    .sort()
    .join('+');
}

/**
 * The Kamerstuk a mention carries right after it: "(Kamerstuk 28 828, nr. 66)", "36 200 IV, nr. 25",
 * ", Kamerstuk 21 501-02, nr. 2732". Only within a few characters, so a later citation is not taken.
 */
function trailingKamerstuk(text: string, end: number): FoundReference | null {
  const window = text.slice(end, end + 90);
  const lead = /^\s*(?:\(|,|:)?\s*(?:(?:zie\s+)?(?:Kamerstuk|Kamerstukken|TK)\b|\d{2}\s?\d{3})/i.exec(window);
  if (!lead) return null;
  const found = findReferences(window).references.find((r) => r.kind === 'kamerstuk');
  if (!found || found.index > lead[0].length + 2) return null;
  return found;
}

/** Motions named in one text, with numbers when the text gives them next to the name. */
export function findMotionHits(text: string): MotionHit[] {
  const hits: MotionHit[] = [];
  for (const m of text.matchAll(NAMED_MOTION)) {
    const names = splitNames(m[1]!);
    if (names.length === 0) continue;
    const start = m.index + (m[0].search(/[Mm]oties?/) >= 0 ? m[0].search(/[Mm]oties?/) : 0);
    let end = m.index + m[0].length;
    // Trim a trailing capitalised word that starts the next clause ("motie Bergkamp Wat …" is rare; keep simple).
    const words = m[0].slice(start - m.index).replace(/\s+/g, ' ').trim();
    const ks = trailingKamerstuk(text, end);
    if (ks) end = Math.max(end, end + ks.index + ks.raw.length);
    hits.push({ text: words, submitters: names, index: start, end: m.index + m[0].length, id: ks?.id ?? null, raw: ks?.raw ?? null });
  }
  // "motie 36 200 IV, nr. 25" and bare "de aangenomen motie (Kamerstuk …)".
  for (const m of text.matchAll(BARE_MOTION)) {
    const start = m.index + m[0].search(/[Mm]otie/);
    const end = m.index + m[0].length;
    if (hits.some((h) => start >= h.index && start < h.end)) continue;
    const ks = trailingKamerstuk(text, end);
    hits.push({ text: m[0].replace(/\s+/g, ' ').trim(), submitters: [], index: start, end, id: ks?.id ?? null, raw: ks?.raw ?? null });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * End of the sentence that contains `offset`: the next ". ", "? " or "! ". A blank line does not end
 * it, because page breaks in PDF text fall in mid-sentence.
 */
function sentenceEnd(text: string, offset: number): number {
  const re = /[.?!](?=\s|$)/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m.index + 1 : text.length;
}

/** The first Kamerstuk in a footnote text (a motion footnote names one). */
function footnoteKamerstuk(fn: Footnote | undefined): FoundReference | null {
  if (!fn) return null;
  return findReferences(fn.text).references.find((r) => r.kind === 'kamerstuk') ?? null;
}

/** Marks of a pair, if the parser gave them. */
function marksOf(pair: unknown): FootnoteMarkLike[] {
  const marks = (pair as { footnoteMarks?: unknown }).footnoteMarks;
  if (!Array.isArray(marks)) return [];
  return marks.filter(
    (m): m is FootnoteMarkLike =>
      typeof m === 'object' && m !== null && typeof (m as FootnoteMarkLike).n === 'number' && typeof (m as FootnoteMarkLike).offset === 'number' && ((m as FootnoteMarkLike).field === 'question' || (m as FootnoteMarkLike).field === 'answer'),
  );
}

/** A motion mention placed in a record, before merging. */
interface PlacedMention {
  hit: MotionHit;
  pair: number | null;
  id: string | null;
  /** Text from the mention to its footnote marker, for unnamed motions ("aangenomen motie die … Jemen"). */
  describe: string | null;
}

/**
 * Find and link the motions of a record. Each mention is linked to a Kamerstuk in this order:
 * a citation right after it; the footnote whose marker follows it in the same sentence (using the
 * parser's `footnoteMarks`); a footnote of the pair that names the same submitters ("Motie Ceder,
 * Kamerstuk …"); or, when the pair has exactly one Kamerstuk footnote and one motion, that one.
 * Unnamed mentions ("de aangenomen motie") are kept only when linked.
 */
export function findMotions(record: QuestionSet): MotionMention[] {
  const footnotes = new Map(record.footnotes.map((f) => [f.n, f]));
  const placed: PlacedMention[] = [];
  record.pairs.forEach((pair, pi) => {
    const marks = marksOf(pair);
    const pairPlaced: PlacedMention[] = [];
    for (const field of ['question', 'answer'] as const) {
      const text = field === 'question' ? pair.question : pair.answer;
      if (!text) continue;
      const fieldMarks = marks.filter((m) => m.field === field).sort((a, b) => a.offset - b.offset);
      const hits = findMotionHits(text);
      hits.forEach((hit, hi) => {
        let id = hit.id;
        let describe: string | null = null;
        if (!id && fieldMarks.length > 0) {
          // The marker closes the mention's sentence. In a question it may also close the next one
          // ("… motie van de leden X en Y, waarin …? Waarom …?12"): members put one marker after
          // the whole question. It never lies beyond the next motion.
          const next = hits[hi + 1];
          const own = sentenceEnd(text, hit.end);
          const reach = field === 'question' ? sentenceEnd(text, own + 1) : own;
          const limit = Math.min(reach + 1, next ? next.index : Infinity);
          const mark = fieldMarks.find((m) => m.offset >= hit.end && m.offset <= limit);
          const ks = mark ? footnoteKamerstuk(footnotes.get(mark.n)) : null;
          if (mark && ks) {
            id = ks.id;
            if (hit.submitters.length === 0) describe = text.slice(hit.index, mark.offset).replace(/\s+/g, ' ').replace(/[?.!,;:]+$/, '').trim();
          }
        }
        pairPlaced.push({ hit, pair: pi, id, describe });
      });
    }
    // Footnotes of this pair that are motion citations themselves: "Motie Ceder, Kamerstuk 21 501-02, nr. 2732".
    const refs = [...new Set([...(pair.footnoteRefs ?? []), ...marks.map((m) => m.n)])].sort((a, b) => a - b);
    for (const n of refs) {
      const fn = footnotes.get(n);
      if (!fn) continue;
      for (const hit of findMotionHits(fn.text)) {
        const ks = hit.id ? { id: hit.id } : footnoteKamerstuk(fn);
        if (!ks) continue;
        // Link unlinked named mentions in the pair with the same submitters.
        for (const p of pairPlaced) if (!p.id && hit.submitters.length > 0 && submitterKey(p.hit.submitters) === submitterKey(hit.submitters)) p.id = ks.id;
        pairPlaced.push({ hit: { ...hit, id: ks.id }, pair: pi, id: ks.id, describe: null });
      }
    }
    // Without marks: one motion and exactly one Kamerstuk footnote in the pair — that must be it.
    if (marks.length === 0) {
      const unlinked = pairPlaced.filter((p) => !p.id);
      const keys = new Set(unlinked.map((p) => submitterKey(p.hit.submitters)));
      const kstFootnotes = refs.map((n) => footnoteKamerstuk(footnotes.get(n))).filter((r): r is FoundReference => r !== null);
      if (keys.size === 1 && !keys.has('') && kstFootnotes.length === 1 && !pairPlaced.some((p) => p.id)) {
        for (const p of unlinked) p.id = kstFootnotes[0]!.id;
      }
    }
    placed.push(...pairPlaced);
  });
  // Footnotes that no pair refers to (header footnotes) may still cite motions.
  const referred = new Set(record.pairs.flatMap((p) => [...(p.footnoteRefs ?? []), ...marksOf(p).map((m) => m.n)]));
  for (const fn of record.footnotes) {
    if (referred.has(fn.n)) continue;
    for (const hit of findMotionHits(fn.text)) {
      const ks = hit.id ? { id: hit.id } : footnoteKamerstuk(fn);
      if (ks) placed.push({ hit: { ...hit, id: ks.id }, pair: null, id: ks.id, describe: null });
    }
  }
  return mergeMentions(placed);
}

/** Merge placed mentions into one entry per motion: by id, and unnumbered ones into the numbered motion with the same submitters. */
function mergeMentions(placed: PlacedMention[]): MotionMention[] {
  const out: MotionMention[] = [];
  const byId = new Map<string, MotionMention>();
  const add = (m: MotionMention, pair: number | null) => {
    if (pair !== null && !m.pairs.includes(pair)) m.pairs.push(pair);
  };
  const better = (a: string, b: string) => (b.length > a.length && a.split(/\s+/).length < 3 ? b : a);
  for (const p of placed.filter((x) => x.id)) {
    const id = p.id!;
    let m = byId.get(id);
    if (!m) {
      m = { id, kamerstuk: kamerstukCitation(id), text: p.describe ?? p.hit.text, submitters: [...p.hit.submitters], pairs: [] };
      byId.set(id, m);
      out.push(m);
    } else {
      for (const s of p.hit.submitters) if (!m.submitters.some((x) => submitterKey([x]) === submitterKey([s]))) m.submitters.push(s);
      if (p.describe) m.text = better(m.text, p.describe);
    }
    add(m, p.pair);
  }
  // "de aangenomen motie-Simons c.s. … de betreffende motie?1": a numbered motion without names
  // takes the names of the one named motion in the same pair.
  for (const m of out) {
    if (m.submitters.length > 0) continue;
    const named = placed.filter((x) => !x.id && x.hit.submitters.length > 0 && x.pair !== null && m.pairs.includes(x.pair));
    const keys = new Set(named.map((x) => submitterKey(x.hit.submitters)));
    if (keys.size !== 1) continue;
    const key = [...keys][0]!;
    if (out.some((o) => o !== m && o.id && submitterKey(o.submitters) === key)) continue;
    m.submitters = [...named[0]!.hit.submitters];
    m.text = named[0]!.hit.text;
  }
  const unnumbered = new Map<string, MotionMention>();
  for (const p of placed.filter((x) => !x.id)) {
    if (p.hit.submitters.length === 0) continue; // "de motie" without a number or names says nothing
    const key = submitterKey(p.hit.submitters);
    const numbered = out.filter((m) => m.id && submitterKey(m.submitters) === key);
    if (numbered.length >= 1) {
      // With several numbered motions of the same members the first one is the best guess; the pair stays recorded.
      add(numbered[0]!, p.pair);
      continue;
    }
    let m = unnumbered.get(key);
    if (!m) {
      m = { id: null, kamerstuk: null, text: p.hit.text, submitters: [...p.hit.submitters], pairs: [] };
      unnumbered.set(key, m);
      out.push(m);
    }
    add(m, p.pair);
  }
  for (const m of out) m.pairs.sort((a, b) => a - b);
  return out;
}

/** Split a Kamerstuk id into its parts. */
function partsOf(id: string): { dossier: string; suffix: string | null; number: number } | null {
  const m = /^kst-(\d+)(?:-([A-Za-z0-9]+))?-(\d+)$/.exec(id);
  if (!m) return null;
  return { dossier: m[1]!, suffix: m[2] ?? null, number: Number(m[3]) };
}

/**
 * Aggregate the motion mentions of `records` into motion entities. Official fields of `existing`
 * entities (title, text, vote, zaak number, date, appraisal, submitters when known) are kept
 * untouched; mentions from the given records are recomputed, mentions from other records kept.
 */
export function buildMotionEntities(records: readonly QuestionSet[], existing: readonly Motion[]): Motion[] {
  const recordIds = new Set(records.map((r) => r.id));
  const byId = new Map<string, Motion>();
  const official = new Set<string>();
  for (const e of existing) {
    if (e.submitters.length > 0) official.add(e.id);
    byId.set(e.id, { ...e, submitters: [...e.submitters], mentions: e.mentions.filter((m) => !recordIds.has(m.record)) });
  }
  for (const r of records) {
    const date = r.dateAnswered ?? r.dateSubmitted ?? null;
    for (const mm of r.motions) {
      if (!mm.id) continue;
      const parts = partsOf(mm.id);
      if (!parts) continue;
      let e = byId.get(mm.id);
      if (!e) {
        e = {
          id: mm.id,
          kamerstuk: mm.kamerstuk ?? kamerstukCitation(mm.id) ?? mm.id,
          dossier: parts.dossier,
          suffix: parts.suffix,
          number: parts.number,
          title: null,
          submitters: [],
          zaakNumber: null,
          date: null,
          text: null,
          vote: null,
          kabinetsappreciatie: null,
          mentions: [],
        };
        byId.set(mm.id, e);
      }
      // Submitters from official data win; from documents we only fill what is missing.
      if (!official.has(e.id)) for (const s of mm.submitters) if (!e.submitters.some((x) => submitterKey([x]) === submitterKey([s]))) e.submitters.push(s);
      const pairs = mm.pairs.length > 0 ? mm.pairs : [null];
      for (const pair of pairs) {
        const ref: MotionMentionRef = {
          record: r.id,
          pair,
          label: pair === null ? null : (r.pairs[pair]?.label ?? null),
          raw: mm.text,
          date,
        };
        if (!e.mentions.some((x) => x.record === ref.record && x.pair === ref.pair)) e.mentions.push(ref);
      }
    }
  }
  const out = [...byId.values()];
  for (const e of out) {
    e.mentions.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.record.localeCompare(b.record) || (a.pair ?? -1) - (b.pair ?? -1));
  }
  return out.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
