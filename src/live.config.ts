/**
 * Live collection of question sets. Records are read straight from
 * `<VRAAGSPOOR_CONTENT>/records/<vergaderjaar>/<id>.json` and validated with the zod schema in
 * src/lib/schema, at build time, instead of going through Astro's content data store: the data
 * store serialises every entry character by character (chunked mode) or as one string (single
 * file), which does not scale to 50,000 records of 7 KB (measured: 13 ms per record, and a
 * 500 MB string). Ids are the file names, unchanged (kv-tk-2026Z03535 keeps its capitals).
 */
import { defineLiveCollection } from 'astro:content';
import type { LiveLoader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { questionSet, type QuestionSet } from './lib/schema/index.ts';

const root = resolve(process.env.VRAAGSPOOR_CONTENT ?? 'content', 'records');

/** Every record file under the records folder: id (file name without .json) → path. */
async function recordFiles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let years: string[];
  try {
    years = await readdir(root);
  } catch {
    return out;
  }
  for (const year of years.sort()) {
    let names: string[];
    try {
      names = await readdir(join(root, year));
    } catch {
      continue; // not a folder
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      const path = join(root, year, name);
      if (out.has(id)) throw new Error(`Dubbel record-id ${id}: ${out.get(id)} en ${path}`);
      out.set(id, path);
    }
  }
  return out;
}

async function readRecord(id: string, path: string): Promise<{ id: string; data: QuestionSet }> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: geen geldige JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  // Validated again by the collection schema; the id check catches renamed files early.
  if (data && typeof data === 'object' && 'id' in data && (data as { id: unknown }).id !== id) {
    throw new Error(`${path}: id in het bestand (${String((data as { id: unknown }).id)}) verschilt van de bestandsnaam (${id})`);
  }
  return { id, data: data as QuestionSet };
}

/** Reads record files from disk; no caching here (the site model caches once per build). */
const recordsLoader: LiveLoader<QuestionSet, { id: string }> = {
  name: 'vraagspoor-records',
  async loadCollection() {
    const files = await recordFiles();
    const entries: { id: string; data: QuestionSet }[] = [];
    // Read in small batches: fast, without opening 50,000 files at once.
    const list = [...files];
    for (let i = 0; i < list.length; i += 64) {
      entries.push(...(await Promise.all(list.slice(i, i + 64).map(([id, path]) => readRecord(id, path)))));
    }
    return { entries };
  },
  async loadEntry({ filter }) {
    const path = (await recordFiles()).get(filter.id);
    return path ? readRecord(filter.id, path) : undefined;
  },
};

export const collections = {
  /** Question sets: content/records/<vergaderjaar>/<id>.json. */
  records: defineLiveCollection({ loader: recordsLoader, schema: questionSet }),
};
