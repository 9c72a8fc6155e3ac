/**
 * Shared fixtures for the linker tests: real documents parsed by the project's parser and linked
 * with the real programme registry, plus their ground-truth labels. Not a test file itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseText } from '../../src/lib/parse/index.ts';
import { linkRecord, type ProgrammeEntry } from '../../src/lib/build/links.ts';
import { loadProgrammes } from '../../scripts/lib/linker.ts';
import type { QuestionSet } from '../../src/lib/schema/record.ts';

/** The programme registry in content/programmes. */
export const registry: ProgrammeEntry[] = await loadProgrammes(resolve('content'));

/** A ground-truth label file (tests/fixtures/corpus/LABELS.md), the parts these tests use. */
export interface Label {
  id: string;
  dateAnswered: string | null;
  motions?: Array<{ text: string; kamerstuk: string | null }>;
  commitments?: Array<{ quote: string; due: string | null; dueText: string | null }>;
}

/** A labelled document: the text file, its label and the linked record. */
export interface Labelled {
  file: string;
  label: Label;
  record: QuestionSet;
}

/** Parse and link one text file; throws when the parser refuses it. */
export function parseLinked(path: string): QuestionSet {
  const outcome = parseText(readFileSync(path, 'utf8'), path, { link: (r, headerText) => linkRecord(r, { programmes: registry, headerText }) });
  if (!outcome.ok) throw new Error(`${path}: ${outcome.error}`);
  return outcome.record;
}

/** Every labelled document: the corpus and the two seeds. */
export function labelledDocuments(): Labelled[] {
  const out: Labelled[] = [];
  for (const dir of ['tests/fixtures/corpus', 'tests/fixtures/seeds']) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const txt = join(dir, name.replace(/\.json$/, '.txt'));
      out.push({ file: txt, label: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Label, record: parseLinked(txt) });
    }
  }
  return out;
}

/** Words of a text as the scorer (tests/fixtures/score.py) counts them: accents off, lower case. */
export function words(s: string): Set<string> {
  const plain = s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\u00ad/g, '').toLowerCase();
  return new Set(plain.match(/[\p{L}\p{N}_]+/gu) ?? []);
}

/** Share of the label quote's words found in `text` (the scorer's measure for commitments). */
export function overlap(quote: string, text: string): number {
  const q = words(quote);
  const t = words(text);
  let hit = 0;
  for (const w of q) if (t.has(w)) hit++;
  return hit / Math.max(1, q.size);
}
