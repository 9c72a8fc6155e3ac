/**
 * Cross-check: what the Tweede Kamer API says about a question set (dates, people, numbers) against
 * what the parser read in the document itself. Disagreements become record messages (ruleId
 * `api-mismatch-…`, reason in Dutch naming both values); the record keeps the document's value,
 * because that is what was published, and the reader sees both.
 */
import type { Message } from '../schema/common.ts';
import type { Questioner } from '../schema/person.ts';
import type { QuestionSet, RecordKind } from '../schema/record.ts';

/** The facts the API gives for one planned record. */
export interface ApiFacts {
  /** Record id the API identifiers lead to (ah-tk-… / kv-tk-…). */
  id: string;
  /** Kind from the document's Soort. */
  kind: RecordKind;
  /** Zaak number. */
  zaakNumber: string | null;
  /** Zaak.GestartOp. */
  dateSubmitted: string | null;
  /** Document.Datum of the answer or notice; null for open questions. */
  dateAnswered: string | null;
  /** From Aanhangselnummer. */
  vergaderjaar: string | null;
  /** From Aanhangselnummer. */
  aanhangselNumber: number | null;
  /** Indiener and Medeindiener actors. */
  questioners: Questioner[];
  /** "Gericht aan" actors. */
  addressees: string[];
}

/** Prefix of every ruleId this module writes; used to strip old cross-check messages before re-checking. */
export const MISMATCH_PREFIX = 'api-mismatch-';

/** Names compare without case, spaces, dashes, dots and accents ("vanDijk" = "Van Dijk", "Kostić" = "Kostic"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-.'’]+/g, '');
}

/** Whether two surnames (possibly with first names or initials in front) denote the same person. */
export function sameMember(a: string, b: string): boolean {
  const ka = nameKey(stripInitials(a));
  const kb = nameKey(stripInitials(b));
  if (!ka || !kb) return false;
  return ka === kb || ka.endsWith(kb) || kb.endsWith(ka);
}

/** "R.M. Leijten" → "Leijten"; "E. van Dijk" → "van Dijk". Leaves names without initials alone. */
export function stripInitials(name: string): string {
  return name.replace(/^\s*(?:[A-ZÀ-Ý][a-zà-ÿ]{0,2}\.\s*)+/, '').trim();
}

/** Party names compare without case, spaces and dashes ("GroenLinks-PvdA" = "GL-PvdA" is NOT assumed). */
function partyKey(p: string): string {
  return p.toLowerCase().replace(/[\s\-]+/g, '');
}

function mismatch(field: string, reason: string): Message {
  return { ruleId: `${MISMATCH_PREFIX}${field}`, reason, severity: 'warning', place: null };
}

/**
 * Compare the parsed record with the API facts. Only values both sides state are compared; a value
 * one side lacks is filled elsewhere, not reported here.
 */
export function crossCheck(parsed: QuestionSet, api: ApiFacts): Message[] {
  const out: Message[] = [];
  const where = api.zaakNumber ? `zaak ${api.zaakNumber}` : api.id;
  const cmp = (field: string, label: string, doc: string | number | null, tk: string | number | null): void => {
    if (doc === null || tk === null || doc === tk) return;
    out.push(mismatch(field, `${label} verschilt: het document zegt ${doc}, de Tweede Kamer-API zegt ${tk} (${where}).`));
  };
  // A parser that fell back to a file-name slug has no official id to compare.
  if (/^(?:ah|kv)-/.test(parsed.id)) cmp('id', 'Officieel kenmerk', parsed.id, api.id);
  cmp('kind', 'Soort document', parsed.kind, api.kind);
  cmp('zaak', 'Zaaknummer', parsed.zaakNumber, api.zaakNumber);
  cmp('date-submitted', 'Datum van indienen', parsed.dateSubmitted, api.dateSubmitted);
  if (api.kind !== 'questions') cmp('date-answered', 'Datum van antwoord of mededeling', parsed.dateAnswered, api.dateAnswered);
  cmp('vergaderjaar', 'Vergaderjaar', parsed.vergaderjaar, api.vergaderjaar);
  cmp('aanhangsel', 'Aanhangselnummer', parsed.aanhangselNumber, api.aanhangselNumber);

  if (parsed.questioners.length > 0 && api.questioners.length > 0) {
    const missingInDoc = api.questioners.filter((q) => !parsed.questioners.some((p) => sameMember(p.name, q.name)));
    const missingInApi = parsed.questioners.filter((p) => !api.questioners.some((q) => sameMember(p.name, q.name)));
    if (missingInDoc.length > 0 || missingInApi.length > 0) {
      out.push(
        mismatch(
          'questioners',
          `Vragenstellers verschillen: het document noemt ${parsed.questioners.map((q) => q.name).join(', ')}, de Tweede Kamer-API noemt ${api.questioners.map((q) => q.name).join(', ')} (${where}).`,
        ),
      );
    }
    for (const p of parsed.questioners) {
      const q = api.questioners.find((x) => sameMember(p.name, x.name));
      if (q && p.party && q.party && partyKey(p.party) !== partyKey(q.party)) {
        out.push(mismatch('party', `Fractie van ${p.name} verschilt: het document zegt ${p.party}, de Tweede Kamer-API zegt ${q.party} (${where}).`));
      }
    }
  }
  return out;
}
