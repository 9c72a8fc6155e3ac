/**
 * Deadlines in Dutch government prose: find the words that state when a promise is due
 * ("voor de zomer", "in het derde kwartaal van 2021") and resolve them to the last day the
 * promise is still on time, relative to the document's own date. Pure functions.
 *
 * The conventions follow `tests/fixtures/corpus/LABELS.md` ("Due-date convention"); choices the
 * labels leave open are documented on each rule below.
 */
import { DUTCH_MONTHS, addDays, isoFromParts, prinsjesdag } from '../dates.ts';

/**
 * First day of the Tweede Kamer summer recess per year (a Friday). "Voor het zomerreces" is due on
 * the day before. Only years we could source are listed; other years resolve to null.
 * Sources: tweedekamer.nl/debat_en_vergadering/recessen (2023: 7 juli, 2024: 5 juli);
 * tweedekamer.nl Kamernieuws "Kamer met zomerreces tot dinsdag 6 september" (2016: last day 7 juli);
 * tweedekamer.nl Kamernieuws "Tweede Kamer met zomerreces" (2018: last day 5 juli);
 * nieuws.nl 2019-07-05 (2019: recess from 5 juli); nu.nl 2022-07 (2022: 8 juli tot 5 september).
 */
export const SUMMER_RECESS_START: Readonly<Record<number, string>> = {
  2016: '2016-07-08',
  2018: '2018-07-06',
  2019: '2019-07-05',
  2022: '2022-07-08',
  2023: '2023-07-07',
  2024: '2024-07-05',
};

/**
 * First day of the Tweede Kamer Christmas recess per year, for "voor het kerstreces".
 * Source: tweedekamer.nl/debat_en_vergadering/recessen (Kerstreces 2023: vrijdag 22 december 2023).
 */
export const CHRISTMAS_RECESS_START: Readonly<Record<number, string>> = {
  2023: '2023-12-22',
};

const MONTH_NAMES =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, twintig: 20, dertig: 30,
};
const NUMBER_SOURCE = `\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}`;
const ORDINALS: Readonly<Record<string, number>> = {
  eerste: 1, '1e': 1, '1ste': 1, tweede: 2, '2e': 2, '2de': 2, derde: 3, '3e': 3, '3de': 3, vierde: 4, '4e': 4, '4de': 4,
  laatste: 4,
};
const ORDINAL_SOURCE = 'eerste|1e|1ste|tweede|2e|2de|derde|3e|3de|vierde|4e|4de|laatste';
/** "van 2024", "2024", "van dit jaar", "van volgend jaar", "van het jaar" — the optional year part. */
const YEAR_PART = `(?:\\s*(?:van\\s+)?(?:(?:het\\s+)?(?:jaar\\s+)?(\\d{4})|(dit|volgend|komend|het\\s+komende|het\\s+volgende|vorig)\\s+jaar|het\\s+jaar))?`;

/** One deadline rule: a pattern and how to turn its match into a date. */
interface Rule {
  /** Rule name, for tests and debugging. */
  name: string;
  /** Pattern, case-insensitive, matched against normalised text. */
  re: RegExp;
  /** The due date for a match, or null when the words are too vague to give one. */
  resolve: (m: RegExpExecArray, ctx: Ctx) => string | null;
}

/** Document context for relative words. */
interface Ctx {
  /** The document date (ISO). */
  date: string;
  /** Its year. */
  year: number;
}

/** Last day of a month. */
function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Number from digits or a Dutch number word. */
function num(word: string): number {
  const w = word.toLowerCase();
  return NUMBER_WORDS[w] ?? Number(w);
}

/**
 * The year a year part names: an explicit year, "dit jaar", "volgend jaar", or null when none
 * is given (the caller then picks the first future occurrence).
 */
function yearOf(explicit: string | undefined, relative: string | undefined, ctx: Ctx): number | null {
  if (explicit) return Number(explicit);
  if (!relative) return null;
  const r = relative.toLowerCase().replace(/\s+/g, ' ');
  if (r === 'dit') return ctx.year;
  if (r === 'vorig') return ctx.year - 1;
  return ctx.year + 1; // volgend, komend, het komende, het volgende
}

/**
 * Resolve a month-day inside a year that may be missing: with no year, the first occurrence on
 * or after the document date (so "in maart" written in November means next March).
 */
function upcoming(year: number | null, month: number, day: number | 'end', ctx: Ctx): string | null {
  const make = (y: number) => (day === 'end' ? monthEnd(y, month) : isoFromParts(y, month, day));
  if (year !== null) return make(year);
  const thisYear = make(ctx.year);
  if (thisYear && thisYear >= ctx.date) return thisYear;
  return make(ctx.year + 1);
}

/**
 * A month-day without a year, for words that are as often history as plan ("half februari",
 * "in september", "op 26 september"): the occurrence nearest to the document date, so "in maart"
 * in a November letter is next March, but "half februari" in an April letter is the February just
 * gone (and then dropped as history by the caller). Ties go to the future.
 */
function nearest(year: number | null, month: number, day: number | 'end', ctx: Ctx): string | null {
  const make = (y: number) => (day === 'end' ? monthEnd(y, month) : isoFromParts(y, month, day));
  if (year !== null) return make(year);
  const candidates = [make(ctx.year - 1), make(ctx.year), make(ctx.year + 1)].filter((d): d is string => d !== null);
  const dist = (d: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${ctx.date}T00:00:00Z`));
  return candidates.sort((a, b) => dist(a) - dist(b) || (a < b ? 1 : -1))[0] ?? null;
}

/** Month number from a Dutch month name. */
function monthOf(name: string): number {
  return DUTCH_MONTHS[name.toLowerCase()] ?? 0;
}

/**
 * Vague or conditional phrases: they give no date. They are removed before the precise rules run,
 * so "na de zomer" is not read as "zomer". Kept as dueText when nothing precise is found.
 */
const VAGUE: RegExp[] = [
  /\bzo\s+(?:spoedig|snel|veel)\s+mogelijk\b/i,
  /\b(?:zo\s+)?(?:binnenkort|spoedig|eerdaags|op\s+afzienbare\s+termijn)\b/i,
  /\bop\s+(?:(?:zo\s+)?korte?|(?:middel)?lange)\s+termijn\b/i,
  /\bna\s+(?:de|het)\s+(?:zomer(?:reces|vakantie)?|kerst(?:reces|vakantie)?|meireces|herfstreces|voorjaarsreces|jaarwisseling|verkiezingen|winter|herfst|lente|voorjaar|najaar)(?:\s+(?:van\s+)?\d{4})?\b/i,
  /\bna\s+(?:de\s+|het\s+)?(?:afronding|afloop|voltooiing|ontvangst|vaststelling|publicatie|oplevering|verschijning|evaluatie|besluitvorming|behandeling|totstandkoming)(?:\s+(?:van|over)\s+(?:(?:de|het|dit|deze|dat|die|een)\s+)?[\w-]+)?/i,
  /\bna\s+(?:\d{4}|(?:afloop|einde?)\s+van\s+\d{4})\b/i,
  /\b(?:de|in\s+de)\s+komende\s+(?:tijd|periode|maanden|weken|jaren|jaar|dagen)\b/i,
  /\bhet\s+komende\s+(?:jaar|halfjaar|half\s+jaar)\b/i,
  /\bte\s+zijner\s+tijd\b/i,
  /\b(?:zodra|wanneer|als|nadat|zodat)\s+[^,.;]{0,120}?\b(?:afgerond|gereed|bekend|beschikbaar|klaar|ontvangen|verschenen|vastgesteld|is|zijn)\b/i,
  /\btotdat\s+[^,.;]{0,120}/i,
  /\bin\s+de\s+toekomst\b/i,
  /\bbinnen\s+afzienbare\s+tijd\b/i,
  /\b(?:rond|omstreeks)\s+de\s+jaarwisseling\b/i,
  /\bin\s+(?:een|het)\s+(?:later|volgend)\s+stadium\b/i,
  /\bmet\s+enige\s+regelmaat\b/i,
];

/** The precise rules, most specific first. Each returns a date or null (then it still marks dueText). */
const RULES: Rule[] = [
  {
    // "voor 1 december 2023", "(1 december 2023)", "omstreeks 20 januari 2009", "uiterlijk 1 juli",
    // "per 1 januari 2025": a stated calendar date is the deadline. A year-less date takes the next occurrence.
    name: 'stated-date',
    // A date after "van" or "d.d." dates a document ("de brief van 12 maart"): no deadline.
    re: new RegExp(`(?<!\\b(?:van|d\\.d\\.|dd|gedateerd|sinds|vanaf)\\s)\\b(\\d{1,2})\\s+(${MONTH_NAMES}|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?(?:\\s+(\\d{4}))?\\b(?!\\s*(?:jl|j\\.l|jongstleden))`, 'i'),
    resolve: (m, ctx) => nearest(m[3] ? Number(m[3]) : null, monthOf(m[2]!), Number(m[1]), ctx),
  },
  {
    // "half februari 2010" → 15th; "medio april" → 15th (the middle of the month).
    name: 'mid-month',
    re: new RegExp(`\\b(?:half|medio|midden|halverwege)\\s+(${MONTH_NAMES})(?:\\s+(?:van\\s+)?(\\d{4}))?\\b`, 'i'),
    resolve: (m, ctx) => nearest(m[2] ? Number(m[2]) : null, monthOf(m[1]!), 15, ctx),
  },
  {
    // "begin april (2024)" → 10 April: the first third of the month. Our choice; labels give no example.
    name: 'early-month',
    re: new RegExp(`\\b(?:begin|aan\\s+het\\s+begin\\s+van|in\\s+het\\s+begin\\s+van)\\s+(${MONTH_NAMES})(?:\\s+(?:van\\s+)?(\\d{4}))?\\b`, 'i'),
    resolve: (m, ctx) => nearest(m[2] ? Number(m[2]) : null, monthOf(m[1]!), 10, ctx),
  },
  {
    // "voor april" → 31 March: before April starts. "voor eind april" is the month-end rule below.
    name: 'before-month',
    re: new RegExp(`\\b(?:voor|vóór|uiterlijk\\s+voor)\\s+(${MONTH_NAMES})(?:\\s+(?:van\\s+)?(\\d{4}))?\\b`, 'i'),
    resolve: (m, ctx) => {
      const month = monthOf(m[1]!);
      const year = m[2] ? Number(m[2]) : null;
      const start = upcoming(year, month, 1, ctx);
      return start ? addDays(start, -1) : null;
    },
  },
  {
    // "in april (2024)", "eind april", "in de maand april", "april van 2024", "uiterlijk april" → month end.
    name: 'month',
    re: new RegExp(`\\b(?:(?:voor\\s+)?(?:het\\s+)?eind(?:e)?\\s+(?:van\\s+)?|in\\s+(?:de\\s+maand\\s+)?|uiterlijk\\s+(?:in\\s+)?|rond\\s+)(${MONTH_NAMES})(?:\\s+(?:van\\s+)?(\\d{4}))?\\b(?!\\s*(?:jl|j\\.l|jongstleden))`, 'i'),
    resolve: (m, ctx) => nearest(m[2] ? Number(m[2]) : null, monthOf(m[1]!), 'end', ctx),
  },
  {
    // "binnen zes weken", "binnen 14 dagen", "binnen drie maanden", "over twee weken" → date + n.
    name: 'within',
    re: new RegExp(`\\b(?:binnen|over|uiterlijk\\s+over)\\s+(?:(${NUMBER_SOURCE})|een\\s+half)\\s+(dagen|dag|weken|week|maanden|maand|jaar|jaren)\\b`, 'i'),
    resolve: (m, ctx) => {
      const unit = m[2]!.toLowerCase();
      const n = m[1] ? num(m[1]) : 0.5;
      if (!Number.isFinite(n) || n <= 0) return null;
      if (unit.startsWith('dag')) return addDays(ctx.date, n);
      if (unit.startsWith('we')) return addDays(ctx.date, Math.round(n * 7)); // week, weken
      const months = unit.startsWith('jaar') ? n * 12 : n;
      const d = new Date(`${ctx.date}T00:00:00Z`);
      const whole = Math.floor(months);
      const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + whole, 1));
      const day = Math.min(d.getUTCDate(), Number(monthEnd(target.getUTCFullYear(), target.getUTCMonth() + 1).slice(8)));
      let out = isoFromParts(target.getUTCFullYear(), target.getUTCMonth() + 1, day);
      if (out && months !== whole) out = addDays(out, 15);
      return out;
    },
  },
  {
    // "in het derde kwartaal (van 2021)", "Q3 2024", "3e kwartaal" → quarter end; year-less → next occurrence.
    name: 'quarter',
    re: new RegExp(`\\b(?:(?:het\\s+)?(${ORDINAL_SOURCE})\\s+kwartaal${YEAR_PART}|q([1-4])(?:[\\s-]+(\\d{4}))?)\\b`, 'i'),
    resolve: (m, ctx) => {
      const q = m[1] ? ORDINALS[m[1].toLowerCase()]! : Number(m[4]);
      const year = m[5] ? Number(m[5]) : yearOf(m[2], m[3], ctx);
      return upcoming(year, q * 3, 'end', ctx);
    },
  },
  {
    // "in de eerste helft van 2024" → 06-30; "tweede helft van het jaar" → 12-31.
    name: 'half-year',
    re: new RegExp(`\\b(eerste|tweede|1e|2e)\\s+(?:helft|halfjaar|half\\s+jaar)${YEAR_PART}`, 'i'),
    resolve: (m, ctx) => {
      const first = /^(eerste|1e)$/i.test(m[1]!);
      const year = yearOf(m[2], m[3], ctx);
      return upcoming(year, first ? 6 : 12, 'end', ctx);
    },
  },
  {
    // "voor het zomerreces" → the day before the summer recess starts, when we know that date.
    name: 'summer-recess',
    re: /\b(?:voor|vóór|voorafgaand\s+aan)\s+het\s+(?:zomerreces|zomerreces\s+van\s+(\d{4}))/i,
    resolve: (m, ctx) => {
      let year = m[1] ? Number(m[1]) : ctx.year;
      let start = SUMMER_RECESS_START[year];
      if (!m[1] && start && start <= ctx.date) start = SUMMER_RECESS_START[(year = ctx.year + 1)];
      return start ? addDays(start, -1) : null;
    },
  },
  {
    // "voor het kerstreces" → the day before the Christmas recess starts, when known.
    name: 'christmas-recess',
    re: /\b(?:voor|vóór)\s+het\s+kerstreces\b/i,
    resolve: (_m, ctx) => {
      const start = CHRISTMAS_RECESS_START[ctx.year];
      return start && start > ctx.date ? addDays(start, -1) : null;
    },
  },
  {
    // "voor/op Prinsjesdag (2024)" → Prinsjesdag itself (third Tuesday of September).
    name: 'prinsjesdag',
    re: /\b(?:voor|vóór|op|met|rond|bij)\s+prinsjesdag(?:\s+(?:van\s+)?(\d{4}))?\b/i,
    resolve: (m, ctx) => {
      const year = m[1] ? Number(m[1]) : ctx.year;
      const day = prinsjesdag(year);
      return !m[1] && day < ctx.date ? prinsjesdag(year + 1) : day;
    },
  },
  {
    // "voor de zomer (van 2026)" → 21 June, the first day of summer.
    name: 'before-summer',
    re: /\b(?:voor|vóór|uiterlijk\s+voor)\s+(?:de\s+)?zomer(?:\s+(?:van\s+)?(\d{4}))?(?!reces)\b/i,
    resolve: (m, ctx) => upcoming(m[1] ? Number(m[1]) : null, 6, 21, ctx),
  },
  {
    // "voor de winter" → 21 December, the first day of winter.
    name: 'before-winter',
    re: /\b(?:voor|vóór)\s+de\s+winter(?:\s+(?:van\s+)?(\d{4}))?\b/i,
    resolve: (m, ctx) => upcoming(m[1] ? Number(m[1]) : null, 12, 21, ctx),
  },
  {
    // Seasons end on fixed days: voorjaar/lente → 06-21, zomer → 09-22, najaar/herfst → 12-21.
    // "winter" → 20 March after the winter's December (our choice; no label example).
    name: 'season',
    re: /\b(?:(?:in\s+)?(?:het|de|dit|deze|komend|komende|aankomend|aankomende|volgend|volgende)\s+|(?:eind|begin)\s+(?:van\s+)?(?:het|de)\s+|in\s+)?(voorjaar|lente|zomer|najaar|herfst|winter)(?:\s+(?:van\s+)?(\d{4})(?:\s*[/–-]\s*\d{2,4})?)?\b(?!reces|nota|brief|periode)/i,
    resolve: (m, ctx) => {
      const season = m[1]!.toLowerCase();
      const year = m[2] ? Number(m[2]) : null;
      const lead = m[0].toLowerCase();
      const next = /\b(volgend|volgende)\b/.test(lead);
      if (season === 'winter') {
        if (year !== null) return isoFromParts(year + 1, 3, 20);
        const end = upcoming(null, 3, 20, ctx);
        return end;
      }
      const [month, day] = season === 'voorjaar' || season === 'lente' ? [6, 21] : season === 'zomer' ? [9, 22] : [12, 21];
      if (next && year === null) return isoFromParts(ctx.year + 1, month, day);
      return upcoming(year, month, day, ctx);
    },
  },
  {
    // "begin volgend jaar" → 31 March of the next year; "begin 2025" → 2025-03-31.
    name: 'begin-year',
    re: /\b(?:begin|aan\s+het\s+begin\s+van|in\s+het\s+begin\s+van|aanvang|vroeg\s+in)\s+(?:(\d{4})|(volgend|komend|het\s+volgende|het\s+komende|dit)\s+jaar|het\s+(?:nieuwe\s+)?jaar)\b/i,
    resolve: (m, ctx) => {
      const year = m[1] ? Number(m[1]) : m[2] ? yearOf(undefined, m[2], ctx)! : ctx.year + 1;
      return isoFromParts(year, 3, 31);
    },
  },
  {
    // "medio 2025", "halverwege 2025", "midden volgend jaar" → 30 June (our choice: end of the first half).
    name: 'mid-year',
    re: /\b(?:medio|halverwege|midden)\s+(?:(\d{4})|(volgend|komend|dit)\s+jaar)\b/i,
    resolve: (m, ctx) => isoFromParts(m[1] ? Number(m[1]) : yearOf(undefined, m[2], ctx)!, 6, 30),
  },
  {
    // "(voor) eind 2024", "voor het einde van het jaar", "in 2024", "in de loop van 2024", "later in 2024"
    // → 31 December of that year. A bare year needs one of these words: "tot en met 2030" is no deadline.
    name: 'year',
    re: /\b(?:(?:voor\s+|vóór\s+|tegen\s+)?(?:het\s+)?eind(?:e)?\s+(?:van\s+)?|(?:in\s+)?de\s+loop\s+van\s+|later\s+in\s+|uiterlijk\s+(?:in\s+)?|in\s+(?:het\s+jaar\s+)?|nog\s+in\s+|gedurende\s+)(\d{4}|het\s+jaar)\b(?!\s*(?:[-–/]\s*\d|t\/m|tot))/i,
    resolve: (m, ctx) => isoFromParts(/^\d{4}$/.test(m[1]!) ? Number(m[1]) : ctx.year, 12, 31),
  },
  {
    // "eind dit jaar", "dit jaar", "nog dit jaar", "later dit jaar" → 12-31; "volgend jaar", "komend jaar" → next 12-31.
    name: 'relative-year',
    re: /\b(?:(?:nog|later|voor|vóór|tegen)\s+)?(?:(?:het\s+)?eind(?:e)?\s+(?:van\s+)?)?(dit|volgend|komend)\s+jaar\b/i,
    resolve: (m, ctx) => isoFromParts(yearOf(undefined, m[1], ctx)!, 12, 31),
  },
  {
    // "vanaf 2025", "per 2025", "met ingang van 2025" → 1 January: the promise is on time if it starts then.
    name: 'from-year',
    re: /\b(?:vanaf|per|met\s+ingang\s+van)\s+(\d{4})\b/i,
    resolve: (m) => isoFromParts(Number(m[1]), 1, 1),
  },
];

/** Normalise the text the rules run on: one space, plain dashes, no soft hyphens. */
function normalise(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** A deadline found in a sentence. */
export interface DueMatch {
  /** The words as written. */
  text: string;
  /** Character offset in the normalised sentence. */
  index: number;
  /** Rule that matched ("quarter", "vague", …). */
  rule: string;
}

/** Every deadline phrase in a sentence, precise ones and vague ones, in text order. */
export function findDueMatches(sentence: string): DueMatch[] {
  const text = normalise(sentence);
  const out: DueMatch[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const re of VAGUE) {
    const g = new RegExp(re.source, 'gi');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (!overlaps(m.index, m.index + m[0].length)) {
        out.push({ text: m[0].trim(), index: m.index, rule: 'vague' });
        taken.push([m.index, m.index + m[0].length]);
      }
    }
  }
  for (const rule of RULES) {
    const g = new RegExp(rule.re.source, 'gi');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].trim() === '') {
        g.lastIndex++;
        continue;
      }
      if (!overlaps(m.index, m.index + m[0].length)) {
        out.push({ text: m[0].trim(), index: m.index, rule: rule.name });
        taken.push([m.index, m.index + m[0].length]);
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Resolve one match with its rule. */
function resolveMatch(match: DueMatch, ctx: Ctx): string | null {
  if (match.rule === 'vague') return null;
  const rule = RULES.find((r) => r.name === match.rule);
  if (!rule) return null;
  const m = new RegExp(rule.re.source, 'i').exec(match.text);
  return m ? rule.resolve(m, ctx) : null;
}

/**
 * A stated date ("1 december 2023") or a bare year that lies before the document date is history,
 * not a deadline ("in de brief van 28 mei 2021", "in 2016 gevraagd").
 */
function isPast(due: string | null, ctx: Ctx): boolean {
  return due !== null && due < ctx.date;
}

/**
 * The deadline words in a sentence ("voor de zomer", "in het derde kwartaal van 2021"), or null.
 * When a vague phrase and a precise one stand together ("op korte termijn, in ieder geval ruim voor
 * … (1 december 2023)"), the span from the first to the last is returned so nothing is lost.
 * `documentDate`, when given, drops dates that lie before it (they are history, not deadlines).
 */
export function findDueText(sentence: string, documentDate?: string | null): string | null {
  const scan = scanDue(sentence, documentDate ?? null);
  return scan.dueText;
}

/**
 * Deadline words and the date they resolve to, for one sentence. With several deadlines in one
 * sentence, `anchor` (the promise's verbs, e.g. /informeren|sturen/) picks the one nearest to
 * them; without it a stated calendar date wins, else the first.
 */
export function scanDue(sentence: string, documentDate: string | null, anchor?: RegExp): { dueText: string | null; due: string | null } {
  const text = normalise(sentence);
  const ctx = documentDate && /^\d{4}-\d{2}-\d{2}$/.test(documentDate) ? { date: documentDate, year: Number(documentDate.slice(0, 4)) } : null;
  let matches = findDueMatches(text);
  // Without a date we cannot tell history from deadline, so every match is kept.
  if (ctx) matches = matches.filter((m) => !isPast(resolveMatch(m, ctx), ctx));
  if (matches.length === 0) return { dueText: null, due: null };
  const precise = ctx ? matches.filter((m) => m.rule !== 'vague' && resolveMatch(m, ctx) !== null) : matches.filter((m) => m.rule !== 'vague');
  if (precise.length === 0) {
    const first = matches[0]!;
    return { dueText: first.text, due: null };
  }
  // Prefer the deadline nearest to the promised action; else stated dates, because they are exact.
  let chosen = precise.find((m) => m.rule === 'stated-date') ?? precise[0]!;
  if (anchor && precise.length > 1) {
    const spots = [...text.matchAll(new RegExp(anchor.source, anchor.flags.includes('g') ? anchor.flags : `${anchor.flags}g`))].map((m) => [m.index, m.index + m[0].length] as const);
    if (spots.length > 0) {
      const distance = (m: DueMatch) => Math.min(...spots.map(([a, b]) => (m.index >= b ? m.index - b : a >= m.index + m.text.length ? a - (m.index + m.text.length) : 0)));
      chosen = [...precise].sort((a, b) => distance(a) - distance(b))[0]!;
    }
  }
  const due = ctx ? resolveMatch(chosen, ctx) : null;
  // A vague phrase that the precise one narrows down ("op korte termijn, in ieder geval voor …") belongs to it.
  const vagueBefore = matches.filter(
    (m) =>
      m.rule === 'vague' &&
      m.index < chosen.index &&
      chosen.index - m.index < 160 &&
      /\b(?:in\s+ieder\s+geval|in\s+elk\s+geval|uiterlijk|maar\s+niet\s+later\s+dan|althans)\b/i.test(text.slice(m.index, chosen.index)),
  );
  const start = vagueBefore.length > 0 ? vagueBefore[0]!.index : chosen.index;
  const endIndex = chosen.index + chosen.text.length;
  let dueText = text.slice(start, endIndex).trim();
  // Keep a closing parenthesis that belongs to a stated date "(1 december 2023)".
  if (text[endIndex] === ')' && dueText.includes('(')) dueText += ')';
  return { dueText, due };
}

/**
 * Resolve deadline words to the last day a promise is on time, relative to `documentDate`
 * (ISO). Returns null for vague or conditional words ("zo spoedig mogelijk", "na de zomer")
 * and for unknown recess dates.
 */
export function resolveDueDate(dueText: string, documentDate: string): string | null {
  if (!dueText || !/^\d{4}-\d{2}-\d{2}$/.test(documentDate)) return null;
  return scanDue(dueText, documentDate).due;
}
