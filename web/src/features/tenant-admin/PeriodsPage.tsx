import '../../i18n/id-admin.ts';
import { type PeriodLock, periodLock, todayInJakarta } from '@inovasi/core/browser';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Opd, Period } from '../../api/model.ts';
import { currentYear, queryKeys, useOpds, usePeriods } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

export default function PeriodsPage() {
  const t = useT();
  const code = useTenantCode();
  const periods = usePeriods(code);
  const opds = useOpds(code);
  usePageTitle(t('periods.title'));
  return (
    <Stack gap="md" maw={1040}>
      <Title order={1}>{t('periods.title')}</Title>
      <Text>{t('periods.intro')}</Text>
      {periods.isPending ? (
        <LoadingState />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => periods.refetch()} />
      ) : (
        <>
          <OpenPeriodForm code={code} existing={periods.data.map((period) => period.year)} />
          {periods.data.length === 0 ? (
            <EmptyMessage message={t('periods.empty')} />
          ) : (
            periods.data.map((period) => (
              <PeriodCard key={period.year} code={code} period={period} opds={opds.data ?? []} />
            ))
          )}
        </>
      )}
    </Stack>
  );
}

function useRefreshPeriods(code: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.periods(code) });
}

function OpenPeriodForm({ code, existing }: { code: string; existing: number[] }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshPeriods(code);
  const firstFree = [currentYear(), currentYear() + 1].find((year) => !existing.includes(year));
  const [year, setYear] = useState<string | number>(firstFree ?? currentYear() + 1);
  const [internalDeadline, setInternal] = useState('');
  const [nationalDeadline, setNational] = useState('');
  const [opened, setOpened] = useState<number | null>(null);
  const open = useMutation({
    mutationFn: (body: { year: number; internalDeadline: string; nationalDeadline: string }) =>
      unwrap(api.POST('/tenants/{code}/periods', { params: { path: { code } }, body })),
    onSuccess: (period) => {
      setOpened(period.year);
      void refresh();
    },
  });
  const fields = open.error instanceof ApiError ? open.error.fieldMessages() : {};
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setOpened(null);
    if (typeof year !== 'number' || !internalDeadline || !nationalDeadline) {
      setMissing(true);
      return;
    }
    setMissing(false);
    open.mutate({ year, internalDeadline, nationalDeadline });
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="buka-periode">
      <Stack gap="sm">
        <Title order={2} size="h4" id="buka-periode">
          {t('periods.openTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('periods.year')}
            min={2022}
            max={2100}
            allowDecimal={false}
            value={year}
            onChange={setYear}
            error={fields.year}
            required
          />
          <DateField
            label={t('periods.internalDeadline')}
            description={t('periods.internalHint')}
            value={internalDeadline}
            onChange={setInternal}
            error={
              fields.internalDeadline ?? (missing && !internalDeadline ? t('validation.required') : undefined)
            }
            required
          />
          <DateField
            label={t('periods.nationalDeadline')}
            description={t('periods.nationalHint')}
            value={nationalDeadline}
            onChange={setNational}
            error={
              fields.nationalDeadline ?? (missing && !nationalDeadline ? t('validation.required') : undefined)
            }
            required
          />
        </SimpleGrid>
        {opened !== null && (
          <Alert color="teal" role="status">
            {t('periods.opened', { year: opened })}
          </Alert>
        )}
        {open.error !== null && Object.keys(fields).length === 0 && (
          <Alert color="red" role="alert">
            {errorMessage(open.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={open.isPending}>
            {t('periods.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const LOCK_COLOR: Record<PeriodLock, string> = {
  open: 'teal',
  operators_locked: 'orange',
  read_only: 'gray',
};

function PeriodCard({ code, period, opds }: { code: string; period: Period; opds: Opd[] }) {
  const t = useT();
  const format = useFormat();
  // The server's rule for the region as a whole: only an extension for every OPD keeps it open.
  const lock = periodLock(period, todayInJakarta(), undefined);
  const opdNames = new Map(opds.map((opd) => [opd.id, opd.name]));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={`periode-${period.year}`}
      data-testid={`period-${period.year}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={`periode-${period.year}`}>
            {t('periods.periodTitle', { year: period.year })}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {period.rubricId}
            </Badge>
            <Badge variant="light" color={LOCK_COLOR[lock]}>
              {t(`periods.lock.${lock}`)}
            </Badge>
          </Group>
        </Group>
        <DeadlineForm key={period.version} code={code} period={period} />
        <Title order={3} size="h5">
          {t('periods.extensions')}
        </Title>
        {period.extensions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('periods.noExtensions')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('periods.col.opd')}</Table.Th>
                  <Table.Th>{t('periods.col.until')}</Table.Th>
                  <Table.Th>{t('periods.col.reason')}</Table.Th>
                  <Table.Th>{t('periods.col.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {period.extensions.map((extension) => (
                  <Table.Tr key={`${extension.opdId ?? 'all'}-${extension.at}`}>
                    <Table.Td>
                      {extension.opdId
                        ? (opdNames.get(extension.opdId) ?? extension.opdId)
                        : t('periods.allOpds')}
                    </Table.Td>
                    <Table.Td>{format.date(extension.until)}</Table.Td>
                    <Table.Td>{extension.reason}</Table.Td>
                    <Table.Td>{format.dateTime(extension.at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ExtensionForm code={code} period={period} opds={opds} />
      </Stack>
    </Paper>
  );
}

function DeadlineForm({ code, period }: { code: string; period: Period }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshPeriods(code);
  const [internalDeadline, setInternal] = useState(period.internalDeadline);
  const [nationalDeadline, setNational] = useState(period.nationalDeadline);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/tenants/{code}/periods/{year}', {
          params: { path: { code, year: period.year } },
          headers: ifMatch(period.version),
          body: { internalDeadline, nationalDeadline },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const changed =
    internalDeadline !== period.internalDeadline || nationalDeadline !== period.nationalDeadline;
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateField label={t('periods.internalDeadline')} value={internalDeadline} onChange={setInternal} />
        <DateField label={t('periods.nationalDeadline')} value={nationalDeadline} onChange={setNational} />
        <Group align="flex-end">
          <Button
            variant="light"
            disabled={!changed}
            loading={save.isPending}
            onClick={() => save.mutate()}
            aria-label={t('periods.saveDeadlinesFor', { year: period.year })}
          >
            {t('periods.saveDeadlines')}
          </Button>
        </Group>
      </SimpleGrid>
      {save.error !== null && (
        <Alert color={conflict ? 'orange' : 'red'} role="alert">
          {conflict ? t('periods.conflict') : errorMessage(save.error)}
        </Alert>
      )}
    </Stack>
  );
}

function ExtensionForm({ code, period, opds }: { code: string; period: Period; opds: Opd[] }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshPeriods(code);
  const [opdId, setOpdId] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const extend = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/periods/{year}/extensions', {
          params: { path: { code, year: period.year } },
          headers: ifMatch(period.version),
          body: { until, reason: reason.trim(), ...(opdId ? { opdId } : {}) },
        }),
      ),
    onSuccess: () => {
      setReason('');
      setUntil('');
      setTried(false);
      void refresh();
    },
  });
  const fields = extend.error instanceof ApiError ? extend.error.fieldMessages() : {};
  const conflict = extend.error instanceof ApiError && extend.error.isVersionConflict;
  const reasonShort = reason.trim().length < 5;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!until || reasonShort) return;
    extend.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('periods.extendTitle', { year: period.year })}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('periods.extendTitle', { year: period.year })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('periods.col.opd')}
            value={opdId}
            onChange={(event) => setOpdId(event.currentTarget.value)}
            data={[
              { value: '', label: t('periods.allOpds') },
              ...opds.filter((opd) => !opd.archived).map((opd) => ({ value: opd.id, label: opd.name })),
            ]}
          />
          <DateField
            label={t('periods.col.until')}
            value={until}
            onChange={setUntil}
            error={fields.until ?? (tried && !until ? t('validation.required') : undefined)}
            required
          />
          <Textarea
            label={t('periods.col.reason')}
            autosize
            minRows={1}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fields.reason ?? (tried && reasonShort ? t('periods.reasonShort') : undefined)}
            required
          />
        </SimpleGrid>
        {extend.error !== null && Object.keys(fields).length === 0 && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert">
            {conflict ? t('periods.conflict') : errorMessage(extend.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={extend.isPending}>
            {t('periods.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
