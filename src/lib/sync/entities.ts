/**
 * Raw OData JSON → typed, version-neutral entities. Every name is read through the field table
 * (`fields.ts`); nothing here knows whether the payload was v4 or v5. Bad rows never throw: they
 * become `SyncMessage`s naming the entity and field.
 */
import { FIELD_MAP, missingFields, readField, type ApiVersion, type EntityName, type FieldMap } from './fields.ts';
import { guid, odataDate } from './ids.ts';

/** A non-fatal problem found while syncing, for the run report (reason in Dutch). */
export interface SyncMessage {
  /** Stable machine id, e.g. "field-missing", "api-mismatch-date". */
  ruleId: string;
  /** What is wrong, in Dutch, naming the entity, field or URL. */
  reason: string;
  /** How serious. */
  severity: 'info' | 'warning' | 'error';
}

/** How to read rows: which table and which version's names first. */
export interface MapContext {
  map: FieldMap;
  version: ApiVersion;
}

/** The default context: the built-in table, v4 names first. */
export const DEFAULT_MAP_CONTEXT: MapContext = { map: FIELD_MAP, version: 'v4' };

/** One page of an OData collection. */
export interface ODataPage {
  /** The entity rows, raw. */
  rows: Array<Record<string, unknown>>;
  /** `@odata.nextLink`, or null on the last page. */
  nextLink: string | null;
  /** `@odata.count` when the query asked for it. */
  count: number | null;
  /** `@odata.context`, or null. */
  context: string | null;
}

/**
 * Parse the body of a collection response. Truncated or malformed JSON, a missing `value` array or
 * rows without an `Id` are errors (the caller retries the page): a page is used whole or not at all.
 */
export function parseODataPage(text: string, url: string): { ok: true; page: ODataPage } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Geen geldige JSON van ${url} (${(error as Error).message}); ${text.length} tekens ontvangen.` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: `Antwoord van ${url} is geen OData-object.` };
  }
  const body = json as Record<string, unknown>;
  if (!Array.isArray(body['value'])) {
    return { ok: false, error: `Antwoord van ${url} mist de lijst "value".` };
  }
  const rows: Array<Record<string, unknown>> = [];
  for (const [i, row] of (body['value'] as unknown[]).entries()) {
    if (!row || typeof row !== 'object' || Array.isArray(row) || typeof (row as Record<string, unknown>)['Id'] !== 'string') {
      return { ok: false, error: `Rij ${i} in het antwoord van ${url} heeft geen Id.` };
    }
    rows.push(row as Record<string, unknown>);
  }
  const next = body['@odata.nextLink'];
  if (next !== undefined && next !== null && typeof next !== 'string') {
    return { ok: false, error: `"@odata.nextLink" in het antwoord van ${url} is geen tekst.` };
  }
  const count = body['@odata.count'];
  return {
    ok: true,
    page: {
      rows,
      nextLink: typeof next === 'string' && next.length > 0 ? next : null,
      count: typeof count === 'number' && Number.isFinite(count) ? count : null,
      context: typeof body['@odata.context'] === 'string' ? (body['@odata.context'] as string) : null,
    },
  };
}

/** Typed accessors over one raw row. */
class RowReader {
  readonly entity: EntityName;
  readonly row: Record<string, unknown>;
  readonly ctx: MapContext;
  readonly messages: SyncMessage[];
  readonly label: string;

  constructor(entity: EntityName, row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label: string) {
    this.entity = entity;
    this.row = row;
    this.ctx = ctx;
    this.messages = messages;
    this.label = label;
  }

  raw(field: string): unknown {
    return readField(this.ctx.map, this.entity, this.row, field, this.ctx.version);
  }

  string(field: string): string | null {
    const v = this.raw(field);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v.trim() === '' ? null : v;
    if (typeof v === 'number') return String(v);
    this.warnType(field, 'tekst', v);
    return null;
  }

  number(field: string): number | null {
    const v = this.raw(field);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
    this.warnType(field, 'getal', v);
    return null;
  }

  boolean(field: string): boolean | null {
    const v = this.raw(field);
    if (v === undefined || v === null) return null;
    if (typeof v === 'boolean') return v;
    this.warnType(field, 'ja/nee', v);
    return null;
  }

  date(field: string): string | null {
    const v = this.raw(field);
    if (v === undefined || v === null) return null;
    const d = odataDate(v);
    // 0001-01-01 is the register's "no date"; it maps to null silently.
    if (d === null && !(typeof v === 'string' && v.startsWith('0001-01-01'))) this.warnType(field, 'datum', v);
    return d;
  }

  timestamp(field: string): string | null {
    const v = this.raw(field);
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v : null;
  }

  /** Expanded navigation as a list (a single object becomes a one-item list; absent → []). */
  list(field: string): Array<Record<string, unknown>> {
    const v = this.raw(field);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x));
    if (typeof v === 'object') return [v as Record<string, unknown>];
    return [];
  }

  /** Expanded single navigation, or null. */
  one(field: string): Record<string, unknown> | null {
    return this.list(field)[0] ?? null;
  }

  private warnType(field: string, expected: string, value: unknown): void {
    this.messages.push({
      ruleId: 'field-type',
      reason: `${this.label}: veld ${this.entity}.${field} is geen ${expected} (${JSON.stringify(value)?.slice(0, 60)}).`,
      severity: 'warning',
    });
  }
}

function reader(entity: EntityName, row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label: string): RowReader {
  const r = new RowReader(entity, row, ctx, messages, label);
  const missing = missingFields(ctx.map, entity, row, ctx.version);
  if (missing.length > 0) {
    messages.push({
      ruleId: 'field-missing',
      reason: `${label}: ${entity} mist ${missing.map((f) => `"${f}"`).join(', ')} (OData ${ctx.version}); controleer de veldvertaling in src/lib/sync/fields.ts.`,
      severity: 'warning',
    });
  }
  return r;
}

/** A person or body linked to a Zaak. */
export interface TkZaakActor {
  id: string;
  /** "R.M. Leijten", or a body's name. */
  naam: string | null;
  /** Party (fractie) short name. */
  fractie: string | null;
  /** "Tweede Kamerlid", "minister van …". */
  functie: string | null;
  /** "Indiener", "Medeindiener", "Gericht aan", … */
  relatie: string | null;
  verwijderd: boolean;
}

/** One published form of a document version (Xml, Pdf, Html, …). */
export interface TkPublication {
  id: string;
  /** "Xml", "Pdf", … */
  type: string | null;
  fileName: string | null;
  url: string | null;
  verwijderd: boolean;
}

/** A Document, with the KOOP id of its current version when expanded. */
export interface TkDocument {
  id: string;
  soort: string | null;
  /** "2025D26693". */
  nummer: string | null;
  onderwerp: string | null;
  titel: string | null;
  /** ISO date. */
  datum: string | null;
  vergaderjaar: string | null;
  volgnummer: number | null;
  /** "242502375". */
  aanhangselnummer: string | null;
  contentType: string | null;
  /** KOOP id of the current version ("kst-19637-3384", "ah-tk-20242025-2375"), when expanded. */
  externeIdentifier: string | null;
  publications: TkPublication[];
  /** Dossiers when expanded. */
  dossiers: TkDossier[];
  /** Zaken when expanded (motion lookups). */
  zaken: TkZaak[];
  verwijderd: boolean;
  gewijzigdOp: string | null;
}

/** A Kamerstukdossier. */
export interface TkDossier {
  id: string;
  nummer: number | null;
  toevoeging: string | null;
  titel: string | null;
}

/** One vote: a party or a member. */
export interface TkStemming {
  id: string;
  soort: string | null;
  actorNaam: string | null;
  actorFractie: string | null;
  fractieGrootte: number | null;
  /** True for a member (hoofdelijke stemming); false for a party vote. */
  member: boolean;
  vergissing: boolean;
  verwijderd: boolean;
}

/** A decision on a Zaak (vote or procedure). */
export interface TkBesluit {
  id: string;
  besluitSoort: string | null;
  besluitTekst: string | null;
  stemmingsSoort: string | null;
  /** Date of the session that decided (Agendapunt → Activiteit.Datum), when expanded. */
  datum: string | null;
  gewijzigdOp: string | null;
  stemmingen: TkStemming[];
  zaken: TkZaak[];
  verwijderd: boolean;
}

/** A Zaak with whatever was expanded. */
export interface TkZaak {
  id: string;
  nummer: string | null;
  soort: string | null;
  onderwerp: string | null;
  titel: string | null;
  /** ISO date. */
  gestartOp: string | null;
  vergaderjaar: string | null;
  volgnummer: number | null;
  afgedaan: boolean | null;
  kabinetsappreciatie: string | null;
  actors: TkZaakActor[];
  documents: TkDocument[];
  besluiten: TkBesluit[];
  dossiers: TkDossier[];
  verwijderd: boolean;
  gewijzigdOp: string | null;
  apiGewijzigdOp: string | null;
}

/** Map a ZaakActor row. */
export function toZaakActor(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'ZaakActor'): TkZaakActor {
  const r = reader('ZaakActor', row, ctx, messages, label);
  return {
    id: String(row['Id']),
    naam: r.string('ActorNaam'),
    fractie: r.string('ActorFractie'),
    functie: r.string('Functie'),
    relatie: r.string('Relatie'),
    verwijderd: r.boolean('Verwijderd') === true,
  };
}

/** Map a Kamerstukdossier row. */
export function toDossier(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Kamerstukdossier'): TkDossier {
  const r = reader('Kamerstukdossier', row, ctx, messages, label);
  return { id: String(row['Id']), nummer: r.number('Nummer'), toevoeging: r.string('Toevoeging'), titel: r.string('Titel') };
}

/** Map a Document row with its expanded version, publications, dossiers and zaken. */
export function toDocument(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Document'): TkDocument {
  const r = reader('Document', row, ctx, messages, label);
  const nummer = r.string('DocumentNummer');
  const here = nummer ? `${label} ${nummer}` : label;
  const versionRow = r.one('HuidigeDocumentVersie');
  let externeIdentifier: string | null = null;
  const publications: TkPublication[] = [];
  if (versionRow) {
    const v = reader('DocumentVersie', versionRow, ctx, messages, here);
    externeIdentifier = v.string('ExterneIdentifier');
    for (const p of v.list('DocumentPublicatie')) {
      const pr = reader('DocumentPublicatie', p, ctx, messages, here);
      publications.push({
        id: String(p['Id']),
        type: pr.string('DocumentType'),
        fileName: pr.string('FileName'),
        url: pr.string('Url'),
        verwijderd: pr.boolean('Verwijderd') === true,
      });
    }
  }
  return {
    id: String(row['Id']),
    soort: r.string('Soort'),
    nummer,
    onderwerp: r.string('Onderwerp'),
    titel: r.string('Titel'),
    datum: r.date('Datum'),
    vergaderjaar: r.string('Vergaderjaar'),
    volgnummer: r.number('Volgnummer'),
    aanhangselnummer: r.string('Aanhangselnummer'),
    contentType: r.string('ContentType'),
    externeIdentifier,
    publications,
    dossiers: r.list('Kamerstukdossier').map((d) => toDossier(d, ctx, messages, here)),
    zaken: r.list('Zaak').map((z) => toZaak(z, ctx, messages, here)),
    verwijderd: r.boolean('Verwijderd') === true,
    gewijzigdOp: r.timestamp('GewijzigdOp'),
  };
}

/** Map a Stemming row. */
export function toStemming(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Stemming'): TkStemming {
  const r = reader('Stemming', row, ctx, messages, label);
  return {
    id: String(row['Id']),
    soort: r.string('Soort'),
    actorNaam: r.string('ActorNaam'),
    actorFractie: r.string('ActorFractie'),
    fractieGrootte: r.number('FractieGrootte'),
    member: guid(r.raw('Persoon_Id')) !== null,
    vergissing: r.boolean('Vergissing') === true,
    verwijderd: r.boolean('Verwijderd') === true,
  };
}

/** Map a Besluit row with its expanded Stemmingen, Zaken and Agendapunt → Activiteit date. */
export function toBesluit(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Besluit'): TkBesluit {
  const r = reader('Besluit', row, ctx, messages, label);
  const agendapunt = r.one('Agendapunt');
  let datum: string | null = null;
  if (agendapunt) {
    const a = new RowReader('Agendapunt', agendapunt, ctx, messages, label);
    const activiteit = a.one('Activiteit');
    if (activiteit) datum = new RowReader('Activiteit', activiteit, ctx, messages, label).date('Datum');
  }
  return {
    id: String(row['Id']),
    besluitSoort: r.string('BesluitSoort'),
    besluitTekst: r.string('BesluitTekst'),
    stemmingsSoort: r.string('StemmingsSoort'),
    datum,
    gewijzigdOp: r.timestamp('GewijzigdOp'),
    stemmingen: r.list('Stemming').map((s) => toStemming(s, ctx, messages, label)),
    zaken: r.list('Zaak').map((z) => toZaak(z, ctx, messages, label)),
    verwijderd: r.boolean('Verwijderd') === true,
  };
}

/** Map a Zaak row with whatever navigation properties were expanded. */
export function toZaak(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Zaak'): TkZaak {
  const r = reader('Zaak', row, ctx, messages, label);
  const nummer = r.string('Nummer');
  const here = nummer ? `Zaak ${nummer}` : label;
  return {
    id: String(row['Id']),
    nummer,
    soort: r.string('Soort'),
    onderwerp: r.string('Onderwerp'),
    titel: r.string('Titel'),
    gestartOp: r.date('GestartOp'),
    vergaderjaar: r.string('Vergaderjaar'),
    volgnummer: r.number('Volgnummer'),
    afgedaan: r.boolean('Afgedaan'),
    kabinetsappreciatie: r.string('Kabinetsappreciatie'),
    actors: r.list('ZaakActor').map((a) => toZaakActor(a, ctx, messages, here)),
    documents: r.list('Document').map((d) => toDocument(d, ctx, messages, here)),
    besluiten: r.list('Besluit').map((b) => toBesluit(b, ctx, messages, here)),
    dossiers: r.list('Kamerstukdossier').map((d) => toDossier(d, ctx, messages, here)),
    verwijderd: r.boolean('Verwijderd') === true,
    gewijzigdOp: r.timestamp('GewijzigdOp'),
    apiGewijzigdOp: r.timestamp('ApiGewijzigdOp'),
  };
}

/** A row of the commitments register. */
export interface TkToezegging {
  id: string;
  nummer: string | null;
  tekst: string | null;
  status: string | null;
  datumNakoming: string | null;
  aanmaakdatum: string | null;
  ministerie: string | null;
  activiteitNummer: string | null;
  naam: string | null;
  voornaam: string | null;
  initialen: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  functie: string | null;
  /** v4: the text; v5: document numbers of the expanded letters joined by ", ". */
  kamerbriefNakoming: string | null;
  notities: string | null;
  verwijderd: boolean;
  gewijzigdOp: string | null;
  apiGewijzigdOp: string | null;
}

/** Map a Toezegging row (either version's shape of KamerbriefNakoming). */
export function toToezegging(row: Record<string, unknown>, ctx: MapContext, messages: SyncMessage[], label = 'Toezegging'): TkToezegging {
  const r = reader('Toezegging', row, ctx, messages, label);
  const brief = r.raw('KamerbriefNakoming');
  let kamerbriefNakoming: string | null = null;
  if (typeof brief === 'string') kamerbriefNakoming = brief.trim() || null;
  else if (Array.isArray(brief) || (brief && typeof brief === 'object')) {
    const docs = (Array.isArray(brief) ? brief : [brief]) as Array<Record<string, unknown>>;
    const numbers = docs
      .map((d) => (d && typeof d === 'object' ? readField(ctx.map, 'Document', d, 'DocumentNummer', ctx.version) : null))
      .filter((n): n is string => typeof n === 'string' && n.length > 0);
    kamerbriefNakoming = numbers.length > 0 ? numbers.join(', ') : null;
  }
  return {
    id: String(row['Id']),
    nummer: r.string('Nummer'),
    tekst: r.string('Tekst'),
    status: r.string('Status'),
    datumNakoming: r.date('DatumNakoming'),
    aanmaakdatum: r.date('Aanmaakdatum'),
    ministerie: r.string('Ministerie'),
    activiteitNummer: r.string('ActiviteitNummer'),
    naam: r.string('Naam'),
    voornaam: r.string('Voornaam'),
    initialen: r.string('Initialen'),
    tussenvoegsel: r.string('Tussenvoegsel'),
    achternaam: r.string('Achternaam'),
    functie: r.string('Functie'),
    kamerbriefNakoming,
    notities: r.string('Notities'),
    verwijderd: r.boolean('Verwijderd') === true,
    gewijzigdOp: r.timestamp('GewijzigdOp'),
    apiGewijzigdOp: r.timestamp('ApiGewijzigdOp'),
  };
}
