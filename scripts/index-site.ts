/**
 * Build the Pagefind search index of a built site: `node scripts/index-site.ts [dist]`.
 *
 * Small sites get one index in dist/pagefind/. Beyond VRAAGSPOOR_INDEX_SPLIT_AT indexed pages
 * (default 4000) the index is split per vergaderjaar (dist/pagefind/<vergaderjaar>/, plus
 * "overig" for pages without one), because Pagefind holds about half a megabyte of memory per
 * indexed page while it builds (measured: 636 MB for 1,143 question sets) and a browser would
 * otherwise download the metadata of every page for its first query. Each group's pages are
 * hard-linked into a folder of their own and indexed by the Pagefind CLI (faster than feeding
 * them through the Node API: 9 s against 17 s for 2,000 sets), up to two groups at a time
 * (VRAAGSPOOR_INDEX_JOBS). dist/pagefind/vraagspoor-indexes.json lists the groups, newest first,
 * for the search page. Any Pagefind error fails the run with exit code 1.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Manifest the search page reads. */
export interface IndexManifest {
  /** Index groups, newest vergaderjaar first; "overig" last. */
  groups: { name: string; path: string; pages: number }[];
}

/** Folders whose pages carry data-pagefind-body (record pages only; lists are never indexed). */
const INDEXED_SECTIONS = ['vragen', 'toezeggingen', 'moties'];

/** The indexed pages of a built site with their group (the data-vs-jaar attribute), as site-relative paths. */
export function findIndexedPages(dist: string): { file: string; group: string }[] {
  const out: { file: string; group: string }[] = [];
  for (const section of INDEXED_SECTIONS) {
    const dir = join(dist, section);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(section, name, 'index.html');
      const abs = join(dist, file);
      if (!existsSync(abs)) continue;
      const html = readFileSync(abs, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const group = /data-vs-jaar="(\d{4}-\d{4})"/.exec(html)?.[1] ?? 'overig';
      out.push({ file, group });
    }
  }
  return out;
}

/** Order groups newest vergaderjaar first, "overig" last. */
export function orderGroups(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => (a === 'overig' ? 1 : b === 'overig' ? -1 : b.localeCompare(a)));
}

const PAGEFIND = resolve(import.meta.dirname, '../node_modules/.bin/pagefind');
/** Pagefind's memory per indexed page while building (measured: 636 MB for 1,143 question sets). */
const MB_PER_PAGE = 0.6;

/** Hard-link (or copy, across file systems) the group's pages into `tree`, keeping their paths. */
function linkTree(dist: string, files: readonly string[], tree: string): void {
  for (const file of files) {
    const target = join(tree, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(dist, file), target);
    } catch {
      copyFileSync(join(dist, file), target);
    }
  }
}

/** Run the Pagefind CLI on one group's tree, writing the bundle to `outDir`. */
function runPagefind(tree: string, outDir: string, label: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(PAGEFIND, ['--site', tree, '--output-path', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
    child.on('close', (code) => {
      // Pagefind reports problems in its output; an error line fails the build too.
      if (code !== 0 || /^\s*Error/m.test(output)) reject(new Error(`index-site: Pagefind mislukt voor ${label} (exit ${code}):\n${output}`));
      else resolvePromise();
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dist = resolve(args[0] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`index-site: ${dist}/index.html bestaat niet; bouw eerst de site (astro build).`);
  const splitAt = Number(process.env.VRAAGSPOOR_INDEX_SPLIT_AT ?? 4000);
  const jobs = Math.max(1, Number(process.env.VRAAGSPOOR_INDEX_JOBS ?? 2));
  // Pagefind needs about 0.6 MB per page while indexing; groups run side by side only while
  // their estimated sum stays within this budget.
  const budgetMB = Number(process.env.VRAAGSPOOR_INDEX_MEMORY_MB ?? 7000);
  const started = Date.now();
  const pages = findIndexedPages(dist);
  if (pages.length === 0) throw new Error('index-site: geen pagina met data-pagefind-body gevonden.');
  const split = pages.length > splitAt;
  const byGroup = new Map<string, string[]>();
  for (const p of pages) {
    const key = split ? p.group : 'alle';
    const list = byGroup.get(key) ?? [];
    list.push(p.file);
    byGroup.set(key, list);
  }
  const out = join(dist, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Beside dist, so hard links stay on the same file system.
  const work = join(dirname(dist), `.vraagspoor-index-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const names = split ? orderGroups(byGroup.keys()) : ['alle'];
  const manifest: IndexManifest = {
    groups: names.map((name) => ({ name, path: split ? `/pagefind/${name}/` : '/pagefind/', pages: byGroup.get(name)!.length })),
  };
  console.log(`index-site: ${pages.length} pagina's${split ? ` in ${names.length} groepen (per vergaderjaar)` : ' in één index'}, ${jobs} tegelijk`);
  try {
    const queue = [...names];
    let runningMB = 0;
    const estimateMB = (name: string) => byGroup.get(name)!.length * MB_PER_PAGE;
    const workers = Array.from({ length: Math.min(jobs, queue.length) }, async (_, worker) => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        // The first worker always runs; others wait while memory would exceed the budget.
        while (worker > 0 && runningMB > 0 && runningMB + estimateMB(name) > budgetMB) await new Promise((r) => setTimeout(r, 200));
        runningMB += estimateMB(name);
        try {
          const tree = join(work, name);
          linkTree(dist, byGroup.get(name)!, tree);
          await runPagefind(tree, split ? join(out, name) : out, name);
          rmSync(tree, { recursive: true, force: true });
        } finally {
          runningMB -= estimateMB(name);
        }
        console.log(`index-site: ${name}: ${byGroup.get(name)!.length} pagina's`);
      }
    });
    await Promise.all(workers);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(out, 'vraagspoor-indexes.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`index-site: klaar in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
