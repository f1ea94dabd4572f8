import '../../i18n/id-dashboard.ts';
import '../../i18n/id-field.ts';
import { isSubmittedOrLater, isVerifiedOrLater, URUSAN } from '@inovasi/core/browser';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Innovation, Projection, ProjectionSide, Rubric } from '../../api/model.ts';
import { currentYear, useOpds, usePeriods, useProjection, useYearRubric } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TermHint } from '../../components/TermHint.tsx';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { GapsEntry } from '../gaps/GapsEntry.tsx';
import { IndexGauge, PREDICATE_COLOR, PREDICATE_THEME_COLOR } from './IndexGauge.tsx';
import type { OpdBar } from './OpdContributionChart.tsx';
import { ProvinceNotePanel } from './ProvinceNotePanel.tsx';

// recharts is the heaviest dependency; the dashboard's numbers render before it arrives.
const OpdContributionChart = lazy(() => import('./OpdContributionChart.tsx'));
// The season's panels sit below the fold and carry forms and charts of their own.
const SeasonPanels = lazy(() => import('./SeasonPanels.tsx'));
// The advice and the portfolio choice come after the index and the counts, each with a basis switch.
const AdvicePanel = lazy(() =>
  import('./AdvicePanel.tsx').then((module) => ({ default: module.AdvicePanel })),
);
const PortfolioPanel = lazy(() =>
  import('./PortfolioPanel.tsx').then((module) => ({ default: module.PortfolioPanel })),
);

const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));

export default function RegionDashboardPage() {
  const t = useT();
  const code = useTenantCode();
  const periods = usePeriods(code);
  const [year, setYear] = useState(currentYear());
  const projection = useProjection(code, year);
  const rubric = useYearRubric(code, year);
  usePageTitle(t('dashboard.title'));

  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('dashboard.title')}</Title>
        <NativeSelect
          label={t('dashboard.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years.map((value) => ({ value: String(value), label: String(value) }))}
          w={140}
        />
      </Group>
      <Text>{t('dashboard.intro')}</Text>
      {projection.isPending || rubric.isPending ? (
        <LoadingState />
      ) : projection.isError ? (
        <ErrorState error={projection.error} onRetry={() => projection.refetch()} />
      ) : rubric.isError ? (
        <ErrorState error={rubric.error} onRetry={() => rubric.refetch()} />
      ) : (
        <Dashboard code={code} year={year} projection={projection.data} rubric={rubric.data} />
      )}
    </Stack>
  );
}

function Dashboard({
  code,
  year,
  projection,
  rubric,
}: {
  code: string;
  year: number;
  projection: Projection;
  rubric: Rubric;
}) {
  const t = useT();
  const format = useFormat();
  const { verified, claimed } = projection;
  return (
    <>
      <ProvinceNotePanel code={code} year={year} />
      {rubric.provisional && (
        <Alert color="yellow">{t('dashboard.provisional', { rubric: rubric.id })}</Alert>
      )}
      {projection.n === 0 && (
        <Alert color="gray" title={t('dashboard.notAssessableTitle')} data-testid="not-assessable">
          {t('dashboard.notAssessable')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="indeks-judul">
          <Stack gap="xs">
            <Title order={2} size="h4" id="indeks-judul">
              {t('dashboard.index')}
            </Title>
            <IndexGauge
              rubric={rubric}
              verified={verified.index}
              claimed={claimed.index}
              predicate={verified.predicate}
            />
            <Group justify="center" gap="xs">
              <PredicateBadge predicate={verified.predicate} />
            </Group>
            <BandLegend rubric={rubric} />
          </Stack>
        </Paper>
        <SectionPanel id="klaim-judul" title={t('dashboard.claimedVsVerified')}>
          <SideSummary label={t('dashboard.verified')} side={verified} testId="index-verified" />
          <SideSummary label={t('dashboard.claimed')} side={claimed} testId="index-claimed" />
          {projection.riskIndexPoints > 0 && (
            <Alert color="orange" data-testid="risk">
              {t('dashboard.risk', { points: format.decimal(projection.riskIndexPoints) })}
            </Alert>
          )}
        </SectionPanel>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountsPanel projection={projection} rubric={rubric} />
        <BasicServicePanel projection={projection} />
      </SimpleGrid>
      <OpdContributions code={code} projection={projection} />
      <Suspense fallback={<LoadingState />}>
        <AdvicePanel code={code} year={year} />
        <PortfolioPanel code={code} year={year} />
      </Suspense>
      <GapsEntry year={year} />
      <VerifiedHeldPanel projection={projection} />
      <NotCountedPanel projection={projection} />
      <Suspense fallback={<LoadingState />}>
        <SeasonPanels code={code} year={year} />
      </Suspense>
    </>
  );
}

function PredicateBadge({ predicate }: { predicate: ProjectionSide['predicate'] }) {
  return (
    <Badge size="lg" variant="light" color={PREDICATE_THEME_COLOR[predicate]} data-testid="predicate">
      {predicate}
    </Badge>
  );
}

function BandLegend({ rubric }: { rubric: Rubric }) {
  const t = useT();
  const format = useFormat();
  return (
    <List
      size="sm"
      spacing={2}
      listStyleType="none"
      data-testid="band-legend"
      aria-label={t('dashboard.bands')}
    >
      {rubric.predicateBands.map((band) => (
        <List.Item key={band.predicate}>
          <Group gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                borderRadius: 2,
                background: PREDICATE_COLOR[band.predicate],
              }}
            />
            <Text size="sm">
              {band.predicate}: {format.decimal(band.min)}–{format.decimal(band.max)}
            </Text>
          </Group>
        </List.Item>
      ))}
      <List.Item>
        <Text size="sm">{t('dashboard.notAssessableBand')}</Text>
      </List.Item>
      <List.Item>
        <Text size="sm" c="dimmed">
          {t('dashboard.gaugeKey')}
        </Text>
      </List.Item>
    </List>
  );
}

function SideSummary({ label, side, testId }: { label: string; side: ProjectionSide; testId: string }) {
  const t = useT();
  const format = useFormat();
  const distance = side.distanceToNextBand;
  return (
    <div data-testid={testId}>
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{label}</Text>
        <Group gap="xs">
          <Text size="xl" fw={700}>
            {format.decimal(side.index)}
          </Text>
          <PredicateBadge predicate={side.predicate} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {distance.nextPredicate && distance.pointsNeeded !== null
          ? t('dashboard.distance', {
              points: format.decimal(distance.pointsNeeded),
              next: distance.nextPredicate,
            })
          : t('dashboard.topBand')}
      </Text>
    </div>
  );
}

function CountsPanel({ projection, rubric }: { projection: Projection; rubric: Rubric }) {
  const t = useT();
  const format = useFormat();
  const { verified } = projection;
  // One definition of "terverifikasi" with the progress board (core's isVerifiedOrLater).
  // The projection's schema types the status as a string; it is always one of the workflow's.
  const statuses = projection.innovations.flatMap((innovation) =>
    innovation.status ? [innovation.status as Innovation['status']] : [],
  );
  const submitted = statuses.filter(isSubmittedOrLater).length;
  const verifiedCount = statuses.filter(isVerifiedOrLater).length;
  const rows: [string, ReactNode, string][] = [
    ['n', t('dashboard.n'), format.number(projection.n)],
    [
      'verified-count',
      <TermHint key="verified" term={t('count.verified')} hint={t('count.verifiedHint')} />,
      t('count.verifiedValue', { verified: verifiedCount, submitted }),
    ],
    [
      'divisor',
      <TermHint key="divisor" term={t('dashboard.divisor')} hint={t('term.divisor')} />,
      t('dashboard.divisorValue', { divisor: verified.divisor, min: projection.divisorMinimum }),
    ],
    [
      'average',
      t('dashboard.averageMaturity'),
      `${format.decimal(verified.averageMaturity)} / ${rubric.formula.maxKematangan}`,
    ],
    ['spd', t('dashboard.spd'), `${format.decimal(verified.spd)} / ${rubric.formula.maxSpd}`],
    [
      'count-score',
      t('dashboard.countScore'),
      `${format.decimal(verified.innovationCountScore)} / ${rubric.formula.maxCountScore}`,
    ],
  ];
  return (
    <SectionPanel id="hitungan-judul" title={t('dashboard.counts')}>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([key, label, value]) => (
            <Table.Tr key={key} data-testid={`count-${key}`}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right" fw={600}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {projection.emptySeats > 0 ? (
        <Alert
          color="orange"
          title={t('dashboard.emptySeatsTitle', { count: projection.emptySeats })}
          data-testid="empty-seats"
        >
          {t('dashboard.emptySeats', { count: projection.emptySeats, min: projection.divisorMinimum })}
        </Alert>
      ) : (
        <Text size="sm" data-testid="empty-seats">
          {t('dashboard.noEmptySeats', { min: projection.divisorMinimum })}
        </Text>
      )}
    </SectionPanel>
  );
}

function BasicServicePanel({ projection }: { projection: Projection }) {
  const t = useT();
  const coverage = projection.basicServiceCoverage;
  const total = coverage.covered.length + coverage.missing.length;
  return (
    <SectionPanel id="yandas-judul" title={t('dashboard.basicServices')} testId="basic-services">
      <Text size="sm">
        {t('dashboard.basicServicesSummary', {
          covered: coverage.covered.length,
          total,
          required: coverage.required,
        })}
      </Text>
      <List size="sm" spacing={4} listStyleType="none">
        {coverage.covered.map((urusan) => (
          <List.Item key={urusan}>
            <Text size="sm">
              <Text span c="teal.9" fw={700} aria-hidden>
                ✓{' '}
              </Text>
              <VisuallyHidden>{t('dashboard.covered')}: </VisuallyHidden>
              {URUSAN_NAMES.get(urusan) ?? urusan}
            </Text>
          </List.Item>
        ))}
        {coverage.missing.map((urusan) => (
          <List.Item key={urusan}>
            <Text size="sm">
              <Text span c="red.9" fw={700} aria-hidden>
                ✗{' '}
              </Text>
              <VisuallyHidden>{t('dashboard.missing')}: </VisuallyHidden>
              {URUSAN_NAMES.get(urusan) ?? urusan}
            </Text>
          </List.Item>
        ))}
      </List>
      <Alert color={coverage.gateMet ? 'teal' : 'red'}>
        {coverage.gateMet
          ? t('dashboard.gateMet')
          : t('dashboard.gateMissing', { required: coverage.required })}
      </Alert>
    </SectionPanel>
  );
}

function OpdContributions({ code, projection }: { code: string; projection: Projection }) {
  const t = useT();
  const format = useFormat();
  const opds = useOpds(code);
  const names = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));
  const rows = [...projection.opdContributions].sort((a, b) => b.indexPointsVerified - a.indexPointsVerified);
  const data: OpdBar[] = rows.map((row) => ({
    opd: names.get(row.opdId) ?? row.opdId,
    claimed: Math.round(row.indexPointsClaimed * 100) / 100,
    verified: Math.round(row.indexPointsVerified * 100) / 100,
  }));
  return (
    <SectionPanel id="opd-judul" title={t('dashboard.opdTitle')}>
      <Text size="sm">{t('dashboard.opdIntro')}</Text>
      {rows.length === 0 ? (
        <EmptyMessage message={t('dashboard.opdEmpty')} />
      ) : (
        <>
          <Suspense fallback={<LoadingState label={t('dashboard.chartLoading')} />}>
            <OpdContributionChart data={data} />
          </Suspense>
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing={4} data-testid="opd-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.col.opd')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.col.innovations')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.col.pointsVerified')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.col.pointsClaimed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr key={row.opdId}>
                    <Table.Td>{data[index]?.opd}</Table.Td>
                    <Table.Td ta="right">
                      {t('dashboard.countedOf', { counted: row.counted, total: row.innovations })}
                    </Table.Td>
                    <Table.Td ta="right">{format.decimal(row.indexPointsVerified)}</Table.Td>
                    <Table.Td ta="right">{format.decimal(row.indexPointsClaimed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </SectionPanel>
  );
}

/** Innovations the verified view holds at 0 until their mandatory indicators are accepted, with why. */
function VerifiedHeldPanel({ projection }: { projection: Projection }) {
  const { t, language } = useI18n();
  const held = projection.innovations.filter(
    (item) => item.treatment === 'counted' && item.verifiedReason !== null,
  );
  if (held.length === 0) return null;
  return (
    <SectionPanel id="ditahan-judul" title={t('dashboard.verifiedHeld', { count: held.length })}>
      <Text size="sm">{t('dashboard.verifiedHeldIntro')}</Text>
      <List size="sm" spacing="xs" data-testid="verified-held">
        {held.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={`/inovasi/${item.id}`} size="sm" fw={600}>
              {item.name ?? item.id}
            </Anchor>
            <Text size="sm">
              {language === 'en' ? item.verifiedReason?.message_en : item.verifiedReason?.message_id}
            </Text>
          </List.Item>
        ))}
      </List>
    </SectionPanel>
  );
}

function NotCountedPanel({ projection }: { projection: Projection }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const notCounted = projection.innovations.filter((item) => item.treatment === 'ineligible');
  if (notCounted.length === 0) return null;
  const { drafts, verifiedCost, verifiedIndex } = projection.ifIneligibleSent;
  return (
    <SectionPanel id="belum-judul" title={t('dashboard.notCounted', { count: notCounted.length })}>
      <Text size="sm">{t('dashboard.notCountedIntro')}</Text>
      {drafts > 0 && verifiedCost > 0 && (
        <Alert color="orange" data-testid="if-ineligible-sent">
          {t('dashboard.ifIneligibleSent', {
            cost: format.decimal(verifiedCost),
            index: format.decimal(verifiedIndex),
          })}
        </Alert>
      )}
      <List size="sm" spacing="xs">
        {notCounted.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={`/inovasi/${item.id}`} size="sm" fw={600}>
              {item.name ?? item.id}
            </Anchor>
            <List size="sm" withPadding>
              {(item.eligibility?.reasons ?? []).map((reason) => (
                <List.Item key={`${reason.code}-${reason.field}`}>
                  {language === 'en' ? reason.message_en : reason.message_id}
                </List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </List>
    </SectionPanel>
  );
}
