import '../../i18n/id-evidence.ts';
import '../../i18n/id-contest-files.ts';
import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import type { EvidenceMediaType } from '../../api/model.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FileField, KeptFileNotes, KindSelect, type PickedFile } from '../evidence/FileField.tsx';
import { keptKey } from '../evidence/keptFiles.ts';
import { UploadProgressBar } from '../evidence/UploadProgressBar.tsx';
import { formFor, type UploadForm, useKeptUpload } from '../evidence/useKeptUpload.ts';
import { contestKeys } from './contestApi.ts';
import { ENTRY_FILE_KINDS, type EntryFileKind, uploadEntryFile } from './entryFiles.ts';

type Chosen = UploadForm<EntryFileKind>;

const kindOf = (mediaType: EvidenceMediaType): EntryFileKind =>
  mediaType === 'video/mp4' ? 'video' : mediaType.startsWith('image/') ? 'foto' : 'laporan';

/**
 * Choose a file, name it, and watch it go: the evidence library's resumable upload with its
 * progress bar and cancel (docs/decisions/0054). The file is kept on the device while it goes up,
 * so a reload resumes it without picking it again; then the server's check of the bytes (type by
 * sniffing, size, hash) before the file shows on the entry.
 */
export default function EntryFileUploader({
  entry,
  entryName,
}: {
  entry: { code: string; callId: string; entryId: string };
  entryName: string;
}) {
  const t = useT();
  const { user } = useMe();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const { upload, progress, notKept, cancel } = useKeptUpload({
    // One kept upload per person and entry (keptFiles.ts).
    keptAs: keptKey(user.id, entry.code, `lomba/${entry.callId}/${entry.entryId}`),
    send: (input: Chosen, onProgress, signal) =>
      uploadEntryFile(entry, { ...input, title: input.title.trim() }, onProgress, signal),
    onRestored: setChosen,
    onSuccess: () => {
      setChosen(null);
      if (inputRef.current) inputRef.current.value = '';
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...contestKeys.call(entry.code, entry.callId), 'files'] }),
  });

  function pick(picked: PickedFile | null) {
    upload.reset();
    setChosen(picked && formFor(picked, kindOf(picked.mediaType)));
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
        <FileField
          label={t('contestFiles.add')}
          inputLabel={t('contestFiles.choose', { name: entryName })}
          inputRef={inputRef}
          disabled={upload.isPending}
          onPick={pick}
        />
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
            <KindSelect
              kinds={ENTRY_FILE_KINDS}
              value={chosen.kind}
              onChange={(kind) => setChosen((current) => current && { ...current, kind })}
              disabled={upload.isPending}
            />
          </Group>
        )}
        {chosen && (
          <KeptFileNotes
            restoredName={chosen.fromDevice ? chosen.file.name : undefined}
            notKept={upload.isPending ? notKept : null}
          />
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
              <Button size="sm" variant="default" color="red" onClick={cancel}>
                {t('evidence.cancelUpload')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
