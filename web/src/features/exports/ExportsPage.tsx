import '../../i18n/id-exports.ts';
import '../../i18n/id-polish.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { currentYear, queryKeys, usePeriods } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { useBytes } from '../evidence/EvidenceBits.tsx';
import { NationalEntryChecklist } from './NationalEntryChecklist.tsx';
import {
  type ExportJob,
  isActive,
  newIdempotencyKey,
  useDownloadExport,
  useExportJobs,
  useRequestExport,
} from './useExports.ts';

/** The two period-wide files; the profile PDF is requested from an innovation's own page. */
const PERIOD_KINDS = ['national_pack', 'recap', 'rakor_pdf'] as const;
type PeriodKind = (typeof PERIOD_KINDS)[number];

const STATUS_COLOR: Record<ExportJob['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

export default function ExportsPage() {
  const t = useT();
  const code = useTenantCode();
  usePageTitle(t('exports.title'));
  const [year, setYear] = useState(currentYear());

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1}>{t('exports.title')}</Title>
        <Text size="sm">{t('exports.intro')}</Text>
      </Stack>
      <RequestForm code={code} year={year} onYearChange={setYear} />
      <JobList code={code} />
      <NationalEntryChecklist code={code} />
    </Stack>
  );
}

function RequestForm({
  code,
  year,
  onYearChange,
}: {
  code: string;
  year: number;
  onYearChange: (year: number) => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const periods = usePeriods(code);
  const request = useRequestExport(code);
  const [kind, setKind] = useState<PeriodKind>('national_pack');
  const ready = useReadyCount(code, year);
  const emptyPack = kind === 'national_pack' && ready.data === 0;
  // One key per intent: a retry of the same choices after a lost answer finds the job already started.
  const intentKey = useRef(newIdempotencyKey());
  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  function changed() {
    intentKey.current = newIdempotencyKey();
    request.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(
      { body: { kind, periodYear: year }, key: intentKey.current },
      { onSuccess: () => (intentKey.current = newIdempotencyKey()) },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ekspor-buat">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="ekspor-buat">
            {t('exports.request.title')}
          </Title>
          <NativeSelect
            label={t('exports.period')}
            value={String(year)}
            onChange={(event) => {
              changed();
              onYearChange(Number(event.currentTarget.value));
            }}
            data={years.map((value) => String(value))}
            maw={220}
          />
          <Radio.Group
            label={t('exports.kind')}
            value={kind}
            onChange={(value) => {
              changed();
              setKind(value as PeriodKind);
            }}
          >
            <Stack gap="xs" mt={4}>
              {PERIOD_KINDS.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`exports.kind.${value}`)}
                  description={t(`exports.kindHint.${value}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {emptyPack && (
            <Alert color="orange" p="xs" data-testid="empty-pack-warning">
              <Text size="sm">{t('exports.emptyPack', { year })}</Text>
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={request.isPending}>
              {t('exports.request')}
            </Button>
            <Text size="sm" role="status" data-testid="export-requested">
              {request.isSuccess
                ? request.data.replayed
                  ? t('exports.alreadyRunning')
                  : t('exports.requested')
                : ''}
            </Text>
          </Group>
          {request.isError && (
            <Alert color="red" role="alert" p="xs">
              <Text size="sm">{errorMessage(request.error)}</Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * How many innovations of the year are ready to send, the only ones the national pack holds: a pack
 * of none is a file nobody can use, so the form says so before it is made.
 */
function useReadyCount(code: string, year: number) {
  return useQuery({
    queryKey: [...queryKeys.innovationList(code, { status: 'ready' }), 'ready-count'],
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/innovations', {
          params: { path: { code }, query: { status: 'ready', limit: 100 } },
        }),
      ),
    select: (page) =>
      page.nextCursor
        ? Number.POSITIVE_INFINITY
        : page.items.filter((item) => item.periodYear === year).length,
  });
}

function JobList({ code }: { code: string }) {
  const t = useT();
  const jobs = useExportJobs(code);
  return (
    <Stack gap="sm" component="section" aria-labelledby="ekspor-riwayat">
      <Title order={2} size="h4" id="ekspor-riwayat">
        {t('exports.jobs.title')}
      </Title>
      {jobs.isPending ? (
        <LoadingState />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <EmptyMessage message={t('exports.jobs.empty')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="export-jobs">
          {jobs.data.map((job) => (
            <li key={job.id}>
              <ExportJobCard code={code} job={job} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function ExportJobCard({ code, job }: { code: string; job: ExportJob }) {
  const t = useT();
  const format = useFormat();
  const bytes = useBytes();
  const errorMessage = useErrorMessage();
  const download = useDownloadExport(code);
  const name = t('exports.jobTitle', { kind: t(`exports.kind.${job.kind}`), year: job.periodYear });
  const headingId = `ekspor-${job.id}`;
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      aria-labelledby={headingId}
      data-testid="export-job"
      data-status={job.status}
      data-kind={job.kind}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={0} miw={0}>
            <Title order={3} size="h5" id={headingId}>
              {name}
            </Title>
            <Text size="xs" c="dimmed">
              {t('exports.requestedAt', { date: format.dateTime(job.requestedAt) })}
            </Text>
          </Stack>
          <Badge color={STATUS_COLOR[job.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`exports.status.${job.status}`)}
          </Badge>
        </Group>
        {isActive(job) && (
          <>
            <Progress
              value={job.progress}
              animated
              size="lg"
              aria-label={t('exports.progressLabel', { name, progress: job.progress })}
            />
            <Text size="sm" aria-live="polite">
              {job.stage ?? t(`exports.status.${job.status}`)} · {job.progress}%
            </Text>
          </>
        )}
        {job.status === 'done' && job.result && (
          <Group justify="space-between" gap="xs">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {t('exports.result', { file: job.result.fileName, size: bytes(job.result.size) })}
              </Text>
              {job.result.innovations !== undefined && job.kind !== 'profile_pdf' && (
                <Text size="xs" c="dimmed">
                  {job.kind === 'national_pack'
                    ? t('exports.resultCounts', {
                        innovations: job.result.innovations,
                        files: job.result.files ?? 0,
                      })
                    : t('exports.resultInnovations', { innovations: job.result.innovations })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('exports.expires', { date: format.dateTime(job.expiresAt) })}
              </Text>
            </Stack>
            <Button
              onClick={() => download.mutate(job.id)}
              loading={download.isPending}
              aria-label={t('exports.downloadFor', { name })}
            >
              {t('exports.download')}
            </Button>
          </Group>
        )}
        {job.status === 'done' && (job.result?.missingFiles ?? 0) > 0 && (
          <Alert color="orange" p="xs">
            <Text size="sm">{t('exports.missingFiles', { count: job.result?.missingFiles ?? 0 })}</Text>
          </Alert>
        )}
        {job.status === 'failed' && (
          <Alert color="red" role="alert" p="xs">
            <Text size="sm">
              {t('exports.failed', { message: job.error?.message ?? t('app.error.unexpected') })}
            </Text>
          </Alert>
        )}
        {download.isError && (
          <Alert color="red" role="alert" p="xs">
            <Text size="sm">{errorMessage(download.error)}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
