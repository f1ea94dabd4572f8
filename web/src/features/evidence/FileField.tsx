import '../../i18n/id-evidence.ts';
import '../../i18n/id-offline.ts';
import { Alert, NativeSelect, Text } from '@mantine/core';
import { type ChangeEvent, type Ref, useId, useState } from 'react';
import type { EvidenceKind, EvidenceMediaType } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from './formatBytes.ts';
import type { KeepVerdict } from './keptFiles.ts';
import { ACCEPT, mediaTypeOf } from './upload.ts';

export interface PickedFile {
  readonly file: File;
  readonly mediaType: EvidenceMediaType;
}

/**
 * The file field of every uploader (the evidence library's and a contest entry's): its label, the
 * accepted types, and the type check before anything is sent. `onPick` gets the file with the
 * media type the server will check it against, or null (none chosen, or a type it would refuse,
 * which the field says).
 */
export function FileField({
  label,
  inputLabel,
  inputRef,
  disabled,
  onPick,
}: {
  /** The visible label, e.g. "Pilih berkas". */
  label: string;
  /** The input's accessible name, naming what the file is for. */
  inputLabel: string;
  inputRef: Ref<HTMLInputElement>;
  disabled: boolean;
  onPick: (picked: PickedFile | null) => void;
}) {
  const t = useT();
  const inputId = useId();
  const [pickError, setPickError] = useState<string | null>(null);
  function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    const mediaType = file ? mediaTypeOf(file) : undefined;
    setPickError(file && !mediaType ? t('evidence.typeNotAccepted') : null);
    onPick(file && mediaType ? { file, mediaType } : null);
  }
  return (
    <>
      <div>
        <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block">
          {label}
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
          disabled={disabled}
          style={{ marginTop: 4, maxWidth: '100%' }}
        />
      </div>
      {pickError && (
        <Alert color="red" p="xs" role="alert">
          <Text size="sm">{pickError}</Text>
        </Alert>
      )}
    </>
  );
}

/**
 * What the device holds of an upload: resumed from its kept copy after a reload, or not kept (no
 * room, no storage), so a reload will need the file picked again (docs/decisions/0049).
 */
export function KeptFileNotes({
  restoredName,
  notKept,
}: {
  restoredName: string | undefined;
  notKept: Extract<KeepVerdict, { kept: false }> | null;
}) {
  const t = useT();
  const format = useFormat();
  const bytes = (size: number) => formatBytes(size, format.decimal);
  return (
    <>
      {restoredName !== undefined && (
        <Text size="xs" role="note" data-testid="upload-restored">
          {t('evidence.restoredHint', { name: restoredName })}
        </Text>
      )}
      {notKept && (
        <Text size="xs" c="orange.9" role="note" data-testid="upload-not-kept">
          {notKept.free === undefined
            ? t('evidence.notKeptUnknown')
            : t('evidence.notKept', { size: bytes(notKept.size), free: bytes(notKept.free) })}
        </Text>
      )}
    </>
  );
}

/** The kind of an upload, among those its uploader offers (the library's, or an entry's few). */
export function KindSelect<Kind extends EvidenceKind>({
  kinds,
  value,
  onChange,
  disabled,
}: {
  kinds: readonly Kind[];
  value: Kind;
  onChange: (kind: Kind) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={t('evidence.kind')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as Kind)}
      data={kinds.map((kind) => ({ value: kind, label: t(`evidenceKind.${kind}`) }))}
      disabled={disabled}
      miw={150}
    />
  );
}
