import '../../i18n/id-admin.ts';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { AuditEntry, AuditFilters, Member } from '../../api/model.ts';
import { currentYear, queryKeys, useMembers, usePeriods } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useAddressParams } from '../../components/useAddressParams.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

const PAGE_SIZE = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** Filters live in the URL (shareable, survive reloads); values the server would refuse are dropped. */
function readFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const entityId = params.get('entitas')?.trim();
  const userId = params.get('pengguna');
  const month = params.get('bulan');
  const periodYear = Number(params.get('periode'));
  if (entityId) filters.entityId = entityId.slice(0, 100);
  if (userId && ID.test(userId)) filters.userId = userId;
  if (month && MONTH.test(month)) filters.month = month;
  if (Number.isInteger(periodYear) && periodYear >= 2022 && periodYear <= 2100)
    filters.periodYear = periodYear;
  return filters;
}

export default function AuditPage() {
  const t = useT();
  const code = useTenantCode();
  const { params, assign, clear } = useAddressParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const members = useMembers(code);
  const periods = usePeriods(code);
  usePageTitle(t('audit.title'));
  const list = useInfiniteQuery({
    queryKey: queryKeys.audit(code, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/tenants/{code}/audit', {
          params: { path: { code }, query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const setFilter = (name: string, value: string) => assign({ [name]: value });

  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])];
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const names = new Map((members.data ?? []).map((member) => [member.id, member.name]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('audit.title')}</Title>
        <ExportButton code={code} filters={filters} />
      </Group>
      <Text>{t('audit.intro')}</Text>
      <AuditFilterBar
        filters={filters}
        members={members.data}
        years={years}
        setFilter={setFilter}
        onClear={clear}
      />
      {list.isPending ? (
        <LoadingState />
      ) : items.length === 0 && list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage message={t('audit.empty')} />
      ) : (
        <>
          <AuditTable items={items} names={names} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t('audit.count', { count: items.length })}
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

/** The filters, each written to the address as it changes; the entity filter on blur or Enter. */
function AuditFilterBar({
  filters,
  members,
  years,
  setFilter,
  onClear,
}: {
  filters: AuditFilters;
  members: Member[] | undefined;
  years: number[];
  setFilter: (name: string, value: string) => void;
  onClear: () => void;
}) {
  const t = useT();
  return (
    <Group component="section" aria-label={t('audit.filters')} gap="sm" align="flex-end">
      <TextInput
        label={t('audit.filter.entity')}
        description={t('audit.filter.entityHint')}
        defaultValue={filters.entityId ?? ''}
        onBlur={(event) => setFilter('entitas', event.currentTarget.value.trim())}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setFilter('entitas', event.currentTarget.value.trim());
        }}
        w={{ base: '100%', xs: 260 }}
      />
      <NativeSelect
        label={t('audit.filter.user')}
        value={filters.userId ?? ''}
        onChange={(event) => setFilter('pengguna', event.currentTarget.value)}
        data={[
          { value: '', label: t('app.all') },
          ...(members ?? []).map((member) => ({ value: member.id, label: member.name })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <TextInput
        type="month"
        label={t('audit.filter.month')}
        value={filters.month ?? ''}
        onChange={(event) => setFilter('bulan', event.currentTarget.value)}
        w={{ base: '100%', xs: 180 }}
      />
      <NativeSelect
        label={t('audit.filter.period')}
        value={filters.periodYear ? String(filters.periodYear) : ''}
        onChange={(event) => setFilter('periode', event.currentTarget.value)}
        data={[{ value: '', label: t('app.all') }, ...years.map((year) => String(year))]}
        w={{ base: '100%', xs: 140 }}
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={() => onClear()}>
          {t('innovations.filter.reset')}
        </Button>
      )}
    </Group>
  );
}

function AuditTable({ items, names }: { items: AuditEntry[]; names: Map<string, string> }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid="audit-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.col.at')}</Table.Th>
            <Table.Th>{t('audit.col.user')}</Table.Th>
            <Table.Th>{t('audit.col.action')}</Table.Th>
            <Table.Th>{t('audit.col.entity')}</Table.Th>
            <Table.Th>{t('audit.col.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>
                <Text size="sm">{names.get(entry.userId) ?? entry.email}</Text>
                <Text size="xs" c="dimmed">
                  {entry.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                {entry.entity === 'innovation' ? (
                  <Anchor component={Link} to={`/inovasi/${entry.entityId}`} size="sm">
                    {t('audit.innovation')}
                  </Anchor>
                ) : (
                  <Text size="sm">{entry.entity}</Text>
                )}
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {entry.entityId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Changes changes={entry.changes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function Changes({ changes }: { changes: AuditEntry['changes'] }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {entries.slice(0, 6).map(([field, change]) => (
        <Text key={field} size="xs" style={{ wordBreak: 'break-word' }}>
          <Text span fw={600} size="xs">
            {field}
          </Text>
          : {show(change.before)} → {show(change.after)}
        </Text>
      ))}
      {entries.length > 6 && <Text size="xs">+{entries.length - 6}</Text>}
    </Stack>
  );
}

/**
 * The export needs the bearer token, which a plain link cannot carry, so the file is fetched and
 * handed to the browser as a download.
 */
function ExportButton({ code, filters }: { code: string; filters: AuditFilters }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/tenants/{code}/audit/export', {
        params: { path: { code }, query: filters },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new ApiError(response.status, error as never);
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `jejak-audit-${code}${filters.month ? `-${filters.month}` : ''}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="light" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
        {t('audit.export')}
      </Button>
      {exportCsv.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(exportCsv.error)}
        </Alert>
      )}
    </Stack>
  );
}
