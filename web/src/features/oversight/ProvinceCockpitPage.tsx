import '../../i18n/id-oversight.ts';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { currentYear, useYearRubric } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import {
  DaysLeft,
  PREDICATES,
  PredicateText,
  regencyPath,
  signed,
  WARNING_CODES,
  WarningBadges,
  YearSelect,
} from './bits.tsx';
import type { BandStart, IndexBar } from './IndexBarsChart.tsx';
import { type Cockpit, type CockpitQuery, type CockpitSort, useCockpit } from './queries.ts';

const IndexBarsChart = lazy(() => import('./IndexBarsChart.tsx'));

/** Columns the reader can sort by, with the server's sort key. */
const SORTABLE: readonly { sort: CockpitSort; label: MessageKey; numeric: boolean }[] = [
  { sort: 'name', label: 'oversight.col.region', numeric: false },
  { sort: 'verified', label: 'oversight.col.verified', numeric: true },
  { sort: 'claimed', label: 'oversight.col.claimed', numeric: true },
  { sort: 'completeness', label: 'oversight.col.completeness', numeric: true },
  { sort: 'daysLeft', label: 'oversight.col.daysLeft', numeric: true },
  { sort: 'change', label: 'oversight.col.change', numeric: true },
  { sort: 'warnings', label: 'oversight.col.warnings', numeric: false },
];
/** The direction a column starts in, as the server defaults it: names A–Z, days soonest first. */
const STARTS_ASCENDING: ReadonlySet<CockpitSort> = new Set(['name', 'daysLeft']);

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/**
 * Year, sort, filters and view live in the address, so a filtered cockpit can be shared with a
 * colleague, bookmarked, and survives a reload; values the page does not know fall back to defaults.
 */
function useCockpitParams() {
  const { params, assign } = useAddressParams();
  const year = Number(params.get('tahun'));
  const sort =
    oneOf(
      params.get('urut'),
      SORTABLE.map((column) => column.sort),
    ) ?? 'verified';
  return {
    year: Number.isInteger(year) && year >= 2022 && year <= currentYear() + 1 ? year : currentYear(),
    sort,
    order:
      oneOf(params.get('arah'), ['asc', 'desc'] as const) ??
      (STARTS_ASCENDING.has(sort) ? ('asc' as const) : ('desc' as const)),
    predicate: oneOf(params.get('predikat'), PREDICATES) ?? '',
    warning: oneOf(params.get('peringatan'), WARNING_CODES) ?? '',
    view: oneOf(params.get('tampilan'), ['table', 'chart'] as const) ?? 'table',
    set: assign,
  };
}

export default function ProvinceCockpitPage() {
  const t = useT();
  const code = useTenantCode();
  const { year, sort, order, predicate, warning, view, set } = useCockpitParams();
  const setYear = (value: number) => set({ tahun: String(value) });
  const setPredicate = (value: string) => set({ predikat: value });
  const setWarning = (value: string) => set({ peringatan: value });
  const setView = (value: 'table' | 'chart') => set({ tampilan: value === 'table' ? '' : value });
  usePageTitle(t('oversight.title'));

  const query: CockpitQuery = {
    sort,
    order,
    ...(predicate ? { predicate: predicate as CockpitQuery['predicate'] } : {}),
    ...(warning ? { warning: warning as CockpitQuery['warning'] } : {}),
  };
  const cockpit = useCockpit(code, year, query);

  function sortBy(next: CockpitSort) {
    if (next === sort) set({ arah: order === 'asc' ? 'desc' : 'asc' });
    else set({ urut: next, arah: STARTS_ASCENDING.has(next) ? 'asc' : 'desc' });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>
          {cockpit.data
            ? t('oversight.titleOf', { province: cockpit.data.provinceName })
            : t('oversight.title')}
        </Title>
        <YearSelect value={year} onChange={setYear} />
      </Group>
      <Text>{t('oversight.intro')}</Text>
      {cockpit.isPending ? (
        <LoadingState />
      ) : cockpit.isError ? (
        <ErrorState error={cockpit.error} onRetry={() => cockpit.refetch()} />
      ) : (
        <>
          <Overview cockpit={cockpit.data} />
          <Paper withBorder p="md" component="section" aria-labelledby="daerah-judul">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h4" id="daerah-judul">
                  {t('oversight.regions')}
                </Title>
                <SegmentedControl
                  size="xs"
                  value={view}
                  onChange={(value) => setView(value as 'table' | 'chart')}
                  aria-label={t('oversight.view')}
                  data={[
                    { value: 'table', label: t('oversight.view.table') },
                    { value: 'chart', label: t('oversight.view.chart') },
                  ]}
                />
              </Group>
              <Group gap="sm" align="flex-end">
                <NativeSelect
                  label={t('oversight.filter.predicate')}
                  value={predicate}
                  onChange={(event) => setPredicate(event.currentTarget.value)}
                  data={[
                    { value: '', label: t('app.all') },
                    ...PREDICATES.map((value) => ({ value, label: value })),
                  ]}
                  w={220}
                />
                <NativeSelect
                  label={t('oversight.filter.warning')}
                  value={warning}
                  onChange={(event) => setWarning(event.currentTarget.value)}
                  data={[
                    { value: '', label: t('app.all') },
                    ...WARNING_CODES.map((value) => ({ value, label: t(`oversight.warning.${value}`) })),
                  ]}
                  w={260}
                />
              </Group>
              <RegionsView
                cockpit={cockpit.data}
                code={code}
                year={year}
                view={view}
                predicate={predicate}
                warning={warning}
                sort={sort}
                order={order}
                onSort={sortBy}
              />
            </Stack>
          </Paper>
          <Worklist cockpit={cockpit.data} year={year} />
          <Coverage cockpit={cockpit.data} />
        </>
      )}
    </Stack>
  );
}

/** The regions as a table or a chart, or why there are none: none match the filters, or none yet. */
function RegionsView({
  code,
  view,
  predicate,
  warning,
  ...table
}: CockpitTableProps & {
  code: string;
  view: 'table' | 'chart';
  predicate: string;
  warning: string;
}) {
  const t = useT();
  if (table.cockpit.rows.length === 0)
    return (
      <EmptyMessage message={predicate || warning ? t('oversight.emptyFiltered') : t('oversight.empty')} />
    );
  if (view === 'chart') return <CockpitChart cockpit={table.cockpit} code={code} year={table.year} />;
  return <CockpitTable {...table} />;
}

function Overview({ cockpit }: { cockpit: Cockpit }) {
  const t = useT();
  const high = cockpit.warnings.filter((warning) => warning.severity === 'high').length;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      <Figure
        label={t('oversight.figure.regions')}
        value={`${cockpit.coverage.withSummary} / ${cockpit.coverage.regencies}`}
      />
      {PREDICATES.slice(0, 3).map((predicate) => (
        <Figure
          key={predicate}
          label={predicate}
          value={String(cockpit.distribution.verified[predicate])}
          hint={t('oversight.figure.claimedToo', { count: cockpit.distribution.claimed[predicate] })}
        />
      ))}
      {high > 0 && (
        <Alert color="red" style={{ gridColumn: '1 / -1' }} data-testid="high-warnings">
          {t('oversight.highWarnings', { count: high })}
        </Alert>
      )}
    </SimpleGrid>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

interface CockpitTableProps {
  cockpit: Cockpit;
  year: number;
  sort: CockpitSort;
  order: 'asc' | 'desc';
  onSort: (sort: CockpitSort) => void;
}

function CockpitTable({ cockpit, year, sort, order, onSort }: CockpitTableProps) {
  const t = useT();
  const format = useFormat();
  const header = (column: (typeof SORTABLE)[number]) => {
    const active = column.sort === sort;
    return (
      <Table.Th
        key={column.sort}
        ta={column.numeric ? 'right' : undefined}
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <UnstyledButton onClick={() => onSort(column.sort)} fw={700} fz="sm">
          {t(column.label)}
          <span aria-hidden>{active ? (order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };
  const [name, verified, claimed, completeness, daysLeft, change, warnings] = SORTABLE;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="cockpit-table">
        <Table.Caption>{t('oversight.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {name && header(name)}
            {verified && header(verified)}
            {claimed && header(claimed)}
            {completeness && header(completeness)}
            <Table.Th>{t('oversight.col.basicServices')}</Table.Th>
            {daysLeft && header(daysLeft)}
            {change && header(change)}
            {warnings && header(warnings)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cockpit.rows.map((row) => (
            <Table.Tr key={row.tenantCode} data-testid={`cockpit-row-${row.tenantCode}`}>
              <Table.Td>
                <Anchor component={Link} to={regencyPath(row.tenantCode, year)} fw={600}>
                  {row.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.tenantCode} · {t(`tenantKind.${row.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text fw={700} data-testid="verified-index">
                  {format.decimal(row.verified.index)}
                </Text>
                <PredicateText predicate={row.verified.predicate} />
              </Table.Td>
              <Table.Td ta="right">
                <Text>{format.decimal(row.claimed.index)}</Text>
                <PredicateText predicate={row.claimed.predicate} />
              </Table.Td>
              <Table.Td ta="right">
                {row.completeness ? `${Math.round(row.completeness.verified * 100)}%` : t('app.none')}
              </Table.Td>
              <Table.Td>
                {row.basicServices.gateMet ? (
                  <Text size="sm">{t('oversight.basicMet', { covered: row.basicServices.covered })}</Text>
                ) : (
                  <Text size="sm" c="red.9">
                    {t('oversight.basicGap', { missing: row.basicServices.missing.length })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <DaysLeft days={row.daysToNationalDeadline} />
              </Table.Td>
              <Table.Td ta="right">
                {row.changeSinceLastYear
                  ? signed(row.changeSinceLastYear.verified, format.decimal)
                  : t('app.none')}
              </Table.Td>
              <Table.Td>
                <WarningBadges warnings={row.warnings} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CockpitChart({ cockpit, code, year }: { cockpit: Cockpit; code: string; year: number }) {
  const t = useT();
  const rubric = useYearRubric(code, year);
  const data: IndexBar[] = cockpit.rows.map((row) => ({
    name: row.name,
    claimed: row.claimed.index,
    verified: row.verified.index,
  }));
  const bands: BandStart[] = (rubric.data?.predicateBands ?? []).map(({ predicate, min }) => ({
    predicate,
    min,
  }));
  return (
    <Stack gap="xs">
      <Text size="sm">{t('oversight.chartIntro')}</Text>
      <Suspense fallback={<LoadingState label={t('oversight.chartLoading')} />}>
        <IndexBarsChart data={data} bands={bands} testId="cockpit-chart" />
      </Suspense>
    </Stack>
  );
}

function Worklist({ cockpit, year }: { cockpit: Cockpit; year: number }) {
  const { t, language } = useI18n();
  return (
    <SectionPanel id="peringatan-judul" title={t('oversight.worklist')}>
      {cockpit.warnings.length === 0 ? (
        <Text size="sm">{t('oversight.worklistEmpty')}</Text>
      ) : (
        <List spacing="xs" size="sm" data-testid="worklist">
          {cockpit.warnings.map((warning) => (
            <List.Item key={`${warning.tenantCode}-${warning.code}`}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge
                  size="sm"
                  variant="light"
                  color={
                    warning.severity === 'high' ? 'red' : warning.severity === 'medium' ? 'orange' : 'gray'
                  }
                  style={{ flexShrink: 0 }}
                >
                  {t(`oversight.severity.${warning.severity}`)}
                </Badge>
                <Text size="sm">
                  <Anchor component={Link} to={regencyPath(warning.tenantCode, year)} size="sm" fw={600}>
                    {warning.name}
                  </Anchor>
                  : {language === 'en' ? warning.message_en : warning.message_id}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </SectionPanel>
  );
}

function Coverage({ cockpit }: { cockpit: Cockpit }) {
  const t = useT();
  const missing = cockpit.coverage.withoutSummary;
  if (missing.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cakupan-judul">
      <Stack gap="xs">
        <Title order={2} size="h4" id="cakupan-judul">
          {t('oversight.withoutSummary', { count: missing.length })}
        </Title>
        <Text size="sm">{t('oversight.withoutSummaryIntro')}</Text>
        <Text size="sm" c="dimmed">
          {missing.map((area) => area.name).join(', ')}
        </Text>
      </Stack>
    </Paper>
  );
}
