/**
 * References to official documents in Dutch parliamentary prose: Kamerstukken, Aanhangsel
 * items, Handelingen, zaak and document numbers and URLs, each normalised to a stable id
 * ("Kamerstuk 34 550 XVI, nr. 91" → "kst-34550-XVI-91"). Pure functions.
 */
import type { ReferenceKind } from '../schema/record.ts';

/** A reference found in a text, before it is placed in a pair or footnote. */
export interface FoundReference {
  /** What is referred to. */
  kind: ReferenceKind;
  /** Normalised stable id. */
  id: string;
  /** The text as written. */
  raw: string;
  /** Character offset of `raw` in the text it was found in. */
  index: number;
}

/** A reference that was written but cannot exist (impossible numbers), with the reason in Dutch. */
export interface RejectedReference {
  /** The text as written. */
  raw: string;
  /** Why it was rejected, in Dutch. */
  reason: string;
  /** Character offset in the text. */
  index: number;
}

/** Roman numerals used as dossier suffixes of budget chapters ("XVI", "VIII", "IV"). */
const ROMAN = '(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\\b';
/** A dossier number as printed: "34 550", "34550", "21 501-32", "36 200 XVI", "36 200-XVI", "36 410, VIII". */
const SUFFIX = `(?:\\s*(?:-\\s*|\\s)(${ROMAN}|[A-Z]{1,2}\\b|\\d{1,3}\\b))?`;
const DOSSIER = `(\\d{2}\\s?\\d{3}|\\d{4})${SUFFIX}`;
/** Bare citations (no "Kamerstuk" before them) need the five-digit dossier, so "2024, nr. 5" is not read. */
const DOSSIER5 = `(\\d{2}\\s?\\d{3})${SUFFIX}`;
/** "nr. 91", "nr 91", "nrs. 12 en 13", "nr. 679, nr. 684 en 685", "nrs. 12, 13 en 14". */
const NUMBERS = `(?:nrs?\\.?|nummers?)\\s*(\\d{1,5}(?:\\s*,\\s*nrs?\\.?\\s*\\d{1,5}|\\s*(?:en|&|t/m)\\s*(?:nrs?\\.?\\s*)?\\d{1,5}|\\s*,\\s*\\d{1,5}(?=\\s*(?:,\\s*\\d|en\\s+\\d|&)))*)`;
/** A parliamentary year written as "2020/21", "2020–2021", "2020-2021", "2023/2024" (checked later). */
const YEAR_PAIR = `(\\d{4})\\s*[/–\\-]\\s*(\\d{2,4})`;

/** A second dossier of a joint document, "29 984/22 589, nr. 809": the first dossier numbers it. */
const JOINT = `(?:\\s*\\/\\s*\\d{2}\\s?\\d{3})?`;

/** Patterns for Kamerstukken, with the dossier and numbers as groups. */
const KAMERSTUK_RES: RegExp[] = [
  // "Kamerstuk 34 550 XVI, nr. 91", "Kamerstukken II 2020/21, 31 839, nr. 732", "Kamerstukken ll 2023/24, …",
  // "Kamerstuk, 28 828, nr. 70", "Kamerstukken II, 2023/2024, 31 839, nr. 1024", "Kamerstukken II2015–16, 34 104, nr. 128",
  // "TK 2023/24, 31 839, nr. 1024", "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424".
  new RegExp(
    `\\b(?:[Kk]amerstuk(?:ken)?|TK|Tweede\\s+Kamer|EK|Eerste\\s+Kamer)(?:\\s*,)?(?:\\s*(?:II|ll|I|l)(?![A-Za-z]))?\\s*,?\\s*(?:vergaderjaar\\s*)?(?:${YEAR_PAIR}\\s*,?\\s*)?${DOSSIER}${JOINT}\\s*,?\\s*${NUMBERS}`,
    'g',
  ),
  // A bare citation "(34 550 XVI, nr. 91)", "36 200 IV, nr. 25", "motie 36 200 IV, nr. 25".
  new RegExp(`(?<![\\d/–-])${DOSSIER5}\\s*,\\s*${NUMBERS}`, 'g'),
  // The id form itself: "kst-31839-732", "kst-34550-XVI-91".
  /\bkst-(\d{4,5})(?:-([A-Za-z0-9]{1,5}))?-(\d{1,5})\b/g,
];

/** Build the Kamerstuk id "kst-<dossier>[-<suffix>]-<nr>". */
export function kamerstukId(dossier: string, suffix: string | null, number: number): string {
  const d = dossier.replace(/\s+/g, '');
  const s = suffix ? suffix.replace(/\s+/g, '').toUpperCase() : null;
  return s ? `kst-${d}-${s}-${number}` : `kst-${d}-${number}`;
}

/** Citation form of a Kamerstuk id: "kst-34550-XVI-91" → "34 550 XVI, nr. 91"; "kst-21501-32-1234" → "21 501-32, nr. 1234". */
export function kamerstukCitation(id: string): string | null {
  const m = /^kst-(\d+)(?:-([A-Za-z0-9]+))?-(\d+)$/.exec(id);
  if (!m) return null;
  const d = m[1]!.length === 5 ? `${m[1]!.slice(0, 2)} ${m[1]!.slice(2)}` : m[1]!;
  const suffix = m[2] ? (/^\d+$/.test(m[2]) ? `-${m[2]}` : ` ${m[2]}`) : '';
  return `${d}${suffix}, nr. ${m[3]}`;
}

/** Split "12 en 13", "679, nr. 684 en 685", "12 t/m 14" into numbers. */
function splitNumbers(list: string): number[] {
  const out: number[] = [];
  const range = /(\d{1,5})\s*t\/m\s*(\d{1,5})/g;
  let rest = list;
  for (let m = range.exec(list); m; m = range.exec(list)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b >= a && b - a <= 20) for (let i = a; i <= b; i++) out.push(i);
    rest = rest.replace(m[0], ' ');
  }
  for (const n of rest.match(/\d{1,5}/g) ?? []) out.push(Number(n));
  return [...new Set(out)];
}

/** Check a parliamentary year pair ("2020", "21") is two consecutive years. */
function yearPairOk(a: string, b: string): boolean {
  const first = Number(a);
  const second = b.length === 2 ? Number(a.slice(0, 2) + b) : b.length === 4 ? Number(b) : NaN;
  return second === first + 1;
}

/** Normalise a dossier suffix: roman numerals and letters upper-case, numbers zero-padded as written. */
function cleanSuffix(s: string | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (!t) return null;
  return t;
}

/** Extract Kamerstuk references. */
function kamerstukken(text: string, out: FoundReference[], rejected: RejectedReference[]): void {
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const [i, pattern] of KAMERSTUK_RES.entries()) {
    const re = new RegExp(pattern.source, pattern.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      let dossier: string;
      let suffix: string | null;
      let numbers: number[];
      let yearA: string | undefined;
      let yearB: string | undefined;
      if (i === 0) {
        [yearA, yearB] = [m[1], m[2]];
        dossier = m[3]!;
        suffix = cleanSuffix(m[4]);
        numbers = splitNumbers(m[5]!);
      } else if (i === 1) {
        dossier = m[1]!;
        suffix = cleanSuffix(m[2]);
        numbers = splitNumbers(m[3]!);
      } else {
        dossier = m[1]!;
        suffix = cleanSuffix(m[2]);
        numbers = [Number(m[3])];
      }
      const raw = m[0].replace(/\s+/g, ' ').trim();
      taken.push([start, end]);
      const d = dossier.replace(/\s+/g, '');
      if (!/^\d{4,5}$/.test(d)) {
        rejected.push({ raw, reason: `Dossiernummer ${dossier} bestaat niet (4 of 5 cijfers verwacht).`, index: start });
        continue;
      }
      if (yearA && yearB && !yearPairOk(yearA, yearB)) {
        // The year does not enter the id, so the reference stands; the typo is reported.
        rejected.push({ raw, reason: `Vergaderjaar ${yearA}/${yearB} is geen paar opeenvolgende jaren; het Kamerstuk is wel overgenomen.`, index: start });
      }
      for (const n of numbers) {
        if (!(n > 0 && n < 10000)) {
          rejected.push({ raw, reason: `Volgnummer ${n} van Kamerstuk ${dossier} bestaat niet (1 t/m 9999 verwacht).`, index: start });
          continue;
        }
        out.push({ kind: 'kamerstuk', id: kamerstukId(d, suffix, n), raw, index: start });
      }
    }
  }
}

/** Aanhangsel van de Handelingen: "Aanhangsel Handelingen II 2020/21, nr. 3658", "Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658". */
const AANHANGSEL_RE = new RegExp(
  `\\bAanhangsel\\s+(?:van\\s+de\\s+)?Handelingen(?:\\s*(?:II|ll|I|l)(?![A-Za-z]))?\\s*,?\\s*(?:vergaderjaar\\s*)?${YEAR_PAIR}\\s*,?\\s*(?:(?:nr|nummer)\\.?\\s*)?(\\d{1,5})(?:\\s*(?:en|,)\\s*(?:nr\\.?\\s*)?(\\d{1,5}))?`,
  'gi',
);

/** Handelingen: "Handelingen II 2021/22, nr. 12, item 5". */
const HANDELINGEN_RE = new RegExp(
  `(?<!Aanhangsel\\s+(?:van\\s+de\\s+)?)\\bHandelingen(?:\\s*(?:II|ll|I|l)(?![A-Za-z]))?\\s*,?\\s*(?:vergaderjaar\\s*)?${YEAR_PAIR}\\s*,?\\s*(?:nr\\.?|nummer)\\s*(\\d{1,4})(?:\\s*,?\\s*(?:item|punt)\\s*(\\d{1,3}))?`,
  'gi',
);

/** Full vergaderjaar "20202021" from a pair as written ("2020", "21"), or null when not consecutive. */
function vergaderjaarKey(a: string, b: string): string | null {
  if (!yearPairOk(a, b)) return null;
  return `${a}${Number(a) + 1}`;
}

/** Aanhangsel and Handelingen references. */
function handelingen(text: string, out: FoundReference[], rejected: RejectedReference[]): void {
  for (const m of text.matchAll(AANHANGSEL_RE)) {
    const raw = m[0].replace(/\s+/g, ' ').trim();
    const key = vergaderjaarKey(m[1]!, m[2]!);
    if (!key) {
      rejected.push({ raw, reason: `Vergaderjaar ${m[1]}–${m[2]} is geen paar opeenvolgende jaren; de verwijzing naar het Aanhangsel is niet overgenomen.`, index: m.index });
      continue;
    }
    for (const nr of [m[3], m[4]]) {
      if (!nr) continue;
      const n = Number(nr);
      if (!(n > 0 && n < 10000)) {
        rejected.push({ raw, reason: `Aanhangselnummer ${nr} bestaat niet (1 t/m 9999 verwacht).`, index: m.index });
        continue;
      }
      out.push({ kind: 'aanhangsel', id: `ah-tk-${key}-${n}`, raw, index: m.index });
    }
  }
  for (const m of text.matchAll(HANDELINGEN_RE)) {
    const raw = m[0].replace(/\s+/g, ' ').trim();
    const key = vergaderjaarKey(m[1]!, m[2]!);
    if (!key) {
      rejected.push({ raw, reason: `Vergaderjaar ${m[1]}–${m[2]} is geen paar opeenvolgende jaren; de verwijzing naar de Handelingen is niet overgenomen.`, index: m.index });
      continue;
    }
    const id = m[4] ? `h-tk-${key}-${Number(m[3])}-${Number(m[4])}` : `h-tk-${key}-${Number(m[3])}`;
    out.push({ kind: 'handelingen', id, raw, index: m.index });
  }
}

/** Zaak numbers (2026Z03535) and document numbers (2026D12345). */
function numbers(text: string, out: FoundReference[]): void {
  for (const m of text.matchAll(/\b((?:19|20)\d{2})([ZD])(\d{5})\b/g)) {
    out.push({ kind: m[2] === 'Z' ? 'zaak' : 'document', id: m[0], raw: m[0], index: m.index });
  }
}

/** URLs, also when a line break left a space after "https://". */
function urls(text: string, out: FoundReference[]): void {
  const re = /\b(?:https?:\/\/\s?|www\.)[^\s<>()«»"'|\]]+(?:\([^\s()]*\)[^\s<>()«»"'|\]]*)?/gi;
  for (const m of text.matchAll(re)) {
    let url = m[0].replace(/\s+/g, '').replace(/[.,;:!?)]+$/, '');
    if (/^www\./i.test(url)) url = `https://${url}`;
    if (!/^https?:\/\/[^/\s]+\.[a-z]{2,}/i.test(url)) continue;
    out.push({ kind: 'url', id: url, raw: m[0].replace(/[.,;:!?)]+$/, ''), index: m.index });
  }
}

/**
 * All references in a text, in order of appearance, with impossible ones rejected (and listed
 * in `rejected` with a Dutch reason). Kamerstukken that name several numbers ("nrs. 12 en 13")
 * give one reference per number, each with the full written text as `raw`.
 */
export function findReferences(text: string): { references: FoundReference[]; rejected: RejectedReference[] } {
  const found: FoundReference[] = [];
  const rejected: RejectedReference[] = [];
  const clean = text.replace(/\u00ad/g, '');
  handelingen(clean, found, rejected);
  // Aanhangsel and Handelingen spans must not be read again as Kamerstukken ("2020/21, nr. 3658").
  let masked = clean;
  for (const r of found) masked = masked.slice(0, r.index) + ' '.repeat(r.raw.length) + masked.slice(r.index + r.raw.length);
  // Mask URLs too: "…/kamerstukken/…/2022D25169" must not give Kamerstukken.
  const urlRefs: FoundReference[] = [];
  urls(clean, urlRefs);
  for (const r of urlRefs) {
    const len = Math.min(r.raw.length, masked.length - r.index);
    masked = masked.slice(0, r.index) + ' '.repeat(len) + masked.slice(r.index + len);
  }
  kamerstukken(masked, found, rejected);
  // Citations whose dossier has too many digits never match the patterns above; report them.
  for (const m of masked.matchAll(/\b[Kk]amerstuk(?:ken)?\s*(?:II\s*)?,?\s*(\d(?:\s?\d){5,})\s*,?\s*nrs?\.?\s*\d+/g)) {
    rejected.push({ raw: m[0].replace(/\s+/g, ' '), reason: `Dossiernummer ${m[1]} bestaat niet (4 of 5 cijfers verwacht).`, index: m.index });
  }
  numbers(masked, found);
  found.push(...urlRefs);
  found.sort((a, b) => a.index - b.index);
  return { references: found, rejected };
}

/** Convenience: the references in a text as `{kind, id, raw}` (rejected ones left out). */
export function extractReferences(text: string): Array<{ kind: ReferenceKind; id: string; raw: string }> {
  return findReferences(text).references.map(({ kind, id, raw }) => ({ kind, id, raw }));
}
