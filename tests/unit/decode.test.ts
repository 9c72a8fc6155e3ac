/**
 * Byte decoding and container sniffing, on real fixtures where they exist and on the small
 * encoding fixtures in tests/fixtures/bad (made by make.ts there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffContainer } from '../../src/lib/parse/decode.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(`${fixtures}${path}`));
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeText', () => {
  it('reads every corpus text as UTF-8, form feeds included, composed to NFC', () => {
    const files = readdirSync(`${fixtures}corpus`).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const r = decodeText(read(`corpus/${f}`));
      expect(r.encoding, f).toBe('utf-8');
      expect(r.text, f).toBe(readFileSync(`${fixtures}corpus/${f}`, 'utf8').replace(/\r\n?/g, '\n').normalize('NFC'));
      expect(r.messages, f).toEqual([]);
    }
    expect(decodeText(read('corpus/ah-tk-20232024-1076.txt')).text).toContain('\fVraag 3\n');
    // pdftotext wrote "s" + a combining cedilla; the labels (and the PDF reader) have "ş".
    expect(readFileSync(`${fixtures}corpus/ah-tk-20232024-1949.txt`, 'utf8')).toContain('Yes\u0327ilgöz');
    expect(decodeText(read('corpus/ah-tk-20232024-1949.txt')).text).toContain('Minister Yeşilgöz-Zegerius');
  });

  it('falls back to Windows-1252: "Financi\\xebn" is "Financiën"', () => {
    const r = decodeText(bytes('Ministerie van Financi', [0xeb], 'n'));
    expect(r).toEqual({
      text: 'Ministerie van Financiën',
      encoding: 'windows-1252',
      messages: [expect.objectContaining({ ruleId: 'encoding-fallback', severity: 'info', place: { line: 1, column: 23, offset: 22, page: null } })],
    });
  });

  it('reads the Windows-1252 fixture: curly quotes, dashes, CRLF to LF, form feed kept', () => {
    const r = decodeText(read('bad/windows-1252.txt'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(
      'Vragen van het lid Van Haga aan de Minister van Financiën (ingezonden 20 november 2023).\n' +
        'Vraag 1\nKlopt het bericht “Coöperatie” – zo ja, wat vindt u daarvan?\n\fAntwoord 1\nJa.\n',
    );
    // The first byte that is not UTF-8 is the ë on line 1.
    expect(r.messages[0]!.place).toMatchObject({ line: 1, column: 56, offset: 55 });
  });

  it('points at the first bad byte on a later line, after CRLF normalisation', () => {
    const r = decodeText(bytes('regel een\r\nregel twee\r\nco', [0xf6], 'peratie'));
    expect(r.text).toBe('regel een\nregel twee\ncoöperatie');
    expect(r.messages[0]!.place).toEqual({ line: 3, column: 3, offset: 23, page: null });
  });

  const utf16Text = 'Vraag 1\nKent u het bericht «Goede Moeders»?1\nAntwoord 1\nJa, ik ken het bericht over de Financiën.\f';

  it('reads UTF-16LE with a byte-order mark', () => {
    const r = decodeText(read('bad/utf-16le-bom.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe(utf16Text);
    expect(r.messages).toEqual([]);
  });

  it('reads UTF-16BE with a byte-order mark', () => {
    const r = decodeText(read('bad/utf-16be-bom.txt'));
    expect(r.encoding).toBe('utf-16be');
    expect(r.text).toBe(utf16Text);
  });

  it('recognises UTF-16LE without a byte-order mark, and says it guessed', () => {
    const le = read('bad/utf-16le-bom.txt').subarray(2);
    const r = decodeText(le);
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe(utf16Text);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['encoding-guessed']);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const r = decodeText(bytes([0xef, 0xbb, 0xbf], 'Vraag 1'));
    expect(r).toEqual({ text: 'Vraag 1', encoding: 'utf-8', messages: [] });
  });

  it('does not trust a UTF-8 byte-order mark on Windows-1252 bytes', () => {
    const r = decodeText(bytes([0xef, 0xbb, 0xbf], 'Financi', [0xeb], 'n'));
    expect(r.text).toBe('Financiën');
    expect(r.encoding).toBe('windows-1252');
    expect(r.messages.map((m) => m.ruleId)).toEqual(['encoding-bom-mismatch', 'encoding-fallback']);
  });

  it('normalises lone CR line ends and keeps form feeds', () => {
    expect(decodeText(bytes('a\rb\r\nc\n\fd')).text).toBe('a\nb\nc\n\fd');
  });

  it('warns about double-encoded UTF-8 ("FinanciÃ«n")', () => {
    const r = decodeText(bytes('FinanciÃ«n, coÃ¶peratie en Ã©Ã©n keer'));
    expect(r.encoding).toBe('utf-8');
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'encoding-mojibake', severity: 'warning' })]);
  });

  it('handles empty input', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', messages: [] });
  });

  it('does not throw on binary junk', () => {
    const r = decodeText(read('bad/junk.bin'));
    expect(typeof r.text).toBe('string');
  });
});

describe('sniffContainer', () => {
  it('finds every corpus PDF, also behind a few junk bytes', () => {
    for (const f of readdirSync(`${fixtures}pdf`)) {
      const pdf = read(`pdf/${f}`);
      expect(sniffContainer(pdf), f).toBe('pdf');
      expect(sniffContainer(new Uint8Array([0x0d, 0x0a, 0x20, ...pdf.subarray(0, 2000)])), f).toBe('pdf');
    }
    // A truncated PDF is still a PDF; extractPdfText says what is wrong with it.
    expect(sniffContainer(read('bad/truncated.pdf'))).toBe('pdf');
  });

  it('calls the corpus and seed texts text', () => {
    for (const dir of ['corpus', 'seeds', 'variants']) {
      for (const f of readdirSync(`${fixtures}${dir}`).filter((n) => n.endsWith('.txt'))) {
        expect(sniffContainer(read(`${dir}/${f}`)), `${dir}/${f}`).toBe('text');
      }
    }
    expect(sniffContainer(read('bad/windows-1252.txt'))).toBe('text');
    expect(sniffContainer(read('bad/utf-16le-bom.txt'))).toBe('text');
    expect(sniffContainer(read('bad/utf-16be-bom.txt'))).toBe('text');
    expect(sniffContainer(read('bad/utf-16le-bom.txt').subarray(2))).toBe('text');
  });

  it('recognises the XML fixtures (officiele-publicatie and others)', () => {
    const xml = [
      ...readdirSync(`${fixtures}xml`).filter((n) => n.endsWith('.xml')).map((n) => `xml/${n}`),
      ...readdirSync(`${fixtures}official/officielebekendmakingen`).map((n) => `official/officielebekendmakingen/${n}`),
      'official/tk-odata-v4/metadata.xml',
      'official/tk-syncfeed/xsd/tkData-v1-0.xsd', // starts with a UTF-8 byte-order mark
    ];
    expect(xml.length).toBeGreaterThan(8);
    for (const f of xml) expect(sniffContainer(read(f)), f).toBe('xml');
    expect(sniffContainer(bytes('<kamervragen><vraag nummer="1"/></kamervragen>'))).toBe('xml');
    expect(sniffContainer(bytes('\n  <officiele-publicatie xmlns="x">'))).toBe('xml');
    expect(sniffContainer(bytes('<!-- kopie -->\n<kamervragen/>'))).toBe('xml');
  });

  it('recognises the HTML fixtures, XHTML and fragments included', () => {
    for (const f of readdirSync(`${fixtures}html`).filter((n) => n.endsWith('.html'))) expect(sniffContainer(read(`html/${f}`)), f).toBe('html');
    expect(sniffContainer(bytes('<!doctype html><title>x</title>'))).toBe('html');
    expect(sniffContainer(bytes('<HTML><body>Vraag 1</body></HTML>'))).toBe('html');
  });

  it('calls zero bytes and whitespace empty', () => {
    expect(sniffContainer(new Uint8Array())).toBe('empty');
    expect(sniffContainer(read('bad/empty.pdf'))).toBe('empty');
    expect(sniffContainer(bytes(' \r\n\t\f '))).toBe('empty');
    expect(sniffContainer(bytes([0xef, 0xbb, 0xbf], '\n'))).toBe('empty');
    expect(sniffContainer(bytes([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]))).toBe('empty');
    expect(sniffContainer(bytes(' '.repeat(20_000)))).toBe('empty');
    expect(sniffContainer(bytes(`${' '.repeat(20_000)}Vraag 1`))).toBe('text');
  });

  it('calls junk, images and archives binary', () => {
    expect(sniffContainer(read('bad/junk.bin'))).toBe('binary');
    expect(sniffContainer(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toBe('binary');
    expect(sniffContainer(bytes('PK', [3, 4, 20, 0, 6, 0], 'word/document.xml'))).toBe('binary');
    expect(sniffContainer(bytes('tekst met een nul', [0], 'byte'))).toBe('binary');
  });
});
