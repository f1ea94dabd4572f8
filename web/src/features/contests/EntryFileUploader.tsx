import '../../i18n/id-evidence.ts';
import '../../i18n/id-contest-files.ts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import type { EvidenceMediaType } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { UploadProgressBar } from '../evidence/UploadProgressBar.tsx';
import { ACCEPT, mediaTypeOf, titleFromFileName, type UploadProgress } from '../evidence/upload.ts';
import { contestKeys } from './contestApi.ts';
import { ENTRY_FILE_KINDS, type EntryFileKind, uploadEntryFile } from './entryFiles.ts';

interface Chosen {
  file: File;
  mediaType: EvidenceMediaType;
  title: string;
  kind: EntryFileKind;
}

const kindOf = (mediaType: EvidenceMediaType): EntryFileKind =>
  mediaType === 'video/mp4' ? 'video' : mediaType.startsWith('image/') ? 'foto' : 'laporan';

/**
 * Choose a file, name it, and watch it go: the evidence uploader's progress bar and cancel, then the
 * server's check of the bytes (type by sniffing, size, hash) before the file shows on the entry.
 */
export default function EntryFileUploader({
  entry,
  entryName,
}: {
  entry: { code: string; callId: string; entryId: string };
  entryName: string;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: [...contestKeys.call(entry.code, entry.callId), 'files'] });
  const upload = useMutation({
    networkMode: 'always',
    mutationFn: (input: Chosen) => {
      controller.current = new AbortController();
      return uploadEntryFile(
        entry,
        { ...input, title: input.title.trim() },
        setProgress,
        controller.current.signal,
      );
    },
    onSuccess: () => {
      setChosen(null);
      if (inputRef.current) inputRef.current.value = '';
    },
    onSettled: () => {
      setProgress(null);
      return refresh();
    },
  });

  function pick(event: ChangeEvent<HTMLInputElement>) {
    upload.reset();
    const file = event.currentTarget.files?.[0];
    const mediaType = file ? mediaTypeOf(file) : undefined;
    setPickError(file && !mediaType ? t('evidence.typeNotAccepted') : null);
    setChosen(
      file && mediaType
        ? { file, mediaType, title: titleFromFileName(file.name), kind: kindOf(mediaType) }
        : null,
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && chosen.title.trim().length >= 3) upload.mutate(chosen);
  }

  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const fieldErrors = upload.error instanceof ApiError ? upload.error.fieldMessages() : {};
  return (
    <Paper withBorder p="xs" radius="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        <div>
          <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block">
            {t('contestFiles.add')}
          </Text>
          <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
            {t('evidence.chooseFileHint')}
          </Text>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={ACCEPT}
            onChange={pick}
            aria-label={t('contestFiles.choose', { name: entryName })}
            aria-describedby={`${inputId}-hint`}
            disabled={upload.isPending}
            style={{ marginTop: 4, maxWidth: '100%' }}
          />
        </div>
        {pickError && (
          <Alert color="red" p="xs" role="alert">
            {pickError}
          </Alert>
        )}
        {chosen && (
          <Group grow gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={t('evidence.title')}
              value={chosen.title}
              onChange={(event) => {
                const title = event.currentTarget.value;
                setChosen((current) => current && { ...current, title });
              }}
              error={chosen.title.trim().length < 3 ? t('evidence.titleShort') : fieldErrors.title}
              required
              disabled={upload.isPending}
              miw={180}
            />
            <NativeSelect
              label={t('evidence.kind')}
              value={chosen.kind}
              onChange={(event) => {
                const kind = event.currentTarget.value as EntryFileKind;
                setChosen((current) => current && { ...current, kind });
              }}
              data={ENTRY_FILE_KINDS.map((kind) => ({ value: kind, label: t(`evidenceKind.${kind}`) }))}
              disabled={upload.isPending}
              miw={150}
            />
          </Group>
        )}
        {progress && <UploadProgressBar progress={progress} />}
        {cancelled && (
          <Alert color="gray" p="xs" role="status" data-testid="entry-upload-cancelled">
            {t('evidence.uploadCancelled')}
          </Alert>
        )}
        {upload.isError && !cancelled && (
          <Alert color="red" role="alert" data-testid="entry-upload-error">
            {upload.error instanceof ApiError ? errorMessage(upload.error) : t('evidence.transferFailed')}
          </Alert>
        )}
        {upload.isSuccess && (
          <Alert color="green" p="xs" role="status" data-testid="entry-upload-done">
            {t('contestFiles.added', { name: upload.data.fileName })}
          </Alert>
        )}
        {chosen && (
          <Group gap="xs">
            <Button type="submit" size="sm" loading={upload.isPending}>
              {t('evidence.upload')}
            </Button>
            {upload.isPending && (
              <Button size="sm" variant="default" color="red" onClick={() => controller.current?.abort()}>
                {t('evidence.cancelUpload')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
