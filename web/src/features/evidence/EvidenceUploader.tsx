import '../../i18n/id-evidence.ts';
import '../../i18n/id-polish.ts';
import '../../i18n/id-offline.ts';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { EVIDENCE_KINDS, type Evidence, type EvidenceFinding, type EvidenceKind } from '../../api/model.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FindingList, mergeFindings, useBytes } from './EvidenceBits.tsx';
import { FileField, KeptFileNotes, KindSelect, type PickedFile } from './FileField.tsx';
import { keptKey } from './keptFiles.ts';
import { unfinishedUpload, uploadEvidenceResumable } from './resumable.ts';
import { UploadProgressBar } from './UploadProgressBar.tsx';
import { guessKind, type UploadResult } from './upload.ts';
import { formFor, type UploadForm, useKeptUpload } from './useKeptUpload.ts';

interface Props {
  code: string;
  /** Who owns the item (an innovation's OPD); the server defaults an operator to their own. */
  opdId?: string | undefined;
  /** Runs after intake passed, e.g. to link the item; its warnings are shown with intake's findings. */
  onPassed?: (evidence: Evidence) => Promise<readonly EvidenceFinding[]>;
  /** Accessible name of the file input, e.g. "Pilih berkas data dukung: Regulasi Inovasi Daerah". */
  inputLabel: string;
  defaultKind?: EvidenceKind;
  /** The indicator's level dates its evidence, so an undated file would be flagged: ask for the date. */
  dateRequired?: boolean;
  /**
   * Where this uploader sits (an innovation's indicator, the library): with it, the file of an
   * upload in progress is kept on the device and a reload resumes it without the file picker.
   */
  resumeSlot?: string;
}

type Chosen = UploadForm;

interface Outcome extends UploadResult {
  warnings: readonly EvidenceFinding[];
}

/**
 * Choose a file, describe it in two fields, and watch it go: a progress bar for the bytes, then the
 * server's intake verdict (type, size and hash checked; a scan without text, a duplicate, a date
 * outside the indicator's window flagged) within seconds.
 */
export default function EvidenceUploader({
  code,
  opdId,
  onPassed,
  inputLabel,
  defaultKind,
  dateRequired = false,
  resumeSlot,
}: Props) {
  const { user } = useMe();
  const keptAs = resumeSlot ? keptKey(user.id, code, resumeSlot) : null;
  const t = useT();
  const bytes = useBytes();
  const errorMessage = useErrorMessage();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [dateMissing, setDateMissing] = useState(false);
  const { upload, progress, notKept, cancel, forget } = useKeptUpload({
    keptAs,
    send: async (input: Chosen, onProgress, signal): Promise<Outcome> => {
      const result = await uploadEvidenceResumable(
        {
          code,
          file: input.file,
          mediaType: input.mediaType,
          kind: input.kind,
          title: input.title.trim(),
          documentDate: input.documentDate || undefined,
          opdId,
        },
        onProgress,
        signal,
      );
      const warnings = onPassed ? await onPassed(result.evidence) : [];
      return { ...result, warnings };
    },
    onRestored: setChosen,
  });

  function pick(picked: PickedFile | null) {
    upload.reset();
    setChosen(picked && formFor(picked, defaultKind ?? guessKind(picked.mediaType)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = dateRequired && chosen !== null && chosen.documentDate === '';
    setDateMissing(missing);
    if (chosen && chosen.title.trim().length >= 3 && !missing) upload.mutate(chosen);
  }

  function startOver() {
    upload.reset();
    setChosen(null);
    void forget();
    if (inputRef.current) inputRef.current.value = '';
  }

  const { fieldErrors, rejected, cancelled } = uploadErrorState(upload.error);
  const resumable = chosen !== null && !upload.isPending && unfinishedUpload(code, chosen.file) !== undefined;

  if (upload.isSuccess) return <UploadPassed outcome={upload.data} onAnother={startOver} />;

  return (
    <Paper withBorder p="xs" radius="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FileField
            label={t('evidence.chooseFile')}
            inputLabel={inputLabel}
            inputRef={inputRef}
            disabled={upload.isPending}
            onPick={pick}
          />
          {chosen && (
            <>
              <Text size="xs" c="dimmed">
                {chosen.file.name} · {bytes(chosen.file.size)}
              </Text>
              <TextInput
                label={t('evidence.title')}
                value={chosen.title}
                onChange={(event) => {
                  const title = event.currentTarget.value;
                  setChosen((current) => current && { ...current, title });
                }}
                error={
                  chosen.title.trim().length < 3 ? t('evidence.titleShort') : (fieldErrors.title ?? undefined)
                }
                required
                disabled={upload.isPending}
              />
              <Group grow gap="xs" align="flex-start" wrap="wrap">
                <KindSelect
                  kinds={EVIDENCE_KINDS}
                  value={chosen.kind}
                  onChange={(kind) => setChosen((current) => current && { ...current, kind })}
                  disabled={upload.isPending}
                />
                <DateField
                  label={dateRequired ? t('evidence.documentDateRequired') : t('evidence.documentDate')}
                  required={dateRequired}
                  value={chosen.documentDate}
                  onChange={(documentDate) => {
                    if (documentDate) setDateMissing(false);
                    setChosen((current) => current && { ...current, documentDate });
                  }}
                  error={dateMissing ? t('evidence.documentDateMissing') : fieldErrors.documentDate}
                  disabled={upload.isPending}
                  miw={150}
                />
              </Group>
              {resumable && !chosen.fromDevice && (
                <Text size="xs" role="note" data-testid="upload-resumable">
                  {t('evidence.resumeHint')}
                </Text>
              )}
              <KeptFileNotes
                restoredName={chosen.fromDevice ? chosen.file.name : undefined}
                notKept={upload.isPending ? notKept : null}
              />
              {progress && <UploadProgressBar progress={progress} />}
              {cancelled && (
                <Alert color="gray" p="xs" role="status" data-testid="upload-cancelled">
                  <Text size="sm">{t('evidence.uploadCancelled')}</Text>
                </Alert>
              )}
              {upload.isError && !cancelled && (
                <UploadFailed error={upload.error} rejected={rejected} errorMessage={errorMessage} />
              )}
              <UploadActions
                pending={upload.isPending}
                retry={upload.isError && !rejected && !cancelled}
                onCancel={cancel}
                onStartOver={startOver}
              />
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** What a failed upload means for the form: messages under fields, a refusal, or the person's cancel. */
function uploadErrorState(error: Error | null) {
  const fieldErrors = error instanceof ApiError ? error.fieldMessages() : {};
  const rejected = error instanceof ApiError && error.status === 422;
  const cancelled = error instanceof DOMException && error.name === 'AbortError';
  return { fieldErrors, rejected, cancelled };
}

/** Send (or send again after a failure the server did not refuse), and cancel the transfer or the form. */
function UploadActions({
  pending,
  retry,
  onCancel,
  onStartOver,
}: {
  pending: boolean;
  retry: boolean;
  onCancel: () => void;
  onStartOver: () => void;
}) {
  const t = useT();
  return (
    <Group gap="xs">
      <Button type="submit" size="sm" loading={pending}>
        {retry ? t('evidence.retryUpload') : t('evidence.upload')}
      </Button>
      {pending ? (
        <Button size="sm" variant="default" color="red" onClick={onCancel} data-testid="upload-cancel">
          {t('evidence.cancelUpload')}
        </Button>
      ) : (
        <Button size="sm" variant="default" onClick={onStartOver}>
          {t('app.cancel')}
        </Button>
      )}
    </Group>
  );
}

/** Intake passed: its findings, any earlier copies of the same file, and a way to send another. */
function UploadPassed({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  const t = useT();
  const { evidence, duplicates, warnings } = outcome;
  const findings = mergeFindings(evidence.intake?.findings ?? [], warnings);
  return (
    <Alert color="green" title={t('evidence.passedTitle')} role="status" data-testid="upload-result">
      <Stack gap={6}>
        <Text size="sm">{t('evidence.passedBody', { title: evidence.title })}</Text>
        <FindingList findings={findings} />
        {duplicates.length > 0 && (
          <Text size="sm" fw={500}>
            {t('evidence.duplicateOf', { titles: duplicates.map((item) => item.title).join(', ') })}
          </Text>
        )}
        <Button size="compact-sm" variant="light" onClick={onAnother} style={{ alignSelf: 'flex-start' }}>
          {t('evidence.uploadAnother')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The server's refusal with its reasons, or, when the bytes never arrived, that the transfer failed. */
function UploadFailed({
  error,
  rejected,
  errorMessage,
}: {
  error: Error;
  rejected: boolean;
  errorMessage: (error: unknown) => string;
}) {
  const t = useT();
  return (
    <Alert
      color="red"
      title={rejected ? t('evidence.rejectedTitle') : undefined}
      role="alert"
      data-testid="upload-error"
    >
      <Stack gap={4}>
        <Text size="sm">
          {error instanceof ApiError ? errorMessage(error) : t('evidence.transferFailed')}
        </Text>
        {error instanceof ApiError &&
          error.details.map((detail) => (
            <Text size="xs" key={`${detail.field}-${detail.message}`}>
              {detail.message}
            </Text>
          ))}
      </Stack>
    </Alert>
  );
}
