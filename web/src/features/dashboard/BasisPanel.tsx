import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { AdviceBasis } from '../../api/model.ts';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/**
 * The shell the dashboard's what-to-do panels share: a titled section with a switch between verified
 * and claimed answers, an intro line, and the query's loading and error states; the body only ever
 * sees loaded data.
 */
export function BasisPanel<T>({
  id,
  testId,
  title,
  basisLabel,
  intro,
  basis,
  onBasisChange,
  query,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  basisLabel: string;
  intro: string;
  basis: AdviceBasis;
  onBasisChange: (basis: AdviceBasis) => void;
  /** The panel's query for the current basis. */
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <SegmentedControl
            size="xs"
            value={basis}
            onChange={(value) => onBasisChange(value as AdviceBasis)}
            aria-label={basisLabel}
            data={[
              { value: 'verified', label: t('dashboard.verified') },
              { value: 'claimed', label: t('dashboard.claimed') },
            ]}
          />
        </Group>
        <Text size="sm">{intro}</Text>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : (
          children(query.data)
        )}
      </Stack>
    </Paper>
  );
}
