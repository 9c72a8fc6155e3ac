/** Atom feed of open questions past their answer term (3 weeks, 3 more per postponement notice). */
import { feedRoute } from '../../site/feed-routes.ts';
import { overdueQuestionEntries } from '../../site/feed-entries.ts';
import { OPEN_QUESTIONS_PATH, openFilterUrl } from '../../site/open-questions.ts';

export const GET = feedRoute((model, origin) => ({
  title: 'Vraagspoor — Kamervragen waarvan de antwoordtermijn verstreken is',
  subtitle: 'Schriftelijke vragen zonder antwoord, na de termijn van drie weken (plus drie weken na een uitstelbericht).',
  selfUrl: `${origin}/feeds/vragen-over-tijd.xml`,
  // The filtered page exists only while something is over time.
  pageUrl: `${origin}${model.openQuestions.some((q) => q.status === 'termijn-verstreken') ? openFilterUrl({ status: 'termijn-verstreken' }) : OPEN_QUESTIONS_PATH}`,
  entries: overdueQuestionEntries(model.openQuestions, origin),
}));
