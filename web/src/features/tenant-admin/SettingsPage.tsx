import '../../i18n/id-admin.ts';
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { TenantSettings } from '../../api/model.ts';
import { queryKeys, useSettings } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

export default function SettingsPage() {
  const t = useT();
  const code = useTenantCode();
  const settings = useSettings(code);
  usePageTitle(t('settings.title'));
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('settings.title')}</Title>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.version} code={code} settings={settings.data} />
      )}
    </Stack>
  );
}

const MAX_KEMATANGAN = 111;

function SettingsForm({ code, settings }: { code: string; settings: TenantSettings }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(settings.minKematanganToSend !== null);
  const [value, setValue] = useState<string | number>(settings.minKematanganToSend ?? 70);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (minKematanganToSend: number | null) =>
      unwrap(
        api.PUT('/tenants/{code}/settings', {
          params: { path: { code } },
          headers: ifMatch(settings.version),
          body: { minKematanganToSend },
        }),
      ),
    onSuccess: (next) => {
      setSaved(true);
      queryClient.setQueryData(queryKeys.settings(code), next);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict;
  const invalid = enabled && (typeof value !== 'number' || value < 0 || value > MAX_KEMATANGAN);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (invalid) return;
    save.mutate(enabled && typeof value === 'number' ? value : null);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="ambang-judul">
      <Stack gap="md">
        <Title order={2} size="h4" id="ambang-judul">
          {t('settings.threshold')}
        </Title>
        <Text size="sm">{t('settings.thresholdIntro')}</Text>
        <Switch
          label={t('settings.thresholdEnabled')}
          checked={enabled}
          onChange={(event) => {
            setEnabled(event.currentTarget.checked);
            setSaved(false);
          }}
        />
        {enabled && (
          <NumberInput
            label={t('settings.thresholdValue')}
            description={t('settings.thresholdHint', { max: MAX_KEMATANGAN })}
            min={0}
            max={MAX_KEMATANGAN}
            decimalScale={2}
            decimalSeparator=","
            value={value}
            onChange={(next) => {
              setValue(next);
              setSaved(false);
            }}
            error={invalid ? t('settings.thresholdInvalid', { max: MAX_KEMATANGAN }) : undefined}
            w={220}
          />
        )}
        {saved && (
          <Alert color="teal" role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </Alert>
        )}
        {save.error !== null && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{conflict ? t('settings.conflict') : errorMessage(save.error)}</Text>
              {conflict && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => queryClient.invalidateQueries({ queryKey: queryKeys.settings(code) })}
                >
                  {t('profile.loadLatest')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
