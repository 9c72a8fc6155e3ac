/** Atom feed of commitments whose term ends soon or has passed. */
import { feedRoute } from '../../site/feed-routes.ts';
import { dueCommitmentEntries } from '../../site/feed-entries.ts';

export const GET = feedRoute((model, origin) => ({
  title: 'Vraagspoor — toezeggingen waarvan de termijn verloopt',
  subtitle: 'Toezeggingen met een termijn die binnen 30 dagen verloopt of al verstreken is.',
  selfUrl: `${origin}/feeds/toezeggingen.xml`,
  pageUrl: `${origin}/toezeggingen/`,
  entries: dueCommitmentEntries(model.commitments, origin),
}));
