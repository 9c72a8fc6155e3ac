/** Atom feed of new answers and notices. */
import { feedRoute } from '../../site/feed-routes.ts';
import { recordEntries } from '../../site/feed-entries.ts';

export const GET = feedRoute((model, origin) => ({
  title: 'Vraagspoor — nieuwe antwoorden op Kamervragen',
  selfUrl: `${origin}/feeds/antwoorden.xml`,
  pageUrl: `${origin}/vragen/`,
  // Open questions have no answer yet; they have their own feed (vragen-over-tijd.xml).
  entries: recordEntries(model.records.filter((r) => r.record.kind !== 'questions'), origin),
}));
