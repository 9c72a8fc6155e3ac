/**
 * Atom feed endpoints. Every feed page under src/pages/feeds/ is one call to these helpers, so
 * model loading, the feed's "updated" fallback and the response headers live in one place.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, siteOrigin } from './load.ts';
import { atomFeed, type Feed } from './feeds.ts';
import type { SiteModel } from './model.ts';

/** What a feed page describes; "updated" falls back to the build's date. */
export type FeedSpec = Omit<Feed, 'updated'>;

function atomResponse(model: SiteModel, spec: FeedSpec): Response {
  return new Response(atomFeed({ ...spec, updated: model.today }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}

/** A single feed: `export const GET = feedRoute((model, origin) => ({ title, selfUrl, pageUrl, entries }))`. */
export function feedRoute(describe: (model: SiteModel, origin: string) => FeedSpec): APIRoute {
  return async ({ site }) => {
    const model = await getModel();
    return atomResponse(model, describe(model, siteOrigin(site)));
  };
}

/**
 * One feed per group (member, party, ministry), with a static path per key of `groups`. Every key
 * gets a feed, also a group with no entries today, so a subscribed URL stays valid.
 */
export function groupFeedRoutes<G>(
  groups: (model: SiteModel) => ReadonlyMap<string, G>,
  describe: (group: G, slug: string, model: SiteModel, origin: string) => FeedSpec,
): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => [...groups(await getModel()).keys()].map((slug) => ({ params: { slug } })),
    GET: async ({ params, site }) => {
      const model = await getModel();
      const slug = params.slug!;
      return atomResponse(model, describe(groups(model).get(slug)!, slug, model, siteOrigin(site)));
    },
  };
}
