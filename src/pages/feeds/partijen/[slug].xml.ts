/** Atom feed of the newest question sets of one party. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, siteOrigin } from '../../../site/load.ts';
import { atomFeed } from '../../../site/feeds.ts';
import { recordEntries } from '../../../site/feed-entries.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getModel();
  return [...model.parties.keys()].map((slug) => ({ params: { slug } }));
};

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getModel();
  const origin = siteOrigin(site);
  const group = model.parties.get(params.slug!)!;
  const body = atomFeed({
    title: `Vraagspoor — vragen van ${group.name}`,
    selfUrl: `${origin}/feeds/partijen/${params.slug}.xml`,
    pageUrl: `${origin}/partijen/${params.slug}/`,
    entries: recordEntries(group.records, origin),
    updated: model.today,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
