/** Atom feed of the newest answers of one ministry. */
import { groupFeedRoutes } from '../../../site/feed-routes.ts';
import { recordEntries } from '../../../site/feed-entries.ts';

const route = groupFeedRoutes(
  (model) => model.ministries,
  (group, slug, _model, origin) => ({
    title: `Vraagspoor — antwoorden van ${group.name}`,
    selfUrl: `${origin}/feeds/ministeries/${slug}.xml`,
    pageUrl: `${origin}/ministeries/${slug}/`,
    // Open questions have no answer yet; they have their own feed (vragen-over-tijd/<slug>.xml).
    entries: recordEntries(group.records.filter((r) => r.record.kind !== 'questions'), origin),
  }),
);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
