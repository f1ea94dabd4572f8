import '../../i18n/id-contest-files.ts';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from '../evidence/formatBytes.ts';
import {
  downloadEntryFile,
  type EntryFile,
  MAX_ENTRY_FILES,
  useEntryFiles,
  useRemoveEntryFile,
} from './entryFiles.ts';

// Only an entrant who may still change the entry needs the uploader (and the evidence flow's parts).
const EntryFileUploader = lazy(() => import('./EntryFileUploader.tsx'));

export type EntryFilesMode = 'entrant' | 'judge' | 'admin';

interface Props {
  code: string;
  callId: string;
  entryId: string;
  /** The entry's name, for the list's accessible names. */
  entryName: string;
  mode: EntryFilesMode;
  /** The entrant may still add and remove (entries open, or screened incomplete in screening). */
  changeable?: boolean;
}

/**
 * An entry's files: the entrant adds (the evidence uploader's progress and cancel), sees and
 * removes them while the entry may change; an assigned judge and Bappeda see and download them (a
 * judge in blind mode under neutral names, which the server gives).
 */
export default function EntryFiles({ code, callId, entryId, entryName, mode, changeable = false }: Props) {
  const t = useT();
  const ref = { code, callId, entryId };
  const files = useEntryFiles(ref);
  const items = files.data ?? [];
  const canChange = mode === 'entrant' && changeable;
  return (
    <Stack gap="xs" data-testid={`entry-files-${entryId}`}>
      <Text fw={500} size="sm">
        {t('contestFiles.title', { name: entryName })}
      </Text>
      {files.isPending ? (
        <LoadingState />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => files.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {mode === 'judge' ? t('contestFiles.noneJudge') : t('contestFiles.none')}
        </Text>
      ) : (
        <FileTable entry={ref} entryName={entryName} items={items} removable={canChange} />
      )}
      {canChange && items.length < MAX_ENTRY_FILES && (
        <Suspense fallback={<LoadingState />}>
          <EntryFileUploader entry={ref} entryName={entryName} />
        </Suspense>
      )}
      {canChange && items.length >= MAX_ENTRY_FILES && (
        <Text size="sm">{t('contestFiles.limit', { max: MAX_ENTRY_FILES })}</Text>
      )}
    </Stack>
  );
}

function FileTable({
  entry,
  entryName,
  items,
  removable,
}: {
  entry: { code: string; callId: string; entryId: string };
  entryName: string;
  items: readonly EntryFile[];
  removable: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const bytes = (size: number) => formatBytes(size, format.decimal);
  const errorMessage = useErrorMessage();
  const remove = useRemoveEntryFile(entry);
  const download = useMutation({ mutationFn: (evidenceId: string) => downloadEntryFile(entry, evidenceId) });
  return (
    <>
      <Stack gap={4} component="ul" aria-label={t('contestFiles.title', { name: entryName })} p={0} m={0}>
        {items.map((file) => (
          <Paper
            key={file.evidenceId}
            component="li"
            withBorder
            p={6}
            radius="sm"
            style={{ listStyle: 'none' }}
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div>
                <Text size="sm">{file.fileName}</Text>
                <Text size="xs" c="dimmed">
                  {[file.title, file.size === undefined ? undefined : bytes(file.size)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" color={STATUS_COLOURS[file.status] ?? 'gray'}>
                  {t(`contestFiles.status.${file.status}`)}
                </Badge>
                {file.status === 'passed' && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={download.isPending && download.variables === file.evidenceId}
                    onClick={() => download.mutate(file.evidenceId)}
                    aria-label={t('contestFiles.downloadNamed', { name: file.fileName })}
                  >
                    {t('contestFiles.download')}
                  </Button>
                )}
                {removable && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    color="red"
                    loading={remove.isPending && remove.variables === file.evidenceId}
                    onClick={() => remove.mutate(file.evidenceId)}
                    aria-label={t('contestFiles.removeNamed', { name: file.fileName })}
                  >
                    {t('contestFiles.remove')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {download.isError && (
        <Alert color="red" role="alert">
          {errorMessage(download.error)}
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
    </>
  );
}

const STATUS_COLOURS: Record<string, string> = { passed: 'green', rejected: 'red', pending: 'yellow' };
