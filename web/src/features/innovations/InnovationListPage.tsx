import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { INNOVATION_STAGES, INNOVATION_STATUSES, type Innovation } from '../../api/model.ts';
import { type InnovationFilters, useInnovationList, useOpds } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { draftKey, hasDraft } from './drafts.ts';
import { InnovationFilterBar } from './InnovationFilterBar.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Filters live in the URL so the back button, reloads and shared links keep them. */
const FILTER_PARAMS = { opdId: 'opd', stage: 'tahapan', status: 'status', archived: 'arsip' } as const;

/** Values outside the known lists are dropped rather than sent, so an edited URL cannot cause a 400. */
function readFilters(params: URLSearchParams): InnovationFilters {
  const filters: InnovationFilters = {};
  const opdId = params.get(FILTER_PARAMS.opdId);
  const stage = params.get(FILTER_PARAMS.stage);
  const status = params.get(FILTER_PARAMS.status);
  if (opdId) filters.opdId = opdId;
  if (isOneOf(INNOVATION_STAGES, stage)) filters.stage = stage;
  if (isOneOf(INNOVATION_STATUSES, status)) filters.status = status;
  if (params.get(FILTER_PARAMS.archived) === 'true') filters.archived = 'true';
  return filters;
}

function isOneOf<T extends string>(list: readonly T[], value: string | null): value is T {
  return list.includes(value as T);
}

export default function InnovationListPage() {
  const t = useT();
  const code = useTenantCode();
  const { user } = useMe();
  const location = useLocation();
  const { params: searchParams, assign, clear } = useAddressParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const opds = useOpds(code);
  const list = useInnovationList(code, filters);
  usePageTitle(t('innovations.title'));

  const setFilter = (field: keyof InnovationFilters, value: string | null) =>
    assign({ [FILTER_PARAMS[field]]: value });

  const archivedName = (location.state as { archived?: string } | null)?.archived;
  const canCreate = hasRole(user, 'tenant_admin', 'opd_operator');
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;
  const opdNames = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('innovations.title')}</Title>
        {canCreate && (
          <Button component={Link} to="/inovasi/baru">
            {t('innovations.new')}
          </Button>
        )}
      </Group>
      {archivedName && (
        <Alert color="teal" role="status">
          {t('profile.archived')}
        </Alert>
      )}
      <InnovationFilterBar
        filters={filters}
        opds={opds.data ?? []}
        onChange={setFilter}
        onReset={() => clear()}
      />
      {list.isPending ? (
        <LoadingState />
      ) : items.length === 0 && list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <NoInnovations filtered={filtered} canCreate={canCreate} />
      ) : (
        <>
          <InnovationTable items={items} opdNames={opdNames} draftOwner={{ userId: user.id, code }} />
          {list.isFetchNextPageError && (
            <ErrorState error={list.error} onRetry={() => list.fetchNextPage()} />
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t('innovations.count', { count: items.length })}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => list.fetchNextPage()}
              >
                {t('app.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

/** An empty filtered list says so; an empty register invites whoever may create the first one. */
function NoInnovations({ filtered, canCreate }: { filtered: boolean; canCreate: boolean }) {
  const t = useT();
  return (
    <EmptyMessage
      message={filtered ? t('innovations.emptyFiltered') : t('innovations.empty')}
      action={
        canCreate && !filtered ? (
          <Button component={Link} to="/inovasi/baru" variant="light">
            {t('innovations.new')}
          </Button>
        ) : undefined
      }
    />
  );
}

interface TableProps {
  items: Innovation[];
  opdNames: Map<string, string>;
  draftOwner: { userId: string; code: string };
}

function InnovationTable({ items, opdNames, draftOwner }: TableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table striped highlightOnHover verticalSpacing="sm" data-testid="innovation-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('innovations.col.name')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('innovations.col.opd')}</Table.Th>
          <Table.Th visibleFrom="md">{t('innovations.col.stage')}</Table.Th>
          <Table.Th style={NO_WRAP}>{t('innovations.col.status')}</Table.Th>
          <Table.Th visibleFrom="md">{t('innovations.col.updated')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((innovation) => {
          const opdName = opdNames.get(innovation.opdId) ?? t('innovations.unknownOpd');
          const { stage } = innovation.profile;
          return (
            <Table.Tr key={innovation.id}>
              <Table.Td>
                <Anchor component={Link} to={`/inovasi/${innovation.id}`} fw={500}>
                  {innovation.profile.name}
                </Anchor>
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {opdName}
                </Text>
                {hasDraft(draftKey(draftOwner.userId, draftOwner.code, innovation.id)) && (
                  <Badge size="xs" color="orange" variant="light" mt={4}>
                    {t('innovations.draftBadge')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">{opdName}</Table.Td>
              <Table.Td visibleFrom="md">{stage ? t(`stage.${stage}`) : t('app.none')}</Table.Td>
              <Table.Td style={NO_WRAP}>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={innovation.status} />
                  {innovation.archived && (
                    <Badge color="gray" variant="outline">
                      {t('app.archived')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="md">{format.dateTime(innovation.updatedAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Status badges keep their natural width; on a 360 px phone the name column wraps instead. */
const NO_WRAP = { whiteSpace: 'nowrap', width: '1%' } as const;
