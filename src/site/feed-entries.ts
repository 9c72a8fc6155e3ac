/** Feed entries for records and commitments. Pure. */
import type { CommitmentView, RecordView } from './model.ts';
import { KIND_LABELS } from './model.ts';
import type { FeedEntry } from './feeds.ts';
import type { OpenQuestionView } from './open-questions.ts';
import { statusLabel } from './status.ts';
import { formatDate, joinNl, truncate } from './text.ts';

/** Number of entries in each feed. */
export const FEED_SIZE = 50;

/** A feed entry for a question set. */
export function recordEntry(r: RecordView, origin: string): FeedEntry {
  const rec = r.record;
  const who = joinNl(r.members.map((m) => (m.party ? `${m.name} (${m.party})` : m.name)));
  const firstQuestion = rec.pairs[0]?.question ?? '';
  return {
    id: `${origin}${r.url}`,
    url: `${origin}${r.url}`,
    title: `${KIND_LABELS[rec.kind]}: ${rec.title ?? rec.id}`,
    updated: r.date ?? '1970-01-01',
    summary: truncate(
      `${KIND_LABELS[rec.kind]} van ${rec.answerers[0]?.role ?? 'het kabinet'} op vragen van ${who || 'Kamerleden'}` +
        `${rec.dateSubmitted ? ` (ingezonden ${formatDate(rec.dateSubmitted)})` : ''}. ${firstQuestion}`,
      500,
    ),
    authors: r.members.map((m) => m.name),
    categories: [r.ministry?.name, r.vergaderjaar].filter((x): x is string => !!x),
  };
}

/** The newest answers (and notices) first. */
export function recordEntries(records: readonly RecordView[], origin: string): FeedEntry[] {
  return records.slice(0, FEED_SIZE).map((r) => recordEntry(r, origin));
}

/** Commitments whose term ends soon or has passed, by due date (most urgent first). */
export function dueCommitmentEntries(commitments: readonly CommitmentView[], origin: string): FeedEntry[] {
  return commitments
    .filter((c) => (c.status === 'due-soon' || c.status === 'overdue') && c.commitment.due)
    .sort((a, b) => (b.commitment.due! < a.commitment.due! ? -1 : 1))
    .slice(0, FEED_SIZE)
    .map((c) => ({
      id: `${origin}${c.url}`,
      url: `${origin}${c.url}`,
      title: `${statusLabel(c.status)} (${formatDate(c.commitment.due)}): ${truncate(c.commitment.text, 100)}`,
      updated: c.commitment.due!,
      summary: `${c.commitment.text} — ${c.reason} ${
        c.record ? `Gedaan in ${c.record.record.id}${c.pairLabel ? `, vraag ${c.pairLabel}` : ''}.` : `Toezeggingenregister, nr. ${c.register?.id ?? c.id}.`
      }`,
      categories: [statusLabel(c.status), ...(c.ministry ? [c.ministry.name] : [])],
    }));
}

/**
 * Open questions past their answer term, most overdue first. An entry is "updated" on its due
 * date: the day it went over time, which is what a reader of this feed wants to hear about.
 */
export function overdueQuestionEntries(items: readonly OpenQuestionView[], origin: string): FeedEntry[] {
  return items
    .filter((q) => q.status === 'termijn-verstreken' && q.due)
    .slice(0, FEED_SIZE)
    .map((q) => {
      const rec = q.view.record;
      const who = joinNl(q.view.members.map((m) => (m.party ? `${m.name} (${m.party})` : m.name)));
      const to = joinNl(q.ministries.map((m) => m.name));
      return {
        id: `${origin}${q.view.url}#termijn-${q.due}`,
        url: `${origin}${q.view.url}`,
        title: `Termijn verstreken (${q.daysOverdue} ${q.daysOverdue === 1 ? 'dag' : 'dagen'}): ${truncate(rec.title ?? rec.id, 120)}`,
        updated: q.due!,
        summary: truncate(
          `Vragen van ${who || 'Kamerleden'}${to ? ` aan ${to}` : ''}, ingezonden ${formatDate(rec.dateSubmitted)}. ` +
            `Het antwoord had er uiterlijk ${formatDate(q.due)} moeten zijn` +
            `${q.postponements.length ? ` (na ${q.postponements.length === 1 ? 'een uitstelbericht' : `${q.postponements.length} uitstelberichten`})` : ''}.`,
          500,
        ),
        authors: q.view.members.map((m) => m.name),
        categories: ['Termijn verstreken', ...q.ministries.map((m) => m.name)],
      };
    });
}
