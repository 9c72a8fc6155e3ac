/**
 * The official commitments register (Toezegging) → `content/commitments-register/<Nummer>.json`,
 * and from there into the same commitment model the parser uses for promises read in answers.
 */
import type { Commitment } from '../schema/record.ts';
import { registerEntry, type RegisterEntry } from '../schema/register.ts';
import type { SyncMessage, TkToezegging } from './entities.ts';
import { registerStatusOf } from './status.ts';

/** "de Jonge" from Tussenvoegsel + Achternaam. */
function surnameOf(t: TkToezegging): string | null {
  const parts = [t.tussenvoegsel, t.achternaam].filter((p): p is string => !!p && p.trim().length > 0).map((p) => p.trim());
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A display name: `Naam` when the register gives it, else initials or first name with the surname. */
function displayName(t: TkToezegging): string | null {
  if (t.naam) return t.naam.trim();
  const surname = surnameOf(t);
  if (!surname) return null;
  const first = t.voornaam?.trim() || t.initialen?.trim() || '';
  return first ? `${first} ${surname}` : surname;
}

/**
 * Map one register row. Deleted rows and rows without a number or text give null with a message;
 * an unknown status is kept verbatim in `registerStatus` and reported.
 */
export function toRegisterEntry(t: TkToezegging): { entry: RegisterEntry | null; messages: SyncMessage[] } {
  const messages: SyncMessage[] = [];
  if (t.verwijderd) return { entry: null, messages };
  if (!t.nummer || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(t.nummer)) {
    messages.push({ ruleId: 'register-number', reason: `Toezegging ${t.id} heeft geen bruikbaar Nummer (${JSON.stringify(t.nummer)}); overgeslagen.`, severity: 'warning' });
    return { entry: null, messages };
  }
  const status = registerStatusOf(t.status);
  if (t.status && !status) {
    messages.push({ ruleId: 'register-status', reason: `Toezegging ${t.nummer}: onbekende status "${t.status}"; bewaard zonder vertaling.`, severity: 'warning' });
  }
  const result = registerEntry.safeParse({
    id: t.nummer,
    tkId: t.id,
    text: (t.tekst ?? '').trim(),
    status,
    registerStatus: t.status?.trim() || null,
    due: t.datumNakoming,
    created: t.aanmaakdatum,
    ministry: t.ministerie,
    activity: t.activiteitNummer,
    person: { name: displayName(t), surname: surnameOf(t), role: t.functie },
    fulfilledBy: t.kamerbriefNakoming,
    notes: t.notities,
    changed: t.gewijzigdOp,
    url: null,
  });
  if (!result.success) {
    messages.push({
      ruleId: 'register-invalid',
      reason: `Toezegging ${t.nummer}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      severity: 'warning',
    });
    return { entry: null, messages };
  }
  if (!result.data.text) {
    messages.push({ ruleId: 'register-text', reason: `Toezegging ${t.nummer} heeft geen tekst.`, severity: 'info' });
  }
  return { entry: result.data, messages };
}

/**
 * A register entry in the commitment model of question-set records, so the site lists both kinds
 * together. The id is prefixed "tz-" so it never collides with a record-derived id.
 */
export function registerToCommitment(entry: RegisterEntry): Commitment {
  return {
    id: `tz-${entry.id}`,
    text: entry.text,
    due: entry.due,
    dueText: null,
    action: null,
    actor: entry.person.role ?? entry.person.name,
    pair: null,
    programmes: [],
    motions: [],
    place: null,
  };
}
