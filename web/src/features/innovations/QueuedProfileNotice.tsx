import { Alert, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../auth/MeContext.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { profileKey } from './offlineProfile.ts';
import { useQueuedProfile } from './useQueuedProfile.ts';

/**
 * On the innovation's page: a profile edit kept on this device is waiting for the connection, or the
 * server refused it (someone else changed the innovation). The refusal is settled on the profile page,
 * which shows both versions' way out (docs/decisions/0045); nothing is overwritten meanwhile.
 */
export function QueuedProfileNotice({ code, innovationId }: { code: string; innovationId: string }) {
  const t = useT();
  const { user } = useMe();
  const queued = useQueuedProfile(profileKey(user.id, code, innovationId), () => undefined);
  if (!queued) return null;
  const problem = queued.problem !== undefined;
  return (
    <Alert
      color={problem ? 'orange' : 'blue'}
      role={problem ? 'alert' : 'status'}
      data-testid="queued-profile"
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm">{problem ? t('profile.queuedRefused') : t('profile.queuedWaiting')}</Text>
        {problem && (
          <Button component={Link} to={`/inovasi/${innovationId}/profil`} size="xs" variant="light">
            {t('profile.openQueued')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
