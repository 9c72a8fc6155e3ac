/** Curated commitment files (content/commitments/<id>.md): read and check them, never write them. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CuratedCommitment } from '../../src/lib/schema/index.ts';
import { validateCurated } from '../../src/lib/build/status.ts';
import { splitFrontMatter } from './linker.ts';

/** Read every curated file, checked against the schema and the known document ids. */
export async function readCurated(dir: string, knownDocumentIds: ReadonlySet<string>): Promise<{ curated: Map<string, CuratedCommitment>; problems: string[] }> {
  const folder = join(dir, 'commitments');
  const curated = new Map<string, CuratedCommitment>();
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { curated, problems };
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      const { data } = splitFrontMatter(await readFile(path, 'utf8'));
      const check = validateCurated(path, data, knownDocumentIds);
      problems.push(...check.messages);
      if (check.value) curated.set(name.replace(/\.md$/, ''), check.value);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
    }
  }
  return { curated, problems };
}
