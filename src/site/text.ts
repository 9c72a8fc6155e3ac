/**
 * Text helpers for the site: slugs, anchors, Dutch dates, safe links and paragraphs.
 * Pure functions. Document text is untrusted: nothing here returns HTML; components render the
 * values as text (Astro escapes them), and links only ever get an http(s) or site-relative href.
 */
import { slugify } from '../lib/slug.ts';

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** Slugs are domain logic (src/lib/slug.ts); re-exported because every page imports them from here. */
export { slugify };

/** The anchor id of a question–answer pair: "vraag-3", merged "2 en 3" → "vraag-2-3", "3a" → "vraag-3a". */
export function pairAnchor(label: string, numbers: readonly number[]): string {
  const fromLabel = slugify(label.replace(/\b(en|t\/m|tot en met)\b/g, ' '));
  if (fromLabel && fromLabel !== 'onbekend') return `vraag-${fromLabel}`;
  return numbers.length ? `vraag-${numbers.join('-')}` : 'vraag';
}

/** Extra anchors for the single numbers inside a merged pair ("2 en 3" also answers #vraag-2 and #vraag-3). */
export function extraAnchors(label: string, numbers: readonly number[]): string[] {
  const main = pairAnchor(label, numbers);
  return [...new Set(numbers.map((n) => `vraag-${n}`))].filter((id) => id !== main);
}

/** The anchors of every pair of a record: a unique main id each, plus extra ids for merged numbers. */
export interface PairAnchors {
  /** Id of the pair's heading. */
  main: string;
  /** Further ids (single numbers of a merged pair) that no other pair uses. */
  extra: string[];
}

/**
 * Anchors for all pairs of a record, unique within the page: a label that repeats (a parser
 * slip or "3" after "2 en 3") gets "-2", "-3"; an extra id is dropped when a pair of its own
 * has that number, so #vraag-3 always means the pair labelled 3 when there is one.
 */
export function pairAnchorsOf(pairs: readonly { label: string; numbers: readonly number[] }[]): PairAnchors[] {
  const used = new Set<string>();
  const mains = pairs.map((p) => {
    const base = pairAnchor(p.label, p.numbers);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
  return pairs.map((p, i) => {
    const extra: string[] = [];
    for (const id of extraAnchors(p.label, p.numbers)) {
      if (used.has(id)) continue;
      used.add(id);
      extra.push(id);
    }
    return { main: mains[i]!, extra };
  });
}

/** "2021-09-07" → "7 september 2021"; null stays "onbekend". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'onbekend';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "2021-09-07" → "7 sep. 2021", for dense lists. */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? '';
  return `${Number(m[3])} ${month.length > 4 ? `${month.slice(0, 3)}.` : month} ${m[1]}`;
}

/**
 * Return `url` when it is an absolute http(s) URL, else null. Every href built from document
 * text goes through here, so "javascript:" and other schemes can never reach the page.
 */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** Split document text into paragraphs on blank lines, trimming each. */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** A piece of text, or a link found in it. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * Split text into plain segments and http(s) links, so footnotes can show clickable URLs
 * without ever building HTML from the text. "www." addresses get https://.
 */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  const re = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    let raw = m[0];
    // Trailing punctuation belongs to the sentence, not the URL.
    const trail = /[.,;:)\]]+$/.exec(raw);
    if (trail) raw = raw.slice(0, -trail[0].length);
    const start = m.index ?? 0;
    const href = safeExternalUrl(raw.startsWith('www.') ? `https://${raw}` : raw);
    if (!href) continue;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** First `max` characters of `text` on a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The sentence (or a window of about `radius` characters each side) around the first
 * case-insensitive occurrence of any of `needles` in `text`; null when none occurs.
 */
export function snippetAround(text: string, needles: readonly string[], radius = 160): string | null {
  const lower = text.toLowerCase();
  let at = -1;
  let len = 0;
  for (const n of needles) {
    if (!n) continue;
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = n.length;
    }
  }
  if (at < 0) return null;
  let start = Math.max(0, at - radius);
  let end = Math.min(text.length, at + len + radius);
  // Prefer sentence boundaries when they are near.
  const before = text.lastIndexOf('. ', at);
  if (before >= 0 && before + 2 >= start) start = before + 2;
  const after = text.indexOf('. ', at + len);
  if (after >= 0 && after + 1 <= end) end = after + 1;
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${body}${end < text.length && !body.endsWith('.') ? ' …' : ''}`;
}

/** Dutch plural helper: plural(1, 'vraag', 'vragen') → "1 vraag". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;
}

/** Join names Dutch style: "A", "A en B", "A, B en C". */
export function joinNl(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
