/**
 * Commitments (toezeggingen): sentences in answers where the government promises to do, send,
 * report, inform, evaluate, organise, decide or change something in the future. Statements of
 * fact, past actions, forecasts about others and what the questioner asks are left out.
 * Pure functions; every rule below is a pattern a reader can check against the sentence.
 */
import type { Commitment, MotionMention, QuestionSet } from '../schema/record.ts';
import { scanDue } from './due-dates.ts';
import { programmeIdsIn, type ProgrammeEntry } from './programmes.ts';
import { findMotionHits, submitterKey } from './motions.ts';
import { findReferences } from './references.ts';

/** A sentence with its place in the text it came from. */
export interface Sentence {
  /** The sentence, whitespace collapsed. */
  text: string;
  /** Offset of its first character in the source text. */
  start: number;
  /** Offset just after its last character. */
  end: number;
  /** Index of the paragraph (blank-line separated block) it stands in. */
  paragraph: number;
}

/** Abbreviations that end in a full stop but do not end a sentence (lower-cased, without the final dot). */
const ABBREVIATIONS = new Set(
  [
    'o.a', 'bijv', 'bv', 'b.v', 'e.d', 'enz', 'etc', 'nr', 'nrs', 'jl', 'j.l', 'd.w.z', 'm.b.t', 't.a.v', 'i.v.m', 'i.p.v', 'z.s.m',
    'c.s', 'mr', 'dr', 'prof', 'drs', 'ir', 'ing', 'art', 'p', 'pp', 'blz', 'vgl', 'ca', 'resp', 'incl', 'excl', 'min', 'max', 'mln',
    'mld', 'mrd', 'd.d', 'a.s', 'e.a', 'n.a.v', 'm.n', 't.o.v', 'o.b.v', 'i.c.m', 'e.e.a', 'zgn', 'z.g', 'dhr', 'mw', 'mevr', 'st',
    'stb', 'stcrt', 'kamerstukken', 'bijl', 'jo', 'sub', 'lid', 'o.m', 'm.i.v', 'i.o.m', 'i.s.m', 'v.w.b', 'ggz', 'vs', 'nl', 'evt',
    'tel', 'fig', 'hfst', 'par', 'ond', 'vnl', 'alg', 'gem', 'w.o', 'r.o', 'ro', 'e.v', 'zie', 'n.v.t', 'a.i', 'v.z.w', 'vz',
  ].map((a) => a.toLowerCase()),
);

/**
 * Split Dutch text into sentences. A full stop ends a sentence unless it closes a known
 * abbreviation ("o.a.", "nr.", "jl."), an initial ("J. de Vries"), or a number ("art. 3.3", "1.");
 * blank lines and list items always end one.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.replace(/\s+/g, ' ').trim();
    if (trimmed && /[\p{L}\p{N}]/u.test(trimmed)) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: trimmed, start: start + lead, end, paragraph });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      // Blank line, or a new line that starts a list item: hard break.
      const rest = text.slice(i + 1);
      const blank = /^[ \t]*\n/.test(rest);
      const item = /^[ \t]*(?:[•▪◦·\-–*]|\d{1,2}[.)]|[a-z][.)]|Ad\s+\d+\))\s/.test(rest);
      if (blank || item) {
        push(i);
        if (blank) paragraph += 1;
      }
      continue;
    }
    if (c !== '.' && c !== '?' && c !== '!') continue;
    // Swallow closing quotes/brackets and footnote-style digits glued after the stop.
    let j = i + 1;
    while (j < text.length && /[»”"’')\]]/.test(text[j]!)) j++;
    const next = text.slice(j);
    if (!/^\s/.test(next) && next.length > 0) continue; // "3.3", "www.x.nl", "o.a.b"
    const after = next.trimStart();
    if (after.length > 0 && !/^[\p{Lu}\p{N}«"“‘'(•▪\-–]/u.test(after)) continue; // lower case follows: no new sentence
    if (c === '.') {
      const before = text.slice(Math.max(0, i - 20), i);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word)) continue;
      if (/(?:^|\s)\p{Lu}$/u.test(before)) continue; // initial: "J. de Vries"
      if (/(?:^|\s)\d{1,2}$/.test(before) && /^\s*\p{Ll}/u.test(next)) continue;
    }
    push(j);
  }
  push(text.length);
  return out;
}

/** 32-bit FNV-1a hash of a string, as 8 hex digits. Stable across runs and platforms. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The sentence as used for the id: lower case, letters and digits only, single spaces. */
export function normaliseSentence(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Forms are listed explicitly (infinitive, present, participle) so a reader can see
// exactly which words count.

/** Verbs of promised action: infinitives and present forms (lower case). */
const ACTION_VERBS = [
  'informeren', 'informeer', 'informeert', 'sturen', 'stuur', 'stuurt', 'toesturen', 'zenden', 'zend', 'zendt', 'toezenden',
  'verzenden', 'versturen', 'rapporteren', 'rapporteer', 'rapporteert', 'evalueren', 'evalueer', 'evalueert', 'organiseren',
  'organiseer', 'organiseert', 'besluiten', 'besluit', 'uitwerken', 'werk', 'werken', 'vaststellen', 'stel', 'stellen',
  'onderzoeken', 'onderzoek', 'bekijken', 'bekijk', 'bezien', 'bezie', 'beschouwen', 'beschouw', 'nagaan', 'inventariseren',
  'inventariseer', 'verkennen', 'verken', 'analyseren', 'monitoren', 'ingaan', 'terugkomen', 'kom', 'komen', 'opnemen', 'neem',
  'nemen', 'initiëren', 'initieer', 'ontwikkelen', 'ontwikkel', 'opstellen', 'publiceren', 'publiceer', 'aanpassen', 'pas',
  'wijzigen', 'wijzig', 'aanscherpen', 'uitvoeren', 'voer', 'voeren', 'verwerken', 'meenemen', 'betrekken', 'betrek',
  'bespreken', 'bespreek', 'overleggen', 'agenderen', 'voorleggen', 'leg', 'leggen', 'aanbieden', 'bied', 'bieden', 'delen',
  'deel', 'geven', 'geef', 'starten', 'start', 'instellen', 'indienen', 'vastleggen', 'kijken', 'kijk', 'integreren', 'opmaken',
  'maken', 'maak', 'beslissen', 'beslis', 'zorgen', 'zorg', 'inzetten', 'zet', 'zetten', 'gebruik', 'toekomen', 'aanleveren',
  'bijstellen', 'herzien', 'afronden', 'rond', 'voortzetten', 'uitbreiden', 'doen', 'doe', 'laten', 'laat',
  'benaderen', 'benader', 'vragen', 'vraag', 'verzoeken', 'verzoek', 'opdracht', 'ontvangen', 'ontvangt', 'blijven', 'blijf',
  'contact', 'gesprek', 'uitnodigen', 'nodig', 'uitbrengen', 'breng', 'brengen', 'verduidelijken', 'verbeteren', 'versterken',
  'ondersteunen', 'opvolgen', 'opvolging', 'reageren', 'reactie', 'verstrekken', 'toelichten', 'presenteren', 'presenteer',
  'aankondigen', 'regelen', 'vervolgen', 'beantwoorden', 'beantwoord', 'afwegen', 'wegen', 'oppakken', 'invullen', 'invulling',
  'overleg', 'treden', 'terugkoppelen', 'afspreken', 'afspraken', 'voorstellen', 'indienen', 'bijeenbrengen', 'aanpakken',
  'faciliteren', 'faciliteer', 'financieren', 'financier', 'subsidiëren',
];

/** Past participles of action verbs (used with "zal worden", "wordt … in 2024", "ben … van plan"). */
const ACTION_PARTICIPLES = [
  'geïnformeerd', 'geinformeerd', 'gestuurd', 'toegestuurd', 'gezonden', 'toegezonden', 'verzonden', 'verstuurd', 'gerapporteerd',
  'geëvalueerd', 'geevalueerd', 'georganiseerd', 'besloten', 'uitgewerkt', 'vastgesteld', 'onderzocht', 'bekeken', 'bezien',
  'beschouwd', 'nagegaan', 'geïnventariseerd', 'verkend', 'geanalyseerd', 'gemonitord', 'ingegaan', 'teruggekomen', 'opgenomen',
  'geïnitieerd', 'ontwikkeld', 'opgesteld', 'gepubliceerd', 'aangepast', 'gewijzigd', 'aangescherpt', 'uitgevoerd', 'verwerkt',
  'meegenomen', 'betrokken', 'besproken', 'geagendeerd', 'voorgelegd', 'aangeboden', 'gedeeld', 'gegeven', 'gestart',
  'ingesteld', 'ingediend', 'vastgelegd', 'gekeken', 'geïntegreerd', 'opgemaakt', 'gemaakt', 'genomen', 'ingezet', 'afgerond',
  'voortgezet', 'uitgebreid', 'gedaan', 'benaderd', 'gevraagd', 'verzocht', 'ontvangen', 'uitgenodigd', 'uitgebracht',
  'gepresenteerd', 'aangekondigd', 'geregeld', 'beantwoord', 'verstrekt', 'toegelicht', 'opgepakt', 'ingevuld', 'gewogen',
  'herzien', 'bijgesteld', 'verbeterd', 'versterkt', 'gepland', 'ingevoerd', 'opgeleverd', 'beschikbaar', 'verduidelijkt',
  'aangeleverd', 'opgevolgd', 'geborgd',
];

/** Who can promise: words for the government as subject. */
const GOV_SUBJECT = /\b(?:ik|ikzelf|wij|we|het\s+kabinet|het\s+huidige\s+kabinet|de\s+regering|mijn\s+ministerie|ons\s+ministerie|het\s+ministerie(?:\s+van\s+[\p{L}, ]+)?|mijn\s+collega(?:['’]s)?|de\s+(?:minister|staatssecretaris)(?:\s+(?:van|voor)\s+[\p{Lu}][\p{L}]*(?:(?:\s*,\s*|\s+en\s+|\s+)[\p{Lu}][\p{L}]*){0,4})?|het\s+rijk|(?:vws|ocw|bzk|szw|ezk|lnv|ienw|jenv|bz|kgg|vro|def|fin)(?=\s))\b/iu;

const ACTION_RE = new RegExp(`(?<![\\p{L}])(?:${ACTION_VERBS.join('|')})(?![\\p{L}])`, 'iu');
const PARTICIPLE_RE = new RegExp(`(?<![\\p{L}])(?:${ACTION_PARTICIPLES.join('|')})(?![\\p{L}])`, 'iu');

/** What a sentence that holds a promise looks like; the first matching rule names the reason. */
interface Classification {
  /** Whether the sentence is a promise. */
  promise: boolean;
  /** The rule that decided, for tests and people checking the output. */
  reason: string;
}

/** Lower-case, single-spaced, typographic quotes made plain. */
function plain(s: string): string {
  return s.replace(/[’‘`]/g, "'").replace(/[“”«»]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Refusals and negated promises: "niet voornemens", "zie geen aanleiding", "zal niet". */
const NEGATED =
  /\b(?:niet|geen)\s+(?:voornemens|van\s+plan|bereid|voornemen|plannen|aanleiding)\b|\bzie\s+(?:ik|het\s+kabinet|wij|we)\s+geen\b|\b(?:zal|zullen|ga|gaan|gaat)\s+(?:ik\s+|wij\s+|we\s+|het\s+kabinet\s+)?(?:niet|geen)\b|\bniet\s+(?:zal|zullen)\b/;

/** A question put back or a request: not a promise. */
const NOT_A_STATEMENT = /\?\s*$/;

/** Forecasts about things outside the government's hands. */
const FORECAST = /\bnaar\s+verwachting\b[^.]*\b(?:bekend|gereed|klaar|verschijnen|verschijnt|afgerond|beschikbaar)\b|\b(?:zal|zullen)\s+(?:naar\s+verwachting\s+)?(?:leiden|zorgen\s+voor|bijdragen|betekenen|kosten|duren|toenemen|afnemen|stijgen|dalen|groeien)\b/;

/** Reporting verbs that introduce an earlier statement: "heb ik u gemeld dat …". */
const REPORTED = /\b(?:heb|hebben|heeft)\s+(?:ik|wij|we|het\s+kabinet)?\s*(?:u|uw\s+kamer|de\s+kamer)?\s*(?:[\p{L}\d ]{0,40}?)\b(?:gemeld|aangegeven|laten\s+weten|toegezegd|aangekondigd|geschreven|meegedeeld)\b/u;

/** Promises in so many words. */
const PROMISE_WORDS: Array<[RegExp, string]> = [
  [/\b(?:ik|wij|we|het\s+kabinet)\s+zeg(?:gen)?\s+(?:u\s+|uw\s+kamer\s+)?toe\b|\bzeg(?:gen)?\s+(?:ik|wij|we)\s+(?:u\s+|uw\s+kamer\s+)?toe\b/, 'zegt toe'],
  [/\bvoornemens\b|\bhet\s+voornemen\s+(?:om|is)\b|\bben\s+(?:ik\s+)?van\s+plan\b|\bzijn\s+(?:wij|we\s+)?van\s+plan\b|\bis\s+van\s+plan\b/, 'voornemen'],
  [/\b(?:ben|is|zijn)\s+(?:ik\s+|wij\s+|we\s+|het\s+kabinet\s+)?(?:graag\s+|zeker\s+|gaarne\s+)?bereid\b|\bzeker\s+ben\s+ik\s+bereid\b/, 'bereid'],
  [/\b(?:staat|staan)\b[^.]{0,80}\bgepland\b|\b(?:is|zijn)\s+gepland\s+(?:voor|in|op)\b|\bgepland\s+(?:staat|staan)\b/, 'gepland'],
  [/\b(?:ik|wij|we|het\s+kabinet)\s+verwacht(?:en|t)?\b[^.]{0,80}\bte\s+(?:kunnen\s+)?(?:informeren|sturen|versturen|zenden|rapporteren|publiceren|presenteren|organiseren|besluiten|starten)\b/, 'verwacht te doen'],
  [/\b(?:streef|streeft|streven)\s+(?:ik\s+|wij\s+|we\s+|het\s+kabinet\s+)?(?:ernaar|er\s+naar)\b|\bis\s+(?:mijn|ons)\s+streven\b/, 'streeft ernaar'],
  [/\b(?:ik|wij|we|het\s+kabinet)\s+kom(?:t|en)?\s+(?:\p{L}+\s+){0,6}?met\s+(?:een|de|het)\b|\bkom(?:t|en)?\s+(?:ik|wij|we|het\s+kabinet)\s+(?:\p{L}+\s+){0,6}?met\s+(?:een|de|het)\b/u, 'komt met'],
  [/\bkom(?:t|en)?\s+(?:ik|wij|we|het\s+kabinet)\b[^.]{0,120}\bterug\b|\b(?:ik|wij|we)\s+kom(?:en)?\b[^.]{0,120}\bterug\b/, 'komt terug'],
  [/\b(?:komt|komen)\s+er\b[^.]{0,120}\b(?:plan|brief|evaluatie|onderzoek|regeling|wetsvoorstel|voorstel|aanpak|handreiking|monitor|rapportage|reactie|kader|richtlijn|overzicht|analyse)\b|\ber\s+(?:komt|komen)\s+(?:een|nog\s+een)\b/, 'komt er'],
];

/** Verbs of informing the Kamer, present tense, which promise by themselves ("In de voortgangsbrief informeren wij u"). */
const INFORM_KAMER =
  /\b(?:informeer|informeert|informeren|stuur|stuurt|sturen|zend|zendt|zenden|rapporteer|rapporteert|rapporteren|bericht|berichten)\s+(?:ik|wij|we|het\s+kabinet)?\s*(?:u|uw\s+kamer|de\s+kamer|de\s+tweede\s+kamer)\b|\b(?:ik|wij|we|het\s+kabinet)\s+(?:u|uw\s+kamer|de\s+kamer)\b[^.]{0,160}\b(?:informeer|informeert|informeren|stuur|stuurt|rapporteer|rapporteert)\b|\b(?:informeer|informeert)\s+(?:u|uw\s+kamer|de\s+kamer)\b/;

/** Passive informing: "Uw Kamer wordt … geïnformeerd", "wordt … naar uw Kamer gestuurd", "ontvangt uw Kamer". */
const PASSIVE_KAMER =
  /\b(?:uw|de)\s+kamer\s+(?:wordt|zal|ontvangt)\b|\bwordt\s+(?:uw|de)\s+kamer\b|\b(?:wordt|worden)\b[^.]{0,140}\b(?:naar|aan)\s+(?:uw|de)\s+kamer\s+(?:gestuurd|verzonden|toegezonden|gezonden|aangeboden|verstuurd)\b|\bontvangt\s+(?:u|uw\s+kamer)\b/;

/** Present-tense first-person actions that look ahead by nature: "bekijk ik of", "laat ik onderzoeken", "ga ik na". */
const PROSPECTIVE_PRESENT =
  /\bbekijk(?:en)?\s+(?:ik|wij|we)\b[^.]*\b(?:of|welke|hoe|wat)\b|\b(?:ik|wij|we)\s+bekijk(?:en)?\b[^.]*\b(?:of|welke|hoe|wat)\b|\blaat\s+(?:ik\s+)?(?:hier\s+|dit\s+|daar\s+)?(?:nog\s+)?(?:nader\s+)?(?:naar\s+)?(?:kijken|onderzoeken|uitzoeken|nagaan|uitwerken)\b|\bga\s+(?:ik|wij|we)\b[^.]{0,80}\bna\b/;

/** Finite verbs of a government subject in the present tense, with a time to come ("In het derde kwartaal organiseren wij"). */
const PRESENT_GOV_ACTION =
  /\b(?:informeer|informeren|stuur|sturen|organiseer|organiseren|besluit|besluiten|maak|maken|evalueer|evalueren|rapporteer|rapporteren|start|starten|kom|komen|publiceer|publiceren|presenteer|presenteren|werk|werken|stel|stellen|bied|bieden|leg|leggen|ontwikkel|ontwikkelen|voer|voeren|zet|zetten|neem|nemen|ga|gaan|blijf|blijven|verken|verkennen|bezie|bezien|bekijk|bekijken|onderzoek|onderzoeken|pas|passen|wijzig|wijzigen|deel|delen|geef|geven|breng|brengen|doe|doen|zorg|zorgen|vraag|vragen)\s+(?:ik|wij|we)\b|\b(?:ik|wij|we)\s+(?:informeer|informeren|stuur|sturen|organiseer|organiseren|besluit|besluiten|maak|maken|evalueer|evalueren|rapporteer|rapporteren|start|starten|kom|komen|publiceer|publiceren|presenteer|presenteren|stel|stellen|bied|bieden|leg|leggen|ontwikkel|ontwikkelen|voer|voeren|neem|nemen|ga|gaan|blijf|blijven|verken|verkennen|bezie|bezien|bekijk|bekijken|onderzoek|onderzoeken|pas|passen|wijzig|wijzigen|deel|delen|geef|geven|breng|brengen|doe|doen|vraag|vragen)\b/;

/** Future auxiliaries. */
const FUTURE_AUX = /\b(?:zal|zullen|zult)\b/;
/** "gaan" as future: "het kabinet gaat in gesprek", "ik ga … informeren" (not "gaat over/om", not "gaan … na"). */
const GAAN_FUTURE =
  /(?:\b(?:ik|wij|we|het\s+(?:huidige\s+)?kabinet|de\s+regering|mijn\s+ministerie)\s+(?:\p{L}+\s+){0,2}(?<!\bte\s)(?:ga|gaat|gaan)\b|\b(?<!\bte\s)(?:ga|gaat|gaan)\s+(?:ik|wij|we|het\s+kabinet)\b)(?![^.]*\b(?:ervan\s*uit|er\s+(?:\p{L}+\s+){0,3}van\s*uit|daarvan\s*uit|vanuit\s+dat)\b)(?!\s+(?:over|om)\b)(?!\s+(?:\p{L}+\s+){0,8}in\s+op\b)/u;

/** Participles of what a government delivers, for passives without a named subject ("zal worden vastgesteld"). */
const DELIVERABLE_PARTICIPLES =
  /(?<![\p{L}])(?:geïnformeerd|geinformeerd|gestuurd|toegestuurd|toegezonden|verzonden|verstuurd|gerapporteerd|geëvalueerd|geevalueerd|georganiseerd|besloten|uitgewerkt|vastgesteld|onderzocht|ingegaan|meegenomen|verwerkt|opgesteld|gepubliceerd|aangepast|gewijzigd|aangescherpt|uitgevoerd|gestart|ingesteld|ingediend|vastgelegd|afgerond|bekeken|bezien|voorgelegd|aangeboden|gepresenteerd|ingevoerd|opgeleverd|in\s+gebruik\s+genomen|beschikbaar\s+gesteld|geagendeerd|beantwoord|toegelicht)(?![\p{L}])/u;

/** Possibility or obligation, not a promise: "kan … worden verzocht", "moeten … worden". */
const MODAL = /\b(?:kan|kunnen|kon|konden|moet|moeten|mag|mogen|zou|zouden|dient|dienen)\b/;

/** Talk about this very answer: "zal ik hieronder toelichten", "Daarvoor zal ik ingaan op". */
const DISCOURSE =
  /\b(?:zal|ga)\s+(?:ik|wij|we)\s+(?:\p{L}+\s+){0,4}?(?:toelichten|ingaan|beschrijven|schetsen|uiteenzetten|eerst|hieronder|hierna|kort)\b|\b(?:hieronder|hierna|in\s+dit\s+antwoord|in\s+deze\s+beantwoording)\b/u;

/** Continuing effort without an end: "zal mij blijven inzetten". */
const ONGOING = /\bblijv(?:en|e|t)?\s+(?:\p{L}+\s+){0,2}?(?:inzetten|zetten|volgen|werken|aandacht|monitoren|stimuleren|benadrukken|steunen|ondersteunen|doen)\b|\b(?:mij|me|ons)\s+(?:\p{L}+\s+){0,5}?blijven\s+inzetten\b/u;

/** Something happening now: "Ik onderzoek momenteel …". */
const NOW = /\b(?:momenteel|op\s+dit\s+moment|thans|inmiddels|reeds|op\s+het\s+moment)\b/;

/** A passive whose agent is someone else: "die door het Amerikaanse NIST … gepubliceerd worden". */
const THIRD_PARTY_AGENT =
  /\bdoor\s+(?:de|het|een|hen|deze|die|alle)\s+(?!(?:minister|staatssecretaris|kabinet|regering|rijk|ministerie|ministeries|bewindspersonen|overheid)\b)\p{L}/u;

/** Past tense: "heb/is … gedaan" without anything pointing ahead. */
const PAST = /\b(?:heb|hebben|heeft|had|hadden|is|zijn|was|waren|werd|werden)\b[^.]{0,120}\b(?:ge\p{L}+d|ge\p{L}+t|ge\p{L}+en|ge\p{L}*[aeiou]n|\p{L}+geweest)\b/u;

/** A future document that the sentence puts something in: "In de kabinetsreactie worden … meegenomen". */
const FUTURE_DOCUMENT =
  /\bin\s+(?:de|die|een|mijn|onze|het|de\s+komende|de\s+volgende|de\s+nog\s+te\s+verschijnen|de\s+eerstvolgende)\s+(?:kabinetsreactie|reactie|beleidsreactie|(?:kamer)?brief|voortgangsbrie\p{L}*|voortgangsrapportage|rapportage|verzamelbrief|evaluatie|beantwoording|veranderstrategie|uitwerking|nota)\b(?!\s+(?:van|d\.d\.)\s+\d)/u;

/**
 * Decide whether one answer sentence is a promise. `dueText` is the sentence's deadline words
 * (resolved against the document date, so past dates are already left out).
 */
export function classifySentence(sentence: string, dueText: string | null, due: string | null = null): Classification {
  const s = plain(sentence);
  if (NOT_A_STATEMENT.test(s)) return { promise: false, reason: 'vraag' };
  if (NEGATED.test(s) || /\bverwacht(?:en)?\s+(?:ik\s+|wij\s+|we\s+)?niet\b/.test(s)) return { promise: false, reason: 'ontkenning' };
  if (/^(?:hierbij|bijgaand)\b/.test(s)) return { promise: false, reason: 'begeleidende zin' };
  if (DISCOURSE.test(s) && !FUTURE_DOCUMENT.test(s) && !/\b(?:brief|reactie|kabinetsreactie|rapportage)\b/.test(s) && !dueText) {
    return { promise: false, reason: 'over dit antwoord zelf' };
  }
  // A time to come: a resolved date, or words that clearly point ahead (not "wanneer … is").
  const ahead = due !== null || (dueText !== null && /\b(?:na\s+(?:de|het|afronding|afloop)|binnenkort|op\s+korte\s+termijn|zo\s+(?:spoedig|snel)\s+mogelijk|de\s+komende|te\s+zijner\s+tijd|zodra|spoedig)\b/i.test(dueText));
  if (ONGOING.test(s) && !ahead) return { promise: false, reason: 'doorlopende inzet' };
  const clauses = s.split(/\s*[,;:]\s*|\s+(?=(?:dat|die|zodat|waarbij|omdat|wanneer|zodra|indien|nadat|terwijl|waardoor|waarmee|voor\s+zover|voorzover|zover)\s)/);
  const gov = GOV_SUBJECT.test(s);
  const action = ACTION_RE.test(s) || PARTICIPLE_RE.test(s);
  const forecast = FORECAST.test(s);

  for (const [re, reason] of PROMISE_WORDS) {
    if (!re.test(s)) continue;
    if ((reason === 'gepland' || reason === 'komt met') && !ahead) continue;
    if (reason === 'komt er' && !gov && !ahead && !/^(?:tot\s+slot|daarnaast|ook|verder|vervolgens)\b/.test(s)) continue;
    return { promise: true, reason };
  }
  if (/\btoegezegd\b|\btoezegging\b/.test(s) && /\bte\s+\p{L}+(?:en)\b/u.test(s) && due !== null) {
    return { promise: true, reason: 'toegezegd, termijn nog niet voorbij' };
  }
  if (forecast && !gov) return { promise: false, reason: 'verwachting over anderen' };

  if (FUTURE_AUX.test(s)) {
    const auxClauses = clauses.filter((c) => FUTURE_AUX.test(c));
    const govClause = auxClauses.some((c) => GOV_SUBJECT.test(c) && !/\bzou(?:den)?\b/.test(c));
    const passive = auxClauses.some((c) => /\b(?:zal|zullen)\b[^,;]*\bworden\b|\bworden\b[^,;]*\b(?:zal|zullen)\b/.test(c) && DELIVERABLE_PARTICIPLES.test(c) && !MODAL.test(c.replace(/\b(?:zal|zullen)\b/g, '')));
    const kamerClause = auxClauses.some((c) => /\b(?:uw|de)\s+kamer\b/.test(c) && /\b(?:geïnformeerd|geinformeerd|informeren|ingegaan|gestuurd|ontvangen)\b/.test(c));
    if (passive && !THIRD_PARTY_AGENT.test(s)) return { promise: true, reason: 'zal worden + handeling' };
    if (govClause && action && !forecast) return { promise: true, reason: 'zal/zullen + overheid + handeling' };
    if (kamerClause) return { promise: true, reason: 'Kamer wordt geïnformeerd' };
  }
  if (INFORM_KAMER.test(s) && !/\b(?:heb|hebben|heeft|is|zijn)\b[^.]{0,60}\b(?:geïnformeerd|geinformeerd|gestuurd|gemeld)\b/.test(s) && !/\b(?:om|te)\s+(?:u|uw\s+kamer)\s+te\s+informeren\b/.test(s)) {
    return { promise: true, reason: 'informeert de Kamer' };
  }
  if (PASSIVE_KAMER.test(s) && ahead && !/\b(?:is|zijn|heb|hebben)\b[^.]{0,40}\bgeïnformeerd\b/.test(s)) {
    return { promise: true, reason: 'Kamer wordt geïnformeerd' };
  }
  if (GAAN_FUTURE.test(s) && action && !/\bgaan?\s+(?:\p{L}+\s+){0,6}na\b/u.test(s) && !/\bzou(?:den)?\b/.test(s)) {
    return { promise: true, reason: 'gaat + handeling' };
  }
  if (REPORTED.test(s) && gov && GAAN_FUTURE.test(s)) return { promise: true, reason: 'eerder gemeld voornemen' };
  if (PROSPECTIVE_PRESENT.test(s)) return { promise: true, reason: 'kijkt vooruit' };
  if (ahead && gov && PRESENT_GOV_ACTION.test(s) && !PAST.test(s) && !(NOW.test(s) && due === null)) return { promise: true, reason: 'handeling met termijn' };
  if (due !== null && /\b(?:wordt|worden)\b/.test(s) && DELIVERABLE_PARTICIPLES.test(s) && !PAST.test(s) && !forecast && !MODAL.test(s) && !THIRD_PARTY_AGENT.test(s)) {
    return { promise: true, reason: 'wordt + handeling met termijn' };
  }
  if (FUTURE_DOCUMENT.test(s) && /\b(?:wordt|worden)\b/.test(s) && DELIVERABLE_PARTICIPLES.test(s) && !PAST.test(s) && !MODAL.test(s) && !/\b(?:deze|dit|bijgaande)\s+brief\b/.test(s)) {
    return { promise: true, reason: 'in een komend stuk' };
  }
  return { promise: false, reason: 'geen toezegging' };
}

/** The verbs a deadline belongs to, to pick the right one when a sentence has several dates. */
const PROMISE_VERBS = new RegExp(`${ACTION_RE.source}|${PARTICIPLE_RE.source}|\\b(?:zal|zullen|gepland|toegezegd|voornemens)\\b`, 'giu');

/** A subject that points back: "Deze wordt dit jaar uitgevoerd." (not "Deze brief", "Dit jaar"). */
const SUBJECT_ANAPHOR = /^(?:deze|dit|die|dat|hij|zij|ze)\s+(?:wordt|worden|zal|zullen|komt|komen|is|zijn|gaat|gaan|staat|staan|moet|heeft|kan)\b/i;

/** Words that carry a promise on into the next sentence: "Dan zal worden onderzocht …", "Daarbij zal ook …". */
const LINK_ANAPHOR = /^(?:dan|daarbij|daarin|hierbij|hierin|daarna|vervolgens|tevens)\b/i;

/** Nouns that name what is promised, for the short `action` phrase. */
const OBJECT_NOUNS = [
  'eindevaluatie', 'evaluatie', 'rondetafelconferentie', 'rondetafelgesprek', 'kabinetsreactie', 'beleidsreactie', 'reactie',
  'voortgangsbrief', 'voortgangsrapportage', 'brief', 'rapportage', 'onderzoek', 'plan van aanpak', 'veranderstrategie',
  'handelingskader', 'analyse', 'wetsvoorstel', 'monitor', 'verkenning', 'uitvoeringsplan', 'leerlijn', 'opleiding', 'overleg',
  'bestuurlijk overleg', 'maatregelen', 'afwegingskader', 'subsidieregeling', 'regeling', 'conferentie', 'agenda',
];

/** Verb lemmas for the `action` phrase, keyed by the forms that may appear. */
const LEMMAS: Array<[RegExp, string]> = [
  [/\b(?:informeer|informeert|informeren|geïnformeerd|geinformeerd)\b/, 'informeren'],
  [/\b(?:stuur|stuurt|sturen|gestuurd|toesturen|toegestuurd|zenden|toezenden|toegezonden|verstuurd|versturen)\b/, 'sturen'],
  [/\b(?:rapporteer|rapporteert|rapporteren|gerapporteerd)\b/, 'rapporteren'],
  [/\b(?:organiseer|organiseert|organiseren|georganiseerd|organise-?\s?ren)\b/, 'organiseren'],
  [/\b(?:evalueer|evalueert|evalueren|geëvalueerd)\b/, 'evalueren'],
  [/\b(?:vastgesteld|vaststellen|stel\s+\p{L}+\s+vast)\b/u, 'vaststellen'],
  [/\b(?:besluit|besluiten|besloten)\b/, 'besluiten'],
  [/\b(?:uitgewerkt|uitwerken)\b/, 'uitwerken'],
  [/\b(?:uitgevoerd|uitvoeren)\b/, 'uitvoeren'],
  [/\b(?:verwerkt|verwerken)\b/, 'verwerken'],
  [/\b(?:ingegaan|ingaan|ga\s+\p{L}+\s+in\s+op|gaat\s+in\s+op)\b/u, 'ingaan op'],
  [/\bterug\b/, 'terugkomen op'],
  [/\b(?:onderzoeken|onderzocht|laat\s+\p{L}+\s+kijken|nader\s+naar\s+kijken)\b/u, 'onderzoeken'],
  [/\b(?:bekijk|bekijken|bezien|beschouwen|nagaan|kijken)\b/, 'bekijken'],
  [/\b(?:opvolging\s+geven|opvolgen)\b/, 'opvolging geven'],
  [/\bcontact\s+(?:\p{L}+\s+){0,3}?opnemen\b/u, 'contact opnemen'],
  [/\b(?:overleg\s+initiëren|initiëren)\b/, 'overleg initiëren'],
  [/\b(?:in\s+gesprek|overleg|overleggen)\b/, 'in gesprek gaan'],
  [/\b(?:aanscherpen|aan\s+te\s+scherpen|aangescherpt)\b/, 'aanscherpen'],
  [/\b(?:ontwikkel|ontwikkelen|ontwikkeld)\b/, 'ontwikkelen'],
  [/\b(?:in\s+gebruik\s+genomen|in\s+gebruik\s+nemen)\b/, 'in gebruik nemen'],
  [/\b(?:meegenomen|meenemen)\b/, 'meenemen'],
  [/\b(?:inventariseren|geïnventariseerd)\b/, 'inventariseren'],
  [/\bgepland\b/, 'plannen'],
];

/** Lemmas whose object noun makes the action clearer ("rondetafelconferentie organiseren"). */
const TAKES_OBJECT = new Set(['organiseren', 'evalueren', 'vaststellen', 'uitwerken', 'uitvoeren', 'sturen', 'ontwikkelen', 'aanscherpen', 'onderzoeken']);

/** A short phrase for what is promised: "rondetafelconferentie organiseren", "informeren", "eindevaluatie". */
export function actionOf(sentence: string): string | null {
  const s = plain(sentence);
  const noun = OBJECT_NOUNS.find((n) => new RegExp(`\\b${n}\\b`).test(s)) ?? null;
  const lemma = LEMMAS.find(([re]) => re.test(s))?.[1] ?? null;
  if (lemma === 'plannen') return noun;
  if (lemma && noun && TAKES_OBJECT.has(lemma) && !(lemma === 'sturen' && noun === 'brief')) return `${noun} ${lemma}`;
  return lemma ?? noun;
}

/**
 * The named government actor of a sentence ("de staatssecretaris van Justitie en Veiligheid",
 * "het kabinet"), or null when the sentence speaks as "ik"/"wij" (then the answerer is the actor).
 * A minister named after "samen met", "met" or "aan" is a partner, not the actor.
 */
export function actorOf(sentence: string, answererRole: string | null = null): string | null {
  const re =
    /\b((?:de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+[\p{Lu}][\p{L}]*(?:(?:\s*,\s*|\s+en\s+(?!ik)|\s+)[\p{Lu}][\p{L}]*){0,4}|[Hh]et\s+(?:huidige\s+)?kabinet|[Dd]e\s+regering|[Mm]ijn\s+ministerie)(\s+en\s+ik(?:zelf)?\b)?/gu;
  for (const m of sentence.matchAll(re)) {
    const before = sentence.slice(Math.max(0, m.index - 14), m.index);
    if (/\b(?:met|aan|naar|bij|namens|van|tot|voor|over)\s+$/i.test(before)) continue;
    let actor = m[1]!.replace(/\s+/g, ' ').trim();
    if (/^mijn ministerie$/i.test(actor)) return answererRole;
    if (/^het /i.test(actor) || /^de regering$/i.test(actor)) actor = actor.toLowerCase();
    if (m[2] && answererRole) actor = `${actor} en ${answererRole}`;
    return actor;
  }
  return null;
}

/** Options for commitment extraction. */
export interface CommitmentOptions {
  /** The programme registry, to fill `programmes`. */
  programmes?: readonly ProgrammeEntry[];
  /** Motions already found in the record, to fill `motions`. */
  motions?: readonly MotionMention[];
}

/**
 * The commitments in a record's answers. Sentences are classified one by one; a promise that
 * leans on the sentence before ("Deze wordt dit jaar uitgevoerd.") keeps that sentence in its
 * text, and a promise without deadline takes the deadline of a following sentence that starts
 * with "Deze/Dit/Dan …". Ids are `${record.id}-tz-${shortHash(normalised text)}`.
 */
export function extractCommitments(record: QuestionSet, options: CommitmentOptions = {}): Commitment[] {
  const docDate = record.dateAnswered ?? record.dateSubmitted ?? null;
  const registry = options.programmes ?? [];
  const namedIds = new Set<string>();
  for (const p of record.pairs) for (const t of [p.question, p.answer ?? '']) for (const id of programmeIdsIn(t, registry)) namedIds.add(id);
  const named = registry.filter((p) => namedIds.has(p.id));
  const answererRole = record.answerers[0]?.role ?? null;
  const drafts: Array<Omit<Commitment, 'id'> & { sentence: string }> = [];
  record.pairs.forEach((pair, pi) => {
    if (!pair.answer) return;
    // "Kunt u deze vragen één voor één beantwoorden?" — "Ja." is done by the document itself.
    if (/\bdeze\s+vragen\b[^?]*\b(?:beantwoorden|beantwoording|beantwoord)\b/i.test(pair.question)) return;
    const sentences = splitSentences(pair.answer);
    const scans = sentences.map((s) => scanDue(s.text, docDate, PROMISE_VERBS));
    let last: { draft: (typeof drafts)[number]; si: number } | null = null;
    sentences.forEach((sent, si) => {
      const cls = classifySentence(sent.text, scans[si]!.dueText, scans[si]!.due);
      const prev = sentences[si - 1];
      const samePara = prev !== undefined && prev.paragraph === sent.paragraph;
      // "Voor dat laatste ontwikkel ik … Deze komt naar verwachting in 2024 beschikbaar.": the forecast
      // is about the government's own work, so it is the deadline of a promise.
      const ownWork =
        !cls.promise &&
        cls.reason === 'verwachting over anderen' &&
        samePara &&
        SUBJECT_ANAPHOR.test(sent.text) &&
        scans[si]!.due !== null &&
        /\b(?:ik|wij|we)\b/i.test(prev.text) &&
        ACTION_RE.test(prev.text) &&
        !PAST.test(plain(prev.text));
      if (!cls.promise && !ownWork) return;
      const { due, dueText } = scans[si]!;
      // "Volgend jaar staat de evaluatie gepland. Dan zal worden onderzocht …": one promise, told in two sentences.
      if (last && last.si === si - 1 && samePara && (SUBJECT_ANAPHOR.test(sent.text) || LINK_ANAPHOR.test(sent.text)) && (due === null || last.draft.due === null || due === last.draft.due)) {
        last.draft.text = `${last.draft.text} ${sent.text}`;
        if (last.draft.due === null && due !== null) Object.assign(last.draft, { due, dueText });
        last.si = si;
        return;
      }
      // "Deze wordt dit jaar uitgevoerd." says nothing alone: keep the sentence it points back to.
      let text = samePara && SUBJECT_ANAPHOR.test(sent.text) ? `${prev.text} ${sent.text}` : sent.text;
      const draft = {
        sentence: sent.text,
        text,
        due,
        dueText,
        action: actionOf(sent.text) ?? actionOf(text),
        actor: actorOf(sent.text, answererRole) ?? answererRole,
        pair: pi,
        programmes: [] as string[],
        motions: [] as string[],
        place: placeIn(pair.answerPlace, pair.answer!, sent.start),
      };
      // A promise without deadline followed by "Deze komt … in 2024 beschikbaar": that is its deadline.
      const next = sentences[si + 1];
      if (due === null && next && next.paragraph === sent.paragraph && SUBJECT_ANAPHOR.test(next.text) && scans[si + 1]!.due) {
        text = `${text} ${next.text}`;
        Object.assign(draft, { text, due: scans[si + 1]!.due, dueText: scans[si + 1]!.dueText });
        last = { draft, si: si + 1 };
      } else last = { draft, si };
      drafts.push(draft);
    });
  });
  const out: Commitment[] = [];
  const seen = new Set<string>();
  for (const { sentence: _sentence, ...d } of drafts) {
    const id = `${record.id}-tz-${shortHash(normaliseSentence(d.text))}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...d, id, programmes: programmeIdsIn(d.text, registry, named), motions: motionIdsIn(d.text, options.motions ?? []) });
  }
  return out;
}

/** Motion ids a sentence mentions: by Kamerstuk number, or by the submitters of a known motion. */
function motionIdsIn(text: string, motions: readonly MotionMention[]): string[] {
  const ids = new Set<string>();
  for (const r of findReferences(text).references) if (motions.some((m) => m.id === r.id)) ids.add(r.id);
  for (const hit of findMotionHits(text)) {
    if (hit.id) ids.add(hit.id);
    const key = submitterKey(hit.submitters);
    if (!key) continue;
    const m = motions.find((x) => x.id && submitterKey(x.submitters) === key);
    if (m?.id) ids.add(m.id);
  }
  return [...ids];
}

/**
 * The position of a sentence: the answer's own start position when the sentence opens the answer.
 * Later sentences get null, because the answer text was reflowed (line breaks joined, markers
 * removed) and offsets inside it no longer map exactly to the source.
 */
function placeIn(answerPlace: Commitment['place'], answer: string, offset: number): Commitment['place'] {
  if (!answerPlace) return null;
  return answer.slice(0, offset).trim() === '' ? answerPlace : null;
}
