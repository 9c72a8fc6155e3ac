/** Loads the programme registry from content/programmes and returns the linker the parser applies to each record. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { programme, formatIssues, type QuestionSet } from '../../src/lib/schema/index.ts';
import { linkRecord, type ProgrammeEntry } from '../../src/lib/build/links.ts';
import { contentDir } from './store.ts';

/** Split a Markdown file into its YAML front matter and body. */
export function splitFrontMatter(text: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: loadYaml(m[1]!), body: m[2]! };
}

/** Read and validate every programme file; invalid files are reported on stderr and left out. */
export async function loadProgrammes(dir = contentDir()): Promise<ProgrammeEntry[]> {
  const folder = join(dir, 'programmes');
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return [];
  }
  const out: ProgrammeEntry[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const { data } = splitFrontMatter(await readFile(path, 'utf8'));
      const result = programme.safeParse(data);
      if (result.success) out.push({ ...result.data, id: name.replace(/\.md$/, '') });
      else process.stderr.write(`${formatIssues(path, result.error).join('\n')}\n`);
    } catch (error) {
      process.stderr.write(`${path}: ${(error as Error).message}\n`);
    }
  }
  return out;
}

/** The linker for records, with the registry read from the content folder. */
export async function loadLinker(dir = contentDir()): Promise<(record: QuestionSet, headerText: string) => QuestionSet> {
  const programmes = await loadProgrammes(dir);
  return (record, headerText) => linkRecord(record, { programmes, headerText });
}
