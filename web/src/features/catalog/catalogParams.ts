import {
  infiniteQueryOptions,
  keepPreviousData,
  type QueryClient,
  queryOptions,
} from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type {
  CatalogDetail,
  CatalogFacetName,
  CatalogQuery,
  CatalogSearch,
  CatalogSort,
} from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { captureServerDetail, takeFirstData } from './firstData.ts';

/** The catalogue's facets, in the order the page shows them (the server's order too). */
export const FACETS: readonly CatalogFacetName[] = [
  'urusan',
  'basicService',
  'theme',
  'kind',
  'form',
  'stage',
  'province',
  'region',
  'year',
];

export interface CatalogParams {
  q: string;
  sort: CatalogSort | undefined;
  filters: Partial<Record<CatalogFacetName, string[]>>;
}

/** Search, sort and filters live in the URL: a search can be shared, bookmarked and gone back to. */
export function readCatalogParams(params: URLSearchParams): CatalogParams {
  const filters: CatalogParams['filters'] = {};
  for (const facet of FACETS) {
    const values = (params.get(facet) ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > 0) filters[facet] = values;
  }
  const sort = params.get('urut');
  return {
    q: params.get('q') ?? '',
    sort: sort === 'relevance' || sort === 'recent' ? sort : undefined,
    filters,
  };
}

/** The API query (facet values comma-separated, as the server reads them), without the cursor. */
export function apiQuery(params: CatalogParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.q.trim()) query.q = params.q.trim();
  if (params.sort) query.sort = params.sort;
  for (const facet of FACETS) {
    const values = params.filters[facet];
    if (values && values.length > 0) query[facet] = values.join(',');
  }
  return query;
}

export function activeFilterCount(params: CatalogParams): number {
  return Object.values(params.filters).reduce((sum, values) => sum + (values?.length ?? 0), 0);
}

const PAGE_SIZE = 20;

/**
 * The catalogue search as a query. Small and free of UI code on purpose: the entry starts it while
 * the page's chunk is still downloading (main.tsx), so the results do not wait for a second round trip.
 */
export function catalogSearchOptions(query: Record<string, string>) {
  return infiniteQueryOptions({
    queryKey: queryKeys.catalogSearch(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/catalog/innovations', {
          params: { query: { ...(query as CatalogQuery), limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // A new filter keeps the old results (and facet counts) on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** One published innovation, as the detail page shows it. */
export function catalogDetailOptions(catalogId: string) {
  return queryOptions({
    queryKey: queryKeys.catalogDetail(catalogId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/catalog/innovations/{id}', { params: { path: { id: catalogId } }, signal })),
  });
}

/**
 * The API path of a search's first page as public/prerendered.js asks for it (parameters sorted by
 * name, the page size last among equals), so the app finds the answer that script started.
 */
export function firstSearchPath(query: Record<string, string>): string {
  const entries = Object.entries({ ...query, limit: String(PAGE_SIZE) }).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `/catalog/innovations?${new URLSearchParams(entries).toString()}`;
}

/** The catalogue search for the current address, if it is the catalogue page. */
export function catalogSearchForLocation(location: { pathname: string; search: string }) {
  if (location.pathname.replace(/\/$/, '') !== '/katalog') return undefined;
  return catalogSearchOptions(apiQuery(readCatalogParams(new URLSearchParams(location.search))));
}

/**
 * Starts the data of a public page (the catalogue's first search, a catalogue detail) as soon as the
 * entry runs, while the page's own chunk is still downloading; taken from public/prerendered.js when
 * that script already asked.
 */
export function prefetchPublicData(
  client: QueryClient,
  location: { pathname: string; search: string },
): void {
  const search = catalogSearchForLocation(location);
  if (search) {
    const queryFn = search.queryFn;
    const firstPage = firstSearchPath(apiQuery(readCatalogParams(new URLSearchParams(location.search))));
    void client.prefetchInfiniteQuery({
      ...search,
      queryFn: async (context) =>
        (context.pageParam === undefined && (await takeFirstData<CatalogSearch>(firstPage))) ||
        (queryFn as (context: unknown) => Promise<CatalogSearch>)(context),
    });
  }
  const detail = /^\/katalog\/([^/]+)\/?$/.exec(location.pathname);
  if (detail?.[1]) {
    const options = catalogDetailOptions(decodeURIComponent(detail[1]));
    // A server-rendered detail carries its data: in the cache before the first render, no request.
    // (A not-found page carries null: the app asks, and shows the API's refusal its own way.)
    const served = typeof document === 'undefined' ? undefined : captureServerDetail(location);
    if (served && served.data !== null) {
      client.setQueryData(options.queryKey, served.data as CatalogDetail);
      return;
    }
    void client.prefetchQuery({
      ...options,
      queryFn: async (context) =>
        (await takeFirstData<CatalogDetail>(`/catalog/innovations/${detail[1]}`)) ??
        (options.queryFn as (context: unknown) => Promise<CatalogDetail>)(context),
    });
  }
}
