import { URUSAN } from '@inovasi/core/browser';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { OPD_KINDS, type Opd, type OpdKind } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import '../../i18n/id-units.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { OpdInput } from './useOpdMutations.ts';

interface Props {
  title: string;
  /** The OPD being renamed; absent when adding one. */
  opd?: Opd;
  pending: boolean;
  error: unknown;
  onSubmit(input: OpdInput): void;
  onClose(): void;
}

export function OpdFormModal({ title, opd, pending, error, onSubmit, onClose }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(opd?.name ?? '');
  const [kind, setKind] = useState<OpdKind>(opd?.kind ?? 'dinas');
  const [urusan, setUrusan] = useState<string | null>(opd?.urusan ?? null);
  const [headName, setHeadName] = useState(opd?.headName ?? '');
  const [headEmail, setHeadEmail] = useState(opd?.headEmail ?? '');
  const fieldMessages = error instanceof ApiError ? error.fieldMessages() : {};
  const generalError =
    error && !fieldMessages.name && !fieldMessages.kind && !fieldMessages.urusan && !fieldMessages.headEmail
      ? errorMessage(error)
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      name: name.trim(),
      kind,
      ...(urusan ? { urusan: urusan as OpdInput['urusan'] } : {}),
      ...(headName.trim() ? { headName: headName.trim() } : {}),
      ...(headEmail.trim() ? { headEmail: headEmail.trim() } : {}),
    });
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('opds.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldMessages.name}
            required
            minLength={2}
            maxLength={150}
            data-autofocus
          />
          <Select
            label={t('opds.kind')}
            data={OPD_KINDS.map((value) => ({ value, label: t(`opdKind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as OpdKind)}
            error={fieldMessages.kind}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('opds.urusan')}
            description={t('opds.urusanHint')}
            data={URUSAN.map((entry) => ({ value: entry.code, label: entry.name }))}
            value={urusan}
            onChange={setUrusan}
            error={fieldMessages.urusan}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('opds.headName')}
            value={headName}
            onChange={(event) => setHeadName(event.currentTarget.value)}
            error={fieldMessages.headName}
            maxLength={150}
          />
          <TextInput
            type="email"
            label={t('opds.headEmail')}
            description={t('opds.headEmailHint')}
            value={headEmail}
            onChange={(event) => setHeadEmail(event.currentTarget.value)}
            error={fieldMessages.headEmail}
            maxLength={254}
          />
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
