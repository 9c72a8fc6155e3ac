/**
 * The timeline of a question set: submitted, postponement notices ("Uitstel gemeld"), answered,
 * further answers, and for open questions the due date. Pure; the page renders it with
 * Timeline.astro (newest first).
 */
import type { SiteModel, RecordView } from './model.ts';
import { followUpAnswers, postponementNotices, TERM_STATUS_LABELS } from './open-questions.ts';
import { joinNl } from './text.ts';

/** One event (the shape Timeline.astro renders). */
export interface TimelineEvent {
  /** ISO date, or null when unknown. */
  date: string | null;
  /** Where an undated event belongs in time, for ordering only. */
  sortDate?: string | null;
  /** What happened. */
  title: string;
  /** Who did it. */
  actor?: string | null;
  /** Further text. */
  body?: string | null;
  /** Link to the source (site path or checked http(s) URL). */
  href?: string | null;
  /** Link text. */
  linkText?: string | null;
}

function answererText(r: RecordView): string | null {
  return r.record.answerers.map((a) => [a.name, a.role].filter(Boolean).join(', ')).join('; ') || null;
}

/**
 * The events of a record's timeline. Timeline.astro sorts them newest first by `sortDate ?? date`
 * and keeps this order on equal dates, so the submission comes last.
 */
export function recordTimeline(model: SiteModel, r: RecordView): TimelineEvent[] {
  const rec = r.record;
  const events: TimelineEvent[] = [];
  const questioners = joinNl(r.members.map((m) => (m.party ? `${m.name} (${m.party})` : m.name)));

  for (const n of postponementNotices(model, r)) {
    if (n.record) {
      events.push({
        date: n.date,
        sortDate: n.date ?? rec.dateSubmitted,
        title: 'Uitstel gemeld',
        actor: n.record.record.answerers[0]?.role ?? null,
        href: n.url,
        linkText: `Bekijk het uitstelbericht (${n.record.record.id})`,
      });
    } else {
      // Only the number is known ("Zie ook Aanhangsel …, nr. 3658"): link to the official publication.
      events.push({
        date: null,
        sortDate: rec.dateSubmitted,
        title: `Uitstel gemeld (Aanhangsel nr. ${n.number})`,
        body: 'Dit uitstelbericht staat niet op Vraagspoor; de datum is niet bekend.',
        href: n.url,
        linkText: 'Bekijk het uitstelbericht op officielebekendmakingen.nl',
      });
    }
  }

  const shown = new Set<string>([rec.id]);
  if (rec.kind === 'postponement') {
    events.push({ date: rec.dateAnswered, title: 'Uitstel gemeld', actor: rec.answerers[0]?.role ?? null, body: 'Dit document.' });
  } else if (rec.kind === 'answer') {
    events.push({ date: rec.dateAnswered, title: rec.naderAntwoord ? 'Nader antwoord ontvangen' : 'Antwoord ontvangen', actor: answererText(r) });
  } else {
    const open = model.openQuestionById.get(rec.id);
    if (open?.due) {
      events.push({
        date: open.due,
        title: open.status === 'termijn-verstreken' ? `Antwoordtermijn verstreken (${open.daysOverdue} dagen geleden)` : 'Antwoord uiterlijk verwacht',
        body: `${TERM_STATUS_LABELS[open.status]}: drie weken na het indienen${open.postponements.length ? `, plus drie weken per uitstelbericht (${open.postponements.length})` : ''}.`,
      });
    }
  }
  for (const a of followUpAnswers(model, r)) {
    shown.add(a.record.id);
    events.push({
      date: a.date,
      title: a.record.naderAntwoord ? 'Nader antwoord' : 'Antwoord',
      actor: a.record.answerers[0]?.role ?? null,
      href: a.url,
      linkText: `Bekijk het antwoord (${a.record.id})`,
    });
  }
  // Other answers on the same zaak (a further answer after this one, or the first one before it).
  for (const z of rec.zaakNumber ? model.byZaak.get(rec.zaakNumber) ?? [] : []) {
    if (z.record.kind !== 'answer' || shown.has(z.record.id)) continue;
    shown.add(z.record.id);
    events.push({ date: z.date, title: z.record.naderAntwoord ? 'Nader antwoord' : 'Antwoord', href: z.url, linkText: `Bekijk ${z.record.id}` });
  }
  // Last: on equal dates the timeline keeps this order, and everything else happened after submission.
  if (rec.dateSubmitted) events.push({ date: rec.dateSubmitted, title: 'Vragen ingezonden', actor: questioners || null });
  return events;
}
