import '../../i18n/id-admin.ts';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Area, Tenant } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { SelectField } from '../../components/ChoiceField.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';

export default function TenantsPage() {
  const t = useT();
  const tenants = useQuery({
    queryKey: queryKeys.tenants,
    queryFn: () => unwrap(api.GET('/tenants')),
    select: (data) => [...data.items].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
  });
  usePageTitle(t('tenants.title'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('tenants.title')}</Title>
      <OnboardTenantForm registered={new Set((tenants.data ?? []).map((tenant) => tenant.code))} />
      {tenants.isPending ? (
        <LoadingState />
      ) : tenants.isError ? (
        <ErrorState error={tenants.error} onRetry={() => tenants.refetch()} />
      ) : tenants.data.length === 0 ? (
        <EmptyMessage message={t('tenants.empty')} />
      ) : (
        <TenantTable tenants={tenants.data} />
      )}
    </Stack>
  );
}

function areaLabel(area: Pick<Area, 'code' | 'name'>): string {
  return `${area.name} (${area.code})`;
}

/**
 * Where a refused onboarding is shown: a duplicate region gets its own notice, a refused code or
 * first admin goes under its field, anything else in the general alert.
 */
function onboardErrors(error: Error | null) {
  const exists = error instanceof ApiError && error.code === 'tenant_exists';
  const adminError =
    error instanceof ApiError && error.field?.startsWith('firstAdmin') ? error.message : undefined;
  const fieldError = error instanceof ApiError && error.field === 'code' ? error.message : undefined;
  return { exists, adminError, fieldError };
}

/** Picks a region from the official Kemendagri list, searched on the server as the user types. */
function OnboardTenantForm({ registered }: { registered: Set<string> }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Area | null>(null);
  const [created, setCreated] = useState<Tenant | null>(null);
  const [adminEmail, setAdminEmail] = useState('');
  const [adminName, setAdminName] = useState('');
  const invitesAdmin = adminEmail.trim() !== '';
  // Typing on a slow connection should not fire one request per keystroke.
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const searchingSelected = selected !== null && search === areaLabel(selected);
  const query = searchingSelected ? '' : debouncedSearch;
  const areas = useQuery({
    queryKey: queryKeys.areas(query),
    queryFn: () => unwrap(api.GET('/areas', { params: { query: { q: query } } })),
    enabled: query.length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.items,
  });
  const onboard = useMutation({
    mutationFn: (code: string) =>
      unwrap(
        api.POST('/tenants', {
          body: {
            code,
            ...(invitesAdmin ? { firstAdmin: { email: adminEmail.trim(), name: adminName.trim() } } : {}),
          },
        }),
      ),
    onSuccess: (tenant) => {
      setCreated(tenant);
      setSelected(null);
      setSearch('');
      setAdminEmail('');
      setAdminName('');
      return queryClient.invalidateQueries({ queryKey: queryKeys.tenants });
    },
  });

  // The selected area stays among the options even when the latest search no longer returns it.
  const options = useMemo(() => {
    const found = areas.data ?? [];
    const list =
      selected && !found.some((area) => area.code === selected.code) ? [selected, ...found] : found;
    return list.map((area) => ({
      value: area.code,
      label: areaLabel(area),
      disabled: registered.has(area.code),
    }));
  }, [areas.data, selected, registered]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    if (selected) onboard.mutate(selected.code);
  }

  const { exists, adminError, fieldError } = onboardErrors(onboard.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="onboard-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="onboard-title">
            {t('tenants.onboardTitle')}
          </Title>
          <Text size="sm">{t('tenants.onboardIntro')}</Text>
          <Group align="flex-end" gap="sm">
            <SelectField
              label={t('tenants.area')}
              placeholder={t('tenants.areaPlaceholder')}
              data={options}
              value={selected?.code ?? null}
              onChange={(code) => {
                setSelected((areas.data ?? []).find((area) => area.code === code) ?? null);
                onboard.reset();
              }}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              // The server already filtered by name and code; filtering again by label would hide code matches.
              filter={({ options: all }) => all}
              nothingFoundMessage={
                query.length >= 2 && !areas.isFetching ? t('tenants.areaNothing') : undefined
              }
              rightSection={areas.isFetching ? <Text size="xs">…</Text> : undefined}
              error={fieldError}
              clearable
              w={{ base: '100%', sm: 420 }}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('tenants.adminEmail')}
              description={t('tenants.adminHint')}
              type="email"
              value={adminEmail}
              onChange={(event) => {
                setAdminEmail(event.currentTarget.value);
                onboard.reset();
              }}
              error={adminError}
              w={{ base: '100%', sm: 320 }}
            />
            <TextInput
              label={t('tenants.adminName')}
              value={adminName}
              onChange={(event) => setAdminName(event.currentTarget.value)}
              required={invitesAdmin}
              w={{ base: '100%', sm: 260 }}
            />
          </Group>
          <Group>
            <Button
              type="submit"
              disabled={!selected || (invitesAdmin && adminName.trim().length < 2)}
              loading={onboard.isPending}
            >
              {t('tenants.submit')}
            </Button>
          </Group>
          {created && (
            <Alert color="teal" role="status" data-testid="onboard-success">
              {t('tenants.created', { name: created.name })}
            </Alert>
          )}
          {onboard.isError && !fieldError && !adminError && (
            <Alert color={exists ? 'yellow' : 'red'} role="alert">
              {exists ? t('tenants.exists') : errorMessage(onboard.error)}
            </Alert>
          )}
          {areas.isError && <ErrorState error={areas.error} onRetry={() => areas.refetch()} />}
        </Stack>
      </form>
    </Paper>
  );
}

function TenantTable({ tenants }: { tenants: Tenant[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="sm" data-testid="tenant-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tenants.col.code')}</Table.Th>
            <Table.Th>{t('tenants.col.name')}</Table.Th>
            <Table.Th>{t('tenants.col.kind')}</Table.Th>
            <Table.Th>{t('tenants.col.status')}</Table.Th>
            <Table.Th>{t('tenants.col.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tenants.map((tenant) => (
            <Table.Tr key={tenant.code}>
              <Table.Td>{tenant.code}</Table.Td>
              <Table.Td>{tenant.name}</Table.Td>
              <Table.Td>{t(`tenantKind.${tenant.kind}`)}</Table.Td>
              <Table.Td>
                <Badge color="teal" variant="light">
                  {t(`tenants.status.${tenant.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{format.date(tenant.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
