/** Atom feed of open questions to one ministry that are past their answer term. */
import { groupFeedRoutes } from '../../../site/feed-routes.ts';
import { overdueQuestionEntries } from '../../../site/feed-entries.ts';
import { openFilterUrl } from '../../../site/open-questions.ts';

// Every ministry, with or without late questions today, so the feed URL stays valid over time.
const route = groupFeedRoutes(
  (model) => model.ministries,
  (group, slug, _model, origin) => ({
    title: `Vraagspoor — Kamervragen aan ${group.name} waarvan de antwoordtermijn verstreken is`,
    selfUrl: `${origin}/feeds/vragen-over-tijd/${slug}.xml`,
    // The filtered page exists only while the ministry has open questions.
    pageUrl: `${origin}${group.openQuestions.length ? openFilterUrl({ ministerie: slug }) : `/ministeries/${slug}/`}`,
    entries: overdueQuestionEntries(group.openQuestions, origin),
  }),
);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
