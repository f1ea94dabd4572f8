import '../../i18n/id-board.ts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { AppNotification } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useI18n } from '../../i18n/I18nProvider.tsx';
import { useNotifications } from '../../shell/NotificationBell.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

/** Only links into this app are followed; anything else stays text. */
function appPath(link: string | undefined): string | undefined {
  return link?.startsWith('/') && !link.startsWith('//') ? link : undefined;
}

export default function NotificationsPage() {
  const { t } = useI18n();
  const code = useTenantCode();
  const notifications = useNotifications(code);
  usePageTitle(t('notifications.title'));
  const items = notifications.data?.items ?? [];
  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" gap="xs">
        <Title order={1}>{t('notifications.title')}</Title>
        {notifications.data && (
          <Text size="sm" role="status">
            {t('notifications.unread', { count: notifications.data.unread })}
          </Text>
        )}
      </Group>
      {notifications.isPending ? (
        <LoadingState />
      ) : notifications.isError ? (
        <ErrorState error={notifications.error} onRetry={() => notifications.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage message={t('notifications.empty')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="notifications">
          {items.map((item) => (
            <li key={item.id}>
              <NotificationItem code={code} item={item} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NotificationItem({ code, item }: { code: string; item: AppNotification }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/notifications/{id}/read', { params: { path: { code, id: item.id } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications(code) }),
  });
  const title = language === 'en' ? item.title_en : item.title_id;
  const path = appPath(item.link);
  return (
    <Paper
      withBorder
      p="sm"
      bg={item.read ? undefined : 'var(--mantine-color-blue-0)'}
      data-testid="notification"
      data-read={item.read}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Text size="sm" fw={item.read ? 400 : 600} miw={0}>
            {title}
          </Text>
          {!item.read && (
            <Badge size="sm" color="blue" variant="light" style={{ flexShrink: 0 }}>
              {t('notifications.new')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {format.dateTime(item.createdAt)}
        </Text>
        <Group gap="xs">
          {path && (
            <Button
              size="compact-sm"
              onClick={async () => {
                if (!item.read) await markRead.mutateAsync().catch(() => undefined);
                navigate(path);
              }}
              aria-label={t('notifications.openFor', { title })}
            >
              {t('notifications.open')}
            </Button>
          )}
          {!item.read && (
            <Button
              size="compact-sm"
              variant="default"
              loading={markRead.isPending}
              onClick={() => markRead.mutate()}
              aria-label={t('notifications.markReadFor', { title })}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
