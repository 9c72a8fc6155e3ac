/** The question set record: one parsed answer document, postponement notice or set of open questions. */
import { z } from 'zod';
import { isoDate, message, position, vergaderjaar, zaakNumber } from './common.ts';
import { answerer, questioner } from './person.ts';

/** What kind of document a record stands for. */
export const recordKind = z
  .enum(['answer', 'postponement', 'questions'])
  .describe('answer: questions with answers; postponement: a notice (Mededeling) with no answers; questions: questions not yet answered.');

/** The form the source came in, detected from its content. */
export const sourceForm = z.enum([
  'aanhangsel-pdf-text',
  'aanhangsel-html',
  'aanhangsel-xml',
  'tk-website',
  'ministry-letter',
  'tracker',
  'other',
]);

/** Where a record came from, so a reader can check every value against the source. */
export const source = z.object({
  /** Path of the input file as given to the parser (or the URL it was fetched from). */
  path: z.string(),
  /** Detected form of the document. */
  form: sourceForm.optional(),
  /** Container the text came from: plain text, PDF, XML or HTML. */
  container: z.enum(['text', 'pdf', 'xml', 'html']).optional(),
  /** SHA-256 of the input bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Size of the input in bytes. */
  bytes: z.number().int().nonnegative().optional(),
  /** Number of pages seen (PDF and PDF text), when known. */
  pages: z.number().int().positive().nullable().optional(),
  /** Character encoding the text was decoded from ("utf-8", "windows-1252", "utf-16le"). */
  encoding: z.string().optional(),
  /** Official URL of the published document, when known. */
  url: z.string().url().nullable().optional(),
});

/** A footnote printed in the document. */
export const footnote = z.object({
  /** Footnote number as printed. */
  n: z.number().int().positive(),
  /** Footnote text with line breaks and hyphenation undone. */
  text: z.string(),
  /** Where the footnote text starts. */
  place: position.nullable().default(null),
});

/** Kinds of reference the linker recognises. */
export const referenceKind = z.enum(['kamerstuk', 'aanhangsel', 'handelingen', 'zaak', 'document', 'url', 'kamervragen']);

/** A reference to another official document, with its stable id and the raw text it was read from. */
export const reference = z.object({
  /** What is referred to. */
  kind: referenceKind,
  /** Normalised stable id: "kst-34550-XVI-91", "ah-tk-20202021-3658", "2026Z03535", "h-tk-20212022-12-5", or the URL. */
  id: z.string(),
  /** The text as written in the document, e.g. "Kamerstuk 34 550 XVI, nr. 91". */
  raw: z.string(),
  /** Index (0-based) of the pair it occurs in, or null when it occurs in the header or a footnote only. */
  pair: z.number().int().nonnegative().nullable().default(null),
  /** Footnote number it occurs in, when it does. */
  footnote: z.number().int().positive().nullable().default(null),
});

/** A motion mentioned in the document. */
export const motionMention = z.object({
  /** Stable id of the motion as a Kamerstuk ("kst-34550-XVI-91"), or null when the text gives no number. */
  id: z.string().nullable(),
  /** Kamerstuk as written in the normal citation form, e.g. "34 550 XVI, nr. 91"; null if unknown. */
  kamerstuk: z.string().nullable(),
  /** The words that name the motion, e.g. "motie van het lid Bergkamp". */
  text: z.string(),
  /** Surnames of the submitters named in the text. */
  submitters: z.array(z.string()).default([]),
  /** Indexes of the pairs it is mentioned in. */
  pairs: z.array(z.number().int().nonnegative()).default([]),
});

/** A programme, action plan or agenda mentioned in the document. */
export const programmeMention = z.object({
  /** Id of the programme in `content/programmes/`, or null when it is not (yet) in the registry. */
  id: z.string().nullable(),
  /** Name as written. */
  name: z.string(),
  /** Indexes of the pairs it is mentioned in. */
  pairs: z.array(z.number().int().nonnegative()).default([]),
});

/** A promise by the government, read from an answer. */
export const commitment = z.object({
  /** Stable id: the record id plus a short hash of the normalised sentence. */
  id: z.string(),
  /** The sentence (or clause) that holds the promise. */
  text: z.string(),
  /** Last day the promise is on time (ISO), resolved from dueText relative to the document date; null when vague. */
  due: isoDate.nullable(),
  /** The words that state the deadline ("voor de zomer"), or null when none. */
  dueText: z.string().nullable(),
  /** What is promised, in a few words ("informeren", "eindevaluatie", "rondetafelconferentie organiseren"). */
  action: z.string().nullable().default(null),
  /** Who promised: the answerer's role, or another named actor. */
  actor: z.string().nullable().default(null),
  /** Index of the pair it was found in. */
  pair: z.number().int().nonnegative().nullable().default(null),
  /** Ids of the programmes it concerns. */
  programmes: z.array(z.string()).default([]),
  /** Ids of the motions it concerns. */
  motions: z.array(z.string()).default([]),
  /** Where the sentence starts. */
  place: position.nullable().default(null),
});

/** One question–answer block as numbered in the document. */
export const pair = z.object({
  /** Question numbers the block answers, e.g. [2, 3] for "Vraag 2 en 3". */
  numbers: z.array(z.number().int().nonnegative()),
  /** The label as printed, e.g. "2 en 3", "3a", "2 t/m 6". */
  label: z.string(),
  /** Question text (several questions joined by blank lines when merged). */
  question: z.string(),
  /** Answer text, or null when the document gives none (postponement notices, open questions). */
  answer: z.string().nullable(),
  /** Numbers of the footnotes whose markers stand in this question or answer. */
  footnoteRefs: z.array(z.number().int().positive()).default([]),
  /** Where each footnote marker stood: footnote number, field, and character offset in that field's text. */
  footnoteMarks: z
    .array(z.object({ n: z.number().int().positive(), field: z.enum(['question', 'answer']), offset: z.number().int().nonnegative() }))
    .default([]),
  /** Where the question starts. */
  questionPlace: position.nullable().default(null),
  /** Where the answer starts. */
  answerPlace: position.nullable().default(null),
});

/** A parsed question set: the main record of Vraagspoor, stored as `content/records/<vergaderjaar>/<id>.json`. */
export const questionSet = z.object({
  /** Official id: "ah-tk-20202021-3976" (Aanhangsel), "kv-tk-2026Z03535" (questions by zaak), or a file slug as last resort. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'letters, cijfers en streepjes'),
  /** answer, postponement or questions. */
  kind: recordKind,
  /** Subject of the questions: the words after "over" in the header, without the date. */
  title: z.string().nullable(),
  /** Members who asked, with their party. */
  questioners: z.array(questioner),
  /** Ministers and state secretaries the questions were addressed to, full titles. */
  addressees: z.array(z.string()),
  /** Who answered; the first is the main signer. */
  answerers: z.array(answerer),
  /** Roles the answer was given on behalf of ("mede namens"). */
  onBehalfOf: z.array(z.string()),
  /** Date the questions were submitted (ingezonden). */
  dateSubmitted: isoDate.nullable(),
  /** Date the answer (or notice) was received or dated. */
  dateAnswered: isoDate.nullable(),
  /**
   * For open questions (kind `questions`): last day an answer is on time, by the rule "3 weeks after
   * submission, 3 more weeks for each postponement notice (Mededeling uitstel antwoord)". Set by
   * `npm run sync` from official data; absent or null for answers and when the submission date is unknown.
   */
  answerDue: isoDate.nullable().optional(),
  /** Parliamentary year of the Aanhangsel item. */
  vergaderjaar: vergaderjaar.nullable(),
  /** Number of this item in the Aanhangsel van de Handelingen. */
  aanhangselNumber: z.number().int().positive().nullable(),
  /** Aanhangsel number named in "Zie ook Aanhangsel Handelingen …" (usually the postponement notice). */
  seeAlsoAanhangsel: z.number().int().positive().nullable(),
  /** Tweede Kamer zaak number of the questions. */
  zaakNumber: zaakNumber.nullable(),
  /** Whether this is a further answer (nader antwoord) to questions answered before. */
  naderAntwoord: z.boolean().default(false),
  /** The question–answer blocks in document order. */
  pairs: z.array(pair),
  /** Footnotes in number order. */
  footnotes: z.array(footnote),
  /** References to other documents, in order of first occurrence. */
  references: z.array(reference),
  /** Motions mentioned. */
  motions: z.array(motionMention),
  /** Programmes and action plans mentioned. */
  programmes: z.array(programmeMention).default([]),
  /** Abbreviations the text introduces, e.g. {"VT": "Veilig Thuis"}. */
  abbreviations: z.record(z.string(), z.string()).default({}),
  /** Promises made in the answers. */
  commitments: z.array(commitment),
  /** Text of a notice (Mededeling): a postponement, or a referral to a letter that answers the questions. */
  notice: z.string().nullable().default(null),
  /** Problems found while parsing, with their place. */
  messages: z.array(message).default([]),
  /** Where the record came from. */
  source,
  /** Set to true by a person who edited this file by hand: scripts then never overwrite it. */
  curated: z.boolean().default(false),
});

export type RecordKind = z.infer<typeof recordKind>;
export type SourceForm = z.infer<typeof sourceForm>;
export type Source = z.infer<typeof source>;
export type Footnote = z.infer<typeof footnote>;
export type Reference = z.infer<typeof reference>;
export type ReferenceKind = z.infer<typeof referenceKind>;
export type MotionMention = z.infer<typeof motionMention>;
export type ProgrammeMention = z.infer<typeof programmeMention>;
export type Commitment = z.infer<typeof commitment>;
export type Pair = z.infer<typeof pair>;
export type QuestionSet = z.infer<typeof questionSet>;
