import '../../i18n/id-dashboard.ts';
import '../../i18n/id-board.ts';
import '../../i18n/id-field.ts';
import '../../i18n/id-units.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Opd, OpdProgressBoard, OpdProgressRow } from '../../api/model.ts';
import { currentYear, queryKeys, useOpds, usePeriods } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { RemindButton } from '../units/RemindButton.tsx';
import { RulePanel } from '../units/RulePanel.tsx';

function useProgress(code: string, year: number) {
  return useQuery({
    queryKey: queryKeys.progress(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/progress', { params: { path: { code, year } } })),
  });
}

/** Per OPD: submitted / verified / ready / sent against its target, the furthest behind first. */
export default function ProgressBoardPage() {
  const t = useT();
  const code = useTenantCode();
  const periods = usePeriods(code);
  const [year, setYear] = useState(currentYear());
  const progress = useProgress(code, year);
  const opds = useOpds(code);
  usePageTitle(t('progress.title'));
  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Title order={1}>{t('progress.title')}</Title>
        <NativeSelect
          label={t('dashboard.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years.map((value) => String(value))}
        />
      </Group>
      <Text size="sm">{t('progress.intro')}</Text>
      <Text size="sm" c="dimmed" data-testid="board-legend">
        {t('count.boardLegend')}
      </Text>
      {progress.isPending ? (
        <LoadingState />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => progress.refetch()} />
      ) : (
        <>
          <Deadlines board={progress.data} />
          <Text size="sm" fw={500} data-testid="progress-region">
            {t('progress.region', {
              submitted: progress.data.region.submitted,
              total: progress.data.region.total,
              target: progress.data.region.target,
            })}
          </Text>
          <RulePanel
            code={code}
            board={progress.data}
            period={periods.data?.find((period) => period.year === year)}
            footer={<RemindButton code={code} year={year} />}
          />
          {progress.data.opds.length === 0 ? (
            <EmptyMessage message={t('opds.empty')} />
          ) : (
            <Stack
              gap="sm"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              data-testid="progress-board"
            >
              {progress.data.opds.map((row) => (
                <li key={row.opdId}>
                  <OpdRow
                    code={code}
                    year={year}
                    row={row}
                    opd={opds.data?.find((opd) => opd.id === row.opdId)}
                  />
                </li>
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function Deadlines({ board }: { board: OpdProgressBoard }) {
  const t = useT();
  const line = (days: number | null) =>
    days === null
      ? t('progress.noDeadline')
      : days > 0
        ? t('progress.daysLeft', { days })
        : days === 0
          ? t('progress.today')
          : t('progress.daysPast', { days: -days });
  const urgent = (days: number | null) => days !== null && days <= 7;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" data-testid="deadlines">
      {(
        [
          ['progress.internal', board.daysToInternalDeadline],
          ['progress.national', board.daysToNationalDeadline],
        ] as const
      ).map(([label, days]) => (
        <Paper key={label} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t(label)}
          </Text>
          <Text fw={700} c={urgent(days) ? 'red.9' : undefined}>
            {line(days)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const STEPS = ['submitted', 'verified', 'ready', 'sent'] as const;
const STEP_COLOR = { submitted: 'blue', verified: 'teal', ready: 'cyan', sent: 'violet' } as const;

function OpdRow({
  code,
  year,
  row,
  opd,
}: {
  code: string;
  year: number;
  row: OpdProgressRow;
  opd: Opd | undefined;
}) {
  const t = useT();
  const headingId = `progres-${row.opdId}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId} data-testid="progress-row">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Stack gap={0} miw={0}>
            <Title order={2} size="h5" id={headingId}>
              {row.name}
            </Title>
            <Text size="xs" c="dimmed">
              {t('progress.totals', { total: row.total, target: row.target })}
            </Text>
          </Stack>
          {row.behind > 0 ? (
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {t('progress.behind', { count: row.behind })}
            </Badge>
          ) : (
            <Badge color="green" variant="light" style={{ flexShrink: 0 }}>
              {t('count.submissionTargetMet')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {STEPS.map((step) => {
            const value = row[step];
            const text = t('progress.stepValue', {
              step: t(`progress.step.${step}`),
              value,
              target: row.target,
            });
            return (
              <div key={step}>
                <Text size="xs">{text}</Text>
                <Progress
                  value={row.target > 0 ? Math.min(100, (value / row.target) * 100) : value > 0 ? 100 : 0}
                  color={STEP_COLOR[step]}
                  size="md"
                  aria-label={text}
                  mt={2}
                />
              </div>
            );
          })}
        </SimpleGrid>
        {row.units.length > 0 && (
          <details>
            <summary>
              <Text span size="sm">
                {t('progress.units')} ({row.units.length})
              </Text>
            </summary>
            <Stack
              gap={2}
              component="ul"
              p={0}
              mt={4}
              style={{ listStyle: 'none' }}
              data-testid="progress-units"
            >
              {row.units.map((unit) => (
                <Text key={unit.unitId} size="xs" component="li">
                  {t('progress.unitLine', { name: unit.name, submitted: unit.submitted, total: unit.total })}
                </Text>
              ))}
            </Stack>
          </details>
        )}
        {opd && <TargetForm code={code} year={year} opd={opd} target={row.target} />}
      </Stack>
    </Paper>
  );
}

/** The OPD's own target (number of innovations to submit this season); empty keeps the region's default. */
function TargetForm({ code, year, opd, target }: { code: string; year: number; opd: Opd; target: number }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(target));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (next: number) =>
      unwrap(
        api.PATCH('/tenants/{code}/opds/{opdId}', {
          params: { path: { code, opdId: opd.id } },
          headers: ifMatch(opd.version),
          body: { target: next },
        }),
      ),
    onSuccess: () => setSaved(true),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.opds(code) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.progress(code, year) });
    },
  });
  const number = Number(value);
  const invalid = value.trim() === '' || !Number.isInteger(number) || number < 0 || number > 100;
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!invalid) save.mutate(number);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          label={t('progress.target')}
          aria-label={t('progress.targetFor', { name: opd.name })}
          value={value}
          onChange={(event) => {
            setSaved(false);
            save.reset();
            setValue(event.currentTarget.value);
          }}
          error={invalid ? t('progress.targetInvalid') : undefined}
          w={120}
        />
        <Button
          type="submit"
          size="sm"
          variant="light"
          loading={save.isPending}
          disabled={invalid || number === target}
          aria-label={t('progress.saveTargetFor', { name: opd.name })}
        >
          {t('app.save')}
        </Button>
        <Text size="xs" role="status" c="dimmed">
          {saved ? t('progress.targetSaved') : ''}
        </Text>
      </Group>
      {save.isError && (
        <Alert color={conflict ? 'orange' : 'red'} role="alert" mt="xs" p="xs">
          <Text size="sm">{conflict ? t('opds.conflict') : errorMessage(save.error)}</Text>
        </Alert>
      )}
    </form>
  );
}
