import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  /** The level chosen offline and kept on this device. */
  mine: number;
  /** The level on the server now (someone else's change), if any. */
  theirs: number | undefined;
  onSendMine: () => Promise<void>;
  onKeepTheirs: () => Promise<void>;
}

/**
 * An answer chosen offline that the server refused because someone else changed the innovation
 * meanwhile: both answers side by side, and the person decides. Neither is dropped silently.
 */
export function OfflineConflict({ mine, theirs, onSendMine, onKeepTheirs }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      color="orange"
      role="alert"
      title={t('indicator.offlineConflictTitle')}
      data-testid="offline-conflict"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('indicator.offlineConflict')}</Text>
        <Text size="sm" data-testid="offline-conflict-mine">
          {t('indicator.offlineMine', { level: mine })}
        </Text>
        <Text size="sm" data-testid="offline-conflict-theirs">
          {theirs === undefined
            ? t('indicator.offlineTheirsNone')
            : t('indicator.offlineTheirs', { level: theirs })}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={run(onSendMine)} loading={busy}>
            {t('indicator.offlineSendMine')}
          </Button>
          <Button size="xs" variant="default" onClick={run(onKeepTheirs)} disabled={busy}>
            {t('indicator.offlineKeepTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
