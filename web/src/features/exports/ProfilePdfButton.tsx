import '../../i18n/id-exports.ts';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  isActive,
  newIdempotencyKey,
  useDownloadExport,
  useExportJob,
  useRequestExport,
} from './useExports.ts';

/**
 * "PDF profil" on an innovation's page: requests the job, shows its progress while it runs, then
 * offers the download. The job list on the exports page shows the same job.
 */
export default function ProfilePdfButton({ code, innovationId }: { code: string; innovationId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const request = useRequestExport(code);
  const download = useDownloadExport(code);
  const [jobId, setJobId] = useState<string>();
  const job = useExportJob(code, jobId);
  const intentKey = useRef(newIdempotencyKey());
  const busy = request.isPending || (jobId !== undefined && (!job.data || isActive(job.data)));
  const failure = request.error ?? job.error ?? download.error;

  function start() {
    download.reset();
    request.mutate(
      { body: { kind: 'profile_pdf', innovationId }, key: intentKey.current },
      {
        onSuccess: ({ job: started }) => {
          intentKey.current = newIdempotencyKey();
          setJobId(started.id);
        },
      },
    );
  }

  return (
    <Stack gap={4} data-testid="profile-pdf">
      {jobId !== undefined && job.data?.status === 'done' ? (
        <Button onClick={() => download.mutate(jobId)} loading={download.isPending}>
          {t('exports.profilePdfDownload')}
        </Button>
      ) : (
        <Button variant="light" onClick={start} loading={busy}>
          {t('exports.profilePdf')}
        </Button>
      )}
      {jobId !== undefined && job.data && isActive(job.data) && (
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={job.data.progress}
            animated
            w={120}
            aria-label={t('exports.profilePdfPreparing', { progress: job.data.progress })}
          />
          <Text size="xs" aria-live="polite">
            {t('exports.profilePdfPreparing', { progress: job.data.progress })}
          </Text>
        </Group>
      )}
      {job.data?.status === 'failed' && (
        <Alert color="red" role="alert" p={4}>
          <Text size="xs">{t('exports.failed', { message: job.data.error?.message ?? '' })}</Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" p={4}>
          <Text size="xs">{errorMessage(failure)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
