/**
 * Content collections: the site reads the knowledge base only through these. The schemas are
 * the ones in src/lib/schema (single source of truth); this file adds nothing of its own.
 * The content root comes from VRAAGSPOOR_CONTENT (default "content") so tests and the site
 * benchmark can build from another folder.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { curatedCommitment, motion, programme, questionSet } from './lib/schema/index.ts';

const root = (process.env.VRAAGSPOOR_CONTENT ?? 'content').replace(/\/+$/, '');

/** Id = the file name without extension, unchanged: official ids keep their case (kv-tk-2026Z03535). */
function fileId({ entry }: { entry: string }): string {
  const base = entry.split('/').pop() ?? entry;
  return base.replace(/\.(json|md)$/i, '');
}

// The official register schema is being written separately (src/lib/schema/register.ts); until it
// exists, accept any object so the collection still loads. import.meta.glob gives {} when it is missing.
const registerModule = Object.values(
  import.meta.glob<Record<string, unknown>>('./lib/schema/register.ts', { eager: true }),
)[0];
const registerCandidates = ['registerEntry', 'registerCommitment', 'officialCommitment', 'toezegging', 'register'];
const registerSchema: z.ZodType =
  (registerCandidates.map((name) => registerModule?.[name]).find((v) => v instanceof z.ZodType) as z.ZodType | undefined) ??
  (Object.values(registerModule ?? {}).find((v) => v instanceof z.ZodObject) as z.ZodType | undefined) ??
  z.looseObject({});

export const collections = {
  /** Question sets: content/records/<vergaderjaar>/<id>.json. */
  records: defineCollection({
    loader: glob({ pattern: '**/*.json', base: `${root}/records`, generateId: fileId }),
    schema: questionSet,
  }),
  /** Motions: content/motions/<id>.json. */
  motions: defineCollection({
    loader: glob({ pattern: '*.json', base: `${root}/motions`, generateId: fileId }),
    schema: motion,
  }),
  /** Programmes: content/programmes/<id>.md, hand-written. */
  programmes: defineCollection({
    loader: glob({ pattern: '*.md', base: `${root}/programmes`, generateId: fileId }),
    schema: programme,
  }),
  /** Curated commitment decisions: content/commitments/<id>.md. */
  commitments: defineCollection({
    loader: glob({ pattern: '*.md', base: `${root}/commitments`, generateId: fileId }),
    schema: curatedCommitment,
  }),
  /** The official commitments register (Toezeggingen): content/commitments-register/*.json. */
  register: defineCollection({
    loader: glob({ pattern: '*.json', base: `${root}/commitments-register`, generateId: fileId }),
    schema: registerSchema,
  }),
};
