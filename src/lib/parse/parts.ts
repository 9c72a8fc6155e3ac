/**
 * The parts of a document, before they become a record. Every reader (plain text, PDF text,
 * ministry letter, official XML, HTML) produces these; `buildRecord` turns them into a record.
 */
import type { Message, Position } from '../schema/common.ts';
import type { SourceForm } from '../schema/record.ts';
import type { Answerer, Questioner } from '../schema/person.ts';

/** A question block with its answer, as found in the document. */
export interface RawPair {
  /** Label as printed ("2 en 3", "3a"). */
  label: string;
  /** Question numbers the block covers. */
  numbers: number[];
  /** Question text; footnote markers may still be in it as superscript digits (¹²³). */
  question: string;
  /** Answer text, or null when there is none. */
  answer: string | null;
  /** Where the question starts. */
  questionPlace?: Position | null;
  /** Where the answer starts. */
  answerPlace?: Position | null;
  /** Footnote numbers whose markers were found in this block (when the reader knows them exactly). */
  footnoteRefs?: number[];
}

/** Metadata a structured source states outright; it wins over what the header sentences say. */
export interface PartsMeta {
  id?: string | null;
  title?: string | null;
  aanhangselNumber?: number | null;
  vergaderjaar?: string | null;
  zaakNumber?: string | null;
  dateSubmitted?: string | null;
  dateAnswered?: string | null;
  url?: string | null;
  /** People stated in cells or labelled lines (trackers, metadata tables); win over the header sentences. */
  questioners?: Questioner[];
  /** Answerers stated outright. */
  answerers?: Answerer[];
  /** Addressees stated outright. */
  addressees?: string[];
}

/** Everything a reader found in one document. */
export interface DocumentParts {
  /** Detected form. */
  form: SourceForm;
  /** Container the text came from. */
  container: 'text' | 'pdf' | 'xml' | 'html';
  /** The header sentences: "Vragen van het lid … (ingezonden …). Antwoord van … (ontvangen …). Zie ook …", or a letter's cover text. */
  header: string;
  /** Text after the last answer that is not part of it (signature, closing), if any. */
  closing?: string;
  /** The question–answer blocks in document order. */
  pairs: RawPair[];
  /** Footnotes found, number order. */
  footnotes: Array<{ n: number; text: string; place?: Position | null }>;
  /** A notice text (Mededeling) when the document is a postponement or referral notice. */
  notice?: string | null;
  /** Metadata stated by the structure itself. */
  meta: PartsMeta;
  /** Problems found so far. */
  messages: Message[];
  /** Pages seen, when known. */
  pages?: number | null;
  /** Vergaderjaar read from a running page footer ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"). */
  footerVergaderjaar?: string | null;
}
