import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';

type CallStatus = 'draft' | 'open' | 'judging' | 'results_approved' | 'winners_published';

/** A call's status as the badge every contest screen shows. */
export function ContestStatusBadge({ status, size }: { status: CallStatus; size?: 'sm' | 'lg' }) {
  const t = useT();
  return (
    <Badge variant="light" size={size}>
      {t(`contests.status.${status}`)}
    </Badge>
  );
}

/**
 * The head of every contest screen — the list, one call inside the app, and its public page: an
 * optional line above the title, the title, the status beside it, and a line or two below.
 */
export function ContestHeader({
  title,
  eyebrow,
  status,
  children,
}: {
  title: string;
  eyebrow?: ReactNode;
  status?: CallStatus;
  children?: ReactNode;
}) {
  return (
    <Stack gap={4}>
      {eyebrow && <Text c="dimmed">{eyebrow}</Text>}
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={1}>{title}</Title>
        {status && <ContestStatusBadge status={status} size="lg" />}
      </Group>
      {children}
    </Stack>
  );
}
