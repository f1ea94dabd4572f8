import { Badge, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Asks again every two minutes: cheap (one small JSON), and deadlines are measured in days. */
const POLL_MS = 120_000;

export function useNotifications(code: string) {
  return useQuery({
    queryKey: queryKeys.notifications(code),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/notifications', { params: { path: { code }, query: { limit: 50 } } })),
    refetchInterval: POLL_MS,
    staleTime: 60_000,
  });
}

/** The bell in the header: the unread count, and a link to the list (no popover code in the shell). */
export function NotificationBell({ code }: { code: string }) {
  const { t } = useI18n();
  const notifications = useNotifications(code);
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.title');
  return (
    <Button
      component={Link}
      to="/notifikasi"
      variant="default"
      size="compact-sm"
      aria-label={label}
      title={label}
      px={6}
      data-testid="notification-bell"
      rightSection={
        unread > 0 ? (
          <Badge size="xs" color="red" variant="filled" circle={unread < 10} aria-hidden>
            {unread > 99 ? '99+' : unread}
          </Badge>
        ) : undefined
      }
    >
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
    </Button>
  );
}
