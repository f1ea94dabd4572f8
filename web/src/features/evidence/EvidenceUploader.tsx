import '../../i18n/id-evidence.ts';
import '../../i18n/id-polish.ts';
import '../../i18n/id-offline.ts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import {
  EVIDENCE_KINDS,
  type Evidence,
  type EvidenceFinding,
  type EvidenceKind,
  type EvidenceMediaType,
} from '../../api/model.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FindingList, mergeFindings, useBytes } from './EvidenceBits.tsx';
import { forgetUpload, type KeepVerdict, keepUpload, keptKey, keptUpload } from './keptFiles.ts';
import { unfinishedUpload, uploadEvidenceResumable } from './resumable.ts';
import { UploadProgressBar } from './UploadProgressBar.tsx';
import {
  ACCEPT,
  guessKind,
  mediaTypeOf,
  titleFromFileName,
  type UploadProgress,
  type UploadResult,
} from './upload.ts';

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

interface Chosen {
  file: File;
  mediaType: EvidenceMediaType;
  title: string;
  kind: EvidenceKind;
  documentDate: string;
  /** Came back from the device after a reload: already kept there. */
  fromDevice?: boolean;
}

interface Outcome extends UploadResult {
  warnings: readonly EvidenceFinding[];
}

/**
 * Choose a file, describe it in two fields, and watch it go: a progress bar for the bytes, then the
 * server's intake verdict (type, size and hash checked; a scan without text, a duplicate, a date
 * outside the indicator's window flagged) within seconds.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
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
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [dateMissing, setDateMissing] = useState(false);
  // The browser could not keep this file on the device: after a reload it must be picked again.
  const [notKept, setNotKept] = useState<Extract<KeepVerdict, { kept: false }> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const upload = useMutation({
    // Offline, React Query would pause the mutation in memory, where a reload loses it; the upload
    // keeps its file on the device and waits for the connection itself (resumable.ts, ADR 0045).
    networkMode: 'always',
    mutationFn: async (input: Chosen): Promise<Outcome> => {
      controller.current = new AbortController();
      if (keptAs && !input.fromDevice) {
        const { fromDevice: _kept, ...form } = input;
        const verdict = await keepUpload(keptAs, form);
        setNotKept(verdict.kept ? null : verdict);
      }
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
        setProgress,
        controller.current.signal,
      );
      if (keptAs) await forgetUpload(keptAs);
      const warnings = onPassed ? await onPassed(result.evidence) : [];
      return { ...result, warnings };
    },
    onError: (error) => {
      // Over: rejected by intake or cancelled. Anything else (the connection) may still resume.
      const over =
        (error instanceof ApiError && error.status === 422) ||
        (error instanceof DOMException && error.name === 'AbortError');
      if (keptAs && over) void forgetUpload(keptAs);
    },
    onSettled: () => setProgress(null),
  });

  // After a reload: the kept file and its form come back and the upload goes on by itself, from
  // the parts the store already holds (or waits for the connection if there is none).
  const resume = upload.mutate;
  useEffect(() => {
    if (!keptAs) return;
    let live = true;
    void keptUpload(keptAs).then((kept) => {
      if (!live || !kept) return;
      const again: Chosen = {
        file: kept.file,
        mediaType: kept.mediaType,
        title: kept.title,
        kind: kept.kind,
        documentDate: kept.documentDate,
        fromDevice: true,
      };
      setChosen(again);
      resume(again);
    });
    return () => {
      live = false;
    };
  }, [keptAs, resume]);

  function pick(event: ChangeEvent<HTMLInputElement>) {
    upload.reset();
    const file = event.currentTarget.files?.[0];
    if (!file) {
      setChosen(null);
      return;
    }
    const mediaType = mediaTypeOf(file);
    if (!mediaType) {
      setPickError(t('evidence.typeNotAccepted'));
      setChosen(null);
      return;
    }
    setPickError(null);
    setChosen({
      file,
      mediaType,
      title: titleFromFileName(file.name),
      kind: defaultKind ?? guessKind(mediaType),
      documentDate: '',
    });
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
    if (keptAs) void forgetUpload(keptAs);
    if (inputRef.current) inputRef.current.value = '';
  }

  const fieldErrors = upload.error instanceof ApiError ? upload.error.fieldMessages() : {};
  const rejected = upload.error instanceof ApiError && upload.error.status === 422;
  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const resumable = chosen !== null && !upload.isPending && unfinishedUpload(code, chosen.file) !== undefined;

  if (upload.isSuccess) {
    const { evidence, duplicates, warnings } = upload.data;
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
          <Button size="compact-sm" variant="light" onClick={startOver} style={{ alignSelf: 'flex-start' }}>
            {t('evidence.uploadAnother')}
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder p="xs" radius="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <div>
            <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block">
              {t('evidence.chooseFile')}
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
              aria-label={inputLabel}
              aria-describedby={`${inputId}-hint`}
              disabled={upload.isPending}
              style={{ marginTop: 4, maxWidth: '100%' }}
            />
          </div>
          {pickError && (
            <Alert color="red" p="xs" role="alert">
              <Text size="sm">{pickError}</Text>
            </Alert>
          )}
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
                <NativeSelect
                  label={t('evidence.kind')}
                  value={chosen.kind}
                  onChange={(event) => {
                    const kind = event.currentTarget.value as EvidenceKind;
                    setChosen((current) => current && { ...current, kind });
                  }}
                  data={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`evidenceKind.${kind}`) }))}
                  disabled={upload.isPending}
                  miw={150}
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
              {chosen.fromDevice && (
                <Text size="xs" role="note" data-testid="upload-restored">
                  {t('evidence.restoredHint', { name: chosen.file.name })}
                </Text>
              )}
              {resumable && !chosen.fromDevice && (
                <Text size="xs" role="note" data-testid="upload-resumable">
                  {t('evidence.resumeHint')}
                </Text>
              )}
              {notKept && upload.isPending && (
                <Text size="xs" c="orange.9" role="note" data-testid="upload-not-kept">
                  {notKept.free === undefined
                    ? t('evidence.notKeptUnknown')
                    : t('evidence.notKept', { size: bytes(notKept.size), free: bytes(notKept.free) })}
                </Text>
              )}
              {progress && <UploadProgressBar progress={progress} />}
              {cancelled && (
                <Alert color="gray" p="xs" role="status" data-testid="upload-cancelled">
                  <Text size="sm">{t('evidence.uploadCancelled')}</Text>
                </Alert>
              )}
              {upload.isError && !cancelled && (
                <Alert
                  color="red"
                  title={rejected ? t('evidence.rejectedTitle') : undefined}
                  role="alert"
                  data-testid="upload-error"
                >
                  <Stack gap={4}>
                    <Text size="sm">
                      {upload.error instanceof ApiError
                        ? errorMessage(upload.error)
                        : t('evidence.transferFailed')}
                    </Text>
                    {upload.error instanceof ApiError &&
                      upload.error.details.map((detail) => (
                        <Text size="xs" key={`${detail.field}-${detail.message}`}>
                          {detail.message}
                        </Text>
                      ))}
                  </Stack>
                </Alert>
              )}
              <Group gap="xs">
                <Button type="submit" size="sm" loading={upload.isPending}>
                  {upload.isError && !rejected && !cancelled
                    ? t('evidence.retryUpload')
                    : t('evidence.upload')}
                </Button>
                {upload.isPending ? (
                  <Button
                    size="sm"
                    variant="default"
                    color="red"
                    onClick={() => controller.current?.abort()}
                    data-testid="upload-cancel"
                  >
                    {t('evidence.cancelUpload')}
                  </Button>
                ) : (
                  <Button size="sm" variant="default" onClick={startOver}>
                    {t('app.cancel')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
