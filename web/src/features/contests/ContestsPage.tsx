import '../../i18n/id-contests.ts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { ContestHeader, ContestStatusBadge } from './ContestHeader.tsx';
import { useContests } from './contestApi.ts';
import { LazyCallForm } from './LazyCallForm.tsx';
export default function ContestsPage() {
  const t = useT();
  const code = useTenantCode();
  const { user } = useMe();
  const calls = useContests(code);
  usePageTitle(t('contests.title'));
  const admin = user.roles.includes('tenant_admin');
  return (
    <Stack gap="md" maw={1040}>
      <ContestHeader title={t('contests.title')}>
        <Text>{t('contests.intro')}</Text>
      </ContestHeader>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
      ) : calls.data.length === 0 ? (
        <EmptyMessage message={t('contests.empty')} />
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contests.field.title')}</Table.Th>
              <Table.Th>{t('contests.field.year')}</Table.Th>
              <Table.Th>{t('contests.entry.stage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.data.map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/lomba/${call.id}`}>
                    {call.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{call.year}</Table.Td>
                <Table.Td>
                  <ContestStatusBadge status={call.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {admin && <LazyCallForm code={code} />}
    </Stack>
  );
}
