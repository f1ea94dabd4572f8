import '../../i18n/id-oversight.ts';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { currentYear } from '../../api/queries.ts';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { PREDICATES, PredicateText, YearSelect } from '../oversight/bits.tsx';
import type { DistributionBar } from '../oversight/DistributionChart.tsx';
import { type NationalSummaries, useNationalSummaries } from '../oversight/queries.ts';

const DistributionChart = lazy(() => import('../oversight/DistributionChart.tsx'));

/** The platform administrator's national view: participation, predicates, every region's row. */
export default function NationalSummaryPage() {
  const t = useT();
  const [year, setYear] = useState(currentYear());
  const national = useNationalSummaries(year);
  usePageTitle(t('national.title'));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('national.title')}</Title>
        <YearSelect value={year} onChange={setYear} />
      </Group>
      <Text>{t('national.intro')}</Text>
      {national.isPending ? (
        <LoadingState />
      ) : national.isError ? (
        <ErrorState error={national.error} onRetry={() => national.refetch()} />
      ) : national.data.rows.length === 0 ? (
        <EmptyMessage message={t('national.empty', { year })} />
      ) : (
        <National data={national.data} />
      )}
    </Stack>
  );
}

function National({ data }: { data: NationalSummaries }) {
  const t = useT();
  const format = useFormat();
  const { participation } = data;
  const bars: DistributionBar[] = PREDICATES.map((predicate) => ({
    predicate,
    claimed: data.distribution.claimed[predicate],
    verified: data.distribution.verified[predicate],
  }));
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="participation">
        {(
          [
            ['national.onboarded', participation.onboarded],
            ['national.withSummary', participation.withSummary],
            ['national.withInnovations', participation.withInnovations],
            ['national.sending', participation.sending],
          ] as const
        ).map(([label, value]) => (
          <Paper withBorder p="sm" key={label}>
            <Text size="sm" c="dimmed">
              {t(label)}
            </Text>
            <Text size="xl" fw={700}>
              {format.number(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionPanel id="sebaran-judul" title={t('national.distribution')}>
          <Suspense fallback={<LoadingState label={t('oversight.chartLoading')} />}>
            <DistributionChart data={bars} />
          </Suspense>
          <Table verticalSpacing={4} data-testid="distribution-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('national.predicate')}</Table.Th>
                <Table.Th ta="right">{t('oversight.verified')}</Table.Th>
                <Table.Th ta="right">{t('oversight.claimed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((bar) => (
                <Table.Tr key={bar.predicate}>
                  <Table.Td>{bar.predicate}</Table.Td>
                  <Table.Td ta="right">{format.number(bar.verified)}</Table.Td>
                  <Table.Td ta="right">{format.number(bar.claimed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionPanel>
        <SectionPanel id="provinsi-judul" title={t('national.byProvince')}>
          <Table verticalSpacing={4} data-testid="province-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('national.province')}</Table.Th>
                <Table.Th ta="right">{t('national.regions')}</Table.Th>
                <Table.Th ta="right">{t('national.averageVerified')}</Table.Th>
                <Table.Th ta="right">{t('national.averageClaimed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.byProvince.map((province) => (
                <Table.Tr key={province.provinceCode}>
                  <Table.Td>{province.provinceCode}</Table.Td>
                  <Table.Td ta="right">{format.number(province.regions)}</Table.Td>
                  <Table.Td ta="right">{format.decimal(province.averageVerified)}</Table.Td>
                  <Table.Td ta="right">{format.decimal(province.averageClaimed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionPanel>
      </SimpleGrid>
      <SectionPanel id="nasional-judul" title={t('national.regionsTitle')}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing={4} data-testid="national-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('oversight.col.region')}</Table.Th>
                <Table.Th ta="right">{t('oversight.col.verified')}</Table.Th>
                <Table.Th ta="right">{t('oversight.col.claimed')}</Table.Th>
                <Table.Th ta="right">{t('national.innovations')}</Table.Th>
                <Table.Th ta="right">{t('national.sent')}</Table.Th>
                <Table.Th ta="right">{t('oversight.col.completeness')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => (
                <Table.Tr key={row.tenantCode}>
                  <Table.Td>
                    {row.name}
                    <Text size="xs" c="dimmed">
                      {row.tenantCode} · {t(`tenantKind.${row.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fw={700}>{format.decimal(row.verified.index)}</Text>
                    <PredicateText predicate={row.verified.predicate} />
                  </Table.Td>
                  <Table.Td ta="right">{format.decimal(row.claimed.index)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.innovations.total)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.innovations.sent)}</Table.Td>
                  <Table.Td ta="right">
                    {row.completeness ? `${Math.round(row.completeness.verified * 100)}%` : t('app.none')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionPanel>
    </>
  );
}
