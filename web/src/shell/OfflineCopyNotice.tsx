import { Alert } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { offlineCopySince, subscribeOfflineCopy } from '../api/offlineCopy.ts';
import { useFormat, useT } from '../i18n/I18nProvider.tsx';

const nothing = () => null;

/** Says so when what the page shows came from the local copy because the server could not be reached. */
export function OfflineCopyNotice() {
  const since = useSyncExternalStore(subscribeOfflineCopy, offlineCopySince, nothing);
  const t = useT();
  const format = useFormat();
  if (!since) return null;
  return (
    <Alert color="yellow" mb="sm" role="status" data-testid="offline-copy-notice">
      {t('offline.copyNotice', { time: format.dateTime(since) })}
    </Alert>
  );
}
