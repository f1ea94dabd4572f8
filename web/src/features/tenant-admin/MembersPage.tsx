import '../../i18n/id-admin.ts';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Member } from '../../api/model.ts';
import { queryKeys, useOpds } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { MemberFormModal, type MemberInput } from './MemberFormModal.tsx';

type Dialog = { type: 'invite' } | { type: 'roles'; member: Member } | null;

function useMemberMutations(code: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.members(code) });
  const invite = useMutation({
    mutationFn: ({ email, name, roles, opdId }: MemberInput) =>
      unwrap(
        api.POST('/tenants/{code}/members', {
          params: { path: { code } },
          body: { email, name, roles, ...(opdId ? { opdId } : {}) },
        }),
      ),
    onSettled: refresh,
  });
  const changeRoles = useMutation({
    mutationFn: ({ member, input }: { member: Member; input: MemberInput }) =>
      unwrap(
        api.PATCH('/tenants/{code}/members/{userId}', {
          params: { path: { code, userId: member.id } },
          headers: ifMatch(member.version),
          body: { roles: input.roles, opdId: input.opdId },
        }),
      ),
    onSettled: refresh,
  });
  return { invite, changeRoles };
}

export default function MembersPage() {
  const t = useT();
  const code = useTenantCode();
  const members = useQuery({
    queryKey: queryKeys.members(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/members', { params: { path: { code } } })),
    select: (data) => [...data.items].sort((a, b) => a.name.localeCompare(b.name, 'id')),
  });
  const opds = useOpds(code);
  const { invite, changeRoles } = useMemberMutations(code);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<'invited' | 'saved' | 'conflict' | null>(null);
  usePageTitle(t('members.title'));
  const opdNames = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));

  function openDialog(next: Dialog) {
    invite.reset();
    changeRoles.reset();
    setNotice(null);
    setDialog(next);
  }
  const finish = (result: 'invited' | 'saved') => () => {
    setDialog(null);
    setNotice(result);
  };
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isConflict && dialog?.type === 'roles') {
      setDialog(null);
      setNotice('conflict');
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('members.title')}</Title>
        <Button onClick={() => openDialog({ type: 'invite' })}>{t('members.invite')}</Button>
      </Group>
      {notice && (
        <Alert
          color={notice === 'conflict' ? 'orange' : 'teal'}
          role={notice === 'conflict' ? 'alert' : 'status'}
        >
          {t(
            notice === 'conflict'
              ? 'members.conflict'
              : notice === 'invited'
                ? 'members.invited'
                : 'members.saved',
          )}
        </Alert>
      )}
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyMessage message={t('members.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.col.name')}</Table.Th>
                <Table.Th>{t('members.col.roles')}</Table.Th>
                <Table.Th>{t('members.col.opd')}</Table.Th>
                <Table.Th>{t('members.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {member.roles.map((role) => (
                        <Badge key={role} variant="light" size="sm">
                          {t(`role.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {member.opdId ? (opdNames.get(member.opdId) ?? t('app.none')) : t('app.none')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => openDialog({ type: 'roles', member })}
                      aria-label={`${t('members.changeRole')}: ${member.name}`}
                    >
                      {t('members.changeRole')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {dialog?.type === 'invite' && (
        <MemberFormModal
          title={t('members.inviteTitle')}
          opds={opds.data ?? []}
          pending={invite.isPending}
          error={invite.error}
          onSubmit={(input) => invite.mutate(input, { onSuccess: finish('invited'), onError })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'roles' && (
        <MemberFormModal
          title={t('members.changeRoleTitle', { name: dialog.member.name })}
          member={dialog.member}
          opds={opds.data ?? []}
          pending={changeRoles.isPending}
          error={changeRoles.error}
          onSubmit={(input) =>
            changeRoles.mutate({ member: dialog.member, input }, { onSuccess: finish('saved'), onError })
          }
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
