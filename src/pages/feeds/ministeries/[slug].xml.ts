/** Atom feed of the newest answers of one ministry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, siteOrigin } from '../../../site/load.ts';
import { atomFeed } from '../../../site/feeds.ts';
import { recordEntries } from '../../../site/feed-entries.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getModel();
  return [...model.ministries.keys()].map((slug) => ({ params: { slug } }));
};

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getModel();
  const origin = siteOrigin(site);
  const group = model.ministries.get(params.slug!)!;
  const body = atomFeed({
    title: `Vraagspoor — antwoorden van ${group.name}`,
    selfUrl: `${origin}/feeds/ministeries/${params.slug}.xml`,
    pageUrl: `${origin}/ministeries/${params.slug}/`,
    // Open questions have no answer yet; they have their own feed (vragen-over-tijd/<slug>.xml).
    entries: recordEntries(group.records.filter((r) => r.record.kind !== 'questions'), origin),
    updated: model.today,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
