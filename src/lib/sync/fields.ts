/**
 * Every Tweede Kamer OData name the sync uses, in ONE table, for API v4/2.0 and v5.
 *
 * Why one table: v5 (`/OData/v5`, current since June 2026) renamed or dropped some attributes of
 * v4/2.0 (`/OData/v4/2.0`, closed 1 October 2026). The recorded payloads in `tests/fixtures` are
 * v4. No v5 `$metadata` or payload has been recorded, so the v5 column is partly an assumption:
 *
 * - Confirmed for v5 (OpenDataPortaal issue #191, 2026-08): the entity set `ToegezegdAan` exists in
 *   the service document. A third-party v5 client model (pydantic, `tweedekamer.models.zaak`) shows
 *   Toezegging with a navigation `ToegezegdAan` (instead of `ToegezegdAanFractie`/`ToegezegdAanPersoon`),
 *   `KamerbriefNakoming` as a navigation to Document (a String property in v4) and a new `Notities`.
 *   The SyncFeed has the same repeated `toegezegdAan` relation.
 * - Assumed for v5 (marked `assumed: true`): every other name is unchanged from v4. Each such entry
 *   is one line to correct once the v5 `$metadata` is read; `applyFieldOverrides` does it at run time
 *   (`npm run sync -- --field-map map.json`) without a code change.
 *
 * Readers are tolerant: `readField` tries the name of the requested version first and then the other
 * version's name, so a payload of either version maps to the same values; a name that is absent from
 * a row (not null, absent) is reported by `missingFields`, so a rename shows up on the first run
 * instead of silently turning into nulls.
 */

/** The two OData API generations the sync can talk to. */
export type ApiVersion = 'v4' | 'v5';

/** The entity types the sync reads. */
export type EntityName =
  | 'Zaak'
  | 'ZaakActor'
  | 'Document'
  | 'DocumentVersie'
  | 'DocumentPublicatie'
  | 'Kamerstukdossier'
  | 'Besluit'
  | 'Stemming'
  | 'Agendapunt'
  | 'Activiteit'
  | 'Toezegging';

/** One attribute or navigation property: its name in each version; null means "not present in that version". */
export interface FieldSpec {
  /** Name in v4/2.0 (from the recorded `$metadata.xml`), or null when v4 does not have it. */
  v4: string | null;
  /** Name in v5, or null when v5 dropped it. */
  v5: string | null;
  /** True when the v5 name is not confirmed by a recorded v5 source (see the module comment). */
  assumed?: boolean;
  /** True for navigation properties ($expand), false or absent for plain attributes. */
  navigation?: boolean;
  /** True when the field is optional in responses (navigation not expanded, or a *_Id key recorders drop). */
  optional?: boolean;
}

/** The whole mapping: entity → canonical field (the v4 name) → names per version. */
export type FieldMap = Record<EntityName, Record<string, FieldSpec>>;

/** Same name in both versions, v5 unconfirmed. */
function same(name: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { v4: name, v5: name, assumed: true, ...extra };
}
/** A navigation property with the same name in both versions, v5 unconfirmed. */
function nav(name: string): FieldSpec {
  return { v4: name, v5: name, assumed: true, navigation: true, optional: true };
}

/** Common bookkeeping attributes every entity has. */
const bookkeeping = {
  Id: same('Id'),
  GewijzigdOp: same('GewijzigdOp'),
  ApiGewijzigdOp: same('ApiGewijzigdOp'),
  Verwijderd: same('Verwijderd'),
};

/**
 * The table. Canonical keys are the v4 names (the names documented on opendata.tweedekamer.nl).
 * Entity set names (the URL path segments) are in `ENTITY_SETS`.
 */
export const FIELD_MAP: FieldMap = {
  Zaak: {
    ...bookkeeping,
    Nummer: same('Nummer'),
    Soort: same('Soort'),
    Titel: same('Titel'),
    Onderwerp: same('Onderwerp'),
    GestartOp: same('GestartOp'),
    Vergaderjaar: same('Vergaderjaar'),
    Volgnummer: same('Volgnummer'),
    Afgedaan: same('Afgedaan'),
    Termijn: same('Termijn'),
    Kabinetsappreciatie: same('Kabinetsappreciatie'),
    ZaakActor: nav('ZaakActor'),
    Document: nav('Document'),
    Besluit: nav('Besluit'),
    Kamerstukdossier: nav('Kamerstukdossier'),
  },
  ZaakActor: {
    ...bookkeeping,
    ActorNaam: same('ActorNaam'),
    ActorFractie: same('ActorFractie'),
    Functie: same('Functie'),
    Relatie: same('Relatie'),
    Persoon_Id: same('Persoon_Id', { optional: true }),
  },
  Document: {
    ...bookkeeping,
    Soort: same('Soort'),
    DocumentNummer: same('DocumentNummer'),
    Titel: same('Titel'),
    Onderwerp: same('Onderwerp'),
    Datum: same('Datum'),
    Vergaderjaar: same('Vergaderjaar'),
    Volgnummer: same('Volgnummer'),
    Aanhangselnummer: same('Aanhangselnummer'),
    ContentType: same('ContentType'),
    // Recorders that drop "*_Id" keys lose this one (README: document.kamervragen.json).
    HuidigeDocumentVersie_Id: same('HuidigeDocumentVersie_Id', { optional: true }),
    HuidigeDocumentVersie: nav('HuidigeDocumentVersie'),
    Zaak: nav('Zaak'),
    Kamerstukdossier: nav('Kamerstukdossier'),
  },
  DocumentVersie: {
    ...bookkeeping,
    ExterneIdentifier: same('ExterneIdentifier'),
    Versienummer: same('Versienummer'),
    DocumentPublicatie: nav('DocumentPublicatie'),
  },
  DocumentPublicatie: {
    ...bookkeeping,
    Identifier: same('Identifier'),
    DocumentType: same('DocumentType'),
    FileName: same('FileName'),
    ContentType: same('ContentType'),
    Url: same('Url'),
    Source: same('Source'),
  },
  Kamerstukdossier: {
    ...bookkeeping,
    Nummer: same('Nummer'),
    Toevoeging: same('Toevoeging'),
    Titel: same('Titel'),
  },
  Besluit: {
    ...bookkeeping,
    BesluitSoort: same('BesluitSoort'),
    BesluitTekst: same('BesluitTekst'),
    StemmingsSoort: same('StemmingsSoort'),
    Status: same('Status'),
    Zaak: nav('Zaak'),
    Stemming: nav('Stemming'),
    Agendapunt: nav('Agendapunt'),
  },
  Stemming: {
    ...bookkeeping,
    Soort: same('Soort'),
    ActorNaam: same('ActorNaam'),
    ActorFractie: same('ActorFractie'),
    FractieGrootte: same('FractieGrootte'),
    Vergissing: same('Vergissing'),
    Persoon_Id: same('Persoon_Id', { optional: true }),
  },
  Agendapunt: {
    ...bookkeeping,
    Activiteit: nav('Activiteit'),
  },
  Activiteit: {
    ...bookkeeping,
    Datum: same('Datum'),
    Nummer: same('Nummer'),
    Soort: same('Soort'),
  },
  Toezegging: {
    ...bookkeeping,
    Nummer: same('Nummer'),
    Tekst: same('Tekst'),
    Status: same('Status'),
    DatumNakoming: same('DatumNakoming'),
    Aanmaakdatum: same('Aanmaakdatum'),
    Ministerie: same('Ministerie'),
    ActiviteitNummer: same('ActiviteitNummer'),
    Naam: same('Naam'),
    Voornaam: same('Voornaam'),
    Initialen: same('Initialen'),
    Tussenvoegsel: same('Tussenvoegsel'),
    Achternaam: same('Achternaam'),
    Functie: same('Functie'),
    // v4: a String attribute. v5 (third-party model): a navigation to Document(s).
    KamerbriefNakoming: { v4: 'KamerbriefNakoming', v5: 'KamerbriefNakoming', optional: true },
    // New in v5 (third-party model); absent in v4.
    Notities: { v4: null, v5: 'Notities', optional: true },
    // v4 navigations, replaced in v5 by the single `ToegezegdAan` navigation / entity set.
    ToegezegdAanFractie: { v4: 'ToegezegdAanFractie', v5: null, navigation: true, optional: true },
    ToegezegdAanPersoon: { v4: 'ToegezegdAanPersoon', v5: null, navigation: true, optional: true },
    ToegezegdAan: { v4: null, v5: 'ToegezegdAan', navigation: true, optional: true },
  },
};

/** Entity set (URL segment) per entity and version. Unchanged in v5 as far as known (issue #191 lists 38 sets, v4 had 37: + ToegezegdAan). */
export const ENTITY_SETS: Record<EntityName, Record<ApiVersion, string>> = {
  Zaak: { v4: 'Zaak', v5: 'Zaak' },
  ZaakActor: { v4: 'ZaakActor', v5: 'ZaakActor' },
  Document: { v4: 'Document', v5: 'Document' },
  DocumentVersie: { v4: 'DocumentVersie', v5: 'DocumentVersie' },
  DocumentPublicatie: { v4: 'DocumentPublicatie', v5: 'DocumentPublicatie' },
  Kamerstukdossier: { v4: 'Kamerstukdossier', v5: 'Kamerstukdossier' },
  Besluit: { v4: 'Besluit', v5: 'Besluit' },
  Stemming: { v4: 'Stemming', v5: 'Stemming' },
  Agendapunt: { v4: 'Agendapunt', v5: 'Agendapunt' },
  Activiteit: { v4: 'Activiteit', v5: 'Activiteit' },
  Toezegging: { v4: 'Toezegging', v5: 'Toezegging' },
};

/** The official base URLs per version. */
export const OFFICIAL_BASE_URLS: Record<ApiVersion, string> = {
  v4: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0',
  v5: 'https://gegevensmagazijn.tweedekamer.nl/OData/v5',
};

/** Overrides for the table: entity → canonical field → name in the target version (null = dropped). */
export type FieldOverrides = Partial<Record<EntityName, Record<string, string | null>>>;

/**
 * Return a copy of `map` with the names for `version` replaced by `overrides`. Unknown entities or
 * fields are reported, not ignored, so a typo in an override file is seen.
 */
export function applyFieldOverrides(
  map: FieldMap,
  version: ApiVersion,
  overrides: FieldOverrides,
): { map: FieldMap; problems: string[] } {
  const problems: string[] = [];
  const copy = Object.fromEntries(
    Object.entries(map).map(([entity, fields]) => [
      entity,
      Object.fromEntries(Object.entries(fields).map(([k, spec]) => [k, { ...spec }])),
    ]),
  ) as FieldMap;
  for (const [entity, fields] of Object.entries(overrides)) {
    const target = copy[entity as EntityName];
    if (!target) {
      problems.push(`onbekende entiteit "${entity}" in veldvertaling`);
      continue;
    }
    for (const [field, name] of Object.entries(fields ?? {})) {
      const spec = target[field];
      if (!spec) {
        problems.push(`onbekend veld "${entity}.${field}" in veldvertaling`);
        continue;
      }
      spec[version] = name;
      if (version === 'v5') spec.assumed = false;
    }
  }
  return { map: copy, problems };
}

/**
 * The name of a canonical field in `version`, for building queries. Throws when the version dropped
 * the field: a query on a dropped field would fail on the server with a less clear message.
 */
export function fieldName(map: FieldMap, entity: EntityName, field: string, version: ApiVersion): string {
  const spec = map[entity][field];
  if (!spec) throw new Error(`Veld ${entity}.${field} staat niet in de veldvertaling (src/lib/sync/fields.ts).`);
  const name = spec[version];
  if (name === null) throw new Error(`Veld ${entity}.${field} bestaat niet in OData ${version}.`);
  return name;
}

/** Entity set name for `entity` in `version`. */
export function entitySet(entity: EntityName, version: ApiVersion): string {
  return ENTITY_SETS[entity][version];
}

/**
 * Read a canonical field from a raw OData row. Tries the requested version's name first, then the
 * other version's name, so either payload maps to the same value. Returns undefined when no name is
 * present at all (which `missingFields` reports); null when the server sent null.
 */
export function readField(
  map: FieldMap,
  entity: EntityName,
  row: Record<string, unknown>,
  field: string,
  version: ApiVersion,
): unknown {
  const spec = map[entity][field];
  if (!spec) throw new Error(`Veld ${entity}.${field} staat niet in de veldvertaling (src/lib/sync/fields.ts).`);
  const other: ApiVersion = version === 'v4' ? 'v5' : 'v4';
  for (const name of [spec[version], spec[other]]) {
    if (name !== null && Object.hasOwn(row, name)) return row[name];
  }
  return undefined;
}

/**
 * Canonical fields that `version` should have but `row` lacks entirely (neither version's name is
 * present). Optional fields and navigations are not required. Deleted rows and placeholders (only
 * `Id`, or `Verwijderd: true`) are exempt: they legitimately carry almost nothing.
 */
export function missingFields(
  map: FieldMap,
  entity: EntityName,
  row: Record<string, unknown>,
  version: ApiVersion,
): string[] {
  if (row['Verwijderd'] === true) return [];
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(map[entity])) {
    if (spec.optional || spec.navigation || spec[version] === null) continue;
    if (readField(map, entity, row, field, version) === undefined) missing.push(field);
  }
  return missing;
}

/**
 * Which API version a URL or `@odata.context` belongs to: "/OData/v5" → v5, "/OData/v4" → v4,
 * anything else (a local test server without a version in its path) → null.
 */
export function detectApiVersion(url: string): ApiVersion | null {
  if (/\/odata\/v5(?:\/|$|\?|#)/i.test(url)) return 'v5';
  if (/\/odata\/v4(?:\/|$|\?|#)/i.test(url)) return 'v4';
  return null;
}
