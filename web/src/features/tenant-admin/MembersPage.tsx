import '../../i18n/id-admin.ts';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Member } from '../../api/model.ts';
import { queryKeys, useOpds } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import type { MemberInput } from './MemberFormModal.tsx';

// The form opens in a modal with Select fields: fetched on first use, not with the list.
const MemberFormModal = lazy(() =>
  import('./MemberFormModal.tsx').then((module) => ({ default: module.MemberFormModal })),
);

type MemberAction = 'disable' | 'enable' | 'resend' | 'remove';
type Dialog =
  | { type: 'invite' }
  | { type: 'roles'; member: Member }
  | { type: 'confirm'; action: MemberAction; member: Member }
  | null;
type Notice = 'invited' | 'saved' | 'conflict' | MemberAction;

/** What the row says about the account: the invitation's state matters to the admin most. */
function statusOf(member: Member, now = Date.now()): 'active' | 'invited' | 'lapsed' | 'disabled' {
  if (member.status === 'disabled') return 'disabled';
  if (member.status === 'invited') {
    return member.invitationExpiresAt && Date.parse(member.invitationExpiresAt) < now ? 'lapsed' : 'invited';
  }
  return 'active';
}

const STATUS_COLOR = { active: 'teal', invited: 'blue', lapsed: 'orange', disabled: 'gray' } as const;

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
  const act = useMutation({
    mutationFn: ({ action, member }: { action: MemberAction; member: Member }) => {
      const params = { path: { code, userId: member.id } };
      const headers = ifMatch(member.version);
      if (action === 'remove')
        return unwrap(api.DELETE('/tenants/{code}/members/{userId}', { params, headers }));
      if (action === 'resend')
        return unwrap(api.POST('/tenants/{code}/members/{userId}/invitation', { params, headers }));
      if (action === 'disable')
        return unwrap(api.POST('/tenants/{code}/members/{userId}/disable', { params, headers }));
      return unwrap(api.POST('/tenants/{code}/members/{userId}/enable', { params, headers }));
    },
    onSettled: refresh,
  });
  return { invite, changeRoles, act };
}

/** Which account actions fit the member's state; an invitation can be sent again or withdrawn. */
function actionsFor(member: Member): MemberAction[] {
  const status = statusOf(member);
  if (status === 'disabled') return ['enable', 'remove'];
  if (status === 'invited' || status === 'lapsed') return ['resend', 'remove'];
  return ['disable', 'remove'];
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
  const { invite, changeRoles, act } = useMemberMutations(code);
  const { user } = useMe();
  const format = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  usePageTitle(t('members.title'));
  const opdNames = new Map((opds.data ?? []).map((opd) => [opd.id, opd.name]));

  function openDialog(next: Dialog) {
    invite.reset();
    changeRoles.reset();
    act.reset();
    setNotice(null);
    setDialog(next);
  }
  const finish = (result: Notice) => () => {
    setDialog(null);
    setNotice(result);
  };
  const onError = (error: unknown) => {
    if (
      error instanceof ApiError &&
      error.isConflict &&
      (dialog?.type === 'roles' || dialog?.type === 'confirm')
    ) {
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
          {t(`members.notice.${notice}`)}
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
                <Table.Th>{t('members.col.status')}</Table.Th>
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
                    <Badge color={STATUS_COLOR[statusOf(member)]} variant="light" size="sm">
                      {t(`members.status.${statusOf(member)}`)}
                    </Badge>
                    {member.invitationExpiresAt && statusOf(member) === 'invited' && (
                      <Text size="xs" c="dimmed">
                        {t('members.invitationUntil', { date: format.date(member.invitationExpiresAt) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => openDialog({ type: 'roles', member })}
                        aria-label={`${t('members.changeRole')}: ${member.name}`}
                      >
                        {t('members.changeRole')}
                      </Button>
                      {member.id !== user.id &&
                        actionsFor(member).map((action) => (
                          <Button
                            key={action}
                            size="xs"
                            variant={action === 'remove' || action === 'disable' ? 'light' : 'default'}
                            color={action === 'remove' || action === 'disable' ? 'red' : undefined}
                            onClick={() => openDialog({ type: 'confirm', action, member })}
                            aria-label={`${t(`members.action.${action}`)}: ${member.name}`}
                          >
                            {t(`members.action.${action}`)}
                          </Button>
                        ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Suspense fallback={null}>
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
        {dialog?.type === 'confirm' && (
          <ConfirmDialog
            opened
            title={`${t(`members.action.${dialog.action}`)}: ${dialog.member.name}`}
            message={t(`members.confirm.${dialog.action}`, {
              name: dialog.member.name,
              email: dialog.member.email,
            })}
            confirmLabel={t(`members.action.${dialog.action}`)}
            pending={act.isPending}
            error={act.error}
            onConfirm={() =>
              act.mutate(
                { action: dialog.action, member: dialog.member },
                { onSuccess: finish(dialog.action), onError },
              )
            }
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
      </Suspense>
    </Stack>
  );
}
