/**
 * A TypeScript port of the reference scorer `tests/fixtures/score.py`: parsed records against
 * ground-truth labels, field by field. Pure: labels and records in, counts and printable lines out.
 *
 * The port follows the Python code step by step, including Python's string semantics where they
 * differ from JavaScript's (Unicode `\s`/`\w`/`\b`, NFKD with combining-class stripping, `str()`
 * and `repr()` of values, `.1f` rounding half to even), so both print the same numbers for the
 * same records. Where the Python script would crash on malformed input (a record line that is
 * JSON but not an object, a name that is not a string next to one that is), this port carries on
 * and scores the record as well as it can instead.
 */

/** Hits and trials for one scored field. */
export interface FieldCount {
  /** Trials that matched the label. */
  ok: number;
  /** Trials in all. */
  n: number;
}

/** One failed check, as score.py prints it with `--verbose` (`MISS id field detail`). */
export interface ScoreMiss {
  /** Label id (the source file's base name). */
  id: string;
  /** Scored field, e.g. `pairing`. */
  field: string;
  /** What was found against what was wanted, in Python `repr` notation like score.py. */
  detail: string;
}

/** The outcome of scoring records against labels. */
export interface ScoreResult {
  /** Per field: how many checks matched, of how many. Keys in first-seen order. */
  fields: Record<string, FieldCount>;
  /** Every failed check, in label order. */
  misses: ScoreMiss[];
  /** Mean accuracy over the core fields, 0–100 (score.py's final `score:` line). */
  core: number;
  /** Mean accuracy over motions, commitments and due dates, 0–100 (score.py's `links:` line). */
  links: number;
  /** Number of labelled documents scored. */
  docs: number;
}

/** One labelled document: its id (file base name) and the parsed label JSON. */
export interface LabelEntry {
  /** The label id, i.e. the base name of `<id>.json`. */
  id: string;
  /** The parsed label object (schema: tests/fixtures/corpus/LABELS.md). */
  label: unknown;
}

/** The fields that make up the headline score, in score.py's order. */
export const CORE_FIELDS: readonly string[] = [
  'parsed', 'questioners', 'parties', 'answerer', 'dateSubmitted', 'dateAnswered', 'vergaderjaar',
  'aanhangselNumber', 'zaakNumber', 'title', 'pairing', 'firstQuestion', 'firstAnswer', 'lastAnswer', 'footnotes', 'references',
];

/** The fields behind the `links:` line, in score.py's order. */
export const LINK_FIELDS: readonly string[] = ['motions', 'commitments', 'commitmentDue'];

// ---------------------------------------------------------------------------------------------
// Python string semantics

/** Python's `str.isspace()` set, which `\s` and `strip()` use on str (JS `\s` differs: \x1c-\x1f, \x85, \ufeff). */
const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `\w` on str: letters, numbers and underscore (marks are not word characters in Python). */
const PY_W = '\\p{L}\\p{N}_';

const WS_RUN = new RegExp(`[${PY_WS}]+`, 'gu');
const WS_EDGES = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'gu');
const NAME_SEPARATORS = new RegExp(`[${PY_WS}\\-\\u2010-\\u2015]`, 'gu');
const HYPHEN_BREAK = new RegExp(`-[${PY_WS}]+`, 'gu');
const WORD = new RegExp(`[${PY_W}]+`, 'gu');
const MARK = /\p{M}/gu;
const NON_ALNUM = /[^0-9a-z]/g;

/** Code points with canonical combining class 1 (overlays), which the reordering test below cannot see. */
const CCC_ONE = new Set([
  0x334, 0x335, 0x336, 0x337, 0x338, 0x1cd4, 0x1ce2, 0x1ce3, 0x1ce4, 0x1ce5, 0x1ce6, 0x1ce7, 0x1ce8, 0x20d2, 0x20d3,
  0x20d8, 0x20d9, 0x20da, 0x20e5, 0x20e6, 0x20ea, 0x20eb, 0x10a39, 0x16af0, 0x16af1, 0x16af2, 0x16af3, 0x16af4,
  0x1bc9e, 0x1d167, 0x1d168, 0x1d169,
]);
const combiningCache = new Map<string, boolean>();

/**
 * Python's `unicodedata.combining(c) != 0`. JavaScript has no combining-class lookup, but
 * canonical reordering reveals it: a mark with class > 1 placed before U+0334 (class 1) is moved
 * behind it by NFD. Class-1 marks are listed. Only marks (\p{M}) can have a non-zero class.
 */
function isCombining(c: string): boolean {
  let v = combiningCache.get(c);
  if (v === undefined) {
    v = CCC_ONE.has(c.codePointAt(0) ?? 0) || (c + '\u0334').normalize('NFD').startsWith('\u0334');
    combiningCache.set(c, v);
  }
  return v;
}

/** score.py `norm`: NFKD, drop combining marks, soft hyphens out, en/em dash to '-', collapse spaces, lower case. */
export function norm(s: unknown): string | null {
  if (s === null || s === undefined) return null;
  let t = pyStr(s).normalize('NFKD');
  t = t.replace(MARK, (c) => (isCombining(c) ? '' : c));
  t = t.replaceAll('\u00ad', '').replaceAll('–', '-').replaceAll('—', '-');
  return t.replace(WS_RUN, ' ').replace(WS_EDGES, '').toLowerCase();
}

/** score.py `name_key`: names compare without spaces and dashes ('Inge vanDijk' == 'Inge van Dijk'); null when empty. */
export function nameKey(s: unknown): string | null {
  return (norm(s) ?? '').replace(NAME_SEPARATORS, '') || null;
}

/** score.py `words`: the first `n` words of a text, after undoing hyphenation at line breaks. */
export function words(s: unknown, n = 4): string {
  const t = (norm(s) ?? '').replace(HYPHEN_BREAK, '');
  return (t.match(WORD) ?? []).slice(0, n).join(' ');
}

const KST = new RegExp(
  `(\\p{Nd}[\\p{Nd} ]*\\p{Nd})[${PY_WS}]*(?:-?[${PY_WS}]*([ivxlc]+|[a-z]{1,3}|\\p{Nd}+))?[${PY_WS}]*,?[${PY_WS}]*nr\\.?[${PY_WS}]*(\\p{Nd}+)`,
  'u',
);
// Python's \b is Unicode-aware; JavaScript's is ASCII-only, so the boundary is spelled out.
const KST_LETTER = new RegExp(`(\\p{Nd}{2}[${PY_WS}]?\\p{Nd}{3})[${PY_WS}]*,[${PY_WS}]*([a-z]{1,2})(?![${PY_W}])`, 'u');

/** score.py `kst_key`: 'Kamerstuk 34 550 XVI, nr. 91' → '34550-xvi-91'; Eerste Kamer '36 373, H' → '36373-h'. */
export function kstKey(s: unknown): string | null {
  const t = norm(s) ?? '';
  const m = KST.exec(t);
  if (!m) {
    const l = KST_LETTER.exec(t);
    // Python's str.replace(" ", "") removes only the ASCII space, as here.
    return l ? `${(l[1] ?? '').replaceAll(' ', '')}-${l[2] ?? ''}` : null;
  }
  const dossier = (m[1] ?? '').replaceAll(' ', '');
  return [dossier, m[2], m[3]].filter((x): x is string => Boolean(x)).join('-');
}

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Python `a or b` for JSON values. */
function or(a: unknown, b: unknown): unknown {
  return truthy(a) ? a : b;
}

function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python `d.get(k)` on a JSON value: null when absent or when `d` is no object. */
function get(d: unknown, k: string): unknown {
  if (!isDict(d) || !Object.hasOwn(d, k)) return null;
  const v = d[k];
  return v === undefined ? null : v;
}

/** A JSON array as a list; anything else (where Python would crash or iterate oddly) as empty. */
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Python `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const [mant = '0', expStr = '0'] = x.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) {
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = x.toString();
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/**
 * Python `str()` of a JSON value. Integral numbers print as ints (JSON.parse cannot tell `1.0`
 * from `1`, which Python would print as `1.0`: a known, harmless difference).
 */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : floatRepr(v);
  return pyRepr(v);
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python `repr()` of a JSON value (used in miss details, as score.py's `!r`). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return pyStr(v);
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = q;
    for (const c of v) {
      const cp = c.codePointAt(0) ?? 0;
      if (c === '\\') out += '\\\\';
      else if (c === q) out += `\\${q}`;
      else if (c === '\t') out += '\\t';
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c !== ' ' && NON_PRINTABLE.test(c)) {
        if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else out += `\\U${cp.toString(16).padStart(8, '0')}`;
      } else out += c;
    }
    return out + q;
  }
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

/** Python `json.dumps(v, ensure_ascii=False)`: separators ', ' and ': ', non-ASCII kept as is. */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return pyStr(v);
  }
  if (typeof v === 'string') {
    // JSON.stringify escapes exactly Python's set (quote, backslash, controls) except lone
    // surrogates, which Python writes raw; those cannot come from valid UTF-8 input anyway.
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyJsonDumps(x)}`).join(', ')}}`;
  return 'null';
}

/** score.py `flatten_text`: the normalised JSON text of a value, for substring tests. */
function flattenText(v: unknown): string {
  return norm(pyJsonDumps(v)) ?? '';
}

/** Python `==` on JSON values: numbers and booleans compare by value (True == 1), lists and dicts deeply. */
function pyEq(a: unknown, b: unknown): boolean {
  const num = (x: unknown): number | null => (typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : null);
  const na = num(a);
  const nb = num(b);
  if (na !== null || nb !== null) return na !== null && nb !== null && na === nb;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  }
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && pyEq(a[k], b[k]));
  }
  return false;
}

/** Compare strings by code point, as Python does (JS `<` compares UTF-16 units). Null sorts first. */
function cmpKey(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx - cy;
  }
}

/** Python `os.path.splitext(os.path.basename(p))[0]` (POSIX). */
function stem(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  // A leading run of dots is part of the name, not an extension ('.bashrc' has none).
  if (dot <= 0 || /^\.+$/.test(base.slice(0, dot))) return base;
  return base.slice(0, dot);
}

/** score.py `record_file`: the label id a record belongs to (`file`, or `source.path`, without folder and extension). */
export function recordFile(r: unknown): string {
  const src = or(get(r, 'source'), {});
  const p = or(or(get(r, 'file'), isDict(src) ? get(src, 'path') : src), '');
  return stem(pyStr(p));
}

/**
 * Records from JSONL text as score.py reads them: one JSON value per line (any of \n, \r\n, \r
 * ends a line), blank and unparsable lines skipped.
 */
export function parseRecordsJsonl(text: string): unknown[] {
  const out: unknown[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(WS_EDGES, '');
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // score.py skips lines that are not JSON.
    }
  }
  return out;
}

/** Sum floats left to right, as Python 3.11's `sum()` does (3.12+ compensates; the difference is below display precision). */
function pySum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Scoring

const MOTION_STOP = new Set(['motie', 'van', 'het', 'de', 'lid', 'leden', 'en', 'c', 's', 'over', 'aangenomen', 'ingediende']);

/** Score records against labels exactly as score.py does. Records are matched by `recordFile`. */
export function scoreRecords(labels: readonly LabelEntry[], records: readonly unknown[]): ScoreResult {
  const recs = new Map<string, unknown>();
  for (const r of records) {
    if (!isDict(r)) continue; // score.py would crash here; a non-object line is no record.
    recs.set(recordFile(r), r);
  }
  const fields: Record<string, FieldCount> = {};
  const misses: ScoreMiss[] = [];
  const hit = (name: string, ok: boolean): boolean => {
    const a = (fields[name] ??= { ok: 0, n: 0 });
    a.ok += ok ? 1 : 0;
    a.n += 1;
    return ok;
  };
  const sorted = [...labels].sort((a, b) => cmpKey(a.id, b.id));
  for (const { id, label: lab } of sorted) {
    const r = recs.get(id);
    if (r === undefined || truthy(get(r, 'error'))) {
      hit('parsed', false);
      misses.push({ id, field: 'parsed', detail: 'no record' });
      continue;
    }
    hit('parsed', true);
    const chk = (name: string, ok: boolean, got: unknown = null, want: unknown = null): void => {
      if (!hit(name, ok)) misses.push({ id, field: name, detail: `got ${pyRepr(got)} want ${pyRepr(want)}` });
    };

    const labQuestioners = get(lab, 'questioners');
    if (truthy(labQuestioners)) {
      const labQ = list(labQuestioners);
      const recQ = list(or(get(r, 'questioners'), []));
      const want = labQ.map((q) => nameKey(get(q, 'name'))).sort(cmpKey);
      const got = recQ.map((q) => nameKey(get(q, 'name'))).sort(cmpKey);
      chk('questioners', pyEq(want, got), got, want);
      const byName = (a: unknown, b: unknown): number => cmpKey(nameKey(get(a, 'name')), nameKey(get(b, 'name')));
      const wantp = [...labQ].sort(byName).map((q) => norm(get(q, 'party')));
      const gotp = [...recQ].sort(byName).map((q) => norm(get(q, 'party')));
      chk('parties', pyEq(wantp, gotp), gotp, wantp);
    }

    const labAnswerers = get(lab, 'answerers');
    if (truthy(labAnswerers)) {
      const want = norm(get(list(labAnswerers)[0], 'name'));
      const recA = or(get(r, 'answerers'), [{}]);
      const got = norm(get(or(list(recA)[0], {}), 'name'));
      const wk = nameKey(want);
      const gk = nameKey(got);
      const ok = got !== null && (gk === wk || (want !== null && (got.endsWith(` ${want}`) || want.endsWith(` ${got}`))));
      chk('answerer', ok, got, want);
    }

    for (const f of ['dateSubmitted', 'dateAnswered', 'vergaderjaar', 'aanhangselNumber', 'zaakNumber', 'seeAlsoAanhangsel']) {
      if (get(lab, f) !== null) {
        let got: unknown = get(r, f);
        let want: unknown = get(lab, f);
        if (f === 'vergaderjaar') {
          got = norm(got);
          want = norm(want);
        }
        chk(f, pyStr(got ?? null) === pyStr(want ?? null), got, want);
      }
    }

    if (truthy(get(lab, 'title'))) {
      chk('title', words(get(r, 'title'), 6) === words(get(lab, 'title'), 6), get(r, 'title'), get(lab, 'title'));
    }

    const qs = list(or(get(lab, 'questions'), [])).map((q) => get(q, 'numbers'));
    const pairs = list(or(get(r, 'pairs'), []));
    if (qs.length > 0 && !pyEq(get(lab, 'form'), 'other')) {
      const got = pairs.map((p) => get(p, 'numbers'));
      if (truthy(get(lab, 'complete'))) chk('pairing', pyEq(got, qs), got, qs);
      else chk('pairing', pyEq(got.slice(0, qs.length), qs), got, qs);
    }
    if (truthy(get(lab, 'firstAnswerStart')) && pairs.length > 0) {
      const g = words(get(pairs[0], 'answer'));
      const w = words(get(lab, 'firstAnswerStart'));
      chk('firstAnswer', g === w, g, w);
    }
    if (truthy(get(lab, 'firstQuestionStart')) && pairs.length > 0) {
      const g = words(get(pairs[0], 'question'));
      const w = words(get(lab, 'firstQuestionStart'));
      chk('firstQuestion', g === w, g, w);
    }
    if (truthy(get(lab, 'complete')) && truthy(get(lab, 'lastAnswerStart')) && pairs.length > 0) {
      const g = words(get(pairs[pairs.length - 1], 'answer'));
      const w = words(get(lab, 'lastAnswerStart'));
      chk('lastAnswer', g === w, g, w);
    }

    const fnGot = new Map<number, string>();
    for (const f of list(or(get(r, 'footnotes'), []))) {
      // str(n).isdigit() then int(n); only ASCII digits are taken (Python would also take other
      // decimal digits, or crash on superscripts).
      const n = isDict(f) && Object.hasOwn(f, 'n') ? get(f, 'n') : '';
      const s = pyStr(n);
      if (/^[0-9]+$/.test(s)) fnGot.set(Number(s), words(get(f, 'text'), 3));
    }
    for (const f of list(or(get(lab, 'footnotes'), []))) {
      const n = Number(pyStr(get(f, 'n')));
      const g = fnGot.get(n) ?? null;
      const w = words(get(f, 'text'), 3);
      chk('footnotes', g === w, g, w);
    }

    const recRefs = list(or(get(r, 'references'), []));
    const refsGot = new Set<string | null>();
    for (const x of recRefs) {
      if (isDict(x)) refsGot.add(kstKey(or(or(get(x, 'raw'), get(x, 'id')), '')));
      else if (typeof x === 'string') refsGot.add(kstKey(x));
    }
    for (const ref of list(or(get(lab, 'references'), []))) {
      const k = kstKey(ref);
      if (k && (norm(ref) ?? '').includes('kamerstuk')) chk('references', refsGot.has(k), null, ref);
    }

    const recMotions = list(or(get(r, 'motions'), []));
    const motGot = flattenText({ m: or(get(r, 'motions'), []) });
    let motKeys: Set<string | null> | null = null;
    for (const m of list(or(get(lab, 'motions'), []))) {
      const kamerstuk = get(m, 'kamerstuk');
      const k = truthy(kamerstuk) ? kstKey(`x ${pyStr(kamerstuk)}`) : null;
      let ok: boolean;
      if (k !== null) {
        motKeys ??= new Set(recMotions.map((x) => kstKey(pyJsonDumps(x))));
        ok = motKeys.has(k) || motGot.replace(NON_ALNUM, '').includes(k.replaceAll('-', ''));
      } else {
        // No Kamerstuk in the text: the motion must still be found, named by its submitter(s).
        const names = (norm(or(get(m, 'text'), '')) ?? '').match(WORD)?.filter((w) => !MOTION_STOP.has(w)) ?? [];
        ok = names.length > 0 && names.slice(0, 2).every((w) => motGot.includes(w));
      }
      chk('motions', ok, null, m);
    }

    const recCommitments = list(or(get(r, 'commitments'), []));
    const com = recCommitments.map((c) => norm(or(or(get(c, 'text'), get(c, 'quote')), '')) ?? '');
    const comWords = com.map((t) => new Set(t.match(WORD) ?? []));
    for (const c of list(or(get(lab, 'commitments'), []))) {
      const quote = get(c, 'quote');
      const q = new Set((norm(quote) ?? '').match(WORD) ?? []);
      let best = 0;
      let bestc: unknown = null;
      comWords.forEach((t, j) => {
        let shared = 0;
        for (const w of q) if (t.has(w)) shared += 1;
        const ov = shared / Math.max(1, q.size);
        if (ov > best) {
          best = ov;
          bestc = recCommitments[j];
        }
      });
      const found = best >= 0.6;
      chk('commitments', found, null, Array.from(pyStr(quote ?? '')).slice(0, 60).join(''));
      const due = get(c, 'due');
      if (found && truthy(due)) {
        const g = get(bestc, 'due');
        // Python compares str(got) with the label value itself, so a non-string label never matches.
        chk('commitmentDue', typeof due === 'string' && pyStr(g) === due, g, due);
      }
    }
  }
  const ratio = (k: string): number | null => {
    const f = fields[k];
    return f && f.n ? f.ok / f.n : null;
  };
  const coreScores = CORE_FIELDS.map(ratio).filter((x): x is number => x !== null);
  const extra = LINK_FIELDS.map(ratio).filter((x): x is number => x !== null);
  return {
    fields,
    misses,
    core: (100.0 * pySum(coreScores)) / Math.max(1, coreScores.length),
    links: (100.0 * pySum(extra)) / Math.max(1, extra.length),
    docs: labels.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * Python's `format(x, '.Nf')`: correctly rounded, ties to even on the exact binary value
 * (JavaScript's toFixed rounds exact ties up: 6.25 → '6.3' where Python prints '6.2').
 */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x.toFixed(digits);
  const neg = x < 0 || Object.is(x, -0);
  // toFixed(100) gives the exact decimal expansion for doubles of moderate size.
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf('.');
  const keep = exact.slice(0, point + 1 + digits).replace('.', '');
  const rest = exact.slice(point + 1 + digits);
  let up = false;
  if (rest[0] !== undefined && rest[0] > '5') up = true;
  else if (rest[0] === '5') up = /[1-9]/.test(rest.slice(1)) || Number(keep[keep.length - 1] ?? '0') % 2 === 1;
  const n = BigInt(keep) + (up ? 1n : 0n);
  const s = n.toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
  return (neg ? '-' : '') + body;
}

/** Options for `formatScore`. */
export interface FormatOptions {
  /** Also list every miss (`MISS id field detail`), as score.py `--verbose`. */
  verbose?: boolean;
}

/** The lines score.py prints: `field ok/n pct%` sorted by field, optional MISS lines, `links:` and `score:`. */
export function formatScore(result: ScoreResult, options: FormatOptions = {}): string[] {
  const lines: string[] = [];
  const keys = Object.keys(result.fields).sort((a, b) => cmpKey(a, b));
  for (const k of keys) {
    const { ok, n } = result.fields[k] ?? { ok: 0, n: 0 };
    lines.push(`${k.padEnd(18)} ${String(ok).padStart(4)}/${String(n).padEnd(4)} ${pyFixed((100.0 * ok) / n, 1).padStart(6)}%`);
  }
  if (options.verbose) for (const m of result.misses) lines.push(`MISS ${m.id} ${m.field} ${m.detail}`);
  lines.push(`links: ${pyFixed(result.links, 1)}% (motions, commitments, due dates)`);
  lines.push(`score: ${pyFixed(result.core, 1)}% (${result.docs} docs)`);
  return lines;
}
