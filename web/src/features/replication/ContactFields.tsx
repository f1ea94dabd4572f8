import '../../i18n/id-replication.ts';
import { TextInput } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';

/** Name, role, e-mail and phone of a contact person; shared with the other region on purpose. */
export function ContactFields(props: {
  values: { name: string; role: string; email: string; phone: string };
  onChange(field: 'name' | 'role' | 'email' | 'phone'): (value: string) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const t = useT();
  const error = (field: string) => props.errors[`${props.prefix}.${field}`] ?? props.errors[field];
  return (
    <>
      <TextInput
        label={t('replication.contactName')}
        value={props.values.name}
        onChange={(event) => props.onChange('name')(event.currentTarget.value)}
        error={error('name')}
        required
      />
      <TextInput
        label={t('replication.contactRole')}
        description={t('replication.contactRoleHint')}
        value={props.values.role}
        onChange={(event) => props.onChange('role')(event.currentTarget.value)}
        error={error('role')}
        required
      />
      <TextInput
        label={t('replication.contactEmail')}
        type="email"
        value={props.values.email}
        onChange={(event) => props.onChange('email')(event.currentTarget.value)}
        error={error('email')}
      />
      <TextInput
        label={t('replication.contactPhone')}
        type="tel"
        value={props.values.phone}
        onChange={(event) => props.onChange('phone')(event.currentTarget.value)}
        error={error('phone')}
      />
    </>
  );
}
