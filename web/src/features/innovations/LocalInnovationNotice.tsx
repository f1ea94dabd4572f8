import '../../i18n/id-offline.ts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/MeContext.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { onDraftsChanged } from './draftStore.ts';
import { createKey, dropQueuedCreate, type QueuedCreate, readQueuedCreate } from './offlineCreate.ts';

/**
 * On the page of an innovation created offline (docs/decisions/0049): it exists on this device only
 * and is created on the server when the connection returns; or the server refused it, with its
 * reason, the way to fix it (the profile page) and the way to give it up.
 */
export function LocalInnovationNotice({ code, localId }: { code: string; localId: string }) {
  const t = useT();
  const { user } = useMe();
  const navigate = useNavigate();
  const [queued, setQueued] = useState<QueuedCreate | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () =>
      void readQueuedCreate(createKey(user.id, code, localId)).then((current) => {
        if (live) setQueued(current);
      });
    const stop = onDraftsChanged(load);
    load();
    return () => {
      live = false;
      stop();
    };
  }, [user.id, code, localId]);

  if (!queued) return null;
  if (!queued.problem)
    return (
      <Alert color="blue" role="status" data-testid="local-innovation">
        <Text size="sm">{t('offline.createWaiting')}</Text>
      </Alert>
    );
  return (
    <Alert color="orange" role="alert" data-testid="local-innovation">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('offline.createRefused', { reason: queued.problemMessage ?? '' })}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => navigate(`/inovasi/${localId}/profil`)}>
            {t('profile.openQueued')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() =>
              void dropQueuedCreate(user.id, code, localId).then(() =>
                navigate('/inovasi', { replace: true }),
              )
            }
          >
            {t('offline.createDiscard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
