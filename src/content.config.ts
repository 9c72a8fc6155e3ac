/**
 * Content collections: the site reads the knowledge base only through these (and the live
 * collection of records in src/live.config.ts). The schemas are the ones in src/lib/schema
 * (single source of truth); this file adds nothing of its own. The content root comes from
 * VRAAGSPOOR_CONTENT (default "content") so tests and the site benchmark can build from another
 * folder.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { curatedCommitment, motion, programme, registerEntry } from './lib/schema/index.ts';

const root = (process.env.VRAAGSPOOR_CONTENT ?? 'content').replace(/\/+$/, '');

/** Id = the file name without extension, unchanged: official ids keep their case (kv-tk-2026Z03535). */
function fileId({ entry }: { entry: string }): string {
  const base = entry.split('/').pop() ?? entry;
  return base.replace(/\.(json|md)$/i, '');
}

export const collections = {
  /** Motions: content/motions/<id>.json. */
  motions: defineCollection({
    loader: glob({ pattern: '*.json', base: `${root}/motions`, generateId: fileId, retainBody: false }),
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
    loader: glob({ pattern: '*.json', base: `${root}/commitments-register`, generateId: fileId, retainBody: false }),
    schema: registerEntry,
  }),
};
