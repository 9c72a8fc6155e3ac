/**
 * PDF text extraction: every corpus PDF against the pdftotext text it was labelled on, the layout
 * rules on small synthetic pages, and bad input (tests/fixtures/bad, made by make.ts there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractPdfText, layoutPage, PdfError, type TextPiece } from '../../src/lib/parse/pdf.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(`${fixtures}${path}`));
const ids = readdirSync(`${fixtures}pdf`)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => f.slice(0, -4))
  .sort();

/** Words for comparing "in substance": NFC, lower case, end-of-line hyphens joined, punctuation dropped. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/-\n/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** 2·LCS / (|a| + |b|): 1 for equal sequences, lower for every word missing, added or moved. */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('extractPdfText on the corpus PDFs (compared with pdftotext)', () => {
  const results = new Map<string, { text: string; pages: number; wordRatio: number; lineRatio: number; expected: string }>();
  let elapsedMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    for (const id of ids) {
      const r = await extractPdfText(read(`pdf/${id}.pdf`));
      results.set(id, {
        text: r.text,
        pages: r.pages,
        expected: '',
        wordRatio: 0,
        lineRatio: 0,
      });
    }
    elapsedMs = performance.now() - started;
    for (const id of ids) {
      const r = results.get(id)!;
      r.expected = readFileSync(`${fixtures}corpus/${id}.txt`, 'utf8');
      r.wordRatio = similarity(words(r.text), words(r.expected));
      r.lineRatio = similarity(r.text.normalize('NFC').split('\n'), r.expected.normalize('NFC').split('\n'));
    }
  });

  it('has the 22 corpus PDFs, each with its labelled text', () => {
    expect(ids.length).toBe(22);
    for (const id of ids) expect(readdirSync(`${fixtures}corpus`)).toContain(`${id}.txt`);
  });

  it.each(ids)('%s: ≥ 98%% of the words of pdftotext, same page count', (id) => {
    const r = results.get(id)!;
    expect(r.wordRatio, `word similarity ${r.wordRatio.toFixed(4)}`).toBeGreaterThanOrEqual(0.98);
    // pdftotext ends every page, the last one included, with a form feed.
    expect(r.expected.endsWith('\f')).toBe(true);
    expect(r.pages).toBe(r.expected.split('\f').length - 1);
    expect(r.text.split('\f').length - 1).toBe(r.pages);
    // Line structure matters to the parser too ("Vraag 1" on a line of its own, footnote blocks).
    expect(r.lineRatio, `line similarity ${r.lineRatio.toFixed(4)}`).toBeGreaterThanOrEqual(0.9);
  });

  it('summary: worst and median similarity, identical texts, time', () => {
    const ratios = ids.map((id) => results.get(id)!.wordRatio);
    const worst = ids.reduce((w, id) => (results.get(id)!.wordRatio < results.get(w)!.wordRatio ? id : w), ids[0]!);
    const identical = ids.filter((id) => results.get(id)!.text.normalize('NFC') === results.get(id)!.expected.normalize('NFC'));
    console.info(
      `PDF vs pdftotext: worst word similarity ${Math.min(...ratios).toFixed(4)} (${worst}), median ${median(ratios).toFixed(4)}; ` +
        `${identical.length}/${ids.length} texts identical after NFC; ${ids.length} PDFs extracted in ${Math.round(elapsedMs)} ms`,
    );
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.98);
    // Most documents come out exactly as pdftotext makes them; a drop here means the layout changed.
    expect(identical.length).toBeGreaterThanOrEqual(18);
    // Generous: the 22 PDFs take about 1.5 s on the development machine.
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it('keeps footnote markers glued to the word, joins hyphenated lines, splits pages with \\f', () => {
    const { text } = results.get('ah-tk-20232024-1076')!;
    expect(text).toContain('Kick Out Zwarte Piet (KOZP)?1 Bent u voorts\n');
    expect(text).toContain('optocht die vanuit burgers werd geïnitieerd?2\n');
    expect(text).toContain('Uit het openbare overzicht van het Ministerie van Financiën, dat inzichtelijk');
    // "de burge-" / "meester kan" on the page; pdftotext joins them without the hyphen.
    expect(text).toContain('toegestaan, de burgemeester kan demonstraties beperken');
    // Footnote number on its own line, then the footnote text.
    expect(text).toContain('\n2\nAD, 16 november 2023 (https://www.ad.nl/');
    const pages = text.split('\f');
    expect(pages).toHaveLength(3);
    expect(pages[1]!.startsWith('Vraag 3\nDeelt u de mening')).toBe(true);
    expect(pages[2]).toBe('');
  });

  it('composes letters drawn with a separate accent glyph (Kostić, Yeşilgöz)', () => {
    expect(results.get('ah-tk-20232024-1314')!.text).toContain('en Kostić (PvdD) aan de');
    expect(results.get('ah-tk-20232024-1949')!.text).toContain('Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)');
  });
});

/** A piece of text for layoutPage; y grows downwards. */
const piece = (text: string, x0: number, base: number, size: number, width = text.length * size * 0.5): TextPiece => ({
  text,
  x0,
  x1: x0 + width,
  base,
  size,
  spaceBefore: false,
  spaceAfter: false,
});

describe('layoutPage', () => {
  it('returns nothing for a page without text', () => {
    expect(layoutPage([])).toBe('');
  });

  it('glues a superscript to the word before it and keeps the line together', () => {
    const out = layoutPage([piece('Kent u dit bericht?', 100, 500, 10, 90), piece('1', 190, 496.5, 6, 3), piece('Zo ja, wat vindt u?', 195, 500, 10, 90)]);
    expect(out).toBe('Kent u dit bericht?1 Zo ja, wat vindt u?\n\n');
  });

  it('puts a footnote number that starts a footnote on its own line', () => {
    const out = layoutPage([piece('1', 100, 700, 4.5, 2.8), piece('Hart van Nederland, 17 november 2023', 106.2, 702.7, 6.9, 150)]);
    expect(out).toBe('1\n\nHart van Nederland, 17 november 2023\n\n');
  });

  it('joins a line ending in a hyphen with the next line of its flow, but not at the end of a flow', () => {
    const out = layoutPage([piece('Dat betekent niet dat de burge-', 100, 100, 10, 150), piece('meester kan ingrijpen. Ook is demon-', 100, 112, 10, 150)]);
    expect(out).toBe('Dat betekent niet dat de burgemeester kan ingrijpen. Ook is demon-\n\n');
  });

  it('keeps paragraphs of one column in one flow but starts a new flow after a wide gap or a larger font', () => {
    const out = layoutPage([
      piece('Vraag 1', 100, 100, 10, 40),
      piece('Kent u het bericht?', 100, 112, 10, 90),
      piece('Antwoord 1', 100, 136, 10, 50), // paragraph gap: same flow
      piece('Ja.', 100, 148, 10, 15),
      piece('Vraag 2', 100, 220, 10, 40), // far below: new flow
      piece('Kop in groot', 100, 250, 16, 100), // larger font: new flow
    ]);
    expect(out).toBe('Vraag 1\nKent u het bericht?\nAntwoord 1\nJa.\n\nVraag 2\n\nKop in groot\n\n');
  });

  it('reads two columns one after the other', () => {
    const left = [0, 1, 2].map((i) => piece(`links regel ${i + 1}`, 50, 100 + i * 12, 10, 120));
    const right = [0, 1, 2].map((i) => piece(`rechts regel ${i + 1}`, 300, 100 + i * 12, 10, 120));
    const out = layoutPage([...right, ...left], { width: 595 });
    expect(out).toBe('links regel 1\nlinks regel 2\nlinks regel 3\n\nrechts regel 1\nrechts regel 2\nrechts regel 3\n\n');
  });

  it('inserts spaces only where the pieces are apart', () => {
    const out = layoutPage([piece('Minister', 100, 100, 10, 40), piece('van', 142, 100, 10, 15), piece('Financi', 160, 100, 10, 35), piece('ën', 195, 100, 10, 10)]);
    expect(out).toBe('Minister van Financiën\n\n');
  });
});

describe('extractPdfText on bad input (tests/fixtures/bad)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const rejects = async (bytes: Uint8Array, code: string, reason: RegExp): Promise<void> => {
    const err = await extractPdfText(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).code).toBe(code);
    expect((err as PdfError).message).toMatch(reason);
  };

  it('refuses an empty file', () => rejects(read('bad/empty.pdf'), 'empty', /leeg/));
  it('refuses binary junk without a PDF header', () => rejects(read('bad/junk.bin'), 'not-pdf', /geen PDF/));
  it('refuses a text file', () => rejects(read('bad/windows-1252.txt'), 'not-pdf', /geen PDF/));
  it('refuses a PDF cut in half', () => rejects(read('bad/truncated.pdf'), 'truncated', /onvolledig/));
  it('refuses a PDF with a garbage body', () => rejects(read('bad/corrupt.pdf'), 'corrupt', /beschadigd|niet worden gelezen/));
  it('refuses a PDF that needs a password', () => rejects(read('bad/encrypted.pdf'), 'encrypted', /wachtwoord/));
  it('refuses a scan without a text layer', () => rejects(read('bad/no-text.pdf'), 'no-text', /geen tekstlaag/));

  it('refuses a PDF cut in half even when someone glued an end marker on it', async () => {
    const real = read('pdf/ah-tk-20232024-1076.pdf');
    const glued = new Uint8Array([...real.subarray(0, real.length >> 1), ...new TextEncoder().encode('\n%%EOF\n')]);
    await rejects(glued, 'corrupt', /PDF/);
  });

  it('refuses a PDF with a hole in the middle', async () => {
    const real = read('pdf/ah-tk-20232024-1076.pdf');
    const holed = new Uint8Array([...real.subarray(0, 3000), ...real.subarray(9000)]);
    await rejects(holed, 'corrupt', /PDF/);
  });

  it('refuses more pages than allowed', async () => {
    const err = await extractPdfText(read('pdf/ah-tk-20232024-1076.pdf'), { maxPages: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).code).toBe('too-many-pages');
  });

  it('reads a PDF with a few junk bytes before the header', async () => {
    const real = read('pdf/ah-tk-20232024-1999.pdf');
    const prefixed = new Uint8Array([...new TextEncoder().encode('JUNK\r\n'), ...real]);
    const [a, b] = await Promise.all([extractPdfText(prefixed), extractPdfText(real)]);
    expect(a.text).toBe(b.text);
  });

  it('reads a PDF that is not Kamervragen like any other (deciding that is the parser’s job)', async () => {
    const r = await extractPdfText(read('bad/not-kamervragen.pdf'));
    expect(r.pages).toBe(2);
    expect(r.text).toBe(
      'Jaarverslag Stichting Voorbeeld 2023\nDit document is geen antwoord op Kamervragen.\n' +
        'Het bevat gewone tekst over de vereniging en haar leden.\n\n\fPagina twee van het jaarverslag.\n\n\f',
    );
    expect(r.messages).toEqual([]);
  });

  it('reads a PDF encrypted with an owner password only', async () => {
    const r = await extractPdfText(read('bad/owner-password-only.pdf'));
    expect(r.text).toBe('Deze tekst is versleuteld maar vrij leesbaar.\n\n\f');
  });

  it('reads a page turned with /Rotate', async () => {
    const r = await extractPdfText(read('bad/rotated-page.pdf'));
    expect(r.text).toBe('Tekst op een gedraaide pagina\ntweede regel\n\n\f');
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = read('bad/not-kamervragen.pdf');
    const copy = bytes.slice();
    await extractPdfText(bytes);
    expect(bytes).toEqual(copy);
  });

  it('prints nothing to stdout or the console, even for a damaged PDF', async () => {
    const spies = [
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
    ];
    const real = read('pdf/ah-tk-20232024-1076.pdf');
    // A broken cross-reference table makes pdfjs rebuild it, which it normally announces as a warning.
    const broken = real.slice();
    const xrefAt = Buffer.from(broken).lastIndexOf('xref');
    broken.set(new TextEncoder().encode('XXXX'), xrefAt);
    const r = await extractPdfText(broken);
    expect(r.pages).toBe(2);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
