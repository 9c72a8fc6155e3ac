/**
 * The parser's public API: bytes or text in, a validated question-set record (or a clear error)
 * out. Pure: no file system, no network; the caller reads files and prints results.
 */
import { createHash } from 'node:crypto';
import type { Message } from '../schema/common.ts';
import type { QuestionSet, Source } from '../schema/record.ts';
import { buildRecord, type ParseOutcome } from './build.ts';
import { readText } from './text.ts';

export { parseText } from './text.ts';
import { decodeText, sniffContainer } from './decode.ts';
import { extractPdfText } from './pdf.ts';
import { readOfficialXml } from './xml.ts';
import { readHtml } from './html.ts';
import type { DocumentParts } from './parts.ts';

export type { ParseOutcome } from './build.ts';

/** Options for parsing. */
export interface ParseOptions {
  /** Adds references, motions, programmes and commitments to a record (the linker). */
  link?: (record: QuestionSet, headerText: string) => QuestionSet;
  /** Largest input accepted, in bytes (default 64 MiB): larger files are refused, not read. */
  maxBytes?: number;
}

/** Default size limit: real answer documents are well under 5 MB, even as PDF. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;


function fail(error: string, messages: Message[] = []): ParseOutcome {
  return { ok: false, error, messages };
}

/** Parse one input file's bytes, detecting by content whether it is PDF, XML, HTML or text. */
export async function parseDocument(path: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return fail(`bestand is te groot (${(bytes.byteLength / 1048576).toFixed(1)} MB; de grens is ${(maxBytes / 1048576).toFixed(0)} MB)`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base: Source = { path, sha256, bytes: bytes.byteLength };
  const container = sniffContainer(bytes);
  try {
    switch (container) {
      case 'empty':
        return fail('bestand is leeg');
      case 'binary':
        return fail('bestand is geen tekst, PDF, XML of HTML (binaire inhoud)');
      case 'pdf': {
        const pdf = await extractPdfText(bytes);
        const parts = readText(pdf.text, 'pdf');
        parts.messages.push(...pdf.messages);
        parts.pages = pdf.pages;
        return buildRecord(parts, { ...base, container: 'pdf' }, options);
      }
      case 'xml':
      case 'html': {
        const decoded = decodeText(bytes);
        const parts: DocumentParts = container === 'xml' ? readOfficialXml(decoded.text) : readHtml(decoded.text);
        parts.messages.push(...decoded.messages);
        return buildRecord(parts, { ...base, container, encoding: decoded.encoding, url: parts.meta.url ?? null }, options);
      }
      default: {
        const decoded = decodeText(bytes);
        const parts = readText(decoded.text, 'text');
        parts.messages.push(...decoded.messages);
        return buildRecord(parts, { ...base, container: 'text', encoding: decoded.encoding }, options);
      }
    }
  } catch (error) {
    return fail((error as Error).message || String(error));
  }
}
