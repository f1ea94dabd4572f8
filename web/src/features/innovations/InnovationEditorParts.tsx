import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Innovation } from '../../api/model.ts';
import { type useFormat, useT } from '../../i18n/I18nProvider.tsx';

// What the innovation editor shows around its fields: the notices above them, the save bar below.

/** The outcome of the last save, or of the create that opened this page. */
export type Notice = 'created' | 'saved' | 'rebased' | null;

/**
 * Above the fields: why the form is read-only, a draft restored from this device, how the last save
 * went, an offline edit the server refused, and a conflict with the way to load the latest version.
 */
export function EditorNotices({
  innovation,
  canEdit,
  restoredFrom,
  onDiscardDraft,
  notice,
  refused,
  showConflict,
  onLoadLatest,
  format,
}: {
  innovation: Innovation | undefined;
  canEdit: boolean;
  restoredFrom: string | null;
  onDiscardDraft: () => void;
  notice: Notice;
  refused: boolean;
  showConflict: boolean;
  onLoadLatest: () => Promise<void>;
  format: ReturnType<typeof useFormat>;
}) {
  const t = useT();
  return (
    <>
      {innovation?.archived && <Alert color="gray">{t('profile.isArchived')}</Alert>}
      {innovation && !innovation.archived && !canEdit && (
        <Alert color="gray">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('profile.readOnly')}</Text>
            <Button component={Link} to={`/inovasi/${innovation.id}`} size="xs" variant="light">
              {t('detail.open')}
            </Button>
          </Group>
        </Alert>
      )}
      {restoredFrom && (
        <Alert color="blue" role="status">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('profile.draftRestored', { time: format.dateTime(restoredFrom) })}</Text>
            <Button size="xs" variant="subtle" onClick={onDiscardDraft}>
              {t('profile.discardDraft')}
            </Button>
          </Group>
        </Alert>
      )}
      <NoticeAlert notice={notice} />
      {refused && (
        <Alert color="red" role="alert" data-testid="profile-offline-refused">
          {t('profile.offlineRefused')}
        </Alert>
      )}
      {showConflict && (
        <Alert color="orange" title={t('profile.conflictTitle')} role="alert" data-testid="conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('profile.conflict')}</Text>
            <Button size="xs" onClick={onLoadLatest}>
              {t('profile.loadLatest')}
            </Button>
          </Stack>
        </Alert>
      )}
    </>
  );
}

/** Sticky: on a phone the form is several screens long and Save must stay within reach. */
export function EditorSaveBar({
  innovation,
  heldOffline,
  dirty,
  saving,
  showConflict,
}: {
  innovation: Innovation | undefined;
  heldOffline: boolean;
  dirty: boolean;
  saving: boolean;
  showConflict: boolean;
}) {
  const t = useT();
  return (
    <Group
      justify="space-between"
      gap="sm"
      pos="sticky"
      bottom={0}
      py="sm"
      bg="var(--mantine-color-body)"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 1 }}
    >
      <Text
        size="sm"
        c={heldOffline ? 'dark.7' : 'dimmed'}
        fw={heldOffline ? 600 : undefined}
        role="status"
        data-testid="profile-save-state"
      >
        {heldOffline ? t('profile.keptOffline') : dirty ? t('profile.draftKept') : ''}
      </Text>
      <Group gap="sm">
        <Button component={Link} to={innovation ? `/inovasi/${innovation.id}` : '/inovasi'} variant="default">
          {t('app.back')}
        </Button>
        <Button type="submit" loading={saving} disabled={showConflict}>
          {t('app.save')}
        </Button>
      </Group>
    </Group>
  );
}

function NoticeAlert({ notice }: { notice: Notice }) {
  const t = useT();
  if (!notice) return null;
  const message = { created: t('profile.created'), saved: t('profile.saved'), rebased: t('profile.rebased') }[
    notice
  ];
  return (
    <Alert color={notice === 'rebased' ? 'blue' : 'teal'} role="status" data-testid="save-notice">
      {message}
    </Alert>
  );
}
