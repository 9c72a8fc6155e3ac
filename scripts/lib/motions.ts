/** Motion files in content/motions: read them, and refresh their mentions from the records. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { motion, formatIssues, type Motion, type QuestionSet } from '../../src/lib/schema/index.ts';
import { buildMotionEntities } from '../../src/lib/build/motions.ts';
import { toStableJson, writeIfChanged, type WriteOutcome } from './fs.ts';

/** Read and validate every motion file; invalid files are reported and left out (and never overwritten). */
export async function readMotions(dir: string): Promise<{ motions: Motion[]; invalid: Set<string>; problems: string[] }> {
  const folder = join(dir, 'motions');
  const motions: Motion[] = [];
  const invalid = new Set<string>();
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { motions, invalid, problems };
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      const result = motion.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (result.success) motions.push(result.data);
      else {
        invalid.add(name.replace(/\.json$/, ''));
        problems.push(...formatIssues(path, result.error));
      }
    } catch (error) {
      invalid.add(name.replace(/\.json$/, ''));
      problems.push(`${path}: ${(error as Error).message}`);
    }
  }
  return { motions, invalid, problems };
}

/**
 * Rebuild every motion's list of mentions from all records, keeping what official data put in the
 * files (vote, text, title). A motion file that does not validate is left as it is.
 */
export async function refreshMotions(dir: string, records: readonly QuestionSet[]): Promise<{ counts: Record<WriteOutcome, number>; problems: string[] }> {
  const { motions, invalid, problems } = await readMotions(dir);
  const counts: Record<WriteOutcome, number> = { new: 0, updated: 0, unchanged: 0 };
  for (const m of buildMotionEntities(records, motions)) {
    if (invalid.has(m.id)) continue;
    counts[await writeIfChanged(join(dir, 'motions', `${m.id}.json`), toStableJson(motion.parse(m)))]++;
  }
  return { counts, problems };
}
