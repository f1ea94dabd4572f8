import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Innovation, InnovationStatus, Rubric } from '../../api/model.ts';
import { currentYear, queryKeys, useOpds, useYearRubric } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { type Translate, useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { answerProgress, eligibilityOf, kematangan } from '../scoring/kematangan.ts';
import { DeadlineNotice } from '../workflow/DeadlineNotice.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export type QueueMode = 'verifier' | 'operator';

/** The verifier's queue is what OPDs handed in; the operator's to-do is what the OPD still holds. */
const QUEUE_STATUSES: Record<QueueMode, InnovationStatus[]> = {
  verifier: ['submitted', 'in_review'],
  operator: ['returned', 'draft'],
};

const QUEUE_LIMIT = 100;

/** Oldest first in the verifier's queue (first in, first served); the operator sees returned work first. */
const QUEUE_ORDER: Record<QueueMode, (a: Innovation, b: Innovation) => number> = {
  verifier: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
  operator: (a, b) => statusRank(a.status) - statusRank(b.status) || b.updatedAt.localeCompare(a.updatedAt),
};

const QUEUE_TEXT = {
  verifier: { title: 'queue.verifierTitle', intro: 'queue.verifierIntro', empty: 'queue.verifierEmpty' },
  operator: { title: 'queue.operatorTitle', intro: 'queue.operatorIntro', empty: 'queue.operatorEmpty' },
} as const satisfies Record<QueueMode, Record<string, string>>;

export default function InnovationQueuePage({ mode }: { mode: QueueMode }) {
  const t = useT();
  const code = useTenantCode();
  const { user } = useMe();
  // An operator sees its own OPD only; the server would refuse nothing here, but the list is its work.
  const opdId = mode === 'operator' ? user.opdId : undefined;
  const title = t(QUEUE_TEXT[mode].title);
  usePageTitle(title);
  const opds = useOpds(code);
  const rubric = useYearRubric(code, currentYear());
  const lists = useQueries({
    queries: QUEUE_STATUSES[mode].map((status) => {
      const filters = { status, ...(opdId ? { opdId } : {}) };
      return {
        queryKey: [...queryKeys.innovationList(code, filters), 'queue'],
        queryFn: () =>
          unwrap(
            api.GET('/tenants/{code}/innovations', {
              params: { path: { code }, query: { ...filters, limit: QUEUE_LIMIT } },
            }),
          ),
      };
    }),
  });

  const failed = lists.find((list) => list.isError);
  const pending = lists.some((list) => list.isPending);
  const items = lists.flatMap((list) => list.data?.items ?? []).sort(QUEUE_ORDER[mode]);
  const truncated = lists.some((list) => list.data?.nextCursor);
  const opdNames = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));

  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t(QUEUE_TEXT[mode].intro)}</Text>
      {mode === 'operator' && !user.opdId && <Alert color="yellow">{t('queue.noOpd')}</Alert>}
      {mode === 'operator' && <DeadlineNotice code={code} year={currentYear()} opdId={opdId} />}
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => failed.refetch()} />
      ) : pending ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <EmptyMessage message={t(QUEUE_TEXT[mode].empty)} />
      ) : (
        <>
          <QueueTable items={items} opdNames={opdNames} rubric={rubric.data} mode={mode} />
          <Text size="sm" c="dimmed" role="status">
            {t('queue.count', { count: items.length })}
            {truncated ? ` ${t('queue.truncated', { limit: QUEUE_LIMIT })}` : ''}
          </Text>
        </>
      )}
    </Stack>
  );
}

function statusRank(status: InnovationStatus): number {
  return status === 'returned' ? 0 : 1;
}

/** The verifier sees how far the review got; otherwise whether the profile may be sent yet. */
function readiness(
  mode: QueueMode,
  progress: ReturnType<typeof answerProgress> | null,
  eligible: boolean | null,
  t: Translate,
): ReactNode {
  if (mode === 'verifier' && progress)
    return t('queue.reviewed', { done: progress.accepted + progress.returned, total: progress.answered });
  if (eligible === null) return '…';
  return (
    <Badge variant="light" color={eligible ? 'teal' : 'yellow'}>
      {eligible ? t('queue.eligible') : t('queue.notEligible')}
    </Badge>
  );
}

function QueueTable(props: {
  items: Innovation[];
  opdNames: Map<string, string>;
  rubric: Rubric | undefined;
  mode: QueueMode;
}) {
  const t = useT();
  const format = useFormat();
  const { rubric, mode } = props;
  return (
    <Table striped verticalSpacing="sm" data-testid="queue-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('innovations.col.name')}</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap', width: '1%' }}>{t('innovations.col.status')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('queue.col.kematangan')}</Table.Th>
          <Table.Th visibleFrom="md">
            {mode === 'verifier' ? t('queue.col.reviewed') : t('queue.col.ready')}
          </Table.Th>
          <Table.Th visibleFrom="md">{t('innovations.col.updated')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((innovation) => {
          const progress = rubric ? answerProgress(rubric, innovation.answers) : null;
          const eligible = rubric ? eligibilityOf(innovation.profile, rubric).eligible : null;
          return (
            <Table.Tr key={innovation.id}>
              <Table.Td>
                <Anchor component={Link} to={`/inovasi/${innovation.id}`} fw={500}>
                  {innovation.profile.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {props.opdNames.get(innovation.opdId) ?? t('innovations.unknownOpd')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={innovation.status} />
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {rubric ? format.decimal(kematangan(rubric, innovation.answers, 'claimed')) : '…'}
              </Table.Td>
              <Table.Td visibleFrom="md">{readiness(mode, progress, eligible, t)}</Table.Td>
              <Table.Td visibleFrom="md">{format.dateTime(innovation.updatedAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
