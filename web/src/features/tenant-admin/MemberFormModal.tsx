import '../../i18n/id-admin.ts';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { type Member, type Opd, ROLES, type TenantRole } from '../../api/model.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { opdOptions } from '../innovations/options.ts';

const TENANT_ROLES = ROLES.filter((role): role is TenantRole => role !== 'platform_admin');
/** Roles only the platform administrator grants (the API refuses them from a tenant admin). */
const PLATFORM_GRANTED: readonly TenantRole[] = ['province_viewer'];

export interface MemberInput {
  email: string;
  name: string;
  roles: TenantRole[];
  opdId: string | null;
}

interface Props {
  title: string;
  /** The member whose roles change; absent when inviting (then email and name are asked). */
  member?: Member;
  opds: Opd[];
  pending: boolean;
  error: unknown;
  onSubmit(input: MemberInput): void;
  onClose(): void;
}

export function MemberFormModal({ title, member, opds, pending, error, onSubmit, onClose }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState(member?.email ?? '');
  const [name, setName] = useState(member?.name ?? '');
  const [roles, setRoles] = useState<TenantRole[]>(tenantRolesOf(member));
  const [opdId, setOpdId] = useState<string | null>(member?.opdId ?? null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = error instanceof ApiError ? error.fieldMessages() : {};
  const fieldError = (field: string) =>
    clientErrors[field] ?? serverErrors[field] ?? serverErrors[`${field}.0`];
  const generalError = error && Object.keys(serverErrors).length === 0 ? errorMessage(error) : null;
  const needsOpd = roles.includes('opd_operator');
  const { user } = useMe();
  const platform = hasRole(user, 'platform_admin');
  // A member who already holds a platform-granted role keeps it selectable, so it can be removed.
  const grantable = (role: TenantRole) =>
    platform || !PLATFORM_GRANTED.includes(role) || (member?.roles.includes(role) ?? false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (roles.length === 0) errors.roles = t('members.rolesRequired');
    if (needsOpd && !opdId) errors.opdId = t('validation.required');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    onSubmit({ email: email.trim(), name: name.trim(), roles, opdId });
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!member && (
            <>
              <TextInput
                label={t('members.email')}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError('email')}
                required
                autoComplete="off"
                data-autofocus
              />
              <TextInput
                label={t('members.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={fieldError('name')}
                required
              />
            </>
          )}
          <MultiSelect
            label={t('members.roles')}
            data={TENANT_ROLES.map((role) => ({
              value: role,
              label: t(`role.${role}`),
              disabled: !grantable(role),
            }))}
            value={roles}
            onChange={(value) => setRoles(value as TenantRole[])}
            description={platform ? undefined : t('members.platformGrantedHint')}
            error={fieldError('roles')}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('members.opd')}
            description={t('members.opdHint')}
            data={opdOptions(opds, member?.opdId ?? undefined)}
            value={opdId}
            onChange={setOpdId}
            error={fieldError('opdId')}
            required={needsOpd}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {member ? t('app.save') : t('members.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function tenantRolesOf(member: Member | undefined): TenantRole[] {
  if (!member) return ['opd_operator'];
  return member.roles.filter((role): role is TenantRole => role !== 'platform_admin');
}
