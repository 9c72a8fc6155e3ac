/**
 * The file store: `content/` holds the knowledge base, one file per official id. Scripts write
 * through these functions only, so every write is atomic and hand-curated files stay untouched.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { questionSet, type QuestionSet } from '../../src/lib/schema/index.ts';
import { formatIssues } from '../../src/lib/schema/errors.ts';
import { toStableJson, writeIfChanged, type WriteOutcome } from './fs.ts';

/** The content folder: `VRAAGSPOOR_CONTENT` when set (tests, benchmarks), else ./content. */
export function contentDir(): string {
  return resolve(process.env['VRAAGSPOOR_CONTENT'] ?? 'content');
}

/** Path of a record's file: content/records/<vergaderjaar>/<id>.json ("onbekend" when the year is unknown). */
export function recordPath(dir: string, record: Pick<QuestionSet, 'id' | 'vergaderjaar'>): string {
  return join(dir, 'records', record.vergaderjaar ?? 'onbekend', `${record.id}.json`);
}

/** Outcome of storing one record. */
export type StoreOutcome = WriteOutcome | 'curated';

/**
 * Store a record atomically. A file a person marked `"curated": true` is never overwritten;
 * the outcome is then 'curated'. Writing the same record twice changes no byte.
 */
export async function writeRecord(dir: string, record: QuestionSet): Promise<StoreOutcome> {
  const path = recordPath(dir, record);
  try {
    const existing = JSON.parse(await readFile(path, 'utf8')) as { curated?: unknown };
    if (existing.curated === true) return 'curated';
  } catch {
    // No file yet, or unreadable JSON: an unreadable machine file is replaced by a valid one.
  }
  return writeIfChanged(path, toStableJson(questionSet.parse(record)));
}

/** A record file that failed to load, with the reasons. */
export interface LoadProblem {
  path: string;
  problems: string[];
}

/** Load every record under content/records, validating each; bad files are reported, not thrown. */
export async function readRecords(dir: string): Promise<{ records: QuestionSet[]; problems: LoadProblem[] }> {
  const records: QuestionSet[] = [];
  const problems: LoadProblem[] = [];
  const root = join(dir, 'records');
  let years: string[] = [];
  try {
    years = (await readdir(root)).sort();
  } catch {
    return { records, problems };
  }
  for (const year of years) {
    let files: string[] = [];
    try {
      files = (await readdir(join(root, year))).filter((f) => f.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const path = join(root, year, file);
      try {
        const result = questionSet.safeParse(JSON.parse(await readFile(path, 'utf8')));
        if (result.success) records.push(result.data);
        else problems.push({ path, problems: formatIssues(path, result.error) });
      } catch (error) {
        problems.push({ path, problems: [`${path}: ${(error as Error).message}`] });
      }
    }
  }
  return { records, problems };
}
