/**
 * PDF text extraction with pdfjs-dist, shaped like the output of poppler's `pdftotext` in its
 * default (non-layout) mode, because the parser and its labelled corpus were built on that output:
 *
 * - one output line per visual line; words in x order; superscript footnote markers stay glued to
 *   the preceding word as plain digits ("«Goede Moeders»?1");
 * - a footnote marker at the start of a footnote (small raised digits left of the footnote text) is
 *   put on a line of its own, followed by the footnote text, as pdftotext mostly does;
 * - lines are grouped into "flows" (runs of text read in one go); a blank line follows every flow;
 *   a line ending in "-" is joined to the next line of its flow without the hyphen (pdftotext's
 *   de-hyphenation, so "burge-" + "meester" becomes "burgemeester");
 * - every page ends with a form feed `\f`, including the last one;
 * - text is in Unicode NFC (pdftotext leaves some accents as separate combining marks).
 *
 * The layout follows the model pdftotext uses: pieces of text are grouped into blocks (lines of
 * one font size plus the superscripts and markers on them), blocks are put in reading order with
 * Breuel's topological sort, and consecutive blocks form a flow while they stay close below each
 * other in a font that does not grow. On the 22 corpus PDFs this reproduces pdftotext's text
 * exactly for 21 documents (the exception is a table).
 *
 * Pure library code: bytes in, text and messages out. pdfjs runs in the main thread (no worker
 * thread, no font loading, no network); its own console output is limited to errors.
 */
import type { Message } from '../schema/common.ts';
import { placeAt } from './decode.ts';

/** Result of {@link extractPdfText}. */
export interface PdfTextResult {
  /** The text, pages separated (and terminated) by `\f`, lines by `\n`. */
  text: string;
  /** Number of pages read. */
  pages: number;
  /** Non-fatal problems (empty pages, unreadable characters, rotated text). */
  messages: Message[];
}

/** Limits for {@link extractPdfText}; the defaults suit Kamervragen (a few pages). */
export interface PdfExtractOptions {
  /** Refuse documents with more pages than this (default 500). */
  maxPages?: number;
  /** Give up when reading takes longer than this many milliseconds (default 120 000). */
  timeoutMs?: number;
}

/** Why a PDF could not be read. */
export type PdfErrorCode =
  | 'empty'
  | 'not-pdf'
  | 'truncated'
  | 'corrupt'
  | 'encrypted'
  | 'no-text'
  | 'too-many-pages'
  | 'timeout';

/** A PDF that cannot be turned into text; `message` is a Dutch reason without the file name (the caller adds it). */
export class PdfError extends Error {
  /** Machine-readable reason. */
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfError';
    this.code = code;
  }
}

/**
 * A piece of text as placed on the page, in display space (origin top-left, y grows downwards,
 * units of 1/72 inch). Exported so the layout step can be tested without a PDF.
 */
export interface TextPiece {
  /** The characters, without leading or trailing whitespace. */
  text: string;
  /** Left edge. */
  x0: number;
  /** Right edge. */
  x1: number;
  /** Baseline. */
  base: number;
  /** Font size (glyph height scale). */
  size: number;
  /** The source had whitespace right before this piece. */
  spaceBefore: boolean;
  /** The source had whitespace right after this piece. */
  spaceAfter: boolean;
  /** Font ascent as a fraction of the size (default 0.75). */
  ascent?: number;
  /** Font descent as a positive fraction of the size (default 0.25). */
  descent?: number;
}

// ---------------------------------------------------------------------------------------------
// Layout parameters. They are fractions of the font size unless stated otherwise; most follow the
// behaviour of pdftotext so our output lines up with the corpus texts made with it.

/** Max baseline difference for two pieces to share a line (covers super- and subscripts). */
const MAX_INTRA_LINE_DELTA = 0.5;
/** Max horizontal gap between two pieces of one line; wider gaps separate columns or cells. */
const MAX_WORD_SPACING = 1.5;
/** Horizontal gap above which a space is inserted between two pieces. */
const MIN_SPACE_GAP = 0.12;
/** Max vertical gap between consecutive lines of one flow (pdftotext: 2.5). */
const MAX_FLOW_GAP = 2.5;
/** Share of the font size above the baseline, and below it, used for the line box. */
const ASCENT = 0.75;
const DESCENT = 0.25;

/** A visual line: pieces on (about) one baseline, close together. */
interface Line {
  pieces: TextPiece[];
  x0: number;
  x1: number;
  /** Baseline of the main (largest) text on the line. */
  base: number;
  /** Font size of the main text. */
  size: number;
  top: number;
  bottom: number;
}

function makeLine(pieces: TextPiece[]): Line {
  const sorted = [...pieces].sort((a, b) => a.x0 - b.x0);
  // The main text is the piece with the largest font size; ties go to the longest piece.
  let main = sorted[0]!;
  for (const p of sorted) {
    if (p.size > main.size * 1.02 || (Math.abs(p.size - main.size) <= main.size * 0.02 && p.text.length > main.text.length)) main = p;
  }
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of sorted) {
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, p.x1);
    top = Math.min(top, p.base - (p.ascent ?? ASCENT) * p.size);
    bottom = Math.max(bottom, p.base + (p.descent ?? DESCENT) * p.size);
  }
  return { pieces: sorted, x0, x1, base: main.base, size: main.size, top, bottom };
}

/** `line` with `p` added, without re-sorting: cheap enough to call for every piece of a long line. */
function extendLine(line: Line, p: TextPiece): Line {
  const takesOver = p.size > line.size * 1.02;
  return {
    pieces: line.pieces,
    x0: Math.min(line.x0, p.x0),
    x1: Math.max(line.x1, p.x1),
    base: takesOver ? p.base : line.base,
    size: takesOver ? p.size : line.size,
    top: Math.min(line.top, p.base - (p.ascent ?? ASCENT) * p.size),
    bottom: Math.max(line.bottom, p.base + (p.descent ?? DESCENT) * p.size),
  };
}

/** Can `p` continue `line` on the same visual line (to its right or left)? */
function fitsOnLine(line: Line, p: TextPiece): boolean {
  const size = Math.max(line.size, p.size);
  if (Math.abs(p.base - line.base) > MAX_INTRA_LINE_DELTA * size) return false;
  const slack = 0.5 * Math.min(line.size, p.size);
  const gapRight = p.x0 - line.x1;
  const gapLeft = line.x0 - p.x1;
  if (gapRight >= -slack) return gapRight <= MAX_WORD_SPACING * size;
  if (gapLeft >= -slack) return gapLeft <= MAX_WORD_SPACING * size;
  return false; // overlaps the line horizontally: a different line (or duplicated text)
}

/** Can two lines on about the same baseline be one line? */
function linesJoin(a: Line, b: Line): boolean {
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.base - b.base) > MAX_INTRA_LINE_DELTA * size) return false;
  const slack = 0.5 * Math.min(a.size, b.size);
  const [left, right] = a.x0 <= b.x0 ? [a, b] : [b, a];
  const gap = right.x0 - left.x1;
  return gap >= -slack && gap <= MAX_WORD_SPACING * size;
}

/** Drop exact duplicates (fake bold, drop shadows): same text drawn again at almost the same place. */
function dedupe(pieces: TextPiece[]): TextPiece[] {
  const byText = new Map<string, TextPiece[]>();
  const out: TextPiece[] = [];
  for (const p of pieces) {
    const same = byText.get(p.text);
    // Only the last few pieces with this text: duplicates are drawn right after the original.
    const dup = same?.slice(-4).some((q) => Math.abs(q.x0 - p.x0) < 0.2 * p.size && Math.abs(q.base - p.base) < 0.2 * p.size);
    if (dup) continue;
    if (same) same.push(p);
    else byText.set(p.text, [p]);
    out.push(p);
  }
  return out;
}

/** Spacing accents and the combining marks they stand for. */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u00B4': '\u0301', // ´
  '`': '\u0300',
  '\u00A8': '\u0308', // ¨
  '\u02C6': '\u0302', // ˆ
  '^': '\u0302',
  '\u02DC': '\u0303', // ˜
  '\u00B8': '\u0327', // ¸
  '\u02C7': '\u030C', // ˇ
  '\u02D8': '\u0306', // ˘
  '\u02D9': '\u0307', // ˙
  '\u02DA': '\u030A', // ˚
  '\u02DB': '\u0328', // ˛
  '\u02DD': '\u030B', // ˝
  '\u00AF': '\u0304', // ¯
};

/**
 * Some PDFs draw accented letters as a letter plus a separate accent glyph on top of it
 * ("Kostic" + "´"). Like pdftotext, combine an accent that overlaps the end of the previous piece
 * with its last letter ("Kostić", "Yeşilgöz").
 */
function mergeAccents(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    const mark = ACCENTS[p.text[0] ?? ''];
    if (
      prev &&
      mark &&
      /\p{L}$/u.test(prev.text) &&
      Math.abs(p.base - prev.base) < 0.2 * prev.size &&
      Math.abs(p.size - prev.size) < 0.2 * prev.size &&
      p.x0 < prev.x1 - 0.05 * prev.size &&
      p.x0 > prev.x0
    ) {
      const rest = p.text.slice(1).trimStart();
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text}${mark}`.normalize('NFC') + rest,
        x1: Math.max(prev.x1, p.x1),
        spaceAfter: rest ? p.spaceAfter : prev.spaceAfter || p.spaceAfter,
      };
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Group pieces into visual lines. */
function buildLines(input: TextPiece[]): Line[] {
  const pieces = dedupe(input.filter((p) => p.text.length > 0 && p.size > 0 && Number.isFinite(p.base)));
  // Pass 1: content-stream order usually is writing order, so chain pieces while they continue
  // the current line; this keeps superscripts with the line they belong to.
  let groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let currentLine: Line | null = null;
  for (const p of pieces) {
    if (currentLine && fitsOnLine(currentLine, p)) {
      current.push(p);
      currentLine = extendLine(currentLine, p);
    } else {
      if (current.length) groups.push(current);
      current = [p];
      currentLine = makeLine(current);
    }
  }
  if (current.length) groups.push(current);

  // Pass 2: merge lines written out of order that sit side by side on one baseline. Lines are
  // sorted by baseline, so only a short window after each line needs checking.
  const sorted = groups.map(makeLine).sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const maxSize = sorted.reduce((m, l) => Math.max(m, l.size), 0);
  const slots: Array<Line | null> = sorted;
  for (let i = 0; i < slots.length; i++) {
    let a = slots[i];
    if (!a) continue;
    let changed = true;
    while (changed) {
      changed = false;
      for (let j = i + 1; j < slots.length; j++) {
        const b = slots[j];
        if (!b) continue;
        if (b.base - a.base > MAX_INTRA_LINE_DELTA * maxSize) break;
        if (linesJoin(a, b)) {
          a = makeLine([...a.pieces, ...b.pieces]);
          slots[j] = null;
          changed = true;
        }
      }
    }
    slots[i] = a;
  }
  const lines = slots.filter((l): l is Line => l !== null);

  // Pass 3: a small raised marker that starts a line is a footnote number; pdftotext prints it on
  // its own line before the footnote text, and so do we.
  groups = [];
  for (const line of lines) {
    const [first, second] = line.pieces;
    if (
      first &&
      second &&
      first.text.length <= 3 &&
      /^[\p{N}*†‡§]+$/u.test(first.text) &&
      first.size <= 0.85 * second.size &&
      first.base < second.base - 0.1 * second.size
    ) {
      groups.push([first], line.pieces.slice(1));
    } else {
      groups.push(line.pieces);
    }
  }
  return groups.map(makeLine);
}

/** Text of one line, with spaces where the pieces are apart. */
function lineText(line: Line): string {
  let out = '';
  let prev: TextPiece | null = null;
  for (const p of line.pieces) {
    if (prev) {
      const gap = p.x0 - prev.x1;
      const space = prev.spaceAfter || p.spaceBefore || gap > MIN_SPACE_GAP * Math.max(prev.size, p.size);
      if (space) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out;
}

/** A block: lines of one font size stacked closely, plus the markers and scripts that belong to them. */
interface Block {
  lines: Line[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size of the first piece of the first line, used for spacing to the next block. */
  firstSize: number;
  /** Horizontal extent stretched over the blocks below it, for reading order. */
  ex0: number;
  ex1: number;
  /** Free horizontal space around the block on its own rows. */
  priMin: number;
  priMax: number;
}

/** Above these counts a page is laid out line by line, top to bottom: the block steps grow quadratically. */
const MAX_PIECES_FOR_BLOCKS = 8_000;
const MAX_BLOCKS_FOR_ORDER = 300;

/** Bucket height (points) used to pick the next block seed among the top lines. */
const SEED_BUCKET = 4;
/** Max baseline distance between lines of one block. */
const MAX_LINE_SPACING = 1.5;
/** Max relative font-size differences: lines above/below, text on the block's own lines, text at its sides. */
const BLOCK_SIZE_DELTA_LINES = 0.05;
const BLOCK_SIZE_DELTA_OVERLAP = 0.6;
const BLOCK_SIZE_DELTA_SIDES = 0.2;
/** Horizontal slack for text on the block's own lines, and for text at its sides. */
const COL_SPACE_OVERLAP = 0.7;
const COL_SPACE_SIDES = 1.0;

/**
 * Group pieces into blocks the way pdftotext does: seed with the left-most piece among the top
 * lines left (so a superscript does not start a block), then grow down and up by lines of the same
 * font size, pulling in smaller text (superscripts, footnote markers) that sits on the block's lines.
 */
function buildBlocks(input: TextPiece[], bucketOffset: number): Block[] {
  // Pieces not yet in a block, sorted by baseline, so every search below looks at a narrow band
  // of baselines only (binary search + scan) instead of the whole page.
  const pool = dedupe(input.filter((p) => p.text.length > 0 && p.size > 0 && Number.isFinite(p.base))).sort(
    (a, b) => a.base - b.base || a.x0 - b.x0,
  );
  const firstAt = (base: number): number => {
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid]!.base < base) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Pieces with a baseline in [lo, hi], in baseline order (a copy, so callers may remove). */
  const band = (lo: number, hi: number): TextPiece[] => {
    const out: TextPiece[] = [];
    for (let i = firstAt(lo); i < pool.length && pool[i]!.base <= hi; i++) out.push(pool[i]!);
    return out;
  };
  const take = (p: TextPiece): void => {
    let i = firstAt(p.base);
    while (i < pool.length && pool[i] !== p) i++;
    if (i < pool.length) pool.splice(i, 1);
  };
  // Content-stream order, which buildLines relies on to keep superscripts with their line.
  const streamOrder = new Map(input.map((p, i) => [p, i]));
  const bucket = (base: number): number => Math.floor((base + bucketOffset) / SEED_BUCKET);
  const blocks: Block[] = [];
  while (pool.length) {
    // Seed: the left-most piece among the top four baseline buckets, so that a superscript or
    // a footnote number just above a line does not start the block on its own by accident.
    const topBucket = bucket(pool[0]!.base);
    let seed = pool[0]!;
    for (let i = 1; i < pool.length && bucket(pool[i]!.base) <= topBucket + 3; i++) {
      const p = pool[i]!;
      if (p.x0 < seed.x0) seed = p;
    }
    const s = seed.size;
    const members: TextPiece[] = [seed];
    take(seed);
    let minBase = seed.base;
    let maxBase = seed.base;
    let bx0 = seed.x0;
    let bx1 = seed.x1;
    const add = (p: TextPiece): void => {
      members.push(p);
      take(p);
      minBase = Math.min(minBase, p.base);
      maxBase = Math.max(maxBase, p.base);
      bx0 = Math.min(bx0, p.x0);
      bx1 = Math.max(bx1, p.x1);
    };
    const lineSpace = MAX_LINE_SPACING * s;
    const intra = MAX_INTRA_LINE_DELTA * s;
    const sameSize = (p: TextPiece, delta: number): boolean => Math.abs(p.size - s) < delta * s;
    let found = true;
    while (found) {
      found = false;
      // The nearest line just above and just below: same font size, overlapping the block.
      for (const dir of [-1, 1] as const) {
        const candidates = (dir < 0 ? band(minBase - lineSpace, minBase) : band(maxBase, maxBase + lineSpace)).filter(
          (p) => (dir < 0 ? p.base < minBase : p.base > maxBase) && p.x0 < bx1 && p.x1 > bx0 && sameSize(p, BLOCK_SIZE_DELTA_LINES),
        );
        if (!candidates.length) continue;
        const target = dir < 0 ? Math.max(...candidates.map((p) => p.base)) : Math.min(...candidates.map((p) => p.base));
        for (const p of candidates) if (Math.abs(p.base - target) <= 0.1 * s) add(p);
        found = true;
      }
      // Smaller or larger text on the block's own lines (superscripts, markers) that overlaps it.
      for (const p of band(minBase - intra, maxBase + intra)) {
        if (!(p.x0 < bx1 + COL_SPACE_OVERLAP * s && p.x1 > bx0 - COL_SPACE_OVERLAP * s)) continue;
        if (!sameSize(p, BLOCK_SIZE_DELTA_OVERLAP)) continue;
        add(p);
        found = true;
      }
      if (found) continue;
      // A few pieces just left or right of the block on its lines.
      for (const side of ['left', 'right'] as const) {
        const near = band(minBase - intra, maxBase + intra).filter(
          (p) =>
            sameSize(p, BLOCK_SIZE_DELTA_SIDES) &&
            (side === 'left' ? p.x1 <= bx0 && p.x1 > bx0 - COL_SPACE_SIDES * s : p.x0 >= bx1 && p.x0 < bx1 + COL_SPACE_SIDES * s),
        );
        if (near.length > 0 && near.length <= 3) {
          for (const p of near) add(p);
          found = true;
        }
      }
    }
    members.sort((a, b) => (streamOrder.get(a) ?? 0) - (streamOrder.get(b) ?? 0));
    const lines = buildLines(members).sort((a, b) => a.base - b.base || a.x0 - b.x0);
    let top = Infinity;
    let bottom = -Infinity;
    for (const l of lines) {
      top = Math.min(top, l.top);
      bottom = Math.max(bottom, l.bottom);
    }
    const firstSize = lines[0]?.pieces[0]?.size ?? s;
    blocks.push({ lines, x0: bx0, x1: bx1, top, bottom, firstSize, ex0: bx0, ex1: bx1, priMin: 0, priMax: Infinity });
  }
  return blocks;
}

const overlapsVertically = (a: Block, b: Block): boolean => a.top < b.bottom && a.bottom > b.top;

/** Free space left and right of each block on its rows, and its extent stretched over lower blocks. */
function measureBlocks(blocks: Block[], pageWidth: number): void {
  for (const b of blocks) {
    b.priMin = 0;
    b.priMax = pageWidth;
    let leftLimit = -Infinity;
    let rightLimit = Infinity;
    for (const o of blocks) {
      if (o === b || !overlapsVertically(o, b)) continue;
      if (o.x0 < b.x0) b.priMin = Math.max(b.priMin, Math.min(o.x1, b.x0));
      if (o.x1 > b.x1) b.priMax = Math.min(b.priMax, Math.max(o.x0, b.x1));
      if (o.x0 > b.x1) rightLimit = Math.min(rightLimit, o.x0);
      if (o.x1 < b.x0) leftLimit = Math.max(leftLimit, o.x1);
    }
    b.ex0 = b.x0;
    b.ex1 = b.x1;
    for (const o of blocks) {
      if (o === b || o.top < b.bottom) continue; // only blocks wholly below
      if (o.x1 > b.ex1 && o.x1 <= rightLimit) b.ex1 = o.x1;
      if (o.x0 < b.ex0 && o.x0 >= leftLimit) b.ex0 = o.x0;
    }
  }
}

/** Rule 1 of Breuel's reading order: `a` overlaps `b` horizontally and starts above it. */
function aboveOf(a: Block, b: Block): boolean {
  const overlap = (a.ex0 <= b.ex0 && b.ex0 <= a.ex1) || (b.ex0 <= a.ex0 && a.ex0 <= b.ex1);
  return overlap && a.top < b.top;
}

/**
 * Reading order by topological sort (T. M. Breuel, "High performance document layout analysis",
 * 2003): a block comes before another when it is above it and they overlap horizontally, or when
 * it is left of it and no third block separates them vertically.
 */
function readingOrder(blocks: Block[]): Block[] {
  if (blocks.length > MAX_BLOCKS_FOR_ORDER) return [...blocks].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const visited = new Set<Block>();
  const sorted: Block[] = [];
  const before = (a: Block, b: Block): boolean => {
    if (aboveOf(a, b)) return true;
    if (a.ex1 > b.ex0) return false;
    for (const c of blocks) {
      if (c !== a && c !== b && aboveOf(b, c) && aboveOf(c, a)) return false;
    }
    return true;
  };
  const visit = (b: Block, depth: number): void => {
    if (visited.has(b)) return;
    visited.add(b);
    if (depth < 1000) {
      for (const a of blocks) {
        if (!visited.has(a) && before(a, b)) visit(a, depth + 1);
      }
    }
    sorted.push(b);
  };
  for (const b of blocks) visit(b, 0);
  return sorted;
}

/** Page geometry for {@link layoutPage}. */
export interface PageGeometry {
  /** Page width; bounds the free space around blocks (default: right edge of the text). */
  width?: number;
  /**
   * Distance from the top of the media box to the top of the visible page. pdftotext measures
   * from the media box, and block seeding depends on it in edge cases (default 0).
   */
  topOffset?: number;
}

/**
 * Lay out the text pieces of one page as pdftotext would: blocks in reading order, grouped into
 * flows that are followed by a blank line, end-of-line hyphens joined within a flow. Returns the
 * page text without the closing form feed.
 */
export function layoutPage(pieces: TextPiece[], geometry: PageGeometry = {}): string {
  const merged = mergeAccents(pieces);
  if (merged.length > MAX_PIECES_FOR_BLOCKS) {
    const lines = buildLines(merged);
    return lines.length ? `${lines.map(lineText).join('\n')}\n\n` : '';
  }
  const blocks = buildBlocks(merged, geometry.topOffset ?? 0);
  if (!blocks.length) return '';
  const width = geometry.width ?? Math.max(...blocks.map((b) => b.x1)) + 1;
  measureBlocks(blocks, width);
  const ordered = readingOrder(blocks);

  // Flows: the next block joins when it is close below, fits the flow's free space and does not
  // use a larger font.
  const flows: Block[][] = [];
  let flow: Block[] = [];
  for (const b of ordered) {
    const prev = flow[flow.length - 1];
    const first = flow[0];
    if (
      prev &&
      first &&
      b.top - prev.bottom <= MAX_FLOW_GAP * prev.firstSize &&
      b.x0 >= prev.priMin &&
      b.x1 <= prev.priMax &&
      b.top > prev.top &&
      b.firstSize <= prev.firstSize * 1.001 &&
      b.x0 >= first.priMin &&
      b.x1 <= first.priMax
    ) {
      flow.push(b);
    } else {
      if (flow.length) flows.push(flow);
      flow = [b];
    }
  }
  if (flow.length) flows.push(flow);

  let out = '';
  for (const f of flows) {
    const lines = f.flatMap((b) => b.lines);
    for (let i = 0; i < lines.length; i++) {
      const text = lineText(lines[i]!);
      if (i < lines.length - 1 && text.endsWith('-') && text.length > 1) out += text.slice(0, -1);
      else out += `${text}\n`;
    }
    out += '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// pdfjs glue

/** Minimal view of the pdfjs text item we use. */
interface PdfjsTextStyle {
  ascent?: number;
  descent?: number;
}

/** Minimal view of the pdfjs text item we use. */
interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: readonly number[], n: readonly number[]): Matrix {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = n;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/** Characters that signal a broken text layer: private-use code points, U+FFFD and C0 controls. */
const GARBLED = /[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000E-\u001F]/gu;

/**
 * Convert pdfjs text items into pieces in display space. Horizontal left-to-right text becomes
 * pieces; other text (rotated, vertical) is returned separately, in content order.
 */
function toPieces(
  items: PdfjsTextItem[],
  styles: Record<string, PdfjsTextStyle>,
  viewport: readonly number[],
): { pieces: TextPiece[]; other: string[] } {
  const pieces: TextPiece[] = [];
  const other: string[] = [];
  let last: TextPiece | null = null;
  for (const item of items) {
    const str = item.str.replace(/[\u0000\u00AD]/g, '');
    if (!str.trim()) {
      if (last && str.length) last.spaceAfter = true;
      continue;
    }
    // Item matrix → display space (this also undoes page rotation).
    const m = multiply(viewport, item.transform);
    const [a, b, c, d, e, f] = m;
    const size = Math.hypot(c, d);
    const horizontal = a > 0 && Math.abs(b) <= 0.1 * Math.abs(a) && Math.abs(c) <= 0.1 * Math.abs(d);
    if (!horizontal || size <= 0) {
      other.push(str.trim());
      last = null;
      continue;
    }
    // Width is in the item's text space scaled by its horizontal scale; map it to display space.
    const itemScaleX = Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) || 1;
    const width = (item.width / itemScaleX) * Math.hypot(a, b);
    const lead = /^\s/.test(str);
    const trail = /\s$/.test(str);
    // pdfjs counts surrounding spaces in the width; the glyphs themselves are narrower.
    const trimmed = str.trim();
    const inkShare = trimmed.length / str.length;
    const inkStart = lead ? width * ((str.length - str.trimStart().length) / str.length) : 0;
    const piece: TextPiece = {
      text: trimmed.replace(/\s+/g, ' '),
      x0: e + inkStart,
      x1: e + inkStart + Math.max(width * inkShare, 0),
      base: f,
      size,
      spaceBefore: lead,
      spaceAfter: trail,
    };
    const style = styles[item.fontName];
    // Sane font metrics only: broken fonts report 0 or huge values.
    if (style?.ascent && style.ascent > 0.3 && style.ascent < 1.5) piece.ascent = style.ascent;
    if (style?.descent && style.descent < 0 && style.descent > -1) piece.descent = -style.descent;
    pieces.push(piece);
    last = piece;
  }
  return { pieces, other };
}

/** Find the end of the PDF: the last `%%EOF` must be followed by nothing but whitespace and padding. */
function looksComplete(bytes: Uint8Array): boolean {
  const tailStart = Math.max(0, bytes.length - 4096);
  for (let i = bytes.length - 5; i >= tailStart; i--) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x25 && bytes[i + 2] === 0x45 && bytes[i + 3] === 0x4f && bytes[i + 4] === 0x46) {
      for (let j = i + 5; j < bytes.length; j++) {
        const c = bytes[j]!;
        if (!(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x00 || c === 0x0c)) return false;
      }
      return true;
    }
  }
  return false;
}

/** Offset of `%PDF-` within the first KiB (some files carry a few junk bytes first), or -1. */
function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

function translateError(err: unknown): PdfError {
  if (err instanceof PdfError) return err;
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new PdfError('encrypted', 'de PDF is beveiligd met een wachtwoord en kan niet worden gelezen', { cause: err });
  }
  if (name === 'InvalidPDFException') {
    return new PdfError('corrupt', `de PDF is beschadigd of geen geldige PDF (${detail})`, { cause: err });
  }
  return new PdfError('corrupt', `de PDF kon niet worden gelezen: ${detail}`, { cause: err });
}

/** Reject when `promise` has not settled by `deadline` (ms since the epoch). */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PdfError('timeout', `het lezen van de PDF duurde te lang (${what})`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Extract the text of a PDF, laid out like `pdftotext` (see the module comment). The text is in
 * Unicode NFC. Throws a {@link PdfError} (Dutch message, no file name) for empty, non-PDF,
 * truncated, corrupt, password-protected, oversized or text-less (scanned) documents.
 * PDFs that are encrypted without a password to open them (owner password only) are read.
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<PdfTextResult> {
  const maxPages = options.maxPages ?? 500;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  if (bytes.length === 0) throw new PdfError('empty', 'het bestand is leeg');
  if (findPdfHeader(bytes) < 0) throw new PdfError('not-pdf', 'het bestand is geen PDF (de kop %PDF- ontbreekt)');
  if (!looksComplete(bytes)) {
    throw new PdfError('truncated', 'de PDF is onvolledig (afgekapt): de slotmarkering %%EOF ontbreekt aan het eind');
  }

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdfjs may transfer (detach) the buffer it gets; give it a copy so the caller's bytes stay usable.
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    enableXfa: false,
  });
  const messages: Message[] = [];
  let text = '';
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await beforeDeadline(task.promise, deadline, 'openen');
    } catch (err) {
      throw translateError(err);
    }
    const pages = doc.numPages;
    if (pages > maxPages) {
      throw new PdfError('too-many-pages', `de PDF heeft ${pages} pagina's; meer dan ${maxPages} wordt niet gelezen`);
    }
    let charCount = 0;
    let garbledCount = 0;
    for (let n = 1; n <= pages; n++) {
      let pageText: string;
      let other: string[];
      try {
        const page = await beforeDeadline(doc.getPage(n), deadline, `pagina ${n}`);
        const viewport = page.getViewport({ scale: 1 });
        const content = await beforeDeadline(page.getTextContent(), deadline, `pagina ${n}`);
        const items = content.items.filter((it): it is PdfjsTextItem & typeof it => 'str' in it);
        const converted = toPieces(items, content.styles, viewport.transform);
        other = converted.other;
        // pdfjs exposes only the crop box; assume the media box extends it equally at top and bottom.
        const topOffset = Math.max(0, page.view[1] ?? 0);
        pageText = layoutPage(converted.pieces, { width: viewport.width, topOffset });
        page.cleanup();
      } catch (err) {
        if (err instanceof PdfError) throw err;
        const detail = err instanceof Error ? err.message : String(err);
        throw new PdfError('corrupt', `pagina ${n} van de PDF kon niet worden gelezen: ${detail}`, { cause: err });
      }
      // pdftotext puts text it cannot fit into lines (rotated, vertical) at the page end too.
      if (other.length) pageText += `${other.join('\n')}\n\n`;
      pageText = pageText.normalize('NFC');
      const visible = pageText.replace(/\s/g, '');
      charCount += visible.length;
      garbledCount += visible.match(GARBLED)?.length ?? 0;
      if (other.length) {
        messages.push({
          ruleId: 'pdf-rotated-text',
          reason: `pagina ${n} bevat gedraaide of verticale tekst; die staat aan het eind van de pagina`,
          severity: 'info',
          place: placeAt(text, text.length, n),
        });
      }
      if (!visible.length && pages > 1) {
        messages.push({
          ruleId: 'pdf-page-no-text',
          reason: `pagina ${n} bevat geen tekst (mogelijk een gescande pagina of alleen een afbeelding)`,
          severity: 'warning',
          place: placeAt(text, text.length, n),
        });
      }
      text += `${pageText}\f`;
    }
    if (charCount === 0) {
      throw new PdfError('no-text', 'de PDF bevat geen tekstlaag (waarschijnlijk een scan); tekstherkenning (OCR) is nodig');
    }
    if (garbledCount > 0 && garbledCount >= 0.05 * charCount) {
      messages.push({
        ruleId: 'pdf-text-garbled',
        reason: `${garbledCount} van de ${charCount} tekens zijn onleesbaar (lettertype zonder tekentabel); controleer de tekst`,
        severity: 'warning',
        place: null,
      });
    }
    return { text, pages, messages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
