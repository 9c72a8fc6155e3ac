/**
 * Stage 4: footnote markers. PDF extraction glues markers to words, years and ids ("Moeders»?1",
 * "november 20231", "gesproken.3Toekomstige"). Knowing which footnotes exist, we look for their
 * markers in order through the document and take them out of the text.
 */
import type { Message } from '../schema/common.ts';
import type { RawPair } from './parts.ts';
import { fromSuperscript, SUP_CLASS } from './lines.ts';

/** Where a footnote marker stood. */
export interface FootnoteMark {
  n: number;
  pair: number;
  field: 'question' | 'answer';
  offset: number;
}

const SUPERSCRIPT_RUN = new RegExp(`${SUP_CLASS}+(?:[\\u2009,\\s]{0,2}${SUP_CLASS}+)*`, 'g');

/** Candidate positions of the plain-digit marker `n` in `text`, from `from` on. */
const MARKER_RES = new Map<number, RegExp>();

function markerRe(n: number): RegExp {
  let re = MARKER_RES.get(n);
  if (re) return re;
  const d = String(n);
  re = new RegExp(
    // glued to a letter or closing punctuation, or to a four-digit year; not part of a longer number or word
    `(?:(?<=[\\p{L}»”"’')\\]?!.,;:])|(?<=\\b(?:19|20)\\d{2})|(?<=[?!.»”")]\\s))${d}(?!\\d)(?![\\p{Ll}])(?:\\s*,\\s*\\d{1,3}(?!\\d)(?![\\p{Ll}]))*`,
    'gu',
  );
  MARKER_RES.set(n, re);
  return re;
}

function findPlainMarker(text: string, n: number, from: number): { start: number; end: number } | null {
  const d = String(n);
  if (!text.includes(d, from)) return null;
  const re = markerRe(n);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // Not chemical formulas and codes such as CO2, H2, NIS2 ("NIS24" is NIS2 + marker 4, handled by order).
    if (/(?:^|[\s(])(?:CO|NO|H|O|N|SO|PM|B|A|C|F|G|K|M|Q|S|T|V|X|Y)$/.test(before)) continue;
    // Not decimals or article numbers ("4.1.1", "art. 21 (2)").
    if (/\d[.,]$/.test(before) && !/\b(?:19|20)\d{2}\.$/.test(before)) continue;
    if (/\b(?:artikel|art\.|lid|nr\.|nummer|pagina|p\.|blz\.|hoofdstuk|bijlage|fase|niveau|stap|stappen|vraag|vragen|antwoord)\s*$/i.test(before)) continue;
    return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/**
 * Find and remove the markers of `numbers` (footnote numbers, ascending) in the pairs' texts.
 * Returns the marks; the pairs' texts are rewritten without markers.
 */
export function takeMarkers(pairs: RawPair[], numbers: number[], messages: Message[]): FootnoteMark[] {
  const marks: FootnoteMark[] = [];
  const fields: Array<{ pair: number; field: 'question' | 'answer'; text: string }> = [];
  pairs.forEach((p, i) => {
    fields.push({ pair: i, field: 'question', text: p.question });
    if (p.answer !== null) fields.push({ pair: i, field: 'answer', text: p.answer });
  });
  // Superscript markers are certain: take them all first.
  for (const f of fields) {
    f.text = f.text.replace(SUPERSCRIPT_RUN, (run, offset: number) => {
      for (const part of run.split(/[\u2009,\s]+/)) {
        const n = fromSuperscript(part);
        if (n > 0) marks.push({ n, pair: f.pair, field: f.field, offset });
      }
      return '';
    });
  }
  const found = new Set(marks.map((m) => m.n));
  let fi = 0;
  let pos = 0;
  for (const n of numbers) {
    if (found.has(n)) continue;
    let hit: { fi: number; start: number; end: number } | null = null;
    for (let k = fi; k < fields.length && !hit; k++) {
      const r = findPlainMarker(fields[k]!.text, n, k === fi ? pos : 0);
      if (r) hit = { fi: k, ...r };
    }
    if (!hit) {
      messages.push({ ruleId: 'footnote-marker-missing', reason: `markering van voetnoot ${n} niet gevonden in de tekst`, severity: 'info', place: null });
      continue;
    }
    const f = fields[hit.fi]!;
    const raw = f.text.slice(hit.start, hit.end);
    const nums = raw.split(/\s*,\s*/).map(Number);
    for (const m of nums) {
      if (numbers.includes(m) && !found.has(m)) {
        marks.push({ n: m, pair: f.pair, field: f.field, offset: hit.start });
        found.add(m);
      }
    }
    // Remove the marker; keep a space where it separated two words ("gesproken.3Toekomstige").
    const left = f.text.slice(0, hit.start);
    const right = f.text.slice(hit.end);
    const glue = /\S$/.test(left) && /^[\p{Lu}]/u.test(right) ? ' ' : '';
    f.text = (left.replace(/\s+$/, (s) => (/^\s/.test(right) || right === '' ? '' : s)) + glue + right);
    fi = hit.fi;
    pos = hit.start;
  }
  for (const f of fields) {
    const p = pairs[f.pair]!;
    const t = f.text.replace(/[ \t]+\n/g, '\n').replace(/ {2,}/g, ' ').trim();
    if (f.field === 'question') p.question = t;
    else p.answer = t;
  }
  pairs.forEach((p, i) => {
    const refs = [...new Set([...(p.footnoteRefs ?? []), ...marks.filter((m) => m.pair === i).map((m) => m.n)])].sort((a, b) => a - b);
    p.footnoteRefs = refs;
  });
  return marks.sort((a, b) => a.n - b.n);
}
