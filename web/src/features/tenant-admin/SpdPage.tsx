import '../../i18n/id-admin.ts';
import { Alert, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Rubric, SpdAnswers } from '../../api/model.ts';
import { currentYear, usePeriods, useSpdAnswers, useYearRubric } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

import { SpdRowCard } from './SpdRowCard.tsx';

export default function SpdPage() {
  const t = useT();
  const code = useTenantCode();
  const periods = usePeriods(code);
  const [year, setYear] = useState(currentYear());
  const spd = useSpdAnswers(code, year);
  const rubric = useYearRubric(code, year);
  usePageTitle(t('spd.title'));
  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('spd.title')}</Title>
        <NativeSelect
          label={t('spd.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years.map((value) => ({ value: String(value), label: String(value) }))}
          w={140}
        />
      </Group>
      <Text>{t('spd.intro')}</Text>
      {spd.isPending || rubric.isPending ? (
        <LoadingState />
      ) : spd.isError ? (
        <ErrorState error={spd.error} onRetry={() => spd.refetch()} />
      ) : rubric.isError ? (
        <ErrorState error={rubric.error} onRetry={() => rubric.refetch()} />
      ) : (
        <SpdForm code={code} year={year} spd={spd.data} rubric={rubric.data} />
      )}
    </Stack>
  );
}

function spdScore(rubric: Rubric, spd: SpdAnswers, verifiedOnly: boolean): number {
  let total = 0;
  for (const row of rubric.spdRows) {
    const answer = spd.answers[row.code];
    if (!answer?.level) continue;
    if (verifiedOnly && answer.review?.status !== 'accepted') continue;
    total += row.weight * answer.level;
  }
  return total;
}

function SpdForm({
  code,
  year,
  spd,
  rubric,
}: {
  code: string;
  year: number;
  spd: SpdAnswers;
  rubric: Rubric;
}) {
  const { t, language } = useI18n();
  const format = useFormat();
  const { user } = useMe();
  const canEdit = hasRole(user, 'tenant_admin', 'platform_admin');
  const canReview = hasRole(user, 'tenant_admin', 'verifier', 'platform_admin');
  const assumptionIds = new Set(
    rubric.spdRows.flatMap((row) =>
      row.derivation?.kind === 'numeric' ? (row.derivation.assumptionIds ?? []) : [],
    ),
  );
  const assumptions = rubric.assumptions.filter((assumption) => assumptionIds.has(assumption.id));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Paper withBorder p="sm">
          <Text size="sm">{t('spd.scoreClaimed')}</Text>
          <Text size="xl" fw={700} data-testid="spd-claimed">
            {format.decimal(spdScore(rubric, spd, false))} / {rubric.formula.maxSpd}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{t('spd.scoreVerified')}</Text>
          <Text size="xl" fw={700}>
            {format.decimal(spdScore(rubric, spd, true))} / {rubric.formula.maxSpd}
          </Text>
        </Paper>
      </SimpleGrid>
      {assumptions.length > 0 && (
        <Alert color="blue" title={t('spd.assumptions')}>
          <Stack gap={4}>
            {assumptions.map((assumption) => (
              <Text key={assumption.id} size="sm">
                {language === 'en' ? assumption.message_en : assumption.message_id}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {rubric.spdRows.map((row) => (
        <SpdRowCard
          key={row.code}
          code={code}
          year={year}
          spd={spd}
          row={row}
          canEdit={canEdit}
          canReview={canReview}
        />
      ))}
    </>
  );
}
