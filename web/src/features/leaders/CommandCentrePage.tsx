import '../../i18n/id-leaders.ts';
import '../../i18n/id-units.ts';
import { URUSAN } from '@inovasi/core/browser';
import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { currentYear, queryKeys } from '../../api/queries.ts';
import type { components } from '../../api/schema.d.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { PREDICATE_THEME_COLOR } from '../dashboard/IndexGauge.tsx';
import { useRegionSummary } from '../oversight/queries.ts';
import { useRuleDescription } from '../units/ruleDescription.ts';
import { leagueOrder, type OpdRow, ruleLeagueRows } from './league.ts';

type Dashboard = components['schemas']['RegionDashboard'];

const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));

/**
 * The landing page of the region's leaders (Bupati/Wali Kota, Sekda; ADR 0030): one request, the
 * region's projected summary, laid out in one column for a phone. Read-only by design.
 */
export default function CommandCentrePage() {
  const t = useT();
  const format = useFormat();
  const code = useTenantCode();
  const { tenant } = useMe();
  const year = currentYear();
  const dashboard = useRegionSummary(code, year);
  // The board's reading of the period's target rule: the league ranks by it when there is one.
  const progress = useQuery({
    queryKey: queryKeys.progress(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/progress', { params: { path: { code, year } } })),
  });
  const describeRule = useRuleDescription();
  usePageTitle(t('leaders.title'));

  return (
    <Stack gap="md" maw={720} data-testid="command-centre">
      <Stack gap={2}>
        <Title order={1}>{t('leaders.title')}</Title>
        <Text size="sm">{t('leaders.intro', { region: tenant?.name ?? code, year })}</Text>
        {dashboard.data && (
          <Text size="xs" c="dimmed">
            {t('leaders.asOf', {
              time: format.dateTime(dashboard.data.changesThrough ?? dashboard.data.computedAt),
            })}
          </Text>
        )}
      </Stack>
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : (
        <>
          <IndexPanel dashboard={dashboard.data} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DeadlinesPanel dashboard={dashboard.data} />
            <QueuePanel dashboard={dashboard.data} />
          </SimpleGrid>
          <BasicServicesPanel dashboard={dashboard.data} />
          <LeagueTable
            rows={
              progress.data?.rule
                ? ruleLeagueRows(
                    progress.data.rule.opds,
                    new Map(dashboard.data.summary.opds.rows.map((row) => [row.opdId, row.verified])),
                  )
                : dashboard.data.summary.opds.rows
            }
            rule={
              progress.data?.targetRule
                ? describeRule(progress.data.targetRule, progress.data.threshold)
                : undefined
            }
          />
        </>
      )}
    </Stack>
  );
}

function IndexPanel({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const format = useFormat();
  const { claimed, verified, riskIndexPoints } = dashboard.summary;
  const sides = [
    ['leaders.index.claimed', claimed, 'index-claimed'],
    ['leaders.index.verified', verified, 'index-verified'],
  ] as const;
  return (
    <SectionPanel id="pimpinan-indeks" title={t('leaders.index.heading')} testId="leaders-index">
      <SimpleGrid cols={2} spacing="sm">
        {sides.map(([label, side, testId]) => (
          <Stack key={label} gap={4} data-testid={testId}>
            <Text size="xs" c="dimmed">
              {t(label)}
            </Text>
            <Text fw={700} fz={32} lh={1}>
              {format.decimal(side.index)}
            </Text>
            <Badge color={PREDICATE_THEME_COLOR[side.predicate]} variant="light" size="sm">
              {side.predicate}
            </Badge>
          </Stack>
        ))}
      </SimpleGrid>
      {riskIndexPoints > 0 && (
        <Text size="sm">{t('leaders.index.risk', { points: format.decimal(riskIndexPoints) })}</Text>
      )}
      {verified.nextPredicate && verified.pointsNeeded !== null && (
        <Text size="sm">
          {t('leaders.index.next', {
            points: format.decimal(verified.pointsNeeded),
            predicate: verified.nextPredicate,
          })}
        </Text>
      )}
    </SectionPanel>
  );
}

function DeadlinesPanel({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const line = (days: number | null) =>
    days === null
      ? t('leaders.deadlines.none')
      : days > 0
        ? t('leaders.deadlines.left', { days })
        : days === 0
          ? t('leaders.deadlines.today')
          : t('leaders.deadlines.past', { days: -days });
  const rows = [
    ['leaders.deadlines.internal', dashboard.daysToInternalDeadline, 'days-internal'],
    ['leaders.deadlines.national', dashboard.daysToNationalDeadline, 'days-national'],
  ] as const;
  return (
    <SectionPanel id="pimpinan-tenggat" title={t('leaders.deadlines.heading')} testId="leaders-deadlines">
      {rows.map(([label, days, testId]) => (
        <Group key={label} justify="space-between" gap="xs" wrap="nowrap" data-testid={testId}>
          <Text size="sm">{t(label)}</Text>
          {/* red.9 keeps 4.5:1 against white; an urgent deadline must not rely on colour alone. */}
          <Text size="sm" fw={700} c={days !== null && days <= 7 ? 'red.9' : undefined}>
            {line(days)}
          </Text>
        </Group>
      ))}
    </SectionPanel>
  );
}

function QueuePanel({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const format = useFormat();
  // The verifier's queue: submitted and in review (InnovationQueuePage, verifier mode).
  const { submitted, in_review: inReview } = dashboard.summary.innovations.byStatus;
  return (
    <SectionPanel id="pimpinan-antrean" title={t('leaders.queue.heading')} testId="leaders-queue">
      <Text fw={700} fz={24} lh={1}>
        {t('leaders.queue.count', { count: format.number(submitted + inReview) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('leaders.queue.detail', {
          submitted: format.number(submitted),
          inReview: format.number(inReview),
        })}
      </Text>
    </SectionPanel>
  );
}

function BasicServicesPanel({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const { covered, missing, required } = dashboard.summary.basicServices;
  return (
    <SectionPanel id="pimpinan-layanan-dasar" title={t('leaders.basic.heading')} testId="leaders-basic">
      <Text size="sm">
        {t('leaders.basic.covered', { covered: Math.min(covered.length, required), required })}
      </Text>
      {missing.length === 0 ? (
        <Text size="sm">{t('leaders.basic.allCovered')}</Text>
      ) : (
        <>
          <Text size="sm">{t('leaders.basic.missing')}</Text>
          <List size="sm" data-testid="basic-missing">
            {missing.map((urusan) => (
              <List.Item key={urusan}>{URUSAN_NAMES.get(urusan) ?? urusan}</List.Item>
            ))}
          </List>
        </>
      )}
    </SectionPanel>
  );
}

type LeagueRow = Pick<OpdRow, 'opdId' | 'name' | 'target' | 'submitted' | 'verified' | 'behind'> & {
  unitsBehind?: number;
};

function LeagueTable({ rows, rule }: { rows: readonly LeagueRow[]; rule?: string | undefined }) {
  const t = useT();
  const format = useFormat();
  const ranked = leagueOrder(rows);
  const met = rows.filter((row) => row.behind === 0).length;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', xs: 'md' }}
      component="section"
      aria-labelledby="pimpinan-opd"
      data-testid="leaders-league"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="pimpinan-opd">
          {t('leaders.league.heading')}
        </Title>
        {ranked.length === 0 ? (
          <Text size="sm">{t('leaders.league.empty')}</Text>
        ) : (
          <>
            <Text size="sm">{t('leaders.league.intro', { met, total: rows.length })}</Text>
            {rule && (
              <Text size="xs" c="dimmed" data-testid="league-rule">
                {t('leaders.league.rule', { rule })}
              </Text>
            )}
            {/* Three columns fit 360 px: the status and the verified count go under the name. */}
            <Table verticalSpacing={6} horizontalSpacing={4} fz="sm" data-testid="league-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: '1%' }}>{t('leaders.league.rank')}</Table.Th>
                  <Table.Th>{t('leaders.league.opd')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right', width: '1%' }}>
                    {t('leaders.league.submitted')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ranked.map((row, index) => (
                  <Table.Tr key={row.opdId} data-testid="league-row">
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.name}
                      </Text>
                      <Group gap={6} wrap="wrap">
                        {row.behind === 0 ? (
                          <Badge size="xs" color="teal" variant="light">
                            {t('leaders.league.met')}
                          </Badge>
                        ) : (
                          <Badge size="xs" color="red" variant="light">
                            {t('leaders.league.behind', { count: row.behind })}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {t('leaders.league.verified', { count: format.number(row.verified) })}
                        </Text>
                        {row.unitsBehind ? (
                          <Text size="xs" c="red.9">
                            {t('leaders.league.unitsBehind', { count: row.unitsBehind })}
                          </Text>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td
                      style={{ textAlign: 'right', whiteSpace: 'nowrap' }}
                      data-testid="league-submitted"
                    >
                      {format.number(row.submitted)}/{format.number(row.target)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
