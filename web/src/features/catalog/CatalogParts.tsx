import '../../i18n/id-catalog.ts';
import { Anchor, Badge, Box, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo, startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CatalogFacetCount, CatalogFacetName, CatalogItem } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { activeFilterCount, type CatalogParams, FACETS } from './catalogParams.ts';
import { facetValueLabel, regionLine } from './labels.ts';

/** Long facets (regions, provinces) show this many values until the user asks for all. */
const SHORT_FACET = 6;

/**
 * The catalogue's filters. Memoised: the page renders it from a deferred copy of the search
 * (CatalogPage.tsx), so typing in the search box or an answer arriving does not render it again
 * in an urgent, blocking render.
 */
export const FacetPanel = memo(function FacetPanel(props: {
  params: CatalogParams;
  facets: Record<CatalogFacetName, CatalogFacetCount[]> | undefined;
  onToggle(facet: CatalogFacetName, value: string, checked: boolean): void;
  onReset(): void;
}) {
  const t = useT();
  const filterCount = activeFilterCount(props.params);
  const facets = useLaterCopy(props.facets);
  if (!facets) return null;
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
          counts={facets[facet] ?? []}
          selected={props.params.filters[facet] ?? []}
          onToggle={props.onToggle}
        />
      ))}
    </Stack>
  );
});

/**
 * The value one render later, in a transition of its own: what shows it is committed after the rest
 * of the render that brought it. The results and the filters (dozens of checkboxes, folded away on
 * a phone) were one commit of a hundred milliseconds and more on a slow phone; as two, neither
 * blocks the main thread for long (docs/decisions/0050).
 */
export function useLaterCopy<T>(value: T): T {
  const [copy, setCopy] = useState(value);
  useEffect(() => {
    if (copy !== value) startTransition(() => setCopy(() => value));
  }, [copy, value]);
  return copy;
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

/**
 * The list of results. public/prerendered.js fills the prerendered catalogue with this same markup
 * before the app has loaded (a template the build renders from this component, docs/decisions/0053).
 */
export function ResultList({ items, placeholder }: { items: readonly CatalogItem[]; placeholder: boolean }) {
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none', opacity: placeholder ? 0.6 : 1 }}
      aria-busy={placeholder}
      data-testid="catalog-results"
    >
      {items.map((item) => (
        <li key={item.catalogId}>
          <CatalogCard item={item} />
        </li>
      ))}
    </Stack>
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
