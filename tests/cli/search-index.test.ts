/**
 * The streaming search indexer (scripts/lib/search-index-integration.ts) with the real Pagefind
 * CLI: groups are indexed as soon as the rendered question sets move past them, never earlier;
 * pages that arrive late are indexed again; the bundles and manifest land in dist/pagefind.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runPagefind, type IndexManifest } from '../../scripts/lib/pagefind.ts';
import { orderForIndexing, StreamingIndexer } from '../../scripts/lib/search-index-integration.ts';

let dir: string;
let events: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vraagspoor-index-'));
  events = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function page(year: string | null, word: string): string {
  const jaar = year ? ` data-vs-jaar="${year}"` : '';
  return `<!DOCTYPE html><html lang="nl"><head><title>${word}</title></head><body><article data-pagefind-body${jaar}><h1>${word}</h1><p>Antwoord over ${word}.</p></article></body></html>`;
}

function indexer(options: { splitAt?: number; failOn?: string } = {}): StreamingIndexer {
  return new StreamingIndexer({
    splitAt: options.splitAt ?? 0,
    jobs: 2,
    budgetMB: 7000,
    jobsWhileRendering: 1,
    work: join(dir, 'work'),
    // The real Pagefind; a group named in failOn is pointed at an empty folder, which Pagefind refuses.
    run: (site, out, label) => {
      events.push(`start ${label}`);
      const empty = join(dir, 'empty');
      mkdirSync(empty, { recursive: true });
      return runPagefind(label === options.failOn ? empty : site, out, label).then(() => void events.push(`done ${label}`));
    },
  });
}

const pageCount = (bundle: string): number =>
  (JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages.nl!.page_count;

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !predicate(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(predicate()).toBe(true);
}

describe('streaming search index', () => {
  test('a vergaderjaar is indexed once the rendered sets have moved past it, not before', async () => {
    const ix = indexer();
    const sequence = ['/vragen/a1', '/vragen/a2', '/vragen/b1', '/vragen/b2', '/vragen/c1'];
    ix.plan(sequence, 8);
    // Commitment pages come first (orderForIndexing), for every year.
    await ix.add('/toezeggingen/a1-1', page('2019-2020', 'toezegginga'));
    await ix.add('/toezeggingen/c1-1', page('2021-2022', 'toezeggingc'));
    await ix.add('/moties/m1', page(null, 'motie'));
    await ix.add('/vragen/a1/', page('2019-2020', 'jeugdzorg'));
    // b1 finishes before a2 (pages render four at a time): 2019-2020 may not close yet.
    await ix.add('/vragen/b1/', page('2020-2021', 'woningbouw'));
    expect(events).toEqual([]);
    await ix.add('/vragen/a2/', page('2019-2020', 'onderwijs'));
    expect(events).toEqual(['start 2019-2020']);
    await ix.add('/vragen/b2/', page('2020-2021', 'stikstof'));
    await ix.add('/vragen/c1/', page('2021-2022', 'defensie'));
    // One run at a time while rendering: 2020-2021 waits for 2019-2020.
    expect(events.filter((e) => e.startsWith('start'))).toEqual(['start 2019-2020']);
    await until(() => events.includes('start 2020-2021'));
    expect(events.indexOf('done 2019-2020')).toBeLessThan(events.indexOf('start 2020-2021'));

    const pagefind = join(dir, 'dist', 'pagefind');
    const result = await ix.finish(pagefind);
    expect(result).toMatchObject({ pages: 8, groups: 4 });
    const manifest = JSON.parse(readFileSync(join(pagefind, 'vraagspoor-indexes.json'), 'utf8')) as IndexManifest;
    expect(manifest.groups).toEqual([
      { name: '2021-2022', path: '/pagefind/2021-2022/', pages: 2 },
      { name: '2020-2021', path: '/pagefind/2020-2021/', pages: 2 },
      { name: '2019-2020', path: '/pagefind/2019-2020/', pages: 3 },
      { name: 'overig', path: '/pagefind/overig/', pages: 1 },
    ]);
    for (const g of manifest.groups) expect(pageCount(join(pagefind, g.name))).toBe(g.pages);
    expect(existsSync(join(dir, 'work'))).toBe(false);
  });

  test('a page that arrives after its year was indexed gets the year indexed again', async () => {
    const ix = indexer();
    ix.plan(['/vragen/a1', '/vragen/b1'], 3);
    await ix.add('/vragen/a1', page('2019-2020', 'jeugdzorg'));
    await ix.add('/vragen/b1', page('2020-2021', 'woningbouw'));
    await until(() => events.includes('done 2019-2020'));
    await ix.add('/toezeggingen/a1-9', page('2019-2020', 'nagekomen'));
    const pagefind = join(dir, 'dist', 'pagefind');
    await ix.finish(pagefind);
    expect(events.filter((e) => e === 'start 2019-2020')).toHaveLength(2);
    expect(pageCount(join(pagefind, '2019-2020'))).toBe(2);
  });

  test('below the split threshold everything goes into one index at dist/pagefind', async () => {
    const ix = indexer({ splitAt: 10 });
    ix.plan(['/vragen/a1', '/vragen/b1'], 3);
    await ix.add('/vragen/a1', page('2019-2020', 'jeugdzorg'));
    await ix.add('/vragen/b1', page('2020-2021', 'woningbouw'));
    await ix.add('/vragen/x', '<html lang="nl"><body><p>geen index</p></body></html>');
    expect(events).toEqual([]);
    const pagefind = join(dir, 'dist', 'pagefind');
    expect(await ix.finish(pagefind)).toMatchObject({ pages: 2, groups: 1 });
    expect(pageCount(pagefind)).toBe(2);
    const manifest = JSON.parse(readFileSync(join(pagefind, 'vraagspoor-indexes.json'), 'utf8')) as IndexManifest;
    expect(manifest.groups).toEqual([{ name: 'alle', path: '/pagefind/', pages: 2 }]);
  });

  test('a Pagefind failure fails the build with the group named, and leaves no work folder', async () => {
    const ix = indexer({ failOn: '2020-2021' });
    ix.plan(['/vragen/a1', '/vragen/b1'], 2);
    await ix.add('/vragen/a1', page('2019-2020', 'jeugdzorg'));
    await ix.add('/vragen/b1', page('2020-2021', 'woningbouw'));
    await expect(ix.finish(join(dir, 'dist', 'pagefind'))).rejects.toThrow(/Pagefind mislukt voor 2020-2021/);
    expect(existsSync(join(dir, 'work'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'pagefind'))).toBe(false);
  });

  test('a site without indexed pages is an error', async () => {
    const ix = indexer();
    ix.plan([], 0);
    await expect(ix.finish(join(dir, 'dist', 'pagefind'))).rejects.toThrow(/geen pagina met data-pagefind-body/);
  });

  test('render order: other indexed routes, then question sets in their order, then the rest', () => {
    const p = (route: string, pathname: string) => ({ pathname, route: { route } });
    const ordered = orderForIndexing([
      p('/', '/'),
      p('/vragen/[id]', '/vragen/a'),
      p('/toezeggingen/[id]', '/toezeggingen/t'),
      p('/vragen/[id]', '/vragen/b'),
      p('/moties/[id]', '/moties/m'),
      p('/vragen/[...page]', '/vragen'),
    ]);
    expect(ordered.map((x) => x.pathname)).toEqual(['/toezeggingen/t', '/moties/m', '/vragen/a', '/vragen/b', '/', '/vragen']);
  });
});
