/** Atom feed of new answers and notices. */
import type { APIRoute } from 'astro';
import { getModel, siteOrigin } from '../../site/load.ts';
import { atomFeed } from '../../site/feeds.ts';
import { recordEntries } from '../../site/feed-entries.ts';

export const GET: APIRoute = async ({ site }) => {
  const model = await getModel();
  const origin = siteOrigin(site);
  const body = atomFeed({
    title: 'Vraagspoor — nieuwe antwoorden op Kamervragen',
    selfUrl: `${origin}/feeds/antwoorden.xml`,
    pageUrl: `${origin}/vragen/`,
    // Open questions have no answer yet; they have their own feed (vragen-over-tijd.xml).
    entries: recordEntries(model.records.filter((r) => r.record.kind !== 'questions'), origin),
    updated: model.today,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
