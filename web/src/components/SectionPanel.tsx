import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A bordered page section whose heading names it for screen readers (`aria-labelledby`), the
 * shape every dashboard and detail page is built from.
 */
export function SectionPanel({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
