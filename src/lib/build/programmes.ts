/**
 * Programmes, action plans and agendas: find registry programmes (`content/programmes/`) in the
 * texts of a record, pick up abbreviations the text introduces ("Veilig Thuis (hierna: VT)"), and
 * suggest plan names that documents use but the registry does not know yet. Pure functions.
 */
import type { Programme } from '../schema/programme.ts';
import type { ProgrammeMention, QuestionSet } from '../schema/record.ts';

/** A registry programme with its id (the file name without `.md`). */
export interface ProgrammeEntry extends Programme {
  /** Id: the file name in `content/programmes/` without extension, e.g. "hervormingsagenda-jeugd". */
  id: string;
}

/** A programme found in one text. */
export interface ProgrammeHit {
  /** Registry id. */
  id: string;
  /** The words as written. */
  name: string;
  /** Offset in the text. */
  index: number;
  /** How it was matched: full name or alias, abbreviation, or the short head word ("het Toekomstscenario"). */
  via: 'name' | 'abbreviation' | 'head';
}

/** Escape a string for use in a regular expression. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching a word in any case, letter by letter ("Actieplan" → "[Aa][Cc]…"). */
function anyCase(word: string): string {
  return [...word].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRe(c))).join('');
}

/** A pattern for a name that tolerates any whitespace, dash variants, and «» quotes between words. */
function namePattern(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => escapeRe(w).replace(/[-–]/g, '[-–]'))
    .join('[\\s«»"\']+');
}

/** Letters and digits only count as word characters; "-" joins words (so "PAS-melders" is not "PAS"). */
const WORD_BEFORE = '(?<![\\p{L}\\p{N}-])';
const WORD_AFTER = '(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])';

/**
 * Words that start many plan names: used as a short form ("het actieplan") only when exactly one
 * programme with that head is named in the record, and only after a definite article.
 */
const GENERIC_HEADS = new Set(['actieplan', 'programma', 'actieprogramma', 'aanpak', 'agenda', 'akkoord', 'convenant', 'plan', 'werkagenda', 'pact']);

/** The head word of a programme name used as its short form ("Toekomstscenario", "Hervormingsagenda"), or null. */
function headOf(name: string): string | null {
  const first = name.trim().split(/\s+/)[0] ?? '';
  if (name.trim().split(/\s+/).length < 2) return null;
  if (GENERIC_HEADS.has(first.toLowerCase())) return first.toLowerCase();
  return first.length >= 8 && /^\p{Lu}/u.test(first) ? first : null;
}

/** Find registry programmes in one text by name, alias (ignoring case) and abbreviation (exact case). */
export function findProgrammesInText(text: string, registry: readonly ProgrammeEntry[]): ProgrammeHit[] {
  const hits: ProgrammeHit[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  // Longest names first, so "Hervormingsagenda Jeugd 2023-2028" wins over "Hervormingsagenda Jeugd".
  const names: Array<{ id: string; name: string }> = [];
  for (const p of registry) for (const n of [p.name, ...(p.aliases ?? [])]) if (n.trim()) names.push({ id: p.id, name: n });
  names.sort((a, b) => b.name.length - a.name.length);
  for (const { id, name } of names) {
    const re = new RegExp(`${WORD_BEFORE}${namePattern(name)}${WORD_AFTER}`, 'giu');
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (overlaps(m.index, end)) continue;
      taken.push([m.index, end]);
      hits.push({ id, name: m[0].replace(/\s+/g, ' '), index: m.index, via: 'name' });
    }
  }
  for (const p of registry) {
    for (const abbr of p.abbreviations ?? []) {
      if (!abbr.trim()) continue;
      const re = new RegExp(`${WORD_BEFORE}${escapeRe(abbr)}${WORD_AFTER}`, 'gu');
      for (const m of text.matchAll(re)) {
        const end = m.index + m[0].length;
        if (overlaps(m.index, end)) continue;
        taken.push([m.index, end]);
        hits.push({ id: p.id, name: m[0], index: m.index, via: 'abbreviation' });
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Short-form hits ("het Toekomstscenario", "het actieplan") for programmes already named in the record. */
function findHeadHits(text: string, named: readonly ProgrammeEntry[], taken: readonly ProgrammeHit[]): ProgrammeHit[] {
  const byHead = new Map<string, ProgrammeEntry[]>();
  for (const p of named) {
    const head = headOf(p.name);
    if (!head) continue;
    const key = head.toLowerCase();
    byHead.set(key, [...(byHead.get(key) ?? []), p]);
  }
  const hits: ProgrammeHit[] = [];
  for (const [key, progs] of byHead) {
    if (progs.length !== 1) continue; // two named plans share the head: the short form is ambiguous
    const p = progs[0]!;
    const generic = GENERIC_HEADS.has(key);
    // No /i flag here: with /iu, \p{Lu} would match lower case too and the "not followed by a name" test would fail.
    const re = generic
      ? new RegExp(`${WORD_BEFORE}(?:[Hh]et|[Dd]it|[Dd]at|[Dd]eze|[Dd]ie|[Dd]e)\\s+(${anyCase(key)})${WORD_AFTER}(?!\\s+[\\p{Lu}«'"‘“])`, 'gu')
      : new RegExp(`${WORD_BEFORE}(${anyCase(key)})${WORD_AFTER}`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].length - m[1]!.length;
      if (taken.some((h) => start >= h.index && start < h.index + h.name.length)) continue;
      hits.push({ id: p.id, name: m[1]!, index: start, via: 'head' });
    }
  }
  return hits;
}

/** The texts of a pair the linker reads: question, answer and the footnotes whose markers stand in it. */
function pairTexts(record: QuestionSet, i: number): string[] {
  const p = record.pairs[i]!;
  return [p.question, p.answer ?? ''];
}

/**
 * Programme mentions of a record: registry programmes named in any pair, with the pairs they occur
 * in (by full name, alias, abbreviation, or short form once the full name occurs in the record),
 * plus nothing for unknown plans (see `suggestProgrammes`).
 */
export function matchProgrammes(record: QuestionSet, registry: readonly ProgrammeEntry[]): ProgrammeMention[] {
  const perPair: ProgrammeHit[][] = record.pairs.map((_, i) => pairTexts(record, i).flatMap((t) => findProgrammesInText(t, registry)));
  const namedIds = new Set(perPair.flat().filter((h) => h.via !== 'abbreviation').map((h) => h.id));
  const named = registry.filter((p) => namedIds.has(p.id));
  record.pairs.forEach((_, i) => {
    for (const t of pairTexts(record, i)) {
      const own = findProgrammesInText(t, registry);
      perPair[i]!.push(...findHeadHits(t, named, own));
    }
  });
  const out = new Map<string, ProgrammeMention>();
  perPair.forEach((hits, i) => {
    for (const h of hits) {
      const m = out.get(h.id);
      if (!m) {
        const entry = registry.find((p) => p.id === h.id);
        out.set(h.id, { id: h.id, name: h.via === 'name' ? h.name : (entry?.name ?? h.name), pairs: [i] });
      } else if (!m.pairs.includes(i)) m.pairs.push(i);
    }
  });
  return [...out.values()];
}

/** Programme ids mentioned in one sentence or text, with short forms resolved against `named`. */
export function programmeIdsIn(text: string, registry: readonly ProgrammeEntry[], named: readonly ProgrammeEntry[] = []): string[] {
  const hits = findProgrammesInText(text, registry);
  hits.push(...findHeadHits(text, named, hits));
  return [...new Set(hits.map((h) => h.id))];
}

/** Small words skipped when matching an abbreviation's letters to a phrase ("Raad voor de Kinderbescherming" → RvdK keeps them). */
const FUNCTION_WORDS = new Set(['de', 'het', 'van', 'voor', 'en', 'der', 'den', 'op', 'in', 'met', 'te', 'tot', 'aan', 'om', 'bij', 'of', '&']);

/**
 * Whether `words` spell `letters`: each non-function word gives its first letter and may give more
 * letters found in order inside it (compounds: "Zorgakkoord" → Z, A); function words may give their
 * first letter or be skipped.
 */
function spells(words: readonly string[], letters: string): boolean {
  const go = (wi: number, li: number): boolean => {
    if (wi === words.length) return li === letters.length;
    const w = words[wi]!.toLowerCase();
    const fn = FUNCTION_WORDS.has(w);
    if (fn && go(wi + 1, li)) return true;
    if (li >= letters.length || w[0] !== letters[li]) return false;
    // Take the first letter, then optionally more letters inside the word, in order.
    let pos = 1;
    let l = li + 1;
    if (go(wi + 1, l)) return true;
    while (l < letters.length) {
      const found = w.indexOf(letters[l]!, pos);
      if (found < 0) break;
      pos = found + 1;
      l += 1;
      if (go(wi + 1, l)) return true;
    }
    return false;
  };
  return go(0, 0);
}

/** The phrase an abbreviation stands for, read backwards from just before its parenthesis. */
function expansionBefore(before: string, abbr: string): string | null {
  const letters = abbr.replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  if (letters.length < 2) return null;
  const words = before.replace(/[«»"“”‘’]/g, '').trim().split(/\s+/).filter(Boolean).slice(-10);
  for (let start = words.length - 1; start >= 0; start--) {
    const phrase = words.slice(start);
    const firstWord = phrase[0]!.toLowerCase();
    if (FUNCTION_WORDS.has(firstWord)) continue;
    if (spells(phrase, letters)) {
      // A single lower-case word must be a real compound, not a chance match ("hierna").
      if (phrase.length === 1 && phrase[0]!.length < letters.length * 2) return null;
      return phrase.join(' ').replace(/[,;:]$/, '');
    }
  }
  // Fallback: a run of capitalised words right before the parenthesis ("Veilig Thuis").
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (/^\p{Lu}/u.test(w)) run.unshift(w);
    else if (FUNCTION_WORDS.has(w.toLowerCase()) && run.length > 0 && i > 0 && /^\p{Lu}/u.test(words[i - 1]!)) run.unshift(w);
    else break;
  }
  return run.length >= 2 ? run.join(' ') : null;
}

/** An abbreviation token: 2–10 characters, mostly capitals ("VT", "RvdK", "GI's", "QvC-Rijk"). */
const ABBR = String.raw`\p{Lu}[\p{L}\-]{0,8}\p{Lu}(?:['’]s)?|\p{Lu}{2,}(?:['’]s)?`;

/**
 * Abbreviations a text introduces: "Veilig Thuis (hierna: VT)", "(hierna: RvdK)",
 * "het Nationaal Programma Onderwijs (NPO)", "wetgevingsoverleg (WGO)". The expansion is read from
 * the words before the parenthesis; pairs whose letters do not fit are left out.
 */
export function findAbbreviations(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = new RegExp(String.raw`\(\s*(?:(?:hierna|verder|hierna\s+te\s+noemen)\s*:?\s*)?(?:het\s+|de\s+)?(${ABBR})\s*\)`, 'gu');
  for (const m of text.matchAll(re)) {
    const abbr = m[1]!;
    if (!/\p{Lu}.*\p{Lu}/u.test(abbr)) continue;
    if (out[abbr]) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    // Stop at the previous sentence or parenthesis so the expansion stays in this clause.
    const clause = before.split(/[.!?;()]\s/).pop() ?? before;
    const expansion = expansionBefore(clause, abbr);
    if (expansion) out[abbr.replace(/['’]s$/, '')] = expansion.replace(/\s+/g, ' ');
  }
  return out;
}

/** Abbreviations introduced anywhere in a record's pairs and footnotes (first definition wins). */
export function recordAbbreviations(record: QuestionSet): Record<string, string> {
  const out: Record<string, string> = {};
  const texts = [...record.pairs.flatMap((p) => [p.question, p.answer ?? '']), ...record.footnotes.map((f) => f.text)];
  for (const t of texts) for (const [k, v] of Object.entries(findAbbreviations(t))) out[k] ??= v;
  return out;
}

/** A plan name found in documents that the registry does not know. */
export interface ProgrammeSuggestion {
  /** The name as most often written. */
  name: string;
  /** How often it occurs across the records. */
  count: number;
  /** Up to five ids of records it occurs in. */
  records: string[];
}

const PLAN_WORDS = 'Actieplan|Actieprogramma|Programma|Aanpak|Agenda|Hervormingsagenda|Toekomstscenario|Werkagenda|Pact|Akkoord|Convenant|Plan';
/** "Actieplan Verbetering Feitenonderzoek", "programma 'Doen wat werkt'", "Hervormingsagenda Jeugd". */
const NAMED_PLAN = new RegExp(
  String.raw`(?<![\p{L}-])((?:${PLAN_WORDS}|${PLAN_WORDS.toLowerCase()}))\s+(?:[«'"‘“]([^»'"’”]{3,80})[»'"’”]|((?:\p{Lu}[\p{L}\-]*)(?:\s+(?:(?:van|voor|de|in|op|tegen|der|&|en(?!\s+(?:het|de|een)\b))\s+)*(?:\p{Lu}[\p{L}\-]*|\d{4}(?:-\d{4})?))*))`,
  'gu',
);
/** Capitalised names ending in a plan word: "Integraal Zorgakkoord", "Gezond en Actief Leven Akkoord", "Sociale Agenda voor Nederland". */
const ENDING_PLAN = new RegExp(
  String.raw`(?<![\p{L}-])((?:\p{Lu}[\p{L}\-]*\s+(?:(?:en|voor|van)\s+)?)*\p{Lu}?[\p{L}\-]*(?:akkoord|Akkoord|agenda|Agenda|pact|Pact|programma|Programma|plan))(?![\p{L}-])(\s+(?:voor|van)\s+\p{Lu}[\p{L}\-]*)?`,
  'gu',
);

/** Words that look like plan names at the start of a sentence but are not names. */
const NOT_NAMES = new Set(['Dit', 'Deze', 'Het', 'De', 'Een', 'Dat', 'Die', 'Ook', 'In', 'Op', 'Met', 'Voor', 'Zo', 'Daarnaast', 'Wel', 'Dan', 'Er']);

/** Plan names in one text. */
export function findPlanNames(text: string): string[] {
  const out: string[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(NAMED_PLAN)) {
    const rest = (m[2] ?? m[3] ?? '').trim();
    if (!rest) continue;
    spans.push([m.index, m.index + m[0].length]);
    const firstWord = rest.split(/\s+/)[0]!;
    if (NOT_NAMES.has(firstWord)) continue;
    const head = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
    out.push(m[2] ? `${head} «${rest}»` : `${head} ${rest}`);
  }
  for (const m of text.matchAll(ENDING_PLAN)) {
    const name = (m[1]! + (m[2] ?? '')).trim();
    const words = name.split(/\s+/);
    const end = m.index + m[0].length;
    if (spans.some(([s, e]) => m.index < e && end > s)) continue;
    // One lower-case word ("werkagenda") is no name; a name needs a capital and either two words or a compound.
    if (!/^\p{Lu}/u.test(name)) continue;
    if (NOT_NAMES.has(words[0]!)) continue;
    // A name is two words or more and ends in a capitalised word ("Integraal Zorgakkoord"), not "Rijksbreed
    // samenwerkingsprogramma" or "Social Impact".
    if (words.length < 2 || !/^\p{Lu}/u.test(words[words.length - 1]!) && !/^(?:voor|van)$/.test(words[words.length - 2] ?? '')) continue;
    if (/impact$/i.test(name)) continue;
    out.push(name);
  }
  return out;
}

/**
 * Names of plans found in documents but not in the registry, with how often they occur and
 * example record ids, most frequent first. For people who keep the registry up to date.
 */
export function suggestProgrammes(records: readonly QuestionSet[], registry: readonly ProgrammeEntry[]): ProgrammeSuggestion[] {
  const known = registry.flatMap((p) => [p.name, ...(p.aliases ?? []), ...(p.abbreviations ?? [])]).map((n) => n.toLowerCase());
  const byKey = new Map<string, { names: Map<string, number>; count: number; records: string[] }>();
  const fresh = (): { names: Map<string, number>; count: number; records: string[] } => ({ names: new Map(), count: 0, records: [] });
  for (const r of records) {
    const texts = r.pairs.flatMap((p) => [p.question, p.answer ?? '']);
    for (const t of texts) {
      for (const name of findPlanNames(t)) {
        const lower = name.toLowerCase().replace(/[«»'"]/g, '');
        if (known.some((k) => lower.includes(k) || k.includes(lower))) continue;
        const key = lower.replace(/\s+/g, ' ');
        const e = byKey.get(key) ?? fresh();
        e.count += 1;
        e.names.set(name, (e.names.get(name) ?? 0) + 1);
        if (!e.records.includes(r.id) && e.records.length < 5) e.records.push(r.id);
        byKey.set(key, e);
      }
    }
  }
  return [...byKey.values()]
    .map((e) => ({ name: [...e.names.entries()].sort((a, b) => b[1] - a[1])[0]![0], count: e.count, records: e.records }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
}
