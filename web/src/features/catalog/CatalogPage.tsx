import '../../i18n/id-catalog.ts';
import { Alert, Box, Button, Flex, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  type FormEvent,
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useNavigate } from 'react-router';
import type { CatalogFacetName, CatalogItem, CatalogSearch, CatalogSort } from '../../api/model.ts';
import { Island, islandData, useIslandAdopted } from '../../components/Island.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useHydrated } from '../../components/useHydrated.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { FacetPanel, ResultList, useLaterCopy } from './CatalogParts.tsx';
import {
  activeFilterCount,
  apiQuery,
  type CatalogParams,
  catalogSearchOptions,
  FACETS,
  readCatalogParams,
} from './catalogParams.ts';
import { followInApp } from './followInApp.ts';
import { PublicShell } from './PublicShell.tsx';

export { CatalogCard } from './CatalogParts.tsx';

/** Results in the first commit: more than a phone shows on its first screen. */
const FIRST_CARDS = 4;

export function useCatalogSearch(query: Record<string, string>) {
  return useInfiniteQuery(catalogSearchOptions(query));
}

/** What the results and the filters show: changes only when the search's answer or state does. */
interface SearchView {
  readonly data: { pages: CatalogSearch[] } | undefined;
  readonly pending: boolean;
  readonly failed: boolean;
  readonly error: unknown;
  readonly placeholder: boolean;
  readonly hasNextPage: boolean;
  readonly fetchingNextPage: boolean;
  readonly nextPageError: boolean;
}

interface SearchActions {
  refetch(): void;
  fetchNextPage(): void;
  clear(): void;
  update(change: (next: URLSearchParams) => void): void;
}

export default function CatalogPage() {
  const t = useT();
  const { params: searchParams, update: updateAddress, clear } = useAddressParams();
  // The prerendered page (web/scripts/prerender.mjs) has no search and no results yet: hydration
  // starts from that same view, and the address's search and its results follow in the next render.
  const hydrated = useHydrated();
  const params = useMemo(
    () => readCatalogParams(hydrated ? searchParams : new URLSearchParams()),
    [searchParams, hydrated],
  );
  const query = useMemo(() => apiQuery(params), [params]);
  const search = useCatalogSearch(query);
  const [text, setText] = useState(params.q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  usePageTitle(t('catalog.title'));

  // Back and forward change the URL; the box follows.
  useEffect(() => setText(params.q), [params.q]);
  // What the visitor typed or clicked before the app loaded is replayed once the address's own
  // search is in place, after the line above (docs/decisions/0053).
  useIslandAdopted(hydrated);

  // The query's answers reach React through a store, which React renders synchronously: with the
  // results and the facets in that render, one answer was a task of several hundred milliseconds
  // on a phone. They render from a deferred copy instead, in a background render React splits into
  // small tasks (docs/decisions/0050); the urgent render only touches the frame and the search box.
  const { data, isPending, isError, error, isPlaceholderData, hasNextPage, isFetchingNextPage } = search;
  const { isFetchNextPageError } = search;
  const view = useMemo<SearchView>(
    () => ({
      data: hydrated ? data : undefined,
      pending: isPending || !hydrated,
      failed: isError,
      error,
      placeholder: isPlaceholderData,
      hasNextPage,
      fetchingNextPage: isFetchingNextPage,
      nextPageError: isFetchNextPageError,
    }),
    [
      data,
      isPending,
      hydrated,
      isError,
      error,
      isPlaceholderData,
      hasNextPage,
      isFetchingNextPage,
      isFetchNextPageError,
    ],
  );
  const shown = useDeferredValue(view);
  const deferredParams = useDeferredValue(params);

  // Stable callbacks, so the memoised parts are not rendered again for a new function.
  const latest = useRef({ search, updateAddress, clear, params });
  useLayoutEffect(() => {
    latest.current = { search, updateAddress, clear, params };
  });
  const actions = useMemo<SearchActions>(
    () => ({
      refetch: () => void latest.current.search.refetch(),
      fetchNextPage: () => void latest.current.search.fetchNextPage(),
      clear: () => latest.current.clear({ replace: false }),
      update: (change) => latest.current.updateAddress(change, { replace: false }),
    }),
    [],
  );
  const toggle = useCallback(
    (facet: CatalogFacetName, value: string, checked: boolean) => {
      const current = latest.current.params.filters[facet] ?? [];
      const values = checked ? [...current, value] : current.filter((candidate) => candidate !== value);
      actions.update((next) => {
        if (values.length > 0) next.set(facet, values.join(','));
        else next.delete(facet);
      });
    },
    [actions],
  );
  const resetFilters = useCallback(
    () =>
      actions.update((next) => {
        for (const facet of FACETS) next.delete(facet);
      }),
    [actions],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    actions.update((next) => {
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
    });
  }

  const filterCount = activeFilterCount(params);

  return (
    <PublicShell>
      <Stack gap="md">
        <div>
          <Title order={1}>{t('catalog.title')}</Title>
          <Text size="sm" mt={4}>
            {t('catalog.intro')}
          </Text>
        </div>
        <search>
          {/* A plain GET search before the app has loaded: public/prerendered.js leaves it to the browser. */}
          <form action="/katalog" onSubmit={submit} aria-label={t('catalog.searchLabel')}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                type="search"
                name="q"
                label={t('catalog.searchLabel')}
                placeholder={t('catalog.searchPlaceholder')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                style={{ flex: 1 }}
                miw={0}
              />
              <Button type="submit">{t('catalog.search')}</Button>
            </Group>
          </form>
        </search>
        <Flex direction={{ base: 'column', md: 'row' }} gap="md" align="flex-start">
          <Box w={{ base: '100%', md: 280 }} style={{ flexShrink: 0 }}>
            <Button
              hiddenFrom="md"
              variant="default"
              fullWidth
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls="katalog-filter"
            >
              {filterCount > 0 ? t('catalog.filtersWithCount', { count: filterCount }) : t('catalog.filters')}
            </Button>
            <Box
              id="katalog-filter"
              display={{ base: filtersOpen ? 'block' : 'none', md: 'block' }}
              mt={{ base: 'sm', md: 0 }}
            >
              <FacetPanel
                params={deferredParams}
                facets={shown.data?.pages[0]?.facets}
                onToggle={toggle}
                onReset={resetFilters}
              />
            </Box>
          </Box>
          <CatalogResults view={shown} params={deferredParams} actions={actions} />
        </Flex>
      </Stack>
    </PublicShell>
  );
}

const CatalogResults = memo(function CatalogResults({
  view,
  params,
  actions,
}: {
  view: SearchView;
  params: CatalogParams;
  actions: SearchActions;
}) {
  const t = useT();
  const items = view.data?.pages.flatMap((page) => page.items) ?? [];
  const first = view.data?.pages[0];
  const sort: CatalogSort = params.sort ?? (params.q.trim() ? 'relevance' : 'recent');
  return (
    <Stack gap="sm" style={{ flex: 1 }} miw={0} w="100%">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text size="sm" role="status" data-testid="catalog-total">
          <Island as="span" name="catalog-total" keep={!first}>
            {first ? t('catalog.total', { count: first.total }) : ''}
          </Island>
        </Text>
        <NativeSelect
          label={t('catalog.sort')}
          name="urut"
          size="xs"
          value={sort}
          onChange={(event) => {
            const value = event.currentTarget.value;
            actions.update((next) => next.set('urut', value));
          }}
          data={[
            { value: 'relevance', label: t('catalog.sort.relevance') },
            { value: 'recent', label: t('catalog.sort.recent') },
          ]}
        />
      </Group>
      {first && !first.matchedAllWords && items.length > 0 && (
        <Alert color="yellow" p="xs">
          <Text size="sm">{t('catalog.partialMatch')}</Text>
        </Alert>
      )}
      <ResultsBody view={view} params={params} items={items} actions={actions} />
      {view.nextPageError && <ErrorState error={view.error} onRetry={actions.fetchNextPage} />}
      {view.hasNextPage && (
        <Button
          variant="default"
          onClick={actions.fetchNextPage}
          loading={view.fetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('app.loadMore')}
        </Button>
      )}
    </Stack>
  );
});

interface ResultsProps {
  view: SearchView;
  params: CatalogParams;
  items: CatalogItem[];
  actions: SearchActions;
}

function ResultsBody({ view, params, items, actions }: ResultsProps) {
  const { language } = useI18n();
  const navigate = useNavigate();
  // The first cards fill a phone's screen; the rest follow in a commit of their own (useLaterCopy).
  const allCards = useLaterCopy(items.length > FIRST_CARDS);
  const keep = keepsFirstResults(view, language);
  return (
    <Island
      name="catalog-results"
      keep={keep}
      onClick={keep ? (event) => followInApp(event, navigate) : undefined}
    >
      <ResultsState
        view={view}
        params={params}
        items={allCards ? items : items.slice(0, FIRST_CARDS)}
        actions={actions}
      />
    </Island>
  );
}

/**
 * Results public/prerendered.js showed before the app loaded stay as they are while they are what
 * React would show: the same answer, in Bahasa Indonesia (docs/decisions/0053). Rendering them
 * again would cost a phone's main thread and move nothing.
 */
function keepsFirstResults(view: SearchView, language: string): boolean {
  const shownBefore = islandData('catalog-results');
  if (shownBefore === undefined || language !== 'id' || view.placeholder) return false;
  return view.pending || (view.data?.pages.length === 1 && view.data.pages[0] === shownBefore);
}

function ResultsState({ view, params, items, actions }: ResultsProps) {
  const t = useT();
  if (view.pending) return <LoadingState label={t('catalog.loading')} />;
  if (view.failed && items.length === 0) return <ErrorState error={view.error} onRetry={actions.refetch} />;
  if (items.length > 0) return <ResultList items={items} placeholder={view.placeholder} />;
  const filtered = activeFilterCount(params) > 0 || params.q !== '';
  return (
    <EmptyMessage
      message={t('catalog.empty')}
      action={
        filtered ? (
          <Button variant="light" onClick={actions.clear}>
            {t('catalog.resetAll')}
          </Button>
        ) : undefined
      }
    />
  );
}
