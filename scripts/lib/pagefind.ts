/**
 * What the search index needs from Pagefind, shared by the build integration
 * (scripts/lib/search-index-integration.ts, which indexes while Astro renders) and the standalone
 * re-indexer (scripts/index-site.ts).
 *
 * Small sites get one index in dist/pagefind/. Beyond VRAAGSPOOR_INDEX_SPLIT_AT indexed pages
 * (default 4000) the index is split per vergaderjaar (dist/pagefind/<vergaderjaar>/, plus
 * "overig" for pages without one), because Pagefind holds about half a megabyte of memory per
 * indexed page while it builds (measured: 636 MB for 1,143 question sets) and a browser would
 * otherwise download the metadata of every page for its first query.
 * dist/pagefind/vraagspoor-indexes.json lists the groups, newest first, for the search page.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Manifest the search page reads (public/scripts/search.js). */
export interface IndexManifest {
  /** Index groups, newest vergaderjaar first; "overig" last. */
  groups: { name: string; path: string; pages: number }[];
}

/** File name of the manifest inside dist/pagefind/. */
export const MANIFEST_FILE = 'vraagspoor-indexes.json';

/** Group of a page without a vergaderjaar, and the only group of an index that is not split. */
export const OTHER_GROUP = 'overig';
export const SINGLE_GROUP = 'alle';

/** Pagefind's memory per indexed page while building (measured: 636 MB for 1,143 question sets). */
export const MB_PER_PAGE = 0.6;

/** Settings from the environment, with their defaults. */
export interface IndexSettings {
  /** Split per vergaderjaar above this many indexed pages (VRAAGSPOOR_INDEX_SPLIT_AT, 4000). */
  splitAt: number;
  /** Pagefind runs side by side once nothing else needs the CPU (VRAAGSPOOR_INDEX_JOBS, 2). */
  jobs: number;
  /** Memory the side-by-side runs may use together, in MB (VRAAGSPOOR_INDEX_MEMORY_MB, 7000). */
  budgetMB: number;
}

export function indexSettings(env: NodeJS.ProcessEnv = process.env): IndexSettings {
  const number = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`${name}=${raw}: verwacht een getal vanaf ${min}`);
    return value;
  };
  return {
    splitAt: number('VRAAGSPOOR_INDEX_SPLIT_AT', 4000, 0),
    jobs: Math.floor(number('VRAAGSPOOR_INDEX_JOBS', 2, 1)),
    budgetMB: number('VRAAGSPOOR_INDEX_MEMORY_MB', 7000, 1),
  };
}

/**
 * The index group of a rendered page: its data-vs-jaar attribute ("2020-2021") or "overig", and
 * null when the page has no data-pagefind-body (nothing on it is indexed).
 */
export function pageGroup(html: string): string | null {
  if (!html.includes('data-pagefind-body')) return null;
  return /data-vs-jaar="(\d{4}-\d{4})"/.exec(html)?.[1] ?? OTHER_GROUP;
}

/** Order groups newest vergaderjaar first, "overig" last. */
export function orderGroups(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => (a === OTHER_GROUP ? 1 : b === OTHER_GROUP ? -1 : b.localeCompare(a)));
}

/** The manifest for the given groups and their page counts. */
export function indexManifest(pagesByGroup: ReadonlyMap<string, number>, split: boolean): IndexManifest {
  const names = split ? orderGroups(pagesByGroup.keys()) : [...pagesByGroup.keys()];
  return { groups: names.map((name) => ({ name, path: split ? `/pagefind/${name}/` : '/pagefind/', pages: pagesByGroup.get(name) ?? 0 })) };
}

export function writeManifest(pagefindDir: string, manifest: IndexManifest): void {
  writeFileSync(join(pagefindDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

const PAGEFIND = resolve(import.meta.dirname, '../../node_modules/.bin/pagefind');

/**
 * Run the Pagefind CLI on a folder of pages, writing the bundle to `outDir`. Rejects when Pagefind
 * exits non-zero or prints an error line, with the tail of its output.
 */
export function runPagefind(site: string, outDir: string, label: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(PAGEFIND, ['--site', site, '--output-path', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    child.on('error', (error) => reject(new Error(`Pagefind kon niet starten voor ${label}: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0 || /^\s*Error/m.test(output)) reject(new Error(`Pagefind mislukt voor ${label} (exit ${code}):\n${output}`));
      else resolvePromise();
    });
  });
}
