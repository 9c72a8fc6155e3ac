/** Atom feed of the newest question sets of one member. */
import { groupFeedRoutes } from '../../../site/feed-routes.ts';
import { recordEntries } from '../../../site/feed-entries.ts';

const route = groupFeedRoutes(
  (model) => model.members,
  (group, slug, _model, origin) => ({
    title: `Vraagspoor — vragen van ${group.name}`,
    selfUrl: `${origin}/feeds/leden/${slug}.xml`,
    pageUrl: `${origin}/leden/${slug}/`,
    entries: recordEntries(group.records, origin),
  }),
);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
