/** Atom feed of open questions to one ministry that are past their answer term. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, siteOrigin } from '../../../site/load.ts';
import { atomFeed } from '../../../site/feeds.ts';
import { overdueQuestionEntries } from '../../../site/feed-entries.ts';
import { openFilterUrl } from '../../../site/open-questions.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getModel();
  // Every ministry, with or without late questions today, so the feed URL stays valid over time.
  return [...model.ministries.keys()].map((slug) => ({ params: { slug } }));
};

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getModel();
  const origin = siteOrigin(site);
  const group = model.ministries.get(params.slug!)!;
  const body = atomFeed({
    title: `Vraagspoor — Kamervragen aan ${group.name} waarvan de antwoordtermijn verstreken is`,
    selfUrl: `${origin}/feeds/vragen-over-tijd/${group.slug}.xml`,
    // The filtered page exists only while the ministry has open questions.
    pageUrl: `${origin}${group.openQuestions.length ? openFilterUrl({ ministerie: group.slug }) : `/ministeries/${group.slug}/`}`,
    entries: overdueQuestionEntries(group.openQuestions, origin),
    updated: model.today,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
