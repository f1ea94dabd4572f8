import '../../i18n/id-evidence.ts';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Evidence, EvidenceFinding } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FindingList, mergeFindings } from './EvidenceBits.tsx';

/**
 * A video as a link (YouTube, Google Drive, TikTok, Instagram) with its length: the server checks
 * the host and the 5-minute limit at once, so nothing large travels over a slow connection.
 */
export default function VideoLinkForm(props: {
  code: string;
  opdId?: string | undefined;
  onPassed?: (evidence: Evidence) => Promise<readonly EvidenceFinding[]>;
  onDone(): void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState({ url: '', title: '', minutes: '', seconds: '' });
  const add = useMutation({
    mutationFn: async () => {
      const durationSeconds = Number(form.minutes || 0) * 60 + Number(form.seconds || 0);
      const created = await unwrap(
        api.POST('/tenants/{code}/evidence/urls', {
          params: { path: { code: props.code } },
          body: {
            kind: 'video',
            url: form.url.trim(),
            title: form.title.trim(),
            ...(durationSeconds > 0 ? { durationSeconds } : {}),
            ...(props.opdId ? { opdId: props.opdId } : {}),
          },
        }),
      );
      const warnings = props.onPassed ? await props.onPassed(created.evidence) : [];
      return { ...created, warnings };
    },
  });
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldMessages() : {};
  const set = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((current) => ({ ...current, [field]: value }));
  };

  if (add.isSuccess) {
    return (
      <Alert color="green" title={t('evidence.linkPassedTitle')} role="status">
        <Stack gap={4}>
          <Text size="sm">{t('evidence.passedBody', { title: add.data.evidence.title })}</Text>
          <FindingList
            findings={mergeFindings(add.data.evidence.intake?.findings ?? [], add.data.warnings)}
          />
          <Button
            size="compact-sm"
            variant="light"
            onClick={props.onDone}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('app.close')}
          </Button>
        </Stack>
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label={t('evidence.videoUrl')}
          description={t('evidence.videoUrlHint')}
          type="url"
          value={form.url}
          onChange={set('url')}
          error={fieldErrors.url}
          required
        />
        <TextInput
          label={t('evidence.title')}
          value={form.title}
          onChange={set('title')}
          error={fieldErrors.title}
          required
        />
        <Group gap="xs" grow>
          <TextInput
            label={t('evidence.videoMinutes')}
            type="number"
            min={0}
            inputMode="numeric"
            value={form.minutes}
            onChange={set('minutes')}
            error={fieldErrors.durationSeconds}
          />
          <TextInput
            label={t('evidence.videoSeconds')}
            type="number"
            min={0}
            max={59}
            inputMode="numeric"
            value={form.seconds}
            onChange={set('seconds')}
          />
        </Group>
        {add.isError && (
          <Alert color="red" role="alert">
            <Text size="sm">{errorMessage(add.error)}</Text>
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('evidence.addLink')}
          </Button>
          <Button size="sm" variant="default" onClick={props.onDone}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
