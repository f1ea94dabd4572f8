import '../../i18n/id-oversight.ts';
import { URUSAN } from '@inovasi/core/browser';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { currentYear } from '../../api/queries.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { PredicateBadge } from '../oversight/bits.tsx';
import {
  type OfficialResult,
  useOfficialResults,
  useRegionSummary,
  useSaveOfficialResult,
  useTrend,
} from '../oversight/queries.ts';
import type { ResultBar } from './ResultsChart.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));
const ResultsChart = lazy(() => import('./ResultsChart.tsx'));

const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));
const STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
/** Official results exist from the first IID year with known bands. */
const FIRST_RESULT_YEAR = 2022;

/** The leadership additions to the region's dashboard: season trend, composition, past results, the province's word. */
export default function SeasonPanels({ code, year }: { code: string; year: number }) {
  return (
    <>
      <TrendPanel code={code} year={year} />
      <CompositionPanel code={code} year={year} />
      <ResultsPanel code={code} />
    </>
  );
}

function TrendPanel({ code, year }: { code: string; year: number }) {
  const t = useT();
  const format = useFormat();
  const trend = useTrend(code, year);
  const points = trend.data?.points ?? [];
  const first = points[0];
  const last = points.at(-1);
  return (
    <SectionPanel id="tren-judul" title={t('trend.title')} testId="trend">
      {trend.isPending ? (
        <LoadingState />
      ) : trend.isError ? (
        <ErrorState error={trend.error} onRetry={() => trend.refetch()} />
      ) : !first || !last ? (
        <EmptyMessage message={t('trend.empty')} />
      ) : (
        <>
          <Text size="sm" data-testid="trend-summary">
            {t('trend.summary', {
              count: points.length,
              from: format.date(first.date),
              to: format.date(last.date),
              first: format.decimal(first.verified.index),
              last: format.decimal(last.verified.index),
              claimed: format.decimal(last.claimed.index),
            })}
          </Text>
          <Suspense fallback={<LoadingState label={t('oversight.chartLoading')} />}>
            <TrendChart
              points={points.map((point) => ({
                date: point.date,
                claimed: point.claimed.index,
                verified: point.verified.index,
              }))}
              bands={trend.data.bands}
            />
          </Suspense>
        </>
      )}
    </SectionPanel>
  );
}

function CompositionPanel({ code, year }: { code: string; year: number }) {
  const t = useT();
  const format = useFormat();
  const summary = useRegionSummary(code, year);
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const { innovations } = summary.data.summary;
  const { computedAt, changesThrough } = summary.data;
  const urusan = [...innovations.byUrusan].sort((a, b) => b.count - a.count);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionPanel id="urusan-judul" title={t('composition.byUrusan')}>
          {urusan.length === 0 ? (
            <EmptyMessage message={t('composition.empty')} />
          ) : (
            <Table verticalSpacing={4} data-testid="by-urusan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('composition.urusan')}</Table.Th>
                  <Table.Th ta="right">{t('composition.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {urusan.map((row) => (
                  <Table.Tr key={row.urusan}>
                    <Table.Td>
                      {URUSAN_NAMES.get(row.urusan) ?? row.urusan}
                      {row.basicService && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          · {t('composition.basicService')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{format.number(row.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </SectionPanel>
        <SectionPanel id="tahapan-judul" title={t('composition.byStage')}>
          <Table verticalSpacing={4} data-testid="by-stage">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('composition.stage')}</Table.Th>
                <Table.Th ta="right">{t('composition.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {STAGES.map((stage) => (
                <Table.Tr key={stage}>
                  <Table.Td>{t(`stage.${stage}`)}</Table.Td>
                  <Table.Td ta="right">{format.number(innovations.byStage[stage])}</Table.Td>
                </Table.Tr>
              ))}
              {innovations.byStage.unset > 0 && (
                <Table.Tr>
                  <Table.Td>{t('composition.stageUnset')}</Table.Td>
                  <Table.Td ta="right">{format.number(innovations.byStage.unset)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </SectionPanel>
      </SimpleGrid>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" data-testid="summary-computed-at">
          {t('composition.computedAt', { date: format.dateTime(computedAt) })}
          {changesThrough && (
            <span data-testid="summary-changes-through">
              {' '}
              {t('composition.changesThrough', { date: format.dateTime(changesThrough) })}
            </span>
          )}
        </Text>
        <Button size="xs" variant="subtle" onClick={() => summary.refetch()} loading={summary.isFetching}>
          {t('composition.reload')}
        </Button>
      </Group>
    </Stack>
  );
}

function ResultsPanel({ code }: { code: string }) {
  const t = useT();
  const format = useFormat();
  const { user } = useMe();
  const results = useOfficialResults(code);
  const canEnter = user.roles.includes('tenant_admin') && user.tenantCode === code;
  const items = results.data ?? [];
  const bars: ResultBar[] = [...items]
    .sort((a, b) => a.year - b.year)
    .map((result) => ({ year: String(result.year), index: result.index, predicate: result.predicate }));
  return (
    <SectionPanel id="hasil-judul" title={t('results.title')} testId="results">
      <Text size="sm">{t('results.intro')}</Text>
      {results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage message={t('results.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Table.ScrollContainer minWidth={420}>
            <Table striped verticalSpacing={4} data-testid="results-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results.year')}</Table.Th>
                  <Table.Th ta="right">{t('results.index')}</Table.Th>
                  <Table.Th>{t('results.predicate')}</Table.Th>
                  <Table.Th ta="right">{t('results.rank')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((result) => (
                  <Table.Tr key={result.year}>
                    <Table.Td>{result.year}</Table.Td>
                    <Table.Td ta="right">{format.decimal(result.index)}</Table.Td>
                    <Table.Td>
                      <PredicateBadge predicate={result.predicate} />
                      <Text size="xs" c="dimmed">
                        {bandsText(result, format.decimal)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {result.rank === undefined
                        ? t('app.none')
                        : result.rankOf === undefined
                          ? format.number(result.rank)
                          : t('results.rankOf', { rank: result.rank, of: result.rankOf })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Suspense fallback={<LoadingState label={t('oversight.chartLoading')} />}>
            <ResultsChart data={bars} />
          </Suspense>
        </SimpleGrid>
      )}
      {canEnter && results.isSuccess && <ResultForm code={code} results={items} />}
    </SectionPanel>
  );
}

/** The bands a result was judged by: that year's, which differ from this year's. */
function bandsText(result: OfficialResult, decimal: (value: number) => string): string {
  return result.bands
    .filter((band) => band.min > 0)
    .map((band) => `${band.predicate} ≥ ${decimal(band.min)}`)
    .join(' · ');
}

function ResultForm({ code, results }: { code: string; results: OfficialResult[] }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const save = useSaveOfficialResult(code);
  const years = Array.from(
    { length: currentYear() - FIRST_RESULT_YEAR + 1 },
    (_, index) => currentYear() - index,
  );
  const [year, setYear] = useState(String(years[1] ?? years[0]));
  const [index, setIndex] = useState<string | number>('');
  const [rank, setRank] = useState<string | number>('');
  const [rankOf, setRankOf] = useState<string | number>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [missingIndex, setMissingIndex] = useState(false);
  const existing = results.find((result) => String(result.year) === year);
  const error = save.error instanceof ApiError ? save.error : undefined;
  const conflict = error?.isVersionConflict ?? false;
  const fields = error && !conflict ? error.fieldMessages() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setMissingIndex(typeof index !== 'number');
    if (typeof index !== 'number') return;
    save.mutate(
      {
        year: Number(year),
        version: existing?.version ?? 0,
        input: {
          index,
          ...(typeof rank === 'number' ? { rank } : {}),
          ...(typeof rankOf === 'number' ? { rankOf } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="hasil-form-judul" data-testid="result-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="hasil-form-judul">
          {t('results.formTitle')}
        </Title>
        <Group gap="sm" align="flex-start">
          <NativeSelect
            label={t('results.year')}
            value={year}
            onChange={(event) => {
              setYear(event.currentTarget.value);
              setSaved(false);
            }}
            data={years.map((value) => String(value))}
            w={120}
          />
          <NumberInput
            label={t('results.index')}
            value={index}
            onChange={setIndex}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            required
            error={missingIndex ? t('results.indexRequired') : fields.index}
            w={140}
          />
          <NumberInput
            label={t('results.rankInput')}
            value={rank}
            onChange={setRank}
            min={1}
            allowDecimal={false}
            error={fields.rank}
            w={140}
          />
          <NumberInput
            label={t('results.rankOfInput')}
            value={rankOf}
            onChange={setRankOf}
            min={1}
            allowDecimal={false}
            error={fields.rankOf}
            w={160}
          />
        </Group>
        <TextInput
          label={t('results.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={500}
          error={fields.note}
        />
        {existing && <Text size="xs">{t('results.replaces', { year: existing.year })}</Text>}
        {conflict && (
          <Alert color="orange" role="alert">
            {t('results.conflict')}
          </Alert>
        )}
        {save.isError && !conflict && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        {saved && !save.isPending && (
          <Alert color="teal" data-testid="result-saved">
            {t('results.saved', { year })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('results.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
