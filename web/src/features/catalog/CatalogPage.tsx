import '../../i18n/id-catalog.ts';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CatalogFacetCount, CatalogFacetName, CatalogItem } from '../../api/model.ts';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useHydrated } from '../../components/useHydrated.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import {
  activeFilterCount,
  apiQuery,
  type CatalogParams,
  catalogSearchOptions,
  FACETS,
  readCatalogParams,
} from './catalogParams.ts';
import { facetValueLabel, regionLine } from './labels.ts';
import { PublicShell } from './PublicShell.tsx';

/** Long facets (regions, provinces) show this many values until the user asks for all. */
const SHORT_FACET = 6;

export function useCatalogSearch(query: Record<string, string>) {
  return useInfiniteQuery(catalogSearchOptions(query));
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
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

  const update = (change: (next: URLSearchParams) => void) => updateAddress(change, { replace: false });

  function submit(event: FormEvent) {
    event.preventDefault();
    update((next) => {
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
    });
  }

  function toggle(facet: CatalogFacetName, value: string, checked: boolean) {
    const current = params.filters[facet] ?? [];
    const values = checked ? [...current, value] : current.filter((candidate) => candidate !== value);
    update((next) => {
      if (values.length > 0) next.set(facet, values.join(','));
      else next.delete(facet);
    });
  }

  const items = (hydrated && search.data?.pages.flatMap((page) => page.items)) || [];
  const first = hydrated ? search.data?.pages[0] : undefined;
  const filterCount = activeFilterCount(params);
  const sort = params.sort ?? (params.q.trim() ? 'relevance' : 'recent');

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
          <form onSubmit={submit} aria-label={t('catalog.searchLabel')}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                type="search"
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
                params={params}
                facets={first?.facets}
                onToggle={toggle}
                onReset={() =>
                  update((next) => {
                    for (const facet of FACETS) next.delete(facet);
                  })
                }
              />
            </Box>
          </Box>
          <Stack gap="sm" style={{ flex: 1 }} miw={0} w="100%">
            <Group justify="space-between" align="flex-end" gap="xs">
              <Text size="sm" role="status" data-testid="catalog-total">
                {first ? t('catalog.total', { count: first.total }) : ''}
              </Text>
              <NativeSelect
                label={t('catalog.sort')}
                size="xs"
                value={sort}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  update((next) => next.set('urut', value));
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
            {search.isPending || !hydrated ? (
              <LoadingState label={t('catalog.loading')} />
            ) : search.isError && items.length === 0 ? (
              <ErrorState error={search.error} onRetry={() => search.refetch()} />
            ) : items.length === 0 ? (
              <EmptyMessage
                message={t('catalog.empty')}
                action={
                  filterCount > 0 || params.q ? (
                    <Button variant="light" onClick={() => clear({ replace: false })}>
                      {t('catalog.resetAll')}
                    </Button>
                  ) : undefined
                }
              />
            ) : (
              <Stack
                gap="sm"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none', opacity: search.isPlaceholderData ? 0.6 : 1 }}
                aria-busy={search.isPlaceholderData}
                data-testid="catalog-results"
              >
                {items.map((item) => (
                  <li key={item.catalogId}>
                    <CatalogCard item={item} />
                  </li>
                ))}
              </Stack>
            )}
            {search.isFetchNextPageError && (
              <ErrorState error={search.error} onRetry={() => search.fetchNextPage()} />
            )}
            {search.hasNextPage && (
              <Button
                variant="default"
                onClick={() => search.fetchNextPage()}
                loading={search.isFetchingNextPage}
                style={{ alignSelf: 'center' }}
              >
                {t('app.loadMore')}
              </Button>
            )}
          </Stack>
        </Flex>
      </Stack>
    </PublicShell>
  );
}

function FacetPanel(props: {
  params: CatalogParams;
  facets: Record<CatalogFacetName, CatalogFacetCount[]> | undefined;
  onToggle(facet: CatalogFacetName, value: string, checked: boolean): void;
  onReset(): void;
}) {
  const t = useT();
  const filterCount = activeFilterCount(props.params);
  if (!props.facets) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="katalog-filter-judul">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h5" id="katalog-filter-judul">
          {t('catalog.filters')}
        </Title>
        {filterCount > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={props.onReset}>
            {t('innovations.filter.reset')}
          </Button>
        )}
      </Group>
      {FACETS.map((facet) => (
        <Facet
          key={facet}
          facet={facet}
          counts={props.facets?.[facet] ?? []}
          selected={props.params.filters[facet] ?? []}
          onToggle={props.onToggle}
        />
      ))}
    </Stack>
  );
}

function Facet(props: {
  facet: CatalogFacetName;
  counts: CatalogFacetCount[];
  selected: string[];
  onToggle(facet: CatalogFacetName, value: string, checked: boolean): void;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const { facet, counts, selected } = props;
  // A chosen value stays visible (and can be unticked) even when no result carries it any more.
  const values = [
    ...counts,
    ...selected
      .filter((value) => !counts.some((count) => count.value === value))
      .map((value) => ({ value, label: value, count: 0 })),
  ];
  if (values.length === 0) return null;
  const shown = all ? values : values.slice(0, SHORT_FACET);
  const legendId = `facet-${facet}`;
  return (
    <Box
      component="fieldset"
      m={0}
      p={0}
      style={{ border: 0, minWidth: 0 }}
      aria-labelledby={legendId}
      data-testid={`facet-${facet}`}
    >
      <Text component="legend" size="sm" fw={600} mb={6} id={legendId}>
        {t(`catalog.facet.${facet}`)}
      </Text>
      <Stack gap={6}>
        {shown.map((count) => (
          <Checkbox
            key={count.value}
            size="sm"
            checked={selected.includes(count.value)}
            onChange={(event) => props.onToggle(facet, count.value, event.currentTarget.checked)}
            label={`${facetValueLabel(t, facet, count.value, count.label)} (${count.count})`}
          />
        ))}
      </Stack>
      {values.length > SHORT_FACET && (
        <Button variant="subtle" size="compact-xs" mt={4} px={0} onClick={() => setAll((open) => !open)}>
          {all ? t('catalog.showFewer') : t('catalog.showAll', { count: values.length })}
        </Button>
      )}
    </Box>
  );
}

export function CatalogCard({ item }: { item: CatalogItem }) {
  const t = useT();
  return (
    // The whole card is the link's target (its area stretched over the card, web/src/global.css):
    // one link with the innovation's name, so a thumb anywhere on the card opens it.
    <Paper withBorder p="sm" component="article" className="catalog-card" data-testid="catalog-result">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/katalog/${item.catalogId}`} className="catalog-card-link">
            {item.name}
          </Anchor>
        </Title>
        <Text size="sm">{regionLine(item.region, item.province)}</Text>
        <Text size="xs" c="dimmed">
          {item.opdName}
        </Text>
        <Group gap={4}>
          {item.stage && (
            <Badge size="sm" variant="light">
              {facetValueLabel(t, 'stage', item.stage, item.stage)}
            </Badge>
          )}
          {item.kind && (
            <Badge size="sm" variant="light" color="grape">
              {facetValueLabel(t, 'kind', item.kind, item.kind)}
            </Badge>
          )}
          {item.year && (
            <Badge size="sm" variant="outline" color="gray">
              {item.year}
            </Badge>
          )}
          {item.kematanganBand && (
            <Badge size="sm" variant="light" color="teal">
              {t(`catalog.band.${item.kematanganBand as 'rendah' | 'sedang' | 'tinggi'}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" lineClamp={3}>
          {item.summary}
        </Text>
      </Stack>
    </Paper>
  );
}
