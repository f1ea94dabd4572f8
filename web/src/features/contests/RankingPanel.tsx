import { Badge, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { type ContestCall, contestKeys } from './contestApi.ts';

/** The stage's ranking with ties and each judge's gap to the panel, flagged before approval. */
export function RankingPanel({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const format = useFormat();
  const [stage, setStage] = useState<'desk' | 'final'>('desk');
  const ranking = useQuery({
    queryKey: [...contestKeys.call(code, call.id), 'ranking', stage],
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/contests/{callId}/ranking', {
          params: { path: { code, callId: call.id }, query: { stage } },
        }),
      ),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('contests.ranking')}
      </Title>
      <NativeSelect
        label={t('contests.entry.stage')}
        value={stage}
        onChange={(e) => setStage(e.currentTarget.value as 'desk' | 'final')}
        data={(['desk', 'final'] as const).map((value) => ({ value, label: t(`contests.stage.${value}`) }))}
        w={240}
      />
      {ranking.isPending ? (
        <LoadingState />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} />
      ) : (
        <>
          <Text size="sm">
            {t('contests.ranking.method', { method: t(`contests.method.${ranking.data.method}`) })}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contests.ranking.rank')}</Table.Th>
                <Table.Th>{t('contests.entry.name')}</Table.Th>
                <Table.Th>{t('contests.entry.category')}</Table.Th>
                <Table.Th>{t('contests.ranking.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.data.entries.map((entry) => (
                <Table.Tr key={entry.entryId}>
                  <Table.Td>
                    {entry.rank} {entry.tied && <Badge variant="outline">{t('contests.ranking.tied')}</Badge>}
                  </Table.Td>
                  <Table.Td>{entry.name}</Table.Td>
                  <Table.Td>
                    {call.categories.find((category) => category.id === entry.categoryId)?.label}
                  </Table.Td>
                  <Table.Td>{format.number(entry.score)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contests.ranking.judge')}</Table.Th>
                <Table.Th>{t('contests.ranking.gap')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.data.judges.map((judge) => (
                <Table.Tr key={judge.judgeId}>
                  <Table.Td>{judge.name}</Table.Td>
                  <Table.Td>{format.number(judge.meanGap)}</Table.Td>
                  <Table.Td>
                    <Badge color={judge.flagged ? 'red' : 'gray'} variant="light">
                      {t(judge.flagged ? 'contests.ranking.flagged' : 'contests.ranking.ok')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
