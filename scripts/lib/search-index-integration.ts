/**
 * Astro integration that builds the Pagefind search index while Astro renders the site, instead of
 * after it (`astro build` alone now produces dist/pagefind/).
 *
 * Why: on this 2-core machine Astro's renderer keeps about one core busy and Pagefind needs about
 * one core-second per 200 question sets, so indexing after the build left a core idle for the
 * whole render and made the 50,000-set build miss its time target.
 *
 * How: the integration wraps Astro's prerenderer (the public `setPrerenderer` hook).
 * - getStaticPaths: the indexed routes other than the question sets come first, then the question
 *   sets in the order their page lists them (sorted by vergaderjaar), then everything else.
 * - render: each indexed page's HTML is copied into a folder per index group (its vergaderjaar) in
 *   a work folder beside dist/. Once every question set up to a point in that order has been
 *   rendered and the next vergaderjaar has begun, the previous group is complete and the Pagefind
 *   CLI indexes it, one group at a time while Astro is still rendering and up to
 *   VRAAGSPOOR_INDEX_JOBS at a time afterwards, within a memory budget.
 * - astro:build:done: the remaining groups are indexed, the bundles move into dist/pagefind/ and
 *   the manifest is written. Any Pagefind error fails the build.
 * The order only decides how early a group can be indexed, never what ends up in it: a page that
 * arrives for a group already indexed marks the group dirty and it is indexed again at the end.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MB_PER_PAGE,
  SINGLE_GROUP,
  indexManifest,
  indexSettings,
  pageGroup,
  runPagefind,
  writeManifest,
  type IndexSettings,
} from './pagefind.ts';

/** Routes whose pages are indexed; the first is rendered in vergaderjaar order and drives the groups. */
export const INDEXED_ROUTES = ['/vragen/[id]', '/toezeggingen/[id]', '/moties/[id]'] as const;
const SEQUENCED_ROUTE = INDEXED_ROUTES[0];

type GroupState = 'open' | 'queued' | 'running' | 'done';

interface Group {
  name: string;
  pages: number;
  state: GroupState;
  /** A page arrived while the group was being indexed: index it again afterwards. */
  dirty: boolean;
}

/** Runs Pagefind on a folder of pages; replaceable so tests can observe the scheduling. */
export type PagefindRunner = (site: string, outDir: string, label: string) => Promise<void>;

export interface StreamingIndexerOptions extends IndexSettings {
  /** Work folder (pages per group, bundles per group); removed when done. */
  work: string;
  /** Pagefind runs at the same time while pages are still being rendered. */
  jobsWhileRendering: number;
  run?: PagefindRunner;
  log?: (message: string) => void;
}

/** Strip the trailing slash of a URL path ("/vragen/x/" → "/vragen/x"); "/" stays. */
function normalizePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/**
 * Collects indexed pages per group as they are rendered and indexes each group with Pagefind as
 * soon as it is complete. Independent of Astro: tests drive it with plain paths and HTML.
 */
export class StreamingIndexer {
  readonly #o: Required<StreamingIndexerOptions>;
  readonly #groups = new Map<string, Group>();
  readonly #queue: Group[] = [];
  #running = 0;
  #runningMB = 0;
  #rendering = true;
  #split = true;
  #error: Error | null = null;
  #idle: (() => void) | null = null;
  // The sequenced pages in render order, the group each was found in once rendered, and how far
  // the rendered prefix reaches.
  #sequence = new Map<string, number>();
  #rendered: (string | null | undefined)[] = [];
  #prefix = 0;
  #lastGroup: string | null = null;
  readonly #started = Date.now();
  #renderEnded = 0;

  constructor(options: StreamingIndexerOptions) {
    this.#o = { run: runPagefind, log: () => {}, ...options };
    rmSync(this.#o.work, { recursive: true, force: true });
    mkdirSync(join(this.#o.work, 'pages'), { recursive: true });
    mkdirSync(join(this.#o.work, 'out'), { recursive: true });
  }

  /**
   * Announce the pages: `sequenced` in the order they will be rendered, and how many indexable
   * pages there are in all (above splitAt the index is split per vergaderjaar).
   */
  plan(sequenced: readonly string[], indexable: number): void {
    this.#split = indexable > this.#o.splitAt;
    this.#sequence = new Map(sequenced.map((p, i) => [normalizePath(p), i]));
    this.#rendered = new Array<string | null | undefined>(sequenced.length);
  }

  get split(): boolean {
    return this.#split;
  }

  /** A rendered page of an indexed route. */
  async add(pathname: string, html: string): Promise<void> {
    const path = normalizePath(pathname);
    const found = pageGroup(html);
    const name = found === null ? null : this.#split ? found : SINGLE_GROUP;
    if (name !== null) {
      const file = join(this.#o.work, 'pages', name, path, 'index.html');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
      let group = this.#groups.get(name);
      if (!group) {
        group = { name, pages: 0, state: 'open', dirty: false };
        this.#groups.set(name, group);
      }
      group.pages++;
      // Already indexed: open it again. Being indexed: index it again when that run ends.
      if (group.state === 'done') group.state = 'open';
      else if (group.state === 'running') group.dirty = true;
    }
    const position = this.#sequence.get(path);
    if (position !== undefined) {
      this.#rendered[position] = name;
      this.#advance();
    }
  }

  /** Close every group the rendered prefix of the sequence has moved past. */
  #advance(): void {
    while (this.#prefix < this.#rendered.length && this.#rendered[this.#prefix] !== undefined) {
      const name = this.#rendered[this.#prefix++];
      if (name === null || name === undefined) continue;
      if (this.#lastGroup !== null && name !== this.#lastGroup) this.#close(this.#groups.get(this.#lastGroup)!);
      this.#lastGroup = name;
    }
  }

  #close(group: Group): void {
    if (group.state !== 'open') return;
    group.state = 'queued';
    this.#queue.push(group);
    this.#pump();
  }

  #pump(): void {
    const limit = this.#rendering ? this.#o.jobsWhileRendering : this.#o.jobs;
    while (this.#queue.length > 0 && this.#running < limit && this.#error === null) {
      const next = this.#queue[0]!;
      const mb = next.pages * MB_PER_PAGE;
      // The first run always starts; others wait while memory would exceed the budget.
      if (this.#running > 0 && this.#runningMB + mb > this.#o.budgetMB) break;
      this.#queue.shift();
      this.#start(next, mb);
    }
    if (this.#running === 0 && (this.#queue.length === 0 || this.#error !== null)) this.#idle?.();
  }

  #start(group: Group, mb: number): void {
    group.state = 'running';
    group.dirty = false;
    this.#running++;
    this.#runningMB += mb;
    const out = join(this.#o.work, 'out', group.name);
    rmSync(out, { recursive: true, force: true });
    const t0 = Date.now();
    this.#o
      .run(join(this.#o.work, 'pages', group.name), out, group.name)
      .then(
        () => {
          this.#o.log(`${group.name}: ${group.pages} pagina's geïndexeerd in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          group.state = 'done';
          if (group.dirty) {
            this.#o.log(`${group.name}: er kwamen pagina's bij tijdens het indexeren; opnieuw`);
            group.state = 'open';
            if (!this.#rendering) this.#close(group);
          }
        },
        (error: unknown) => {
          this.#error ??= error instanceof Error ? error : new Error(String(error));
        },
      )
      .finally(() => {
        this.#running--;
        this.#runningMB -= mb;
        this.#pump();
      });
  }

  /** Rendering has ended: every group is complete, and more runs may go side by side. */
  renderingDone(): void {
    if (!this.#rendering) return;
    this.#rendering = false;
    this.#renderEnded = Date.now();
    for (const group of this.#groups.values()) this.#close(group);
    this.#pump();
  }

  /**
   * Wait for every group, then move the bundles into `pagefindDir` (one bundle when the index is
   * not split) with the manifest. Throws the first Pagefind error, or when nothing was indexed.
   */
  async finish(pagefindDir: string): Promise<{ pages: number; groups: number; afterRenderSeconds: number; seconds: number }> {
    this.renderingDone();
    await new Promise<void>((resolvePromise) => {
      this.#idle = resolvePromise;
      this.#pump();
    });
    try {
      if (this.#error) throw this.#error;
      if (this.#groups.size === 0) throw new Error('geen pagina met data-pagefind-body gevonden.');
      rmSync(pagefindDir, { recursive: true, force: true });
      const counts = new Map([...this.#groups.values()].map((g) => [g.name, g.pages]));
      if (this.#split) {
        mkdirSync(pagefindDir, { recursive: true });
        for (const name of counts.keys()) renameSync(join(this.#o.work, 'out', name), join(pagefindDir, name));
      } else {
        mkdirSync(dirname(pagefindDir), { recursive: true });
        renameSync(join(this.#o.work, 'out', SINGLE_GROUP), pagefindDir);
      }
      writeManifest(pagefindDir, indexManifest(counts, this.#split));
      const pages = [...counts.values()].reduce((a, b) => a + b, 0);
      const now = Date.now();
      return { pages, groups: counts.size, afterRenderSeconds: (now - this.#renderEnded) / 1000, seconds: (now - this.#started) / 1000 };
    } finally {
      this.dispose();
    }
  }

  /** Remove the work folder (also after a failed build). */
  dispose(): void {
    rmSync(this.#o.work, { recursive: true, force: true });
  }
}

/** Order the paths for rendering: other indexed routes, then the sequenced route, then the rest. */
export function orderForIndexing<T extends { route: { route: string } }>(paths: readonly T[]): T[] {
  const indexed = new Set<string>(INDEXED_ROUTES);
  const first = paths.filter((p) => indexed.has(p.route.route) && p.route.route !== SEQUENCED_ROUTE);
  const sequenced = paths.filter((p) => p.route.route === SEQUENCED_ROUTE);
  const rest = paths.filter((p) => !indexed.has(p.route.route));
  return [...first, ...sequenced, ...rest];
}

/** The integration: `integrations: [searchIndex()]` in astro.config.mjs. */
export default function searchIndex(): AstroIntegration {
  let outDir = '';
  let indexer: StreamingIndexer | null = null;
  const indexed = new Set<string>(INDEXED_ROUTES);
  return {
    name: 'vraagspoor-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const settings = indexSettings();
        indexer = new StreamingIndexer({
          ...settings,
          // Astro's renderer keeps one core busy; Pagefind gets the other.
          jobsWhileRendering: 1,
          // Beside dist, so the finished bundles can be renamed into it.
          work: join(dirname(outDir), `.vraagspoor-index-${basename(outDir)}`),
          log: (message) => logger.info(message),
        });
        const current = indexer;
        setPrerenderer(
          (base): AstroPrerenderer => ({
            ...base,
            name: `${base.name}+vraagspoor-search-index`,
            getStaticPaths: async () => {
              const ordered = orderForIndexing(await base.getStaticPaths());
              current.plan(
                ordered.filter((p) => p.route.route === SEQUENCED_ROUTE).map((p) => p.pathname),
                ordered.filter((p) => indexed.has(p.route.route)).length,
              );
              return ordered;
            },
            render: async (request, options) => {
              const result = await base.render(request, options);
              if (!indexed.has(options.routeData.route)) return result;
              const response = result instanceof Response ? result : result.response;
              if (response.status !== 200 || !response.body) return result;
              const html = await response.text();
              await current.add(decodeURIComponent(new URL(request.url).pathname), html);
              const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
              return result instanceof Response ? copy : { ...result, response: copy };
            },
            teardown: async () => {
              current.renderingDone();
              await base.teardown?.();
            },
          }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexer) return;
        const current = indexer;
        indexer = null;
        try {
          const r = await current.finish(join(fileURLToPath(dir), 'pagefind'));
          logger.info(
            `${r.pages} pagina's in ${r.groups} ${r.groups === 1 ? 'index' : 'indexen (per vergaderjaar)'}; ` +
              `klaar ${r.afterRenderSeconds.toFixed(1)} s na het renderen (${r.seconds.toFixed(1)} s sinds de start)`,
          );
        } catch (error) {
          throw new Error(`Zoekindex: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      },
    },
  };
}

