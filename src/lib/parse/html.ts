/**
 * Reader for Kamervragen as HTML pages: the officielebekendmakingen.nl rendering of the official
 * XML (`div.vraag`, `div.antwoord`, `h1.kamervraagomschrijving_kop`, `div.kamervraagopmerking`,
 * footnote markers `a.nootnum` / `<sup>`, footnotes in `div#noten > div.voet.noot`, metadata in
 * `<meta name="OVERHEIDop.…">`), and tweedekamer.nl document pages, whose text carries the labels
 * "Vraag 1" / "Antwoord 1" as lines of their own.
 *
 * Parsing uses parse5, the WHATWG-conformant HTML parser, so a page is read into the same tree a
 * browser builds, however sloppy its markup, and every named character reference is decoded.
 * Scripts, styles, forms and navigation are skipped; only text comes out.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { Message } from '../schema/common.ts';
import type { DocumentParts, PartsMeta } from './parts.ts';
import { superscript } from './lines.ts';
import {
  HEADER_SENTENCE,
  LINE_BREAK,
  NOTICE_HEADING,
  buildPairs,
  descendants,
  finishParagraph,
  findZaakNumber,
  isEl,
  labelKind,
  markerFor,
  metaFromPairs,
  msg,
  parseLabel,
  reportMissingNotes,
  splitRemark,
  squash,
  type BlockItem,
} from './xml.ts';

type P5Node = DefaultTreeAdapterTypes.Node;
type P5Element = DefaultTreeAdapterTypes.Element;

interface HElement {
  tag: string;
  attrs: Record<string, string>;
  classes: Set<string>;
  children: HNode[];
}
type HNode = HElement | string;

/** Elements whose content is never document text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'nav', 'form', 'button', 'select',
  'input', 'textarea', 'iframe', 'object', 'embed', 'img', 'picture', 'video', 'audio', 'canvas', 'map',
  'dialog', 'link', 'meta', 'title',
]);
/** Page chrome that is skipped when it stands outside the chosen content root. */
const CHROME_TAGS = new Set(['header', 'footer', 'aside']);
/** Elements that start a new block. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table',
  'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'blockquote', 'dl', 'dt', 'dd', 'pre', 'hr', 'address',
  'figure', 'figcaption', 'center', 'caption', 'header', 'footer', 'aside', 'body', 'html', 'details', 'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Deeper nesting than this is no real page; refusing it keeps recursion within the stack. */
const MAX_DEPTH = 400;

function convert(node: P5Node, depth = 0): HNode | null {
  if (depth > MAX_DEPTH) throw new Error(`Geen bruikbare HTML: de elementen zijn dieper dan ${MAX_DEPTH} niveaus genest.`);
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (node.nodeName === '#comment' || node.nodeName === '#documentType') return null;
  const el = node as P5Element;
  if (!('tagName' in el)) {
    const parent = node as DefaultTreeAdapterTypes.ParentNode;
    const children = (parent.childNodes ?? []).map((c) => convert(c, depth + 1)).filter((c): c is HNode => c !== null);
    return { tag: '#root', attrs: {}, classes: new Set(), children };
  }
  const attrs: Record<string, string> = {};
  for (const a of el.attrs) attrs[a.name.toLowerCase()] = a.value;
  const classes = new Set((attrs['class'] ?? '').toLowerCase().split(/\s+/).filter((c) => c));
  const children = el.childNodes.map((c) => convert(c, depth + 1)).filter((c): c is HNode => c !== null);
  return { tag: el.tagName.toLowerCase(), attrs, classes, children };
}

function textOf(n: HNode): string {
  if (!isEl(n)) return n;
  if (SKIP_TAGS.has(n.tag)) return '';
  return n.children.map(textOf).join('');
}

// ---------------------------------------------------------------------------------------------
// Zones: which part of the document an element holds
// ---------------------------------------------------------------------------------------------

type Zone = 'q' | 'a' | 'h' | 'o';

function zoneOf(el: HElement): Zone | null {
  const c = el.classes;
  if (c.has('vraag')) return 'q';
  if (c.has('antwoord')) return 'a';
  if (c.has('kamervraagomschrijving') || c.has('kamervraagomschrijving_kop') || c.has('omschr')) return 'h';
  if (c.has('kamervraagopmerking') || c.has('kamervraagmededeling')) return 'o';
  return null;
}

function isNoteContainer(el: HElement): boolean {
  const id = (el.attrs['id'] ?? '').toLowerCase();
  return id === 'noten' || id === 'footnotes' || id === 'voetnoten' || el.classes.has('noten') || el.classes.has('voetnoten') || el.classes.has('footnotes');
}

function isNote(el: HElement): boolean {
  const c = el.classes;
  if (c.has('nootnum') || c.has('note-close')) return false;
  return (c.has('voet') && c.has('noot')) || c.has('voetnoot') || c.has('footnote') || (c.has('noot') && el.tag !== 'a' && el.tag !== 'sup' && el.tag !== 'span');
}

// ---------------------------------------------------------------------------------------------
// Footnotes
// ---------------------------------------------------------------------------------------------

interface Note {
  n: number;
  text: string;
}

function readNote(el: HElement, fallback: number | null): Note | null {
  let numberEl: HElement | null = null;
  for (const d of descendants(el)) {
    if (d.classes.has('nootnum') || d.tag === 'sup') {
      if (/^\s*\d{1,4}\s*[.)]?\s*$/.test(textOf(d))) {
        numberEl = d;
        break;
      }
    }
  }
  const skip = (d: HElement): boolean => d === numberEl || d.classes.has('note-close') || (d.tag === 'h5' && /^\s*x?\s*noot\s*$/i.test(textOf(d)));
  const render = (n: HNode): string => {
    if (!isEl(n)) return n;
    if (skip(n) || SKIP_TAGS.has(n.tag)) return '';
    const inner = n.children.map(render).join('');
    return BLOCK_TAGS.has(n.tag) || n.tag === 'br' ? ` ${inner} ` : inner;
  };
  let text = finishParagraph(el.children.map(render).join(''));
  let n: number | null = numberEl ? Number(textOf(numberEl).replace(/\D/g, '')) : null;
  if (n === null) {
    const m = /^(\d{1,4})[.)]?\s+(.*)$/s.exec(text);
    if (m && m[1] && m[2] !== undefined) {
      n = Number(m[1]);
      text = m[2];
    } else {
      n = fallback;
    }
  }
  if (n === null || !Number.isFinite(n) || n <= 0) return null;
  return { n, text: text.replace(/^[-–:\s]+/, '').trim() };
}

function collectNotes(root: HElement, messages: Message[]): { notes: Note[]; noteEls: Set<HElement> } {
  const notes: Note[] = [];
  const noteEls = new Set<HElement>();
  const add = (note: Note | null, el: HElement): void => {
    noteEls.add(el);
    if (!note) return;
    if (notes.some((x) => x.n === note.n)) {
      messages.push(msg('footnote-duplicate', `Voetnootnummer ${note.n} komt meer dan eens voor; de eerste tekst is bewaard.`));
      return;
    }
    notes.push(note);
  };
  const visit = (el: HElement): void => {
    for (const c of el.children) {
      if (!isEl(c) || SKIP_TAGS.has(c.tag)) continue;
      if (isNote(c)) {
        add(readNote(c, null), c);
        continue;
      }
      if (isNoteContainer(c)) {
        noteEls.add(c);
        const inner = [...descendants(c)].filter(isNote);
        if (inner.length) {
          for (const n of inner) add(readNote(n, null), n);
        } else {
          // A plain list of notes: <ol class="footnotes"><li>…</li></ol> or paragraphs "1 text".
          let i = 0;
          for (const d of descendants(c)) {
            if (d.tag === 'li' || (d.tag === 'p' && /^\s*\d/.test(textOf(d)))) {
              i++;
              const v = Number(d.attrs['value']);
              add(readNote(d, Number.isFinite(v) && v > 0 ? v : i), d);
            }
          }
        }
        continue;
      }
      visit(c);
    }
  };
  visit(root);
  notes.sort((a, b) => a.n - b.n);
  return { notes, noteEls };
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

interface Block {
  text: string;
  /** The text split at `<br>`, each line finished on its own. */
  lines: string[];
  tag: string;
  classes: Set<string>;
  zone: Zone | null;
  zoneSeq: number;
  refs: number[];
}

interface WalkState {
  blocks: Block[];
  run: string;
  runRefs: number[];
  runTag: string;
  runClasses: Set<string>;
  zone: Zone | null;
  zoneSeq: number;
  nextSeq: number;
  noteNumbers: Set<number>;
  noteEls: Set<HElement>;
  kamervraagnummer: string | null;
}

function flush(st: WalkState): void {
  const text = finishParagraph(st.run);
  if (text) {
    const lines = st.run.split(LINE_BREAK).map(finishParagraph).filter((l) => l);
    st.blocks.push({ text, lines, tag: st.runTag, classes: st.runClasses, zone: st.zone, zoneSeq: st.zoneSeq, refs: [...st.runRefs] });
  }
  st.run = '';
  st.runRefs = [];
  st.runTag = 'p';
  st.runClasses = new Set();
}

/** Digits of a footnote marker element, or null when it is not one. */
function markerNumbers(el: HElement, st: WalkState): number[] | null {
  if (el.tag !== 'a' && el.tag !== 'sup' && !el.classes.has('nootnum')) return null;
  const t = squash(textOf(el));
  if (!/^\d{1,4}(?:\s*,\s*\d{1,4})*$/.test(t)) return null;
  const ns = t.split(/\s*,\s*/).map(Number);
  if (el.classes.has('nootnum')) return ns;
  if (el.tag === 'a' && (el.attrs['href'] ?? '').startsWith('#') && el.classes.has('noot')) return ns;
  if (el.tag === 'sup') {
    const hasLink = [...descendants(el)].some((d) => d.tag === 'a' && ((d.attrs['href'] ?? '').startsWith('#') || d.classes.has('nootnum')));
    if (hasLink || ns.every((n) => st.noteNumbers.has(n))) return ns;
  }
  return null;
}

function inline(n: HNode, st: WalkState): void {
  if (!isEl(n)) {
    st.run += n;
    return;
  }
  if (SKIP_TAGS.has(n.tag) || st.noteEls.has(n) || n.classes.has('note-close')) return;
  const marks = markerNumbers(n, st);
  if (marks) {
    for (const m of marks) st.run += markerFor(m, st.runRefs);
    return;
  }
  if (n.tag === 'br') {
    st.run += LINE_BREAK;
    return;
  }
  if (n.tag === 'sup' && /^\s*\d+\s*$/.test(textOf(n))) {
    st.run += superscript(Number(textOf(n).trim()));
    return;
  }
  for (const c of n.children) inline(c, st);
}

function listBlock(el: HElement, st: WalkState, depth: number): string {
  const lines: string[] = [];
  const ordered = el.tag === 'ol';
  let index = Number(el.attrs['start']) || 1;
  for (const li of el.children) {
    if (!isEl(li) || li.tag !== 'li') continue;
    // OEP prints the marker in <span class="ol">1.</span> (bullets as "•").
    let printed: string | null = null;
    const markerEl = [...descendants(li)].find((d) => d.classes.has('ol') || d.classes.has('li-nr'));
    if (markerEl) printed = squash(textOf(markerEl));
    const marker = printed === null ? (ordered ? `${index}.` : '-') : /^[•·\-–—*○▪■□◦]?$/.test(printed) ? '-' : printed;
    index++;
    const sub: string[] = [];
    const saved = { run: st.run, runRefs: st.runRefs };
    st.run = '';
    st.runRefs = [];
    const parts: string[] = [];
    const visit = (n: HNode): void => {
      if (isEl(n) && n === markerEl) return;
      if (isEl(n) && (n.tag === 'ul' || n.tag === 'ol')) {
        sub.push(listBlock(n, st, depth + 1));
        return;
      }
      if (isEl(n) && BLOCK_TAGS.has(n.tag) && n.tag !== 'li') {
        const before = finishParagraph(st.run);
        if (before) parts.push(before);
        st.run = '';
        for (const c of n.children) visit(c);
        const after = finishParagraph(st.run);
        if (after) parts.push(after);
        st.run = '';
        return;
      }
      if (isEl(n)) {
        const marks = markerNumbers(n, st);
        if (marks) {
          for (const m of marks) st.run += markerFor(m, saved.runRefs);
          return;
        }
        if (SKIP_TAGS.has(n.tag)) return;
        if (n.tag === 'br') {
          st.run += ' ';
          return;
        }
        for (const c of n.children) visit(c);
        return;
      }
      st.run += n;
    };
    for (const c of li.children) visit(c);
    const rest = finishParagraph(st.run);
    if (rest) parts.push(rest);
    st.run = saved.run;
    st.runRefs = saved.runRefs;
    const indent = '  '.repeat(depth);
    if (parts.length === 0 && sub.length === 0) continue;
    lines.push(`${indent}${marker} ${parts.shift() ?? ''}`.trimEnd());
    for (const p of parts) lines.push(`${indent}  ${p}`);
    lines.push(...sub);
  }
  return lines.join('\n');
}

function cellText(cell: HElement, st: WalkState): string {
  const saved = { run: st.run };
  st.run = '';
  const visit = (n: HNode): void => {
    if (!isEl(n)) {
      st.run += n;
      return;
    }
    if (BLOCK_TAGS.has(n.tag)) {
      st.run += ' ';
      for (const c of n.children) visit(c);
      st.run += ' ';
      return;
    }
    inline(n, st);
  };
  for (const c of cell.children) visit(c);
  const text = finishParagraph(st.run);
  st.run = saved.run;
  return text;
}

function tableBlocks(el: HElement, st: WalkState): string[] {
  const out: string[] = [];
  const caption = el.children.find((c): c is HElement => isEl(c) && c.tag === 'caption');
  if (caption) {
    const t = cellText(caption, st);
    if (t) out.push(t);
  }
  const rows: string[] = [];
  for (const d of descendants(el)) {
    if (d.tag !== 'tr') continue;
    const cells = d.children.filter((c): c is HElement => isEl(c) && (c.tag === 'td' || c.tag === 'th')).map((c) => cellText(c, st));
    if (cells.some((c) => c)) rows.push(cells.join(' | '));
  }
  if (rows.length) out.push(rows.join('\n'));
  return out;
}

function walk(el: HElement, st: WalkState): void {
  for (const c of el.children) {
    if (!isEl(c)) {
      st.run += c;
      continue;
    }
    if (SKIP_TAGS.has(c.tag) || CHROME_TAGS.has(c.tag) || st.noteEls.has(c) || c.classes.has('note-close')) continue;
    if (c.attrs['hidden'] !== undefined || c.attrs['aria-hidden'] === 'true') continue;
    if (c.classes.has('kamervraagnummer') || c.classes.has('kamervraagkop')) {
      if (c.classes.has('kamervraagnummer')) st.kamervraagnummer ??= squash(textOf(c));
      continue;
    }
    const zone = zoneOf(c);
    if (zone) {
      flush(st);
      const saved = { zone: st.zone, zoneSeq: st.zoneSeq };
      st.zone = zone;
      st.zoneSeq = st.nextSeq++;
      if (HEADINGS.has(c.tag) || c.tag === 'p') {
        st.runTag = c.tag;
        st.runClasses = c.classes;
        for (const x of c.children) inline(x, st);
      } else {
        walk(c, st);
      }
      flush(st);
      st.zone = saved.zone;
      st.zoneSeq = saved.zoneSeq;
      continue;
    }
    if (c.tag === 'ul' || c.tag === 'ol') {
      flush(st);
      const text = listBlock(c, st, 0);
      if (text) st.blocks.push({ text, lines: [text], tag: c.tag, classes: c.classes, zone: st.zone, zoneSeq: st.zoneSeq, refs: [...st.runRefs] });
      st.runRefs = [];
      continue;
    }
    if (c.tag === 'table') {
      flush(st);
      for (const text of tableBlocks(c, st)) {
        st.blocks.push({ text, lines: [text], tag: 'table', classes: c.classes, zone: st.zone, zoneSeq: st.zoneSeq, refs: [...st.runRefs] });
        st.runRefs = [];
      }
      continue;
    }
    if (BLOCK_TAGS.has(c.tag)) {
      flush(st);
      st.runTag = c.tag;
      st.runClasses = c.classes;
      walk(c, st);
      flush(st);
      continue;
    }
    inline(c, st);
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata and form
// ---------------------------------------------------------------------------------------------

interface PageMeta {
  pairs: Map<string, string>;
  url: string | null;
  title: string | null;
}

function readPageMeta(root: HElement): PageMeta {
  const pairs = new Map<string, string>();
  let url: string | null = null;
  let title: string | null = null;
  for (const d of descendants(root)) {
    if (d.tag === 'meta') {
      const name = (d.attrs['name'] ?? d.attrs['property'] ?? '').toLowerCase();
      const content = (d.attrs['content'] ?? '').trim();
      if (name && content && !pairs.has(name)) pairs.set(name, content);
    } else if (d.tag === 'link' && (d.attrs['rel'] ?? '').toLowerCase() === 'canonical' && d.attrs['href']) {
      url ??= d.attrs['href'].trim();
    } else if (d.tag === 'title' && title === null) {
      title = squash(textOf({ ...d, tag: 'span' }));
    }
  }
  url ??= pairs.get('og:url') ?? null;
  if (url && !/^https?:\/\/\S+$/i.test(url)) url = null;
  return { pairs, url, title };
}

function isTweedeKamerPage(page: PageMeta, root: HElement): boolean {
  if (page.url && /(^|\.)tweedekamer\.nl\//i.test(page.url.replace(/^https?:\/\//i, ''))) return true;
  const ident = page.pairs.get('dcterms.identifier') ?? '';
  if (/tweedekamer\.nl/i.test(ident)) return true;
  if (/tweede kamer der staten-generaal\s*$/i.test(page.title ?? '') && !page.pairs.has('overheidop.publicationname')) return true;
  for (const d of descendants(root)) if (d.classes.has('u-text-primary') || d.classes.has('m-card')) return true;
  return false;
}

function contentRoot(body: HElement): HElement {
  const byId = (id: string): HElement | undefined => [...descendants(body)].find((d) => (d.attrs['id'] ?? '').toLowerCase() === id);
  const byClass = (cls: string): HElement | undefined => [...descendants(body)].find((d) => d.classes.has(cls));
  return (
    byId('broodtekst') ??
    byId('main-column') ??
    byClass('kamervragen') ??
    byClass('m-modal__content') ??
    [...descendants(body)].find((d) => d.tag === 'main') ??
    [...descendants(body)].find((d) => d.tag === 'article') ??
    body
  );
}

// ---------------------------------------------------------------------------------------------
// Segmentation into header, pairs and notice
// ---------------------------------------------------------------------------------------------

function isLabelBlock(b: Block): boolean {
  return (HEADINGS.has(b.tag) || b.classes.has('nummer') || b.text.length <= 40) && labelKind(b.text) !== null;
}

function itemFromGroup(kind: 'q' | 'a', group: Block[], messages: Message[]): BlockItem {
  let label = '';
  let numbers: number[] = [];
  let rest = group;
  const first = group[0];
  if (first && (isLabelBlock(first) || ((HEADINGS.has(first.tag) || first.classes.has('nummer')) && /\d/.test(first.text) && first.text.length <= 40))) {
    const l = parseLabel(first.text);
    label = l.label;
    numbers = l.numbers;
    rest = group.slice(1);
  }
  if (numbers.length === 0) {
    messages.push(msg('label-unreadable', `Een ${kind === 'q' ? 'vraag' : 'antwoord'} heeft geen leesbaar nummer.`));
  }
  return {
    kind,
    label,
    numbers,
    text: rest.map((b) => b.text).join('\n\n'),
    refs: [...new Set(rest.flatMap((b) => b.refs))],
  };
}

/** Joins header lines that a page broke mid-sentence ("(ontvangen" / "4 februari 2025).") back together. */
function headerFrom(blocks: Block[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const b of blocks) {
    if (HEADER_SENTENCE.test(b.text) || b.zone === 'h') {
      out.push(b.text);
      open = !/[.)]$/.test(b.text);
    } else if (open) {
      out[out.length - 1] += ` ${b.text}`;
      open = !/[.)]$/.test(b.text);
    }
  }
  return out;
}

/** A label and its text in one paragraph: "Vraag 1: Deelt u …". */
const INLINE_LABEL =
  /^((?:vra(?:ag|gen)|antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?)\s+\d+[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s*t\/m\s*|\s*[-–]\s*)\d+[a-z]?)*)\s*:\s+(\S.*)$/is;

/**
 * Splits a paragraph that starts with a label into a label block and a text block: the label on
 * a line of its own ("Vraag 1<br>Deelt u …") or followed by a colon ("Vraag 1: Deelt u …").
 */
function splitLabelLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const first = b.lines[0] ?? '';
    let label: string | null = null;
    let rest = '';
    if (b.lines.length > 1 && labelKind(first) !== null) {
      label = first;
      rest = finishParagraph(b.lines.slice(1).join(' '));
    } else {
      const m = INLINE_LABEL.exec(b.text);
      if (m?.[1] && m[2]) {
        label = m[1];
        rest = m[2];
      }
    }
    if (label === null) {
      out.push(b);
      continue;
    }
    out.push({ ...b, text: label, lines: [label], refs: [] });
    out.push({ ...b, text: rest, lines: [rest], tag: 'p' });
  }
  return out;
}

function segment(blocks: Block[], messages: Message[]): { header: string[]; items: BlockItem[]; notice: string[] } {
  const header: string[] = [];
  const notice: string[] = [];
  const items: BlockItem[] = [];
  const structured = blocks.some((b) => b.zone === 'q' || b.zone === 'a');
  if (structured) {
    const before: Block[] = [];
    let inNotice = false;
    let i = 0;
    while (i < blocks.length) {
      const b = blocks[i] as Block;
      if (b.zone === 'q' || b.zone === 'a') {
        const group: Block[] = [];
        while (i < blocks.length && (blocks[i] as Block).zoneSeq === b.zoneSeq) group.push(blocks[i++] as Block);
        items.push(itemFromGroup(b.zone, group, messages));
        continue;
      }
      if (b.zone === 'o') {
        const remark = splitRemark(blocks.filter((x) => x.zoneSeq === b.zoneSeq).map((x) => x.text));
        header.push(...remark.header);
        notice.push(...remark.notice);
        while (i < blocks.length && (blocks[i] as Block).zoneSeq === b.zoneSeq) i++;
        continue;
      }
      if (items.length === 0) before.push(b);
      else if (NOTICE_HEADING.test(b.text)) inNotice = true;
      else if (inNotice) notice.push(b.text);
      i++;
    }
    header.unshift(...headerFrom(before));
    return { header, items, notice };
  }
  // Text mode: labels stand as lines of their own.
  let current: { kind: 'q' | 'a'; group: Block[] } | null = null;
  let inNotice = false;
  const before: Block[] = [];
  const close = (): void => {
    if (current) items.push(itemFromGroup(current.kind, current.group, messages));
    current = null;
  };
  for (const b of blocks) {
    const kind = labelKind(b.text);
    if (kind) {
      close();
      inNotice = false;
      current = { kind, group: [b] };
      continue;
    }
    if (NOTICE_HEADING.test(b.text) && items.length + (current ? 1 : 0) > 0) {
      close();
      inNotice = true;
      continue;
    }
    if (inNotice) notice.push(b.text);
    else if (current) (current as { group: Block[] }).group.push(b);
    else before.push(b);
  }
  close();
  header.push(...headerFrom(before));
  return { header, items, notice };
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Reads an HTML page with Kamervragen (officielebekendmakingen.nl or tweedekamer.nl) into document
 * parts. Throws an Error with a reason in Dutch when the input is empty or holds no Kamervragen
 * (no question or answer labels, no header sentences and no notice).
 */
export function readHtml(html: string): DocumentParts {
  if (typeof html !== 'string' || html.trim() === '') throw new Error('Geen HTML: de invoer is leeg.');
  const root = convert(parse(html.replace(/^\uFEFF/, ''))) as HElement;
  const messages: Message[] = [];
  const page = readPageMeta(root);
  const body = [...descendants(root)].find((d) => d.tag === 'body') ?? root;
  const content = contentRoot(body);
  // Notes are looked for in the whole body: some pages put them outside the text column.
  const { notes, noteEls } = collectNotes(body, messages);

  const st: WalkState = {
    blocks: [],
    run: '',
    runRefs: [],
    runTag: 'p',
    runClasses: new Set(),
    zone: null,
    zoneSeq: 0,
    nextSeq: 1,
    noteNumbers: new Set(notes.map((n) => n.n)),
    noteEls,
    kamervraagnummer: null,
  };
  walk(content, st);
  flush(st);

  const { header, items, notice } = segment(splitLabelLines(st.blocks), messages);
  const pairs = buildPairs(items, messages);
  if (pairs.length === 0 && notice.length === 0 && header.length === 0) {
    const what = page.pairs.get('dc.identifier') ?? page.pairs.get('overheidop.publicationname') ?? page.title ?? 'onbekend document';
    throw new Error(`Geen Kamervragen-HTML: geen vragen, antwoorden, kopzinnen of mededeling gevonden (${what}).`);
  }

  const meta: PartsMeta = metaFromPairs(page.pairs);
  const tkPage = isTweedeKamerPage(page, root);
  if (page.url) meta.url = page.url;
  if (!meta.zaakNumber && page.url) {
    const q = /[?&]id=(\d{4}Z\d{5})\b/i.exec(page.url);
    if (q?.[1]) meta.zaakNumber = q[1].toUpperCase();
  }
  if (st.kamervraagnummer) {
    const zaak = findZaakNumber(st.kamervraagnummer);
    if (zaak) meta.zaakNumber ??= zaak;
    else if (!meta.aanhangselNumber && /^\d{1,5}$/.test(st.kamervraagnummer) && !meta.id?.startsWith('kv-')) meta.aanhangselNumber = Number(st.kamervraagnummer);
  }

  reportMissingNotes(pairs, (n) => notes.some((x) => x.n === n), messages);

  return {
    form: tkPage ? 'tk-website' : 'aanhangsel-html',
    container: 'html',
    header: header.join(' '),
    pairs,
    footnotes: notes.map((n) => ({ n: n.n, text: n.text })),
    notice: notice.length ? notice.join('\n\n') : null,
    meta,
    messages,
  };
}
