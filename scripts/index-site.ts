/**
 * Index an already built site again: `node scripts/index-site.ts [dist]`.
 *
 * `astro build` builds the search index itself while it renders (scripts/lib/search-index-integration.ts);
 * this command rebuilds dist/pagefind/ from the HTML in dist/, for instance after changing the
 * split settings (scripts/lib/pagefind.ts explains them), with the same indexer: each group's
 * pages are copied into a folder of their own and indexed by the Pagefind CLI, up to
 * VRAAGSPOOR_INDEX_JOBS at a time within VRAAGSPOOR_INDEX_MEMORY_MB. Any Pagefind error fails the
 * run with exit code 1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { indexSettings } from './lib/pagefind.ts';
import { StreamingIndexer } from './lib/search-index-integration.ts';

/** Folders whose pages carry data-pagefind-body (record pages only; lists are never indexed). */
const INDEXED_SECTIONS = ['vragen', 'toezeggingen', 'moties'];

/** The pages of the indexed sections of a built site, as site paths ("/vragen/x") and files. */
function sectionPages(dist: string): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const section of INDEXED_SECTIONS) {
    const dir = join(dist, section);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, 'index.html');
      if (existsSync(file)) out.push({ path: `/${section}/${name}`, file });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dist = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`index-site: ${dist}/index.html bestaat niet; bouw eerst de site (astro build).`);
  const settings = indexSettings();
  const indexer = new StreamingIndexer({
    ...settings,
    jobsWhileRendering: settings.jobs,
    work: join(dirname(dist), `.vraagspoor-index-${process.pid}`),
    log: (message) => console.log(`index-site: ${message}`),
  });
  try {
    const pages = sectionPages(dist);
    // Like the build, decide on splitting by the number of pages in the indexed sections.
    indexer.plan([], pages.length);
    for (const { path, file } of pages) await indexer.add(path, readFileSync(file, 'utf8'));
  } catch (error) {
    indexer.dispose();
    throw error;
  }
  const r = await indexer.finish(join(dist, 'pagefind'));
  console.log(`index-site: ${r.pages} pagina's in ${r.groups} ${r.groups === 1 ? 'index' : 'indexen (per vergaderjaar)'}, klaar in ${r.seconds.toFixed(1)} s`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
