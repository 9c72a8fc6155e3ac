/**
 * The header sentences of a question set: who asked whom about what and when, who answered on
 * whose behalf, and the numbers that identify it. Works on Aanhangsel headers, ministry letters,
 * tweedekamer.nl and officielebekendmakingen page text.
 */
import type { Answerer, Questioner } from '../schema/person.ts';
import { DUTCH_DATE_SOURCE, parseDutchDate } from '../dates.ts';
import { isSpaceCode } from './lines.ts';

/** What the header says. Fields are null when it does not say. */
export interface HeaderFacts {
  title: string | null;
  questioners: Questioner[];
  addressees: string[];
  answerers: Answerer[];
  onBehalfOf: string[];
  dateSubmitted: string | null;
  dateAnswered: string | null;
  vergaderjaar: string | null;
  aanhangselNumber: number | null;
  seeAlsoAanhangsel: number | null;
  zaakNumber: string | null;
  naderAntwoord: boolean;
  /** The header holds an answer statement ("Antwoord van", "Hierbij zend ik u … de antwoorden"). */
  answered: boolean;
  /** The header is a notice ("Mededeling van …"). */
  notice: boolean;
}

/** Ministries and portfolios, longest first, so "Binnenlandse Zaken en Koninkrijksrelaties" wins over "Binnenlandse Zaken". */
const PORTFOLIOS = [
  'Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer',
  'Landbouw, Visserij, Voedselzekerheid en Natuur',
  'Economische Zaken, Landbouw en Innovatie',
  'Landbouw, Natuur en Voedselkwaliteit',
  'Binnenlandse Zaken en Koninkrijksrelaties',
  'Volkshuisvesting en Ruimtelijke Ordening',
  'Buitenlandse Handel en Ontwikkelingssamenwerking',
  'Armoedebeleid, Participatie en Pensioenen',
  'Volksgezondheid, Welzijn en Sport',
  'Onderwijs, Cultuur en Wetenschap',
  'Onderwijs, Cultuur en Wetenschappen',
  'Sociale Zaken en Werkgelegenheid',
  'Langdurige Zorg, Jeugd en Sport',
  'Economische Zaken en Klimaat',
  'Infrastructuur en Waterstaat',
  'Infrastructuur en Milieu',
  'Primair en Voortgezet Onderwijs',
  'Basis- en Voortgezet Onderwijs',
  'Wonen, Wijken en Integratie',
  'Immigratie, Integratie en Asiel',
  'Koninkrijksrelaties en Digitalisering',
  'Klimaat en Groene Groei',
  'Volkshuisvesting en Ruimtelijke Ordening',
  'Justitie en Veiligheid',
  'Veiligheid en Justitie',
  'Asiel en Migratie',
  'Langdurige Zorg en Sport',
  'Medische Zorg en Sport',
  'Medische Zorg',
  'Klimaat en Energie',
  'Natuur en Stikstof',
  'Wonen en Rijksdienst',
  'Milieu en Wonen',
  'Verkeer en Waterstaat',
  'Jeugd en Gezin',
  'Migratie',
  'Rechtsbescherming',
  'Buitenlandse Zaken',
  'Binnenlandse Zaken',
  'Economische Zaken',
  'Algemene Zaken',
  'Sociale Zaken',
  'Financiën',
  'Defensie',
  'Justitie',
  'Ontwikkelingssamenwerking',
  'Europese Zaken',
  'Onderwijs',
  'Wonen',
].sort((a, b) => b.length - a.length);

/** Ministries proper (departments): their ministers are "Minister van …"; other portfolios take "voor". */
const DEPARTMENTS = new Set([
  'Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer', 'Landbouw, Visserij, Voedselzekerheid en Natuur', 'Economische Zaken, Landbouw en Innovatie',
  'Landbouw, Natuur en Voedselkwaliteit', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Volkshuisvesting en Ruimtelijke Ordening', 'Volksgezondheid, Welzijn en Sport',
  'Onderwijs, Cultuur en Wetenschap', 'Onderwijs, Cultuur en Wetenschappen', 'Sociale Zaken en Werkgelegenheid', 'Economische Zaken en Klimaat', 'Infrastructuur en Waterstaat',
  'Infrastructuur en Milieu', 'Klimaat en Groene Groei', 'Justitie en Veiligheid', 'Veiligheid en Justitie', 'Asiel en Migratie', 'Verkeer en Waterstaat', 'Buitenlandse Zaken',
  'Binnenlandse Zaken', 'Economische Zaken', 'Algemene Zaken', 'Sociale Zaken', 'Financiën', 'Defensie', 'Justitie',
]);

/** Common abbreviations of ministries in answerer lines ("Minister Bruins Slot (BZ)"). */
const MINISTRY_ABBREVIATIONS: Record<string, string> = {
  BZ: 'Buitenlandse Zaken', BZK: 'Binnenlandse Zaken en Koninkrijksrelaties', VWS: 'Volksgezondheid, Welzijn en Sport', OCW: 'Onderwijs, Cultuur en Wetenschap',
  JenV: 'Justitie en Veiligheid', 'J&V': 'Justitie en Veiligheid', SZW: 'Sociale Zaken en Werkgelegenheid', IenW: 'Infrastructuur en Waterstaat', 'I&W': 'Infrastructuur en Waterstaat',
  EZK: 'Economische Zaken en Klimaat', EZ: 'Economische Zaken', LNV: 'Landbouw, Natuur en Voedselkwaliteit', AZ: 'Algemene Zaken', Fin: 'Financiën', FIN: 'Financiën',
  Def: 'Defensie', KGG: 'Klimaat en Groene Groei', VRO: 'Volkshuisvesting en Ruimtelijke Ordening', AenM: 'Asiel en Migratie', LVVN: 'Landbouw, Visserij, Voedselzekerheid en Natuur',
  BHO: 'Buitenlandse Handel en Ontwikkelingssamenwerking', BHOS: 'Buitenlandse Handel en Ontwikkelingssamenwerking',
};

/** The longest key of MINISTRY_ABBREVIATIONS (see roleFor). */
const MAX_ABBREVIATION_LENGTH = Math.max(...Object.keys(MINISTRY_ABBREVIATIONS).map((k) => k.length));

const ROLE_WORD = String.raw`(?:Minister-President|Minister|Ministers|Staatssecretaris|Staatssecretarissen|minister-president|minister|ministers|staatssecretaris|staatssecretarissen)`;
const DATE_RE = new RegExp(DUTCH_DATE_SOURCE, 'i');

/**
 * Something `clean` would change besides trimming: white space other than a lone space, or white
 * space next to punctuation it removes. Why: clean runs on every phrase of the header, and most
 * phrases are clean already; one test is cheaper than three replacements that change nothing.
 */
const NEEDS_TIDYING = /[^\S ]| \s|\s[,.)]|\(\s/;

/**
 * The runs of white space that are not a lone space. Replacing these with one space gives the same
 * text as replacing every run (/\s+/g), but leaves the many lone spaces alone instead of copying
 * them one match at a time.
 */
const SPACE_RUNS = / \s+|[^\S ]\s*/g;

/**
 * Tidy white space: every run of white space becomes one space, except that it goes entirely
 * before "," "." ")", after "(" and at both ends. (The same as replacing /\s+/g by a space, then
 * /\s+([,.)])/g by the punctuation and /\(\s+/g by "(", then trimming — done here in one pass
 * over the text, touching only the runs that change, because it runs on every header phrase.)
 */
function clean(s: string): string {
  if (!NEEDS_TIDYING.test(s)) return s.trim();
  let out = '';
  let copied = 0; // s[0, copied) is in `out` already
  for (let i = 0; i < s.length; i++) {
    if (!isSpaceCode(s.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
    const next = s.charCodeAt(j);
    const keep = i > 0 && j < s.length && next !== 44 /* , */ && next !== 46 /* . */ && next !== 41 /* ) */ && s.charCodeAt(i - 1) !== 40; /* ( */
    // A lone space that stays needs no copy; anything else is cut out (and a space put back if kept).
    if (!(keep && j === i + 1 && s.charCodeAt(i) === 32)) {
      out += s.slice(copied, i) + (keep ? ' ' : '');
      copied = j;
    }
    i = j - 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

// Patterns of the functions below, compiled once: a pattern written inside a function is a new
// object every time the function runs.
/** A later answer: "nader antwoord", "(nader)". */
const NADER_ANTWOORD = /\bnader(?:e)? antwoord|\(nader\)/i;
/** "Vergaderjaar 2023–2024" on the first page. */
const VERGADERJAAR = /Vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})/i;
/** Metadata glued together with a zaak number: "Staten-Generaal2010-20112011Z04442". */
const GLUED_ZAAK = /Staten-Generaal\s*(\d{4})\s*[–-]\s*(\d{4})\s*(\d{4}Z\d{5})/;
/** Metadata glued together with the Aanhangsel number: "Staten-Generaal2012-20132881". */
const GLUED_NUMBER = /Staten-Generaal\s*(\d{4})\s*[–-]\s*(\d{4})\s*(\d{1,5})\b/;
/** The Aanhangsel number after the masthead: "… gegeven antwoorden 1076 Vragen …". */
const ANSWERS_NUMBER = /gegeven antwoorden\s*(?:\d{1,2}\s+)?(\d{1,5})\b(?=\s+(?:Vragen|Vraag|Mededeling|Antwoord)\b)/;
/** The same without the word after it. */
const ANSWERS_NUMBER_BARE = /gegeven antwoorden\s+(\d{1,5})\b/;
/** "Nummer: 1076". */
const NUMBER_FIELD = /\b(?:Aanhangselnummer|Nummer)\s*:?\s*(\d{1,5})\b/;
/** A zaak number: "2026Z03535". */
const ZAAK = /\b(\d{4}Z\d{5})\b/;
/** The answer sentence: "Antwoord van Minister X (Portfolio), mede namens … (ontvangen …)". */
const ANSWER_SENTENCE = /\b(Antwoord|Mededeling|Nader antwoord)\s+van\s+(.+?)\s*\((?:ontvangen\s*)+([^)]*)\)/i;
/** The words that tell an answer from a notice. */
const ANTWOORD_WORD = /antwoord/i;
const MEDEDELING_WORD = /mededeling/i;
/** "Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658". */
const SEE_ALSO = /Zie ook Aanhangsel(?: van de)? Handelingen(?: II)?,?\s*(?:vergaderjaar\s*)?(\d{4})\s*[–/-]\s*(\d{2,4}),?\s*(?:nr\.?\s*)?(\d{1,5})/i;
/** "aan de", "de", "het" before a role. */
const LEADING_ARTICLE = /^(?:aan\s+)?(?:de|het)\s+/i;
/** "en de" between roles. */
const AND_ARTICLE = /^en\s+(?:(?:de|het)\s+)?/i;
/** "van" or "voor" before a portfolio. */
const PREPOSITION = /^(van|voor)\s+/i;
/** A capital at the start. */
const CAPITAL_START = /^[A-Z]/;
/** "en" or a comma at the start. */
const AND_OR_COMMA_START = /^(en|,)/;
/** Where an unknown portfolio ends. */
const PORTFOLIO_END = /\s+en\s+(?:van|voor|de|het)\s+|,\s+(?:de|het)\s+|\s+over\s+|\s*\(|$/i;
/** "– Fiscaliteit en Belastingdienst" after a portfolio. */
const PORTFOLIO_EXTRA = /^\s*[–-]\s+([A-Z][^,()]*?)(?=\s+en\s+(?:van|voor|de)\s+|\s*[,(]|$)/;
/** ", voor", "en van": another portfolio of a plural role. */
const MORE_PORTFOLIOS = /^(?:,\s*(?:en\s+)?|\s*en\s+)(?=(?:van|voor)\s)/i;
/** ", de Minister", "en de Staatssecretaris": the next role. */
const NEXT_ROLE = /^(?:,\s*|\s*en\s+)(?=(?:de\s+|het\s+)?(?:Minister|Staatssecretaris|minister|staatssecretaris))/;
/** "c.s." after the questioners. */
const CO_SIGNERS = /\s+c\.s\.?$/;
/** "beiden", "allen" … before a shared party. */
const PARTY_QUANTIFIER = /^(?:beiden|allen|beide|alle drie|allebei)\s+/i;
/** A letter. */
const LETTER = /[A-Za-zÀ-ÿ]/;
/** "het lid", "de leden" before a name. */
const MEMBER_WORDS = /^(?:het lid|de leden|lid|leden)\s+/i;
/** "mevrouw", "de heer" before a name. */
const FORM_OF_ADDRESS = /^(?:mevrouw|de heer|mw\.|dhr\.)\s+/i;
/** A stray "van"/"voor" before a name. */
const LEADING_PREPOSITION = /^(?:van|voor)\s+(?=[A-Z])/;
/** The Minister-President. */
const PRIME_MINISTER = /^(?:Minister-President|minister-president)$/;
/** "Minister-president" as capitalise writes it. */
const PRIME_MINISTER_TITLE = /^Minister-president$/;
/** A dash between a portfolio and its part. */
const DASH_SEPARATOR = /\s+[–-]\s+/;
/** A lower-case letter at the start. */
const LOWER_START = /^[a-zà-ÿ]/;
/** A letter's closing greeting. */
const GREETING = /^(?:Hoogachtend|Met (?:vriendelijke|hoogachtende) groet)/i;
/** A question or answer label at the start of a line. */
const LABEL_WORD_START = /^(?:Antwoord|Vraag|Vragen)\b/;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * PORTFOLIOS (longest first) in lower case, grouped by first letter: a phrase is compared with the
 * few portfolios that start like it rather than with all of them.
 */
const PORTFOLIOS_BY_INITIAL = new Map<string, Array<{ name: string; lower: string }>>();
for (const name of PORTFOLIOS) {
  const lower = name.toLowerCase();
  const group = PORTFOLIOS_BY_INITIAL.get(lower.charAt(0)) ?? [];
  group.push({ name, lower });
  PORTFOLIOS_BY_INITIAL.set(lower.charAt(0), group);
}

/** Find the portfolio a phrase starts with (after "van"/"voor"), longest match first; as written, or canonical. */
function leadingPortfolio(s: string, canonical = false): string | null {
  const t = s.trim().replace(SPACE_RUNS, ' ');
  const lower = t.toLowerCase();
  for (const p of PORTFOLIOS_BY_INITIAL.get(lower.charAt(0)) ?? []) {
    if (lower.startsWith(p.lower) && !LOWER_START.test(t.slice(p.name.length, p.name.length + 1))) return canonical ? p.name : t.slice(0, p.name.length);
  }
  return null;
}

/**
 * A role as trackers print it, in lower case and without preposition ("minister binnenlandse zaken
 * en koninkrijksrelaties", "staatssecretaris financiën") → the full title ("Minister van Binnenlandse
 * Zaken en Koninkrijksrelaties"). Roles it does not know keep their words, capitalised.
 */
export function canonicalRole(text: string): string {
  const t = clean(text).replace(/\s*,\s*$/, '');
  const m = /^(minister-president|minister|staatssecretaris)\s+(?:(van|voor)\s+)?(.+)$/i.exec(t);
  if (m) {
    const portfolio = leadingPortfolio(m[3]!, true);
    if (portfolio && portfolio.length >= m[3]!.trim().length - 1) return roleFor(m[1]!, portfolio);
  }
  if (/^minister-?president$/i.test(t)) return 'Minister-President';
  return capitalise(t);
}

/** `^<kind> (van|voor) (.+)$` per role kind, compiled once per kind rather than once per call. */
const KNOWN_ROLE_RES = new Map<string, RegExp>();

function knownRoleRe(kind: string): RegExp {
  let re = KNOWN_ROLE_RES.get(kind);
  if (!re) {
    re = new RegExp(`^${kind} (van|voor) (.+)$`);
    KNOWN_ROLE_RES.set(kind, re);
  }
  return re;
}

/** "Minister" + portfolio → the full title with the right preposition. */
export function roleFor(kind: string, portfolio: string, known: string[] = []): string {
  const k = capitalise(kind.toLowerCase()).replace(PRIME_MINISTER_TITLE, 'Minister-President');
  let p = portfolio.trim();
  // Every abbreviation has at most 4 characters, and so has no inherited member of a plain object
  // ("constructor", "toString" …): a longer portfolio skips the lookup, which is costly for a
  // fresh string (it must be hashed and looked up as a property name) and always missed.
  const abbr = p.length <= MAX_ABBREVIATION_LENGTH ? MINISTRY_ABBREVIATIONS[p] : undefined;
  if (abbr) p = abbr;
  // Staatssecretaris "(Financiën – Fiscaliteit en Belastingdienst)": keep the portfolio after the dash.
  for (const role of known) {
    const m = knownRoleRe(k).exec(role);
    if (m && m[2]!.toLowerCase() === p.toLowerCase()) return role;
  }
  if (k === 'Minister-President') return 'Minister-President';
  const base = p.split(DASH_SEPARATOR)[0]!;
  const preposition = k === 'Staatssecretaris' || DEPARTMENTS.has(base) || DEPARTMENTS.has(p) ? 'van' : 'voor';
  return `${k} ${preposition} ${p}`;
}

/** What splitRoles makes of a role word, per word (ROLE_WORD matches only a handful of words). */
const ROLE_KINDS = new Map<string, { kind: string; plural: boolean; title: string }>();

/**
 * A role word as splitRoles reads it: the singular kind, whether the word was plural, and the kind
 * as a title. Worked out once per word rather than with five patterns for every role in a header.
 */
function roleKind(word: string): { kind: string; plural: boolean; title: string } {
  let known = ROLE_KINDS.get(word);
  if (!known) {
    let kind = word;
    const plural = /s$|sen$/.test(kind) && !/^staatssecretaris$/i.test(kind);
    if (plural) kind = kind.replace(/sen$/, '').replace(/s$/, '');
    if (/^staatssecretarissen$/i.test(word)) kind = 'Staatssecretaris';
    known = { kind, plural, title: capitalise(kind.toLowerCase()).replace('Minister-president', 'Minister-President') };
    ROLE_KINDS.set(word, known);
  }
  return known;
}

/** A role word at the start of a phrase: "de Minister …". */
const LEADING_ROLE = new RegExp(`^(?:de\\s+|het\\s+)?(${ROLE_WORD})\\b\\s*`);
/** "en de Minister …": a second role that shares the portfolio. */
const JOINED_ROLE = new RegExp(`^(?:en\\s+(?:(?:de|het)\\s+)?)(${ROLE_WORD})\\b`);

/**
 * Split a list of addressed roles: "de Minister voor Rechtsbescherming en de Staatssecretaris van
 * Volksgezondheid, Welzijn en Sport"; "de Ministers van Binnenlandse Zaken en Koninkrijksrelaties
 * en van Justitie en Veiligheid"; "de Staatssecretaris en de Minister van VWS".
 */
export function splitRoles(phrase: string): string[] {
  const out: string[] = [];
  let s = clean(phrase).replace(LEADING_ARTICLE, '');
  const pendingKinds: string[] = [];
  while (s) {
    const m = LEADING_ROLE.exec(s);
    if (!m) break;
    const { kind, plural, title } = roleKind(m[1]!);
    s = s.slice(m[0].length);
    // "de Staatssecretaris en de Minister van X": the first takes the portfolio of the second.
    const joined = AND_ARTICLE.exec(s);
    if (joined && JOINED_ROLE.test(s)) {
      pendingKinds.push(kind);
      s = s.slice(joined[0].length);
      continue;
    }
    // One or more portfolios: "van A en van B", "van A en voor B", "van A, B en C" (one portfolio).
    for (;;) {
      const prep = PREPOSITION.exec(s);
      if (!prep) {
        if (CAPITAL_START.test(s)) {
          // "aan de Minister Justitie en Veiligheid": a missing preposition.
          const p = leadingPortfolio(s);
          if (p) {
            for (const k of pendingKinds.splice(0)) out.push(roleFor(k, p));
            out.push(roleFor(kind, p));
            s = s.slice(p.length).trim();
          }
        } else if (!s || AND_OR_COMMA_START.test(s)) {
          out.push(title);
        }
        break;
      }
      s = s.slice(prep[0].length);
      let portfolio = leadingPortfolio(s);
      if (!portfolio) {
        const stop = PORTFOLIO_END.exec(s);
        portfolio = s.slice(0, stop ? stop.index : s.length).trim();
      }
      const extra = PORTFOLIO_EXTRA.exec(s.slice(portfolio.length));
      if (extra) portfolio += ` – ${extra[1]!.trim()}`;
      const role = `${title} ${prep[1]!.toLowerCase()} ${portfolio}`;
      // Roles named first ("de Staatssecretaris en de Minister van X") come first.
      for (const k of pendingKinds.splice(0)) out.push(`${capitalise(k.toLowerCase())} ${prep[1]!.toLowerCase()} ${portfolio}`);
      out.push(role);
      s = s.slice(portfolio.length + (extra ? extra[0].length : 0)).trim();
      // "de Ministers van A, voor B en voor C": more portfolios for a plural role.
      const more = MORE_PORTFOLIOS.exec(s);
      if (more && plural) {
        s = s.slice(more[0].length);
        continue;
      }
      break;
    }
    const next = NEXT_ROLE.exec(s);
    if (!next) break;
    s = s.slice(next[0].length);
  }
  // The distinct cleaned roles in order ([...new Set(out.map(clean))], without the set: there are
  // one or two).
  const roles: string[] = [];
  for (let k = 0; k < out.length; k++) {
    const role = clean(out[k]!);
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** What separates names in a list of questioners: a comma or "en". */
const NAME_SEPARATOR = /\s*,\s*|\s+en\s+/;

/** Split questioners: "Westerveld (GroenLinks-PvdA) en Synhaeve (D66)", "Van Eijk en Aartsen (beiden VVD)". */
export function splitQuestioners(phrase: string): Questioner[] {
  const s = clean(phrase).replace(CO_SIGNERS, '');
  const out: Questioner[] = [];
  // Groups: names followed by a party in brackets.
  const groupRe = /([^()]+?)\s*\(([^()]+)\)\s*(?:,|\ben\b|$)\s*/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = groupRe.exec(s))) {
    if (m.index !== consumed) break;
    consumed = groupRe.lastIndex;
    // (names: m[1].split(…).map((n) => n.trim()).filter(Boolean), taken in a loop: see lineTexts.)
    const names = m[1]!.split(NAME_SEPARATOR);
    const party = m[2]!.replace(PARTY_QUANTIFIER, '').trim();
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!.trim();
      if (name) out.push({ name: tidyName(name), party: party || null });
    }
  }
  const rest = s.slice(consumed).trim();
  if (rest) {
    for (const name of rest.split(NAME_SEPARATOR)) if (name) out.push({ name: tidyName(name), party: null });
  }
  return out.filter((q) => q.name && LETTER.test(q.name));
}

function tidyName(name: string): string {
  return clean(name).replace(MEMBER_WORDS, '').replace(FORM_OF_ADDRESS, '');
}

/** "Minister Dekker (Rechtsbescherming)": role, name, portfolio. Global: reset `lastIndex` before use. */
const ANSWERER = new RegExp(`(${ROLE_WORD})\\s+([^()]*?)\\s*\\(([^()]+)\\)`, 'g');

/** Read an answerer phrase: "Minister Dekker (Rechtsbescherming)", "Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst)". */
function readAnswerers(phrase: string, known: string[]): Answerer[] {
  const out: Answerer[] = [];
  const re = ANSWERER;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(phrase))) {
    const kind = m[1]!;
    let name = clean(m[2]!).replace(LEADING_PREPOSITION, '');
    if (!name) continue;
    const portfolio = clean(m[3]!);
    out.push({ name, role: PRIME_MINISTER.test(kind) ? 'Minister-President' : roleFor(kind, portfolio, known) });
  }
  if (!out.length) {
    // "Antwoord van de Minister van Financiën": a role without a name.
    const roles = splitRoles(phrase.replace(/^.*?\b(?=(?:de\s+)?(?:Minister|Staatssecretaris))/i, ''));
    for (const role of roles) out.push({ name: null, role });
  }
  return out;
}

// The header's patterns, compiled once (they used to be built on every call).
/**
 * The questioners. They never contain " over " or " aan " (that would be a title line such as
 * "Antwoord op vragen van het lid X over Y" running into the real header sentence).
 */
const WHO = String.raw`((?:(?!\s(?:over|aan)\s|[Vv]ragen van\b).)+?)`;
/** The question sentence: "Vragen van het lid X (P) aan de Minister van Y over Z (ingezonden …)". */
const QUESTION_SENTENCE = new RegExp(String.raw`\bVragen? van (?:het lid|de leden|lid|leden)\s+${WHO}\s+aan\s+(?:de|het)\s+(.+?)\s+over\s+(.+?)\s*\((?:ingezonden|ingediend)\s+([^)]*)\)`);
const QUESTION_SENTENCE_ANY_CASE = new RegExp(QUESTION_SENTENCE.source, 'i');
const QUESTION_SENTENCE_UNDATED = new RegExp(String.raw`\bVragen? van (?:het lid|de leden|lid|leden)\s+${WHO}\s+aan\s+(?:de|het)\s+(.+?)\s+over\s+(.+?)(?:\.\s|$)`, 'i');
const SUBMITTED_DATE = new RegExp(`\\((?:ingezonden|ingediend)\\s+${DUTCH_DATE_SOURCE}`, 'i');
const SUBMISSION_DATE_FIELD = new RegExp(`(?:Datum ingezonden|Ingediend op|Indieningsdatum|Datum indiening)\\s*:?\\s*${DUTCH_DATE_SOURCE}`, 'i');
const LETTER_DATE = new RegExp(`(?:^|\\s)Datum\\s+${DUTCH_DATE_SOURCE}`);
const PLACE_DATE = new RegExp(`(?:Den Haag|'s-Gravenhage|’s-Gravenhage),?\\s+${DUTCH_DATE_SOURCE}`);
const ANSWER_DATE_FIELD = new RegExp(`(?:Beantwoord op|Datum beantwoording|Datum antwoord|ontvangen)\\s*:?\\s*${DUTCH_DATE_SOURCE}`, 'i');

/**
 * Whether some "Z" in `s` follows a digit, as in every zaak number ("2026Z03535"). A cheap test
 * before the zaak pattern, which cannot skip ahead in the text as a pattern with a fixed start can.
 */
function digitBeforeZ(s: string): boolean {
  for (let at = s.indexOf('Z'); at >= 0; at = s.indexOf('Z', at + 1)) {
    const c = s.charCodeAt(at - 1);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** A hyphen at a line end before a lower-case letter: a word broken over two lines. */
const LINE_BREAK_HYPHEN = /-\n(?=[a-zà-ÿ])/g;

/** Read the header text of a document. `lines` are the header lines (trimmed text). */
export function readHeader(headerText: string): HeaderFacts {
  // Line-break hyphens go ("ver-\nkeer"), then every run of white space becomes one space. Why no
  // replaceAll('\n', ' ') as well: clean treats a line end as any other white space (each run it
  // keeps becomes one ' ', whatever it held), so the text is the same without that extra pass; and
  // a text without "-\n" has no line-break hyphen to remove.
  const h = clean(headerText.includes('-\n') ? headerText.replace(LINE_BREAK_HYPHEN, '') : headerText);
  const facts: HeaderFacts = {
    title: null,
    questioners: [],
    addressees: [],
    answerers: [],
    onBehalfOf: [],
    dateSubmitted: null,
    dateAnswered: null,
    vergaderjaar: null,
    aanhangselNumber: null,
    seeAlsoAanhangsel: null,
    zaakNumber: null,
    naderAntwoord: NADER_ANTWOORD.test(h),
    answered: false,
    notice: false,
  };

  // (Numbers of at most five digits are read as `Number(…) | 0`, which changes no value and keeps
  // them small integers in optimised code rather than boxed doubles.)
  // Vergaderjaar and number from the first page ("Vergaderjaar 2023–2024", "… antwoorden 1076"),
  // or officielebekendmakingen metadata glued together ("Staten-Generaal2012-20132881").
  const vj = VERGADERJAAR.exec(h);
  if (vj && Number(vj[2]) === Number(vj[1]) + 1) facts.vergaderjaar = `${vj[1]}-${vj[2]}`;
  // Question-only pages glue the zaak number on instead: "Staten-Generaal2010-20112011Z04442".
  const gluedZaak = GLUED_ZAAK.exec(h);
  if (gluedZaak && Number(gluedZaak[2]) === Number(gluedZaak[1]) + 1) {
    facts.vergaderjaar = `${gluedZaak[1]}-${gluedZaak[2]}`;
    facts.zaakNumber = gluedZaak[3]!;
  }
  const glued = gluedZaak ? null : GLUED_NUMBER.exec(h);
  if (glued && Number(glued[2]) === Number(glued[1]) + 1) {
    facts.vergaderjaar ??= `${glued[1]}-${glued[2]}`;
    facts.aanhangselNumber = Number(glued[3]) | 0;
  }
  const num = ANSWERS_NUMBER.exec(h) ?? ANSWERS_NUMBER_BARE.exec(h);
  if (num) facts.aanhangselNumber = Number(num[1]) | 0;
  const nrLine = h.includes('ummer') ? NUMBER_FIELD.exec(h) : null;
  if (nrLine && facts.aanhangselNumber === null) facts.aanhangselNumber = Number(nrLine[1]) | 0;

  // Zaak number: "(2026Z03535)", "AH 604 / 2024Z18294", "Kenmerk 2024Z18294".
  const zaak = digitBeforeZ(h) ? ZAAK.exec(h) : null;
  if (zaak) facts.zaakNumber = zaak[1]!;

  // The question sentence (see WHO for the questioners).
  const qs = QUESTION_SENTENCE.exec(h) ?? QUESTION_SENTENCE_ANY_CASE.exec(h) ?? QUESTION_SENTENCE_UNDATED.exec(h);
  if (qs) {
    facts.questioners = splitQuestioners(qs[1]!);
    facts.addressees = splitRoles(qs[2]!);
    facts.title = tidyTitle(qs[3]!);
    if (qs[4]) facts.dateSubmitted = parseDutchDate(qs[4]);
  } else {
    // Letters: "de antwoorden op de vragen van de leden X (P) en Y (P) over … (2026Z03535)".
    const lq = /\b(?:vragen|Kamervragen) van (?:het lid|de leden|lid|leden)\s+(.+?)\s+(?:\(\s*\d{4}Z\d{5}\s*\)\s*)?(?:aan\s+(?:de|het)\s+(.+?)\s+)?over\s+(.+?)(?:\s*\((?:ingezonden\s+)?([^)]*)\))?(?:\.\s|\s*$|\s+(?=Vraag\b))/i.exec(h);
    if (lq) {
      facts.questioners = splitQuestioners(lq[1]!);
      if (lq[2]) facts.addressees = splitRoles(lq[2]);
      facts.title = tidyTitle(lq[3]!);
      if (lq[4]) {
        const d = parseDutchDate(lq[4]);
        if (d) facts.dateSubmitted = d;
        else if (/^\d{4}Z\d{5}$/.test(lq[4].trim())) facts.zaakNumber ??= lq[4].trim();
      }
    }
  }
  if (!facts.questioners.length) {
    // Letters that only tell about the questions: "De leden Thieme (PvdD) en Van Gent (GL) hebben
    // aan … vragen gesteld … Daarnaast heeft het lid Van Velzen (SP) ons beiden vragen gesteld".
    for (const m of h.matchAll(/\b(?:De|de|Het|het) (?:leden|lid)\s+([^.]+?)\s+(?:hebben|heeft)\b[^.]{0,200}?\bvragen gesteld|\b(?:heeft|hebben) (?:het lid|de leden)\s+([^.]+?\))\s+[^.]{0,120}?\bvragen gesteld/g)) {
      facts.questioners.push(...splitQuestioners((m[1] ?? m[2])!));
    }
  }
  if (!facts.title) {
    const about = /^\s*(?:Uitstel (?:van (?:de )?)?beantwoording|Beantwoording|Antwoorden? op)\s+(?:van\s+)?(?:de\s+)?(?:schriftelijke\s+)?(?:Kamer)?vragen\b.*?\bover\s+(.+?)\s*$/im.exec(headerText);
    if (about) facts.title = tidyTitle(about[1]!);
  }
  if (!facts.dateSubmitted) {
    const ing = SUBMITTED_DATE.exec(h) ?? SUBMISSION_DATE_FIELD.exec(h);
    if (ing) facts.dateSubmitted = parseDutchDate(ing[0]);
  }

  // The answer sentence: "Antwoord van Minister X (Portfolio), mede namens … (ontvangen …)".
  const as = ANSWER_SENTENCE.exec(h);
  if (as) {
    facts.answered = ANTWOORD_WORD.test(as[1]!);
    facts.notice = MEDEDELING_WORD.test(as[1]!);
    const [who, behalf] = splitOnBehalf(as[2]!);
    facts.answerers = readAnswerers(who, facts.addressees);
    if (behalf) facts.onBehalfOf = splitRoles(behalf).map((r) => r);
    facts.dateAnswered = parseDutchDate(as[3]!);
  } else {
    const letter = /(?:Hierbij|hierbij)\s+(?:zend|stuur|bied)\s+(?:ik|wij)\s+(?:u\s*,?\s*)?(.*?)\bde antwoorden\b/.exec(h);
    if (letter || /\bAntwoorden op (?:de )?(?:Kamer)?vragen\b|(?<!Uitstel (?:van (?:de )?)?)\bBeantwoording (?:van )?(?:de )?(?:Kamer)?vragen\b/i.test(h)) facts.answered = true;
    const behalf = /\bmede namens\s+(.+?)(?:,\s*(?:de antwoorden|mijn antwoorden|antwoorden)\b|\s+de antwoorden\b)/i.exec(h);
    if (behalf) facts.onBehalfOf = splitRoles(behalf[1]!);
    const signer = readSignature(headerText);
    if (signer) facts.answerers = [signer];
    const datum = LETTER_DATE.exec(h) ?? PLACE_DATE.exec(h);
    if (datum) facts.dateAnswered = parseDutchDate(datum[0]);
    const beantwoord = ANSWER_DATE_FIELD.exec(h);
    if (beantwoord) {
      facts.dateAnswered ??= parseDutchDate(beantwoord[0]);
      facts.answered = true;
    }
    const by = /Beantwoord door\s*:?\s*(.+?)(?=\s+(?:Datum|Ontvanger|Indiener|Nummer|Vraag)\b|$)/i.exec(h);
    if (by && !facts.answerers.length) facts.answerers = readAnswerers(by[1]!, facts.addressees);
    // A letter asking for more time: "Ik kan deze vragen niet binnen de gebruikelijke termijn beantwoorden."
    if (!facts.answered && POSTPONEMENT.test(h)) facts.notice = true;
  }

  // "Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3658" (with or without "nr.").
  const see = SEE_ALSO.exec(h);
  if (see) facts.seeAlsoAanhangsel = Number(see[3]) | 0;
  return facts;
}

/** "mede" in any case (global), and "mede namens " tried where it stands (sticky). */
const MEDE = /mede/gi;
const MEDE_NAMENS_AT = /mede\s+namens\s+/iy;

/**
 * Split "Minister X (A), mede namens de Staatssecretaris van B" into the answerer part and the
 * behalf part: at the first match of /,?\s*mede\s+namens\s+/i. That pattern, which may start at
 * any comma or space, was slow to scan with; here "mede" is searched for instead, the rest of the
 * pattern is tried there, and the match is widened back over the white space and the comma before
 * it (the pattern's start: from the first "mede" that works, as the leftmost match of the pattern
 * ends in the first such "mede").
 */
function splitOnBehalf(s: string): [string, string | null] {
  MEDE.lastIndex = 0;
  for (let m = MEDE.exec(s); m; m = MEDE.exec(s)) {
    MEDE_NAMENS_AT.lastIndex = m.index;
    const rest = MEDE_NAMENS_AT.exec(s);
    if (!rest) continue;
    let start = m.index;
    while (start > 0 && isSpaceCode(s.charCodeAt(start - 1))) start--;
    if (start > 0 && s.charCodeAt(start - 1) === 44 /* , */) start--;
    MEDE.lastIndex = 0;
    MEDE_NAMENS_AT.lastIndex = 0;
    return [s.slice(0, start), s.slice(m.index + rest[0].length)];
  }
  MEDE.lastIndex = 0;
  MEDE_NAMENS_AT.lastIndex = 0;
  return [s, null];
}

/** The signer's role line in a signature block: "de minister van …" up to a blank line. */
const SIGNATURE_ROLE = new RegExp(`(?:^|\\n)\\s*(?:de|De)\\s+(${ROLE_WORD})\\s+(van|voor)\\s+([\\s\\S]+?),?\\s*\\n\\s*\\n`);

/** Words of a postponement letter. */
const POSTPONEMENT = /\bniet binnen de (?:gebruikelijke |gestelde |reguliere )?termijn\b|\bUitstel (?:van (?:de )?)?beantwoording\b|\bverzoek u (?:daarom )?om uitstel\b/i;

/** A signature's role line in capitals or not: "DE MINISTER VAN LANDBOUW, NATUUR EN" (may run over lines). */
const SIGNATURE_START = /^(?:de|De|DE)\s+(minister|staatssecretaris|MINISTER|STAATSSECRETARIS|Minister|Staatssecretaris)\s+(van|voor|VAN|VOOR)\s+(.*)$/;

/** A name under a signature: "Mirjam Sterk", "G. Verburg" (initials dropped). */
function signatureName(lines: readonly string[]): string | null {
  const line = lines.find((l) => /^[A-Z][\p{L}.'-]*(?:\s+[\p{L}.'-]+){0,4}$/u.test(l) && !/^(?:Antwoord|Vraag|De Voorzitter|Postbus)/.test(l) && l !== l.toUpperCase());
  return line ? line.replace(/^(?:[A-Z]\.\s*)+(?=[A-Z])/, '').trim() : null;
}

/** A signature without a greeting before it, as in short letters: role lines, then the name. */
function readBareSignature(lines: readonly string[]): Answerer | null {
  for (let i = 0; i < lines.length; i++) {
    const m = SIGNATURE_START.exec(lines[i]!);
    if (!m) continue;
    let portfolioText = m[3]!;
    let j = i + 1;
    while (/,?$/.test(portfolioText) && !/,$/.test(portfolioText) && j < lines.length && lines[j]) portfolioText += ` ${lines[j++]}`;
    if (/,$/.test(portfolioText) === false && j < lines.length && /,$/.test(lines[j] ?? '')) portfolioText += ` ${lines[j++]}`;
    const portfolio = leadingPortfolio(portfolioText.replace(/,\s*$/, ''), true) ?? capitalise(portfolioText.replace(/,\s*$/, '').toLowerCase());
    const name = signatureName(lines.slice(j, j + 4));
    if (!name) continue;
    return { name, role: roleFor(m[1]!, portfolio) };
  }
  return null;
}

/** Read a letter's signature: "de minister van Langdurige Zorg, Jeugd en Sport, Mirjam Sterk". */
export function readSignature(text: string): Answerer | null {
  // (text.split('\n').map((l) => l.trim()), as a loop: see lineTexts in lines.ts.)
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.trim();
  for (let i = 0; i < lines.length; i++) {
    if (!GREETING.test(lines[i]!)) continue;
    const block: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
      if (LABEL_WORD_START.test(lines[j]!)) break;
      block.push(lines[j]!);
    }
    const joined = block.join('\n');
    const roleMatch = SIGNATURE_ROLE.exec(`${joined}\n\n`);
    if (!roleMatch) continue;
    const portfolio = clean(roleMatch[3]!.replace(/\n/g, ' ')).replace(/,$/, '');
    const role = `${capitalise(roleMatch[1]!.toLowerCase())} ${roleMatch[2]} ${portfolio}`;
    // (The first line after the role that reads as a name; a loop rather than map, filter and find.)
    const after = joined.slice(roleMatch.index + roleMatch[0].length).split('\n');
    let name: string | null = null;
    for (let k = 0; k < after.length && name === null; k++) {
      const l = after[k]!.trim();
      if (l && /^[A-Z][\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,4}$/u.test(l) && !/^(?:Antwoord|Vraag)/.test(l)) name = l;
    }
    return { name, role };
  }
  return readBareSignature(lines);
}

/** "(ingezonden 3 mei 2024)." at the end of a title, its closing bracket possibly lost. */
const TITLE_SUBMITTED = /\s*\((?:ingezonden|ingediend)[^)]*\)?\s*\.?$/;
/** "(2026Z03535)." at the end of a title. */
const TITLE_ZAAK = /\s*\(\d{4}Z\d{5}\)\s*\.?$/;

function tidyTitle(t: string): string {
  let s = clean(t);
  // Both bracket patterns need a "(": most titles have none, and these patterns, anchored at the
  // end only, would be tried from every position of the title.
  if (s.includes('(')) s = s.replace(TITLE_SUBMITTED, '').replace(TITLE_ZAAK, '');
  // (The same as .replace(/\.$/, ''): one full stop at the very end goes.)
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s.trim();
}

/** Whether a phrase mentions a date, for quick checks. */
export function hasDate(s: string): boolean {
  return DATE_RE.test(s);
}
