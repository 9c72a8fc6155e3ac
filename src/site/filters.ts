/**
 * "Filter a list" without JavaScript: every non-empty combination of commitment filters
 * (status, ministry, due period, programme) is a pre-rendered page with a readable path,
 * e.g. /toezeggingen/status/overdue/ministerie/justitie-en-veiligheid/. Facet links only point
 * at combinations that exist, with their counts. Pure.
 */
import type { CommitmentView } from './model.ts';

/** The filter dimensions, in the order they appear in paths. */
export const FILTER_DIMENSIONS = ['status', 'ministerie', 'termijn', 'programma'] as const;

/** One filter dimension. */
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Active filters: a value per dimension, or absent. */
export type FilterState = Partial<Record<FilterDimension, string>>;

/** Items per list page (50 keeps the number of pages of a 50,000-record site down). */
export const PAGE_SIZE = 50;

/** Values of each dimension that a commitment has (several programmes are possible). */
export function filterValues(c: CommitmentView): Record<FilterDimension, string[]> {
  return {
    status: [c.status],
    ministerie: c.ministry ? [c.ministry.slug] : [],
    termijn: [c.period],
    programma: c.programmeIds,
  };
}

/**
 * Generic "filter a list": a set of dimensions in path order, each item's values per dimension.
 * Commitments (below) and open questions (open-questions.ts) are both built on it.
 */
export type Facets<D extends string> = Partial<Record<D, string>>;

/** Canonical key of a filter state over `dimensions`: "status=open|ministerie=vws". */
export function facetKey<D extends string>(dimensions: readonly D[], state: Facets<D>): string {
  return dimensions.filter((d) => state[d]).map((d) => `${d}=${state[d]}`).join('|');
}

/** Path segments of a filter state over `dimensions`: ["status", "open", "ministerie", "vws"]. */
export function facetSegments<D extends string>(dimensions: readonly D[], state: Facets<D>): string[] {
  return dimensions.flatMap((d) => (state[d] ? [d, state[d]!] : []));
}

/** URL of a filtered list page under `base` ("/toezeggingen/"), 1-based page number. */
export function facetUrl<D extends string>(base: string, dimensions: readonly D[], state: Facets<D>, page = 1): string {
  const segs = facetSegments(dimensions, state);
  const url = `${base}${segs.length ? `${segs.join('/')}/` : ''}`;
  return page > 1 ? `${url}pagina/${page}/` : url;
}

/** Parse path segments back into a filter state over `dimensions` and a page; null when they do not form one. */
export function parseFacetPath<D extends string>(dimensions: readonly D[], segments: readonly string[]): { state: Facets<D>; page: number } | null {
  const state: Facets<D> = {};
  let page = 1;
  let order = -1;
  for (let i = 0; i < segments.length; i += 2) {
    const key = segments[i];
    const value = segments[i + 1];
    if (!key || !value) return null;
    if (key === 'pagina') {
      if (i + 2 !== segments.length || !/^[1-9]\d*$/.test(value)) return null;
      page = Number(value);
      continue;
    }
    const at = dimensions.indexOf(key as D);
    if (at <= order) return null;
    order = at;
    state[key as D] = value;
  }
  return { state, page };
}

/** Every filter combination that has items (plus the empty one), with its items in input order. */
export function facetCombinations<T, D extends string>(
  items: readonly T[],
  dimensions: readonly D[],
  valuesOf: (item: T) => Record<D, readonly string[]>,
): Map<string, { state: Facets<D>; items: T[] }> {
  const out = new Map<string, { state: Facets<D>; items: T[] }>();
  for (const item of items) {
    const values = valuesOf(item);
    // Each dimension: either unset or one of the item's values; expand the product.
    let states: Facets<D>[] = [{}];
    for (const d of dimensions) {
      const next: Facets<D>[] = [];
      for (const s of states) {
        next.push(s);
        for (const v of new Set(values[d])) next.push({ ...s, [d]: v });
      }
      states = next;
    }
    for (const state of states) {
      const key = facetKey(dimensions, state);
      const entry = out.get(key);
      if (entry) entry.items.push(item);
      else out.set(key, { state, items: [item] });
    }
  }
  if (!out.has('')) out.set('', { state: {}, items: [] });
  return out;
}

/** One facet option: a value, its label, the count it would give, and where the link goes. */
export interface FacetOption {
  /** Filter value. */
  value: string;
  /** Dutch label. */
  label: string;
  /** Number of items with this value added to the current filters. */
  count: number;
  /** Link to that combination. */
  url: string;
  /** Whether it is the active value. */
  active: boolean;
}

/** Facet options for `dimension` given the current state; only options with results are listed. */
export function facetOptionsOf<T, D extends string>(
  combos: Map<string, { state: Facets<D>; items: T[] }>,
  dimensions: readonly D[],
  urlOf: (state: Facets<D>) => string,
  state: Facets<D>,
  dimension: D,
  values: readonly { value: string; label: string }[],
): FacetOption[] {
  const out: FacetOption[] = [];
  for (const { value, label } of values) {
    const next = { ...state, [dimension]: value } as Facets<D>;
    const combo = combos.get(facetKey(dimensions, next));
    if (!combo || combo.items.length === 0) continue;
    out.push({ value, label, count: combo.items.length, url: urlOf(next), active: state[dimension] === value });
  }
  return out;
}

/** Canonical key of a commitment filter state: "status=open|ministerie=vws". */
export function filterKey(state: FilterState): string {
  return facetKey(FILTER_DIMENSIONS, state);
}

/** Path segments of a commitment filter state: ["status", "open", "ministerie", "vws"]. */
export function filterSegments(state: FilterState): string[] {
  return facetSegments(FILTER_DIMENSIONS, state);
}

/** URL of a filtered commitment list page (1-based page number). */
export function filterUrl(state: FilterState, page = 1): string {
  return facetUrl('/toezeggingen/', FILTER_DIMENSIONS, state, page);
}

/** Parse commitment filter path segments back into a filter state and page; null when they do not form one. */
export function parseFilterPath(segments: readonly string[]): { state: FilterState; page: number } | null {
  return parseFacetPath(FILTER_DIMENSIONS, segments);
}

/** Every non-empty commitment filter combination with its commitments (in the input order). */
export function filterCombinations(commitments: readonly CommitmentView[]): Map<string, { state: FilterState; items: CommitmentView[] }> {
  return facetCombinations(commitments, FILTER_DIMENSIONS, filterValues);
}

/** Commitment facet options for `dimension` given the current state; only options with results are listed. */
export function facetOptions(
  combos: Map<string, { state: FilterState; items: CommitmentView[] }>,
  state: FilterState,
  dimension: FilterDimension,
  values: readonly { value: string; label: string }[],
): FacetOption[] {
  return facetOptionsOf(combos, FILTER_DIMENSIONS, filterUrl, state, dimension, values);
}

/** A page of a list. */
export interface Page<T> {
  /** Items on this page. */
  items: T[];
  /** 1-based page number. */
  page: number;
  /** Number of pages (at least 1). */
  pages: number;
  /** Total items. */
  total: number;
  /** Index (1-based) of the first item on the page, 0 when empty. */
  from: number;
  /** Index (1-based) of the last item on the page. */
  to: number;
}

/** Split a list into pages of `size`. An empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const out: Page<T>[] = [];
  for (let i = 0; i < pages; i++) {
    const slice = items.slice(i * size, (i + 1) * size);
    out.push({
      items: slice,
      page: i + 1,
      pages,
      total: items.length,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
    });
  }
  return out;
}

/** Page numbers to show in a pager: first, last, and a window around the current page; null marks a gap. */
export function pagerWindow(page: number, pages: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= radius) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/**
 * Static paths of a list filtered without JavaScript: one page per filter combination and page
 * number ("…/pagina/2"), with the combination's key as a prop. Shared by every filtered list.
 */
export function filterPagePaths<S, T>(
  combos: Iterable<{ state: S; items: readonly T[] }>,
  segments: (state: S) => string[],
  key: (state: S) => string,
): Array<{ params: { filter: string | undefined }; props: { key: string; page: number } }> {
  const paths: Array<{ params: { filter: string | undefined }; props: { key: string; page: number } }> = [];
  for (const { state, items } of combos) {
    for (const p of paginate(items)) {
      const segs = [...segments(state), ...(p.page > 1 ? ['pagina', String(p.page)] : [])];
      paths.push({ params: { filter: segs.length ? segs.join('/') : undefined }, props: { key: key(state), page: p.page } });
    }
  }
  return paths;
}
