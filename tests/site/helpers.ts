/** Load the fixture content of the test site (hand-made records mirroring the seed documents) as plain values. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { CuratedCommitment, Motion, Programme, QuestionSet, RegisterEntry } from '../../src/lib/schema/index.ts';
import { curatedCommitment, motion, programme, questionSet, registerEntry } from '../../src/lib/schema/index.ts';

/** Folder of the fixture content. */
export const CONTENT = resolve(import.meta.dirname, '../fixtures/site/content');

// Astro reads front matter with js-yaml; the tests use the same parser (a dependency of astro).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

/** Front matter of a Markdown file. */
function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!m) throw new Error('no front matter');
  return yaml.load(m[1]!) as Record<string, unknown>;
}

/** All fixture records, parsed with the schema. */
export function fixtureRecords(): QuestionSet[] {
  const out: QuestionSet[] = [];
  for (const year of readdirSync(join(CONTENT, 'records')).sort()) {
    for (const f of readdirSync(join(CONTENT, 'records', year)).sort()) {
      out.push(questionSet.parse(JSON.parse(readFileSync(join(CONTENT, 'records', year, f), 'utf8'))));
    }
  }
  return out;
}

/** Fixture motions. */
export function fixtureMotions(): Motion[] {
  return readdirSync(join(CONTENT, 'motions')).map((f) => motion.parse(JSON.parse(readFileSync(join(CONTENT, 'motions', f), 'utf8'))));
}

/** Fixture programmes (front matter only). */
export function fixtureProgrammes(): { id: string; data: Programme }[] {
  return readdirSync(join(CONTENT, 'programmes')).map((f) => ({
    id: f.replace(/\.md$/, ''),
    data: programme.parse(frontMatter(readFileSync(join(CONTENT, 'programmes', f), 'utf8'))),
  }));
}

/** Fixture curated commitments. */
export function fixtureCurated(): { id: string; data: CuratedCommitment }[] {
  return readdirSync(join(CONTENT, 'commitments')).map((f) => ({
    id: f.replace(/\.md$/, ''),
    data: curatedCommitment.parse(frontMatter(readFileSync(join(CONTENT, 'commitments', f), 'utf8'))),
  }));
}

/** Fixture register entries. */
export function fixtureRegister(): RegisterEntry[] {
  return readdirSync(join(CONTENT, 'commitments-register')).map((f) =>
    registerEntry.parse(JSON.parse(readFileSync(join(CONTENT, 'commitments-register', f), 'utf8'))),
  );
}
