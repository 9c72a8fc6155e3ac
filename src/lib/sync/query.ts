/**
 * OData query URLs for the sync, built from the field table in `fields.ts` so that every name in a
 * URL follows the API version in use. Pure: strings in, strings out.
 */
import { addDays } from '../dates.ts';
import { entitySet, fieldName, type ApiVersion, type EntityName, type FieldMap } from './fields.ts';
import { VOTE_BESLUIT_SOORTEN, ZAAK_SOORT_SCHRIFTELIJKE_VRAGEN } from './status.ts';

/** What every query builder needs to know. */
export interface QueryContext {
  /** Field table (possibly with overrides). */
  map: FieldMap;
  /** API version whose names to use. */
  version: ApiVersion;
}

/** Scope options from the command line. */
export interface ScopeOptions {
  /** First date (inclusive, ISO) of the period, or null. */
  since?: string | null;
  /** Last date (inclusive, ISO) of the period, or null. */
  until?: string | null;
  /** One zaak number, or null. */
  zaak?: string | null;
  /** Only rows the API changed at or after this timestamp (ISO, UTC), or null for everything. */
  watermark?: string | null;
}

/**
 * The UTC offset of Dutch civil time on an ISO date: +02:00 in summer time (last Sunday of March
 * to last Sunday of October), else +01:00. The API stores dates as local midnight with an offset,
 * so a filter at UTC midnight would be off by a day.
 */
export function amsterdamOffset(date: string): string {
  const year = Number(date.slice(0, 4));
  const lastSunday = (month: number): string => {
    const last = new Date(Date.UTC(year, month, 0)); // last day of `month` (1-based)
    const back = last.getUTCDay(); // 0 = Sunday
    return new Date(last.getTime() - back * 86_400_000).toISOString().slice(0, 10);
  };
  return date >= lastSunday(3) && date < lastSunday(10) ? '+02:00' : '+01:00';
}

/** An OData DateTimeOffset literal for local midnight at the start of `date`. */
export function localMidnight(date: string): string {
  return `${date}T00:00:00${amsterdamOffset(date)}`;
}

/** Quote a string literal for $filter (single quotes doubled). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Join query options into a URL query string; `$` keys stay readable, values are percent-encoded. */
export function queryString(params: Array<[string, string]>): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v).replaceAll('%2C', ',').replaceAll('%2F', '/')}`).join('&');
}

/** Join a base URL and a relative path without doubling or losing slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function name(ctx: QueryContext, entity: EntityName, field: string): string {
  return fieldName(ctx.map, entity, field, ctx.version);
}

function and(parts: Array<string | null | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' and ');
}

/** `$expand` for a Zaak of written questions: its actors and documents with the KOOP identifiers. */
export function zaakExpand(ctx: QueryContext): string {
  const dv = name(ctx, 'Document', 'HuidigeDocumentVersie');
  const pub = name(ctx, 'DocumentVersie', 'DocumentPublicatie');
  return `${name(ctx, 'Zaak', 'ZaakActor')},${name(ctx, 'Zaak', 'Document')}($expand=${dv}($expand=${pub}))`;
}

/**
 * First page of the written-questions listing: Zaken of soort "Schriftelijke vragen", not deleted,
 * in the period (on GestartOp, the date the questions were submitted), changed at or after the
 * watermark (on ApiGewijzigdOp, the moment a change became visible in the API), ordered so that
 * `$skip` paging is stable.
 */
export function zakenQuery(ctx: QueryContext, scope: ScopeOptions): string {
  const started = name(ctx, 'Zaak', 'GestartOp');
  const api = name(ctx, 'Zaak', 'ApiGewijzigdOp');
  const filter = and([
    `${name(ctx, 'Zaak', 'Soort')} eq ${literal(ZAAK_SOORT_SCHRIFTELIJKE_VRAGEN)}`,
    `${name(ctx, 'Zaak', 'Verwijderd')} eq false`,
    scope.zaak ? `${name(ctx, 'Zaak', 'Nummer')} eq ${literal(scope.zaak)}` : null,
    scope.since ? `${started} ge ${localMidnight(scope.since)}` : null,
    scope.until ? `${started} lt ${localMidnight(addDays(scope.until, 1))}` : null,
    scope.watermark && !scope.zaak ? `${api} ge ${scope.watermark}` : null,
  ]);
  return `${entitySet('Zaak', ctx.version)}?${queryString([
    ['$filter', filter],
    ['$orderby', `${api} asc,${name(ctx, 'Zaak', 'Id')} asc`],
    ['$expand', zaakExpand(ctx)],
    ['$count', 'true'],
  ])}`;
}

/** Zaken the API marked deleted at or after the watermark (all soorten: a deleted row has no Soort). */
export function deletedZakenQuery(ctx: QueryContext, watermark: string): string {
  const api = name(ctx, 'Zaak', 'ApiGewijzigdOp');
  return `${entitySet('Zaak', ctx.version)}?${queryString([
    ['$filter', `${name(ctx, 'Zaak', 'Verwijderd')} eq true and ${api} ge ${watermark}`],
    ['$orderby', `${api} asc,${name(ctx, 'Zaak', 'Id')} asc`],
    ['$select', `${name(ctx, 'Zaak', 'Id')},${name(ctx, 'Zaak', 'Verwijderd')},${api}`],
  ])}`;
}

/** `$expand` of a motion Zaak: submitters, the motion document with its KOOP id, and its dossier. */
function motionZaakExpand(ctx: QueryContext): string {
  const dv = name(ctx, 'Document', 'HuidigeDocumentVersie');
  return [
    name(ctx, 'Zaak', 'ZaakActor'),
    `${name(ctx, 'Zaak', 'Document')}($expand=${dv})`,
    name(ctx, 'Zaak', 'Kamerstukdossier'),
  ].join(',');
}

/**
 * Vote decisions (Besluit with a "Stemmen - …" soort), with the Zaak decided (motion), its party or
 * member votes and the date of the voting session. Same shape as the recorded GRS query.
 */
export function votesQuery(ctx: QueryContext, scope: ScopeOptions): string {
  const soort = name(ctx, 'Besluit', 'BesluitSoort');
  const changed = name(ctx, 'Besluit', 'GewijzigdOp');
  const api = name(ctx, 'Besluit', 'ApiGewijzigdOp');
  const kinds = VOTE_BESLUIT_SOORTEN.map((s) => `${soort} eq ${literal(s)}`).join(' or ');
  const filter = and([
    `${name(ctx, 'Besluit', 'Verwijderd')} eq false`,
    `(${kinds})`,
    scope.since ? `${changed} ge ${localMidnight(scope.since)}` : null,
    scope.until ? `${changed} lt ${localMidnight(addDays(scope.until, 1))}` : null,
    scope.watermark ? `${api} ge ${scope.watermark}` : null,
  ]);
  const agendapunt = `${name(ctx, 'Besluit', 'Agendapunt')}($expand=${name(ctx, 'Agendapunt', 'Activiteit')})`;
  return `${entitySet('Besluit', ctx.version)}?${queryString([
    ['$filter', filter],
    ['$orderby', `${api} asc,${name(ctx, 'Besluit', 'Id')} asc`],
    [
      '$expand',
      `${name(ctx, 'Besluit', 'Zaak')}($expand=${motionZaakExpand(ctx)}),${name(ctx, 'Besluit', 'Stemming')},${agendapunt}`,
    ],
    ['$count', 'true'],
  ])}`;
}

/**
 * One motion by its KOOP id (`kst-36410-VIII-82`): the Document whose current version carries that
 * identifier, with its Zaak, submitters, dossier and vote decisions.
 */
export function motionLookupQuery(ctx: QueryContext, kstId: string): string {
  const dv = name(ctx, 'Document', 'HuidigeDocumentVersie');
  const besluit = `${name(ctx, 'Zaak', 'Besluit')}($expand=${name(ctx, 'Besluit', 'Stemming')},${name(ctx, 'Besluit', 'Agendapunt')}($expand=${name(ctx, 'Agendapunt', 'Activiteit')}))`;
  const zaak = `${name(ctx, 'Document', 'Zaak')}($expand=${name(ctx, 'Zaak', 'ZaakActor')},${name(ctx, 'Zaak', 'Kamerstukdossier')},${besluit})`;
  return `${entitySet('Document', ctx.version)}?${queryString([
    [
      '$filter',
      `${name(ctx, 'Document', 'Verwijderd')} eq false and ${dv}/${name(ctx, 'DocumentVersie', 'ExterneIdentifier')} eq ${literal(kstId)}`,
    ],
    ['$expand', `${dv},${name(ctx, 'Document', 'Kamerstukdossier')},${zaak}`],
  ])}`;
}

/** The official commitments register, changed at or after the watermark; deleted rows included so they can be removed. */
export function registerQuery(ctx: QueryContext, scope: ScopeOptions): string {
  const changed = name(ctx, 'Toezegging', 'GewijzigdOp');
  const api = name(ctx, 'Toezegging', 'ApiGewijzigdOp');
  const filter = and([
    scope.since ? `(${changed} ge ${localMidnight(scope.since)} or ${name(ctx, 'Toezegging', 'Verwijderd')} eq true)` : null,
    scope.until ? `${changed} lt ${localMidnight(addDays(scope.until, 1))}` : null,
    scope.watermark ? `${api} ge ${scope.watermark}` : null,
  ]);
  const params: Array<[string, string]> = [];
  if (filter) params.push(['$filter', filter]);
  params.push(['$orderby', `${api} asc,${name(ctx, 'Toezegging', 'Id')} asc`], ['$count', 'true']);
  return `${entitySet('Toezegging', ctx.version)}?${queryString(params)}`;
}

/** URL of the file behind a Document in the Gegevensmagazijn (the TK's own PDF copy). */
export function documentResourcePath(ctx: QueryContext, documentId: string): string {
  return `${entitySet('Document', ctx.version)}(${documentId})/resource`;
}

/** URL of a DocumentPublicatie file (the KOOP XML the TK mirrors). */
export function publicationResourcePath(ctx: QueryContext, publicationId: string): string {
  return `${entitySet('DocumentPublicatie', ctx.version)}(${publicationId})/Resource`;
}
