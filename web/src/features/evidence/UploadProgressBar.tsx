import { Progress, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { UploadProgress } from './upload.ts';

/** An upload's phase and bytes, for the evidence uploader and the contest entry's files alike. */
export function UploadProgressBar({ progress }: { progress: UploadProgress }) {
  const t = useT();
  const label =
    progress.phase === 'uploading' || progress.phase === 'hashing'
      ? t(`evidence.phase.${progress.phase}`, { percent: progress.percent })
      : progress.phase === 'retrying'
        ? t('evidence.phase.retrying', { attempt: progress.attempt })
        : t(`evidence.phase.${progress.phase}`);
  const measured =
    progress.phase === 'uploading' || progress.phase === 'checking' || progress.phase === 'hashing';
  return (
    <Stack gap={2}>
      <Progress
        value={measured ? progress.percent : 5}
        color={progress.phase === 'offline' ? 'orange' : undefined}
        animated={progress.phase !== 'uploading'}
        size="lg"
        aria-label={label}
        data-testid="upload-progress"
      />
      <Text size="xs" role="status">
        {label}
      </Text>
    </Stack>
  );
}
