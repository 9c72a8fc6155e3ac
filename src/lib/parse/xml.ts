/**
 * Reader for the official XML of Kamervragen as published by KOOP on officielebekendmakingen.nl
 * (`ah-tk-…` answers and notices in the Aanhangsel van de Handelingen, `kv-tk-…` questions).
 *
 * The XML follows the op-xsd vocabulary: `<officiele-publicatie>` with inline `<metadata>` and a
 * `<kamervragen>` body of `<kamervraagkop>`, `<kamervraagnummer>`, `<kamervraagomschrijving>`,
 * `<kamervraagopmerking>`, `<vraag>`/`<antwoord>` (each with an `<nr>` label and `<al>` paragraphs)
 * and inline `<noot>` footnotes. Older publications use `<vragen>`, `<omschr>` and `<nummer>`;
 * both are read. Nothing in the markup is executed or resolved: DOCTYPE declarations are dropped
 * before parsing, so no entity from a document type is ever expanded.
 *
 * This module also holds the helpers the HTML reader shares (labels, pairing, footnote markers,
 * metadata values), so both readers number and pair blocks the same way; labels are read with the
 * text reader's grammar (`readLabel`, `parseNumbers` in labels.ts) so all readers agree on them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Message } from '../schema/common.ts';
import type { DocumentParts, PartsMeta, RawPair } from './parts.ts';
import { parseNumbers, readLabel } from './labels.ts';
import { superscript } from './lines.ts';
import { isoFromParts } from '../dates.ts';

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by html.ts)
// ---------------------------------------------------------------------------------------------

// Footnote markers travel through the text as private-use sentinels until a paragraph is
// finished, so that whitespace before them can be removed without touching real superscripts.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/** A line break inside a paragraph (`<br>`); `finishParagraph` reads it as a space. */
export const LINE_BREAK = '\uE002';

/** A footnote marker in sentinel form; `finishParagraph` turns it into superscript digits. */
export function footnoteMarker(n: number): string {
  return `${MARK_OPEN}${n}${MARK_CLOSE}`;
}

/** The marker of footnote `n`, noting `n` once in `refs` (the block's references) when there is one. */
export function markerFor(n: number, refs: number[] | null): string {
  if (refs && !refs.includes(n)) refs.push(n);
  return footnoteMarker(n);
}

/** Collapses white space (no-break spaces included) to single spaces and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00A0]+/g, ' ').trim();
}

/**
 * Normalises one paragraph: collapses whitespace, removes soft hyphens and zero-width characters,
 * and glues footnote markers to the text before them as superscript digits ("«Goede Moeders»?¹").
 * Two markers with nothing but whitespace between them get a comma ("?⁷,⁸") so they do not read
 * as one number; a comma already in the source is kept ("?⁷, ⁸").
 */
export function finishParagraph(text: string): string {
  let s = text
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0\u2007\u202F\uE002]+/g, ' ')
    .trim();
  const markerRe = new RegExp(`${MARK_CLOSE}\\s*${MARK_OPEN}`, 'g');
  s = s.replace(markerRe, `${MARK_CLOSE},${MARK_OPEN}`);
  const glueRe = new RegExp(`([^,\\s])\\s+(?=${MARK_OPEN})`, 'g');
  s = s.replace(glueRe, '$1');
  const markRe = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');
  s = s.replace(markRe, (_m, d: string) => superscript(Number(d)));
  return s.trim();
}

/** A question or answer block before pairing. */
export interface BlockItem {
  /** 'q' for a question block, 'a' for an answer block. */
  kind: 'q' | 'a';
  /** Label as printed, without "Vraag"/"Antwoord" ("2 en 3", "3a"). */
  label: string;
  /** Question numbers the label covers. */
  numbers: number[];
  /** Text of the block, paragraphs separated by a blank line. */
  text: string;
  /** Footnote numbers whose markers stand in this block, in order of appearance. */
  refs: number[];
}

/**
 * Reads a printed question or answer label: "Vraag 2 en 3" → {label "2 en 3", numbers [2, 3]},
 * "Antwoord op vraag 3a:" → {"3a", [3]}, "Vragen 2 t/m 6" → [2..6], "4-7" → [4..7],
 * "7, 8, 9 10 en 11" → [7..11]. Also takes the bare numbering an `<nr>` element or attribute may
 * hold ("3a"). Returns empty numbers when no number is printed. The numbers are expanded by the
 * text reader's `parseNumbers`, so every reader counts "t/m", "t.m.", "tot", ranges and lists alike.
 */
export function parseLabel(raw: string): { label: string; numbers: number[] } {
  let s = squash(raw);
  s = s.replace(/^(?:antwoord(?:en)?|vra(?:ag|gen))\b\.?\s*/i, '');
  s = s.replace(/^(?:op\s+)?(?:de\s+)?(?:vra(?:ag|gen)\s+)?(?:nr\.?\s*)?/i, '');
  s = s.replace(/[\s:.)]+$/, '').replace(/^[(\s]+/, '').trim();
  // parseNumbers knows the en dash and hyphen as range signs; the em dash means the same here.
  const numbers = parseNumbers(s.replace(/—/g, '–')).sort((x, y) => x - y);
  return { label: s, numbers };
}

/**
 * 'q' when a line is a numbered question label and nothing else ("Vraag 1", "VRAGEN 2 en 3"),
 * 'a' for an answer label ("Antwoord op vraag 2 t/m 4:"), else null: any other line, a label
 * followed by text ("Vraag 1 over deze site?"), a label without number. The line is read with the
 * text reader's `readLabel`; markup may print the keyword in any case and glue "nr." to the
 * number ("vraag nr.3"), which `readLabel` does not expect, so the line is brought to its form first.
 */
export function labelKind(line: string): 'q' | 'a' | null {
  const s = line.trim().toLowerCase().replace(/^./, (c) => c.toUpperCase()).replace(/\bnr\.(?=\d)/g, 'nr. ').replace(/—/g, '–');
  const label = readLabel(s);
  if (!label || label.rest !== '' || label.numbers.length === 0) return null;
  return label.role === 'question' ? 'q' : 'a';
}

function uniqueInOrder(ns: number[]): number[] {
  const out: number[] = [];
  for (const n of ns) if (!out.includes(n)) out.push(n);
  return out;
}

/**
 * Pairs question and answer blocks in document order. Consecutive questions answered by one
 * merged answer ("Antwoord 2 en 3") become one pair whose question texts are joined by a blank
 * line; questions with no answer get `answer: null` (questions-only documents, notices).
 */
export function buildPairs(items: BlockItem[], messages: Message[]): RawPair[] {
  const pairs: RawPair[] = [];
  let pending: BlockItem[] = [];
  const anyAnswer = items.some((i) => i.kind === 'a');
  const questionOnly = (q: BlockItem): RawPair => {
    if (anyAnswer) {
      messages.push(msg('answer-missing', `Bij vraag ${q.label || '(zonder nummer)'} staat geen antwoord.`));
    }
    return { label: q.label, numbers: q.numbers, question: q.text, answer: null, footnoteRefs: q.refs };
  };
  for (const it of items) {
    if (it.kind === 'q') {
      pending.push(it);
      continue;
    }
    if (pending.length === 0) {
      const last = pairs[pairs.length - 1];
      const sameBlock =
        last !== undefined &&
        last.answer !== null &&
        (it.numbers.length === 0 || it.numbers.every((n) => last.numbers.includes(n)));
      if (last && sameBlock) {
        // A second answer element for the same numbers continues the previous answer.
        last.answer = [last.answer, it.text].filter((t) => t).join('\n\n');
        last.footnoteRefs = uniqueInOrder([...(last.footnoteRefs ?? []), ...it.refs]);
      } else {
        messages.push(msg('answer-without-question', `Antwoord ${it.label || '(zonder nummer)'} volgt niet op een vraag.`));
        pairs.push({ label: it.label, numbers: it.numbers, question: '', answer: it.text, footnoteRefs: it.refs });
      }
      continue;
    }
    let covered =
      it.numbers.length === 0
        ? pending
        : pending.filter((q) => q.numbers.length === 0 || q.numbers.some((n) => it.numbers.includes(n)));
    if (covered.length === 0) {
      messages.push(
        msg('label-mismatch', `Antwoord ${it.label} hoort bij geen van de voorgaande vragen (${pending.map((q) => q.label).join(', ')}).`),
      );
      covered = pending;
    }
    for (const q of pending) if (!covered.includes(q)) pairs.push(questionOnly(q));
    const numbers = uniqueInOrder([...covered.flatMap((q) => q.numbers), ...it.numbers]).sort((a, b) => a - b);
    const first = covered[0];
    const label =
      covered.length === 1 && first && first.label && (it.numbers.length === 0 || it.numbers.every((n) => first.numbers.includes(n)))
        ? first.label
        : it.label || covered.map((q) => q.label).join(' en ');
    pairs.push({
      label,
      numbers,
      question: covered.map((q) => q.text).filter((t) => t).join('\n\n'),
      answer: it.text,
      footnoteRefs: uniqueInOrder([...covered.flatMap((q) => q.refs), ...it.refs]),
    });
    pending = [];
  }
  for (const q of pending) pairs.push(questionOnly(q));
  return pairs;
}

/** A non-fatal message with no place (structured sources have no line positions of their own). */
export function msg(ruleId: string, reason: string, severity: Message['severity'] = 'warning'): Message {
  return { ruleId, reason, severity, place: null };
}

/**
 * Normalises a date as stated in metadata ("2021-07-08", "8-7-2021", "2021-07-08T00:00:00") to ISO,
 * or null. Only these whole-value forms are taken (not `parseDutchDate`'s "first date in a text",
 * which misses "2021-7-8" and timestamps); the date is checked by `isoFromParts` like every other date.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/.exec(s);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  return dmy ? isoFromParts(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : null;
}

/** "2020-2021", "2020–2021", "Vergaderjaar 2020/2021", "20202021" → "2020-2021"; else null. */
export function normaliseVergaderjaar(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /(\d{4})\s*[-–—/]?\s*(\d{4})/.exec(raw);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return b === a + 1 ? `${a}-${b}` : null;
}

/**
 * Reads an Aanhangsel number as metadata states it: "3976", the Tweede Kamer's nine-digit form
 * "202103976" (YY YY + five digits), or an id "ah-tk-20202021-3976". Returns the number and,
 * when the value says it, the vergaderjaar.
 */
export function parseAanhangselValue(raw: string | null | undefined): { number: number; vergaderjaar: string | null } | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^ah-(?:tk|ek)-(\d{8})-(\d+)$/i.exec(s);
  if (m && m[1] && m[2]) return { number: Number(m[2]), vergaderjaar: normaliseVergaderjaar(m[1]) };
  m = /^(\d{2})(\d{2})(\d{5})$/.exec(s);
  if (m && m[1] && m[2] && m[3] && Number(m[2]) === (Number(m[1]) + 1) % 100) {
    const y = 2000 + Number(m[1]);
    return { number: Number(m[3]), vergaderjaar: `${y}-${y + 1}` };
  }
  m = /^(\d{1,5})$/.exec(s);
  if (m && Number(m[1]) > 0) return { number: Number(m[1]), vergaderjaar: null };
  return null;
}

/** Finds a zaak number (2021Z12345) in a value, or null. */
export function findZaakNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /\b(\d{4}Z\d{5})\b/.exec(raw);
  return m?.[1] ?? null;
}

/**
 * Metadata from name/content pairs: the official id, Aanhangsel number, vergaderjaar, zaak
 * number and dates, each taken from the element named for it. Lookup is case-insensitive because
 * publications spell names differently ("OVERHEIDop.vraagnummer" / "OVERHEIDop.vraagNummer").
 */
export function metaFromPairs(pairs: Map<string, string>): PartsMeta {
  const get = (...names: string[]): string | null => {
    for (const n of names) {
      const v = pairs.get(n.toLowerCase());
      if (v && v.trim()) return v.trim();
    }
    return null;
  };
  const out: PartsMeta = {};
  const id = get('DC.identifier', 'dcterms.identifier');
  if (id && /^(?:ah|kv|h|kst|blg)-[A-Za-z0-9-]+$/.test(id)) out.id = id;
  const fromId = out.id ? parseAanhangselValue(out.id) : null;
  const ah = parseAanhangselValue(get('OVERHEIDop.aanhangselNummer', 'OVERHEIDop.aanhangselnummer')) ?? fromId;
  if (ah) out.aanhangselNumber = ah.number;
  const vj = normaliseVergaderjaar(get('OVERHEIDop.vergaderjaar')) ?? ah?.vergaderjaar ?? fromId?.vergaderjaar ?? null;
  if (vj) out.vergaderjaar = vj;
  const zaak = findZaakNumber(get('OVERHEIDop.vraagnummer', 'OVERHEIDop.vraagNummer')) ?? (out.id?.startsWith('kv-') ? findZaakNumber(out.id) : null);
  if (zaak) out.zaakNumber = zaak;
  const submitted = normaliseDate(get('OVERHEIDop.datumIndiening'));
  if (submitted) out.dateSubmitted = submitted;
  const answered = normaliseDate(get('OVERHEIDop.datumOntvangst'));
  if (answered) out.dateAnswered = answered;
  return out;
}

/** The heading "Mededeling" that opens the notice of a notice document. */
export const NOTICE_HEADING = /^mededeling\s*:?$/i;

/** Reports every footnote a pair refers to whose text `hasNote` does not know. */
export function reportMissingNotes(pairs: RawPair[], hasNote: (n: number) => boolean, messages: Message[]): void {
  for (const n of new Set(pairs.flatMap((p) => p.footnoteRefs ?? []))) {
    if (!hasNote(n)) messages.push(msg('footnote-text-missing', `Voetnoot ${n} wordt genoemd, maar de tekst ervan ontbreekt.`));
  }
}

/** Sentences that belong to the header of a Kamervragen document. */
export const HEADER_SENTENCE = /^(?:(?:schriftelijke\s+)?vragen\s+(?:van|gesteld)|(?:nader\s+|aanvullend\s+)?antwoord\s+van|mededeling\s+van|zie\s+ook\b)/i;

// ---------------------------------------------------------------------------------------------
// XML tree
// ---------------------------------------------------------------------------------------------

interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
type XNode = XElement | string;

/** True when a tree node is an element rather than text (the XML and the HTML tree alike). */
export function isEl<E extends object>(n: E | string | undefined): n is E {
  return typeof n === 'object' && n !== null;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

/** Deeper nesting than this is no real publication; refusing it keeps recursion within the stack. */
const MAX_DEPTH = 400;

function convert(items: unknown, depth = 0): XNode[] {
  const out: XNode[] = [];
  if (!Array.isArray(items)) return out;
  if (depth > MAX_DEPTH) throw new Error(`Geen bruikbare XML: de elementen zijn dieper dan ${MAX_DEPTH} niveaus genest.`);
  for (const item of items as Array<Record<string, unknown>>) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined) continue;
    if (key === '#text') {
      out.push(String(item[key] ?? ''));
      continue;
    }
    if (key.startsWith('?') || key.startsWith('!') || key === '#comment') continue;
    const rawAttrs = (item[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[localName(k)] = String(v ?? '');
    out.push({ name: localName(key), attrs, children: convert(item[key], depth + 1) });
  }
  return out;
}

/** The elements below an element, in document order (the XML and the HTML tree alike). */
export function* descendants<E extends { children: Array<E | string> }>(el: E): Generator<E> {
  for (const c of el.children) {
    if (isEl(c)) {
      yield c;
      yield* descendants(c);
    }
  }
}

function find(el: XElement, name: string): XElement | null {
  for (const d of descendants(el)) if (d.name === name) return d;
  return null;
}

function childEl(el: XElement, name: string): XElement | null {
  for (const c of el.children) if (isEl(c) && c.name === name) return c;
  return null;
}

function plainText(n: XNode): string {
  if (!isEl(n)) return n;
  return n.children.map(plainText).join('');
}

// ---------------------------------------------------------------------------------------------
// Rendering markup to plain text
// ---------------------------------------------------------------------------------------------

/** Elements that are never content. */
const SKIP = new Set([
  'metadata', 'meta', 'kamervraagkop', 'kamervraagnummer', 'tekstregel', 'colspec', 'spanspec',
  'plaatje', 'illustratie', 'figuur', 'li.nr', 'lidnr', 'noot.nr', 'vraagnummer', 'kop.nr',
]);
/** Elements that hold running text: their children are read inline unless they are blocks. */
const PARA = new Set([
  'al', 'tussenkop', 'titel', 'kop', 'wat', 'considerans.al', 'term', 'definitie', 'citaat',
  'label', 'subtitel', 'noot.al', 'entry', 'td', 'th', 'p',
]);
/** Elements that always start a new block, even inside a paragraph element. */
const BLOCK = new Set(['al', 'al-groep', 'lijst', 'table', 'tgroup', 'li', 'tussenkop', 'kop', 'box', 'plaatje']);
/** Elements that are read as running text wherever they stand. */
const INLINE = new Set([
  'nadruk', 'extref', 'intref', 'sup', 'inf', 'br', 'naam', 'voornaam', 'achternaam', 'voorvoegsels',
  'initialen', 'datum', 'organisatie', 'kamervraagonderwerp', 'functie', 'politiek', 'partij', 'plaats',
  'dagtekening', 'noot', 'nootref', 'afkorting', 'unknown', 'span', 'a', 'b', 'i', 'u', 'em', 'strong',
]);

interface RenderCtx {
  /** Footnote number by noot id, from a first pass over the document. */
  idToNumber: Map<string, number>;
  /** Footnote number by noot element. */
  elToNumber: Map<XElement, number>;
  /** Footnote texts found. */
  notes: Map<number, string>;
  /** Where markers found while rendering are recorded. */
  refs: number[] | null;
  messages: Message[];
}

function noteNumberText(noot: XElement): string | null {
  const nr = childEl(noot, 'noot.nr');
  const raw = nr ? squash(plainText(nr)) : (noot.attrs['nr'] ?? '');
  return /^\d{1,4}$/.test(raw.trim()) ? raw.trim() : null;
}

function inlineText(el: XElement, ctx: RenderCtx): string {
  let out = '';
  for (const c of el.children) {
    if (!isEl(c)) {
      out += c;
      continue;
    }
    if (c.name === 'noot') {
      const n = ctx.elToNumber.get(c);
      if (n !== undefined) {
        if (!ctx.notes.has(n)) ctx.notes.set(n, noteText(c, ctx));
        out += markerFor(n, ctx.refs);
      }
      continue;
    }
    if (c.name === 'nootref') {
      const n = ctx.idToNumber.get(c.attrs['refid'] ?? '') ?? (c.attrs['nr'] ? Number(c.attrs['nr']) : undefined);
      if (n !== undefined && Number.isFinite(n)) out += markerFor(n, ctx.refs);
      else ctx.messages.push(msg('footnote-ref-unresolved', `Een verwijzing naar voetnoot "${c.attrs['refid'] ?? ''}" wijst naar geen bekende voetnoot.`));
      continue;
    }
    if (c.name === 'br') {
      out += ' ';
      continue;
    }
    if (SKIP.has(c.name)) continue;
    if (c.name === 'sup' && /^\s*\d+\s*$/.test(plainText(c))) {
      // A printed superscript that is not a footnote ("m<sup>2</sup>") keeps its superscript form.
      out += superscript(Number(plainText(c).trim()));
      continue;
    }
    out += inlineText(c, ctx);
  }
  return out;
}

function noteText(noot: XElement, ctx: RenderCtx): string {
  // The note's own markers must not count as references of the pair it stands in.
  const saved = ctx.refs;
  ctx.refs = null;
  const parts: string[] = [];
  const als = noot.children.filter((c): c is XElement => isEl(c) && c.name !== 'noot.nr');
  if (als.length === 0) parts.push(finishParagraph(inlineText(noot, ctx)));
  for (const al of als) parts.push(...renderBlocks(al, ctx).map((b) => b.replace(/\n+/g, ' ')));
  ctx.refs = saved;
  return parts.filter((p) => p).join(' ').trim();
}

function isBlockChild(c: XElement, insidePara: boolean): boolean {
  if (BLOCK.has(c.name)) return true;
  if (insidePara) return false;
  if (INLINE.has(c.name)) return false;
  return true;
}

/** Renders an element to blocks: paragraphs, list blocks and table blocks, in order. */
function renderBlocks(el: XElement, ctx: RenderCtx): string[] {
  if (SKIP.has(el.name)) return [];
  if (el.name === 'lijst' || el.name === 'ul' || el.name === 'ol') return nonEmpty([renderList(el, ctx, 0)]);
  if (el.name === 'table') return renderTable(el, ctx);
  const insidePara = PARA.has(el.name);
  const blocks: string[] = [];
  let run = '';
  const flush = (): void => {
    const p = finishParagraph(run);
    if (p) blocks.push(p);
    run = '';
  };
  for (const c of el.children) {
    if (!isEl(c)) {
      run += c;
      continue;
    }
    if (SKIP.has(c.name)) continue;
    if (isBlockChild(c, insidePara)) {
      flush();
      blocks.push(...renderBlocks(c, ctx));
    } else {
      run += inlineText({ name: '#wrap', attrs: {}, children: [c] }, ctx);
    }
  }
  flush();
  return blocks;
}

function nonEmpty(xs: string[]): string[] {
  return xs.filter((x) => x.trim() !== '');
}

const BULLETS = new Set(['', '-', '–', '—', '‑', '•', '·', '*', '○', '▪', '■', '□', '◦']);

/** A list: one item per line, "- item" for bullets and the printed marker ("1.", "a)") otherwise. */
function renderList(el: XElement, ctx: RenderCtx, depth: number): string {
  const lines: string[] = [];
  const indent = '  '.repeat(depth);
  for (const li of el.children) {
    if (!isEl(li) || (li.name !== 'li' && li.name !== 'lijst')) continue;
    if (li.name === 'lijst') {
      lines.push(renderList(li, ctx, depth + 1));
      continue;
    }
    const nrEl = childEl(li, 'li.nr');
    const printed = nrEl ? squash(plainText(nrEl)) : '';
    const marker = BULLETS.has(printed) ? '-' : printed;
    const parts: string[] = [];
    for (const c of li.children) {
      if (isEl(c) && (c.name === 'lijst' || c.name === 'ul' || c.name === 'ol')) {
        parts.push(renderList(c, ctx, depth + 1));
      } else if (isEl(c)) {
        parts.push(...renderBlocks({ name: 'li-part', attrs: {}, children: [c] }, ctx).map((b) => indent + '  ' + b));
      } else if (c.trim()) {
        parts.push(indent + '  ' + finishParagraph(c));
      }
    }
    const first = parts.shift();
    if (first === undefined) continue;
    lines.push(`${indent}${marker} ${first.trimStart()}`);
    lines.push(...parts);
  }
  return lines.join('\n');
}

/** A table: an optional title paragraph, then one line per row with cells separated by " | ". */
function renderTable(el: XElement, ctx: RenderCtx): string[] {
  const out: string[] = [];
  const title = childEl(el, 'title') ?? childEl(el, 'titel') ?? childEl(el, 'caption');
  if (title) {
    const t = finishParagraph(inlineText(title, ctx));
    if (t) out.push(t);
  }
  const rows: string[] = [];
  const visit = (n: XElement): void => {
    for (const c of n.children) {
      if (!isEl(c)) continue;
      if (c.name === 'row' || c.name === 'tr') {
        const cells = c.children
          .filter((x): x is XElement => isEl(x) && (x.name === 'entry' || x.name === 'td' || x.name === 'th'))
          .map((cell) => renderBlocks(cell, ctx).join(' ').replace(/\s*\n\s*/g, ' ').trim());
        if (cells.some((x) => x)) rows.push(cells.join(' | '));
      } else if (c.name !== 'title' && c.name !== 'titel' && c.name !== 'caption') {
        visit(c);
      }
    }
  };
  visit(el);
  if (rows.length) out.push(rows.join('\n'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a Kamervragen document
// ---------------------------------------------------------------------------------------------

interface ParsedXml {
  root: XElement;
}

function parseXml(xml: string): ParsedXml {
  if (typeof xml !== 'string' || xml.trim() === '') throw new Error('Geen XML: de invoer is leeg.');
  const text = xml.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) throw new Error('Geen XML: de invoer begint niet met een element.');
  // Drop the document type declaration: its entities are never expanded.
  const safe = text.replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/i, '');
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(safe, { allowBooleanAttributes: true });
  } catch (e) {
    throw new Error(`Geen bruikbare XML: ${(e as Error).message}.`);
  }
  if (verdict !== true) {
    const e = verdict.err;
    throw new Error(`Geen geldige XML: ${e.msg} (regel ${e.line}, kolom ${e.col}).`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    allowBooleanAttributes: true,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(safe);
  } catch (e) {
    // The parser refuses pathological input (e.g. extreme nesting) with its own English message.
    throw new Error(`Geen bruikbare XML: ${(e as Error).message}.`);
  }
  const root = convert(parsed).find(isEl);
  if (!root) throw new Error('Geen geldige XML: er is geen wortelelement.');
  return { root };
}

function findKamervragen(root: XElement): XElement | null {
  if (root.name === 'kamervragen') return root;
  const kv = find(root, 'kamervragen');
  if (kv) return kv;
  // Older publications: <vragen> or <reactie> with <vraag>/<antwoord> children.
  for (const name of ['vragen', 'reactie']) {
    const el = root.name === name ? root : find(root, name);
    if (el && el.children.some((c) => isEl(c) && (c.name === 'vraag' || c.name === 'antwoord'))) return el;
  }
  return null;
}

function collectMetaPairs(root: XElement): Map<string, string> {
  const pairs = new Map<string, string>();
  const visit = (el: XElement): void => {
    for (const c of el.children) {
      if (!isEl(c)) continue;
      if ((c.name === 'meta' || c.name === 'metadata') && c.attrs['name'] !== undefined) {
        const k = c.attrs['name'].toLowerCase();
        const v = (c.attrs['content'] ?? '').trim();
        if (v && !pairs.has(k)) pairs.set(k, v);
      }
      if (c.name === 'metadata' || c.name === 'meta' || c.name === 'metadata_gegevens') visit(c);
    }
  };
  visit(root);
  return pairs;
}

function describeNonKamervragen(root: XElement, meta: Map<string, string>): string {
  const pub = meta.get('overheidop.publicationname') ?? null;
  const type = meta.get('dc.type') ?? null;
  if (root.name === 'metadata_gegevens') {
    return `het is een metadata-bestand (metadata.xml) zonder documenttekst${pub ? ` van een ${pub}` : ''}`;
  }
  if (root.name === 'owms-metadata') return 'het is een OWMS-metadatabestand zonder documenttekst';
  if (root.name === 'searchretrieveresponse') return 'het is een SRU-zoekantwoord, geen document';
  if (root.name === 'diagnostics') return 'het is een SRU-foutmelding (diagnostics), geen document';
  if (root.name === 'officiele-publicatie') {
    const body = root.children.find((c): c is XElement => isEl(c) && c.name !== 'metadata');
    if (body?.name === 'kamerstuk') {
      const titel = find(body, 'stuk');
      const t = titel ? childEl(titel, 'titel') : null;
      const what = t ? squash(plainText(t)).toLowerCase() : (type ?? 'kamerstuk');
      return `het is een Kamerstuk (${what})`;
    }
    if (body) return `de officiële publicatie bevat <${body.name}>, geen <kamervragen>`;
    return 'de officiële publicatie heeft geen inhoud';
  }
  return `het wortelelement is <${root.name}>`;
}

/** True when the text is well-formed XML holding a Kamervragen body (`<kamervragen>` or an older `<vragen>`/`<reactie>`). */
export function isKamervragenXml(xml: string): boolean {
  try {
    return findKamervragen(parseXml(xml).root) !== null;
  } catch {
    return false;
  }
}

function numberNotes(root: XElement, ctx: RenderCtx): void {
  let last = 0;
  for (const el of descendants(root)) {
    if (el.name !== 'noot') continue;
    const printed = noteNumberText(el);
    let n: number;
    if (printed !== null) {
      n = Number(printed);
    } else {
      n = last + 1;
      ctx.messages.push(msg('footnote-number-missing', `Een voetnoot heeft geen nummer; nummer ${n} aangenomen.`));
    }
    if ([...ctx.elToNumber.values()].includes(n)) {
      ctx.messages.push(msg('footnote-duplicate', `Voetnootnummer ${n} komt meer dan eens voor; de eerste tekst is bewaard.`));
    }
    ctx.elToNumber.set(el, n);
    if (el.attrs['id']) ctx.idToNumber.set(el.attrs['id'], n);
    last = Math.max(last, n);
  }
}

function labelOf(el: XElement, blocks: string[]): { label: string; numbers: number[]; blocks: string[] } {
  const nr = childEl(el, 'nr') ?? childEl(el, 'nummer');
  if (nr) return { ...parseLabel(squash(plainText(nr))), blocks };
  const attr = el.attrs['nr'] ?? el.attrs['nummer'];
  if (attr) return { ...parseLabel(attr), blocks };
  // Some publications print the label as the first paragraph ("<al>Vraag 1</al>").
  const first = blocks[0];
  if (first !== undefined && first.length <= 40 && (labelKind(first) !== null || /^(?:vraag|antwoord)\s*$/i.test(first))) {
    return { ...parseLabel(first), blocks: blocks.slice(1) };
  }
  return { label: '', numbers: [], blocks };
}

/** Splits the blocks of a remark (`<kamervraagopmerking>`, `div.kamervraagopmerking`) into header sentences and notice text. */
export function splitRemark(blocks: string[]): { header: string[]; notice: string[] } {
  const header: string[] = [];
  const notice: string[] = [];
  let inNotice = false;
  for (const b of blocks) {
    if (NOTICE_HEADING.test(b)) {
      inNotice = true;
      continue;
    }
    if (!inNotice && HEADER_SENTENCE.test(b)) header.push(b);
    else {
      inNotice = true;
      notice.push(b);
    }
  }
  return { header, notice };
}

/**
 * Reads the official XML of a Kamervragen publication into document parts. Throws an Error with
 * a reason in Dutch when the text is not well-formed XML or is XML of another kind (a motion,
 * another Kamerstuk, a Gemeenteblad, a metadata file, an SRU response).
 */
export function readOfficialXml(xml: string): DocumentParts {
  const { root } = parseXml(xml);
  const metaPairs = collectMetaPairs(root);
  const kv = findKamervragen(root);
  if (!kv) throw new Error(`Geen Kamervragen-XML: ${describeNonKamervragen(root, metaPairs)}.`);

  const messages: Message[] = [];
  const ctx: RenderCtx = { idToNumber: new Map(), elToNumber: new Map(), notes: new Map(), refs: null, messages };
  numberNotes(root, ctx);

  const meta = metaFromPairs(metaPairs);
  const header: string[] = [];
  const notice: string[] = [];
  const closing: string[] = [];
  const items: BlockItem[] = [];
  let kamervraagnummer: string | null = null;
  let kopVergaderjaar: string | null = null;
  let onderwerp: string | null = null;
  let isoSubmitted: string | null = null;
  let isoAnswered: string | null = null;

  const readHeaderPart = (el: XElement): string[] => {
    const blocks = renderBlocks(el, ctx);
    const text = blocks.join(' ');
    const iso = [...descendants(el)].filter((d) => d.name === 'datum').map((d) => normaliseDate(d.attrs['isodatum']));
    const type = (el.attrs['type'] ?? '').toLowerCase();
    for (const d of iso) {
      if (!d) continue;
      if (type === 'vraag' || (!type && /ingezonden/i.test(text) && !isoSubmitted)) isoSubmitted ??= d;
      else if (type === 'antwoord' || /ontvangen/i.test(text)) isoAnswered ??= d;
    }
    const subject = find(el, 'kamervraagonderwerp');
    if (subject && !onderwerp) onderwerp = finishParagraph(inlineText(subject, { ...ctx, refs: null }));
    return blocks;
  };

  const walk = (container: XElement): void => {
    for (const c of container.children) {
      if (!isEl(c)) {
        if (c.trim()) header.push(finishParagraph(c));
        continue;
      }
      switch (c.name) {
        case 'metadata':
        case 'meta':
          break;
        case 'kamervraagkop':
          for (const d of descendants(c)) {
            if (d.name === 'tekstregel' && (d.attrs['inhoud'] ?? '') === 'vergaderjaar') kopVergaderjaar ??= squash(plainText(d));
          }
          break;
        case 'kamervraagnummer':
        case 'vraagnummer':
          kamervraagnummer ??= squash(plainText(c));
          break;
        case 'kamervraagomschrijving':
        case 'omschr':
          header.push(...readHeaderPart(c));
          break;
        case 'kamervraagopmerking':
        case 'kamervraagmededeling': {
          // "Antwoord van …"/"Mededeling van …" sentences are header; a "Mededeling" block is the notice.
          const split = splitRemark(readHeaderPart(c));
          header.push(...split.header);
          notice.push(...split.notice);
          break;
        }
        case 'toelicht':
          header.push(...renderBlocks(c, ctx));
          break;
        case 'vraag':
        case 'antwoord': {
          const refs: number[] = [];
          ctx.refs = refs;
          const blocks = renderBlocks({ ...c, children: c.children.filter((x) => !(isEl(x) && (x.name === 'nr' || x.name === 'nummer'))) }, ctx);
          ctx.refs = null;
          const l = labelOf(c, blocks);
          if (l.numbers.length === 0) {
            messages.push(msg('label-unreadable', `Een ${c.name === 'vraag' ? 'vraag' : 'antwoord'} heeft geen leesbaar nummer ("${l.label}").`));
          }
          items.push({ kind: c.name === 'vraag' ? 'q' : 'a', label: l.label, numbers: l.numbers, text: l.blocks.join('\n\n'), refs });
          break;
        }
        case 'ondertekening':
        case 'slotformulering':
          closing.push(...renderBlocks(c, ctx));
          break;
        case 'noot': {
          const n = ctx.elToNumber.get(c);
          if (n !== undefined && !ctx.notes.has(n)) ctx.notes.set(n, noteText(c, ctx));
          break;
        }
        case 'vragen':
        case 'reactie':
        case 'tekst':
        case 'vrije-tekst':
        case 'divisie':
          walk(c);
          break;
        default: {
          const blocks = renderBlocks(c, ctx);
          if (items.length === 0) header.push(...blocks);
          else if (items.every((i) => i.kind === 'q') && blocks.some((b) => /^mededeling\b/i.test(b))) notice.push(...splitRemark(blocks).notice);
          else closing.push(...blocks);
        }
      }
    }
  };
  walk(kv);

  // Whatever the body states fills the gaps metadata left.
  if (!meta.vergaderjaar) {
    const vj = normaliseVergaderjaar(kopVergaderjaar);
    if (vj) meta.vergaderjaar = vj;
  }
  const nummer = kamervraagnummer as string | null;
  if (nummer) {
    const zaak = findZaakNumber(nummer);
    if (zaak && !meta.zaakNumber) meta.zaakNumber = zaak;
    else if (!zaak && !meta.aanhangselNumber && !meta.id?.startsWith('kv-')) {
      const ah = parseAanhangselValue(nummer);
      if (ah) meta.aanhangselNumber = ah.number;
    }
  }
  if (!meta.dateSubmitted && isoSubmitted) meta.dateSubmitted = isoSubmitted;
  if (!meta.dateAnswered && isoAnswered) meta.dateAnswered = isoAnswered;
  if (onderwerp) meta.title = onderwerp;

  const pairs = buildPairs(items, messages);
  if (pairs.length === 0 && notice.length === 0) {
    messages.push(msg('no-questions', 'Het document bevat geen vragen en geen mededeling.'));
  }
  reportMissingNotes(pairs, (n) => ctx.notes.has(n), messages);
  const footnotes = [...ctx.notes.entries()].sort((a, b) => a[0] - b[0]).map(([n, text]) => ({ n, text }));

  const parts: DocumentParts = {
    form: 'aanhangsel-xml',
    container: 'xml',
    header: header.filter((h) => h).join(' '),
    pairs,
    footnotes,
    notice: notice.length ? notice.join('\n\n') : null,
    meta,
    messages,
  };
  if (closing.length) parts.closing = closing.join('\n\n');
  return parts;
}
