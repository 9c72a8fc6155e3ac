/** Atom feed of commitments whose term ends soon or has passed. */
import type { APIRoute } from 'astro';
import { getModel, siteOrigin } from '../../site/load.ts';
import { atomFeed } from '../../site/feeds.ts';
import { dueCommitmentEntries } from '../../site/feed-entries.ts';

export const GET: APIRoute = async ({ site }) => {
  const model = await getModel();
  const origin = siteOrigin(site);
  const body = atomFeed({
    title: 'Vraagspoor — toezeggingen waarvan de termijn verloopt',
    subtitle: 'Toezeggingen met een termijn die binnen 30 dagen verloopt of al verstreken is.',
    selfUrl: `${origin}/feeds/toezeggingen.xml`,
    pageUrl: `${origin}/toezeggingen/`,
    entries: dueCommitmentEntries(model.commitments, origin),
    updated: model.today,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
