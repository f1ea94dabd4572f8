import '../../i18n/id-replication.ts';
import { Alert, Anchor, Button, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { CatalogDetail, ReplicationRequestInput } from '../../api/model.ts';
import { queryKeys, useOpds } from '../../api/queries.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ContactFields } from '../replication/ContactFields.tsx';

interface Props {
  /** The requesting region (the signed-in admin's). */
  code: string;
  entry: CatalogDetail;
}

/** A Bappeda admin asks the source region to replicate its innovation, naming an OPD and a contact. */
export default function RequestReplication({ code, entry }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const opds = useOpds(code);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ opdId: '', message: '', name: '', role: '', email: '', phone: '' });
  const request = useMutation({
    mutationFn: (body: ReplicationRequestInput) =>
      unwrap(api.POST('/tenants/{code}/replications', { params: { path: { code } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.replications(code) }),
  });
  const fieldErrors = request.error instanceof ApiError ? request.error.fieldMessages() : {};
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));

  if (request.isSuccess) {
    return (
      <Alert color="teal" role="status" data-testid="replication-requested">
        <Text size="sm">{t('replication.requested', { region: entry.region.name })}</Text>
        <Anchor component={Link} to="/replikasi" size="sm">
          {t('replication.openList')}
        </Anchor>
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('replication.request')}
      </Button>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const activeOpds = (opds.data ?? []).filter((opd) => !opd.archived);
    request.mutate({
      sourceTenantCode: entry.tenantCode,
      sourceInnovationId: entry.innovationId,
      opdId: form.opdId || activeOpds[0]?.id || '',
      message: form.message.trim(),
      contact: {
        name: form.name.trim(),
        role: form.role.trim(),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ajukan-replikasi">
      <Stack gap="sm" maw={560}>
        <Title order={3} size="h5" id="ajukan-replikasi">
          {t('replication.requestTitle', { region: entry.region.name })}
        </Title>
        <Text size="sm">{t('replication.requestIntro')}</Text>
        <NativeSelect
          label={t('replication.opd')}
          description={t('replication.opdHint')}
          value={form.opdId}
          onChange={(event) => set('opdId')(event.currentTarget.value)}
          error={fieldErrors.opdId}
          data={[
            { value: '', label: t('profile.opdPlaceholder') },
            ...(opds.data ?? [])
              .filter((opd) => !opd.archived)
              .map((opd) => ({ value: opd.id, label: opd.name })),
          ]}
          required
        />
        <Textarea
          label={t('replication.message')}
          description={t('replication.messageHint')}
          value={form.message}
          onChange={(event) => set('message')(event.currentTarget.value)}
          error={fieldErrors.message}
          autosize
          minRows={3}
          maxLength={2000}
          required
        />
        <ContactFields values={form} onChange={set} errors={fieldErrors} prefix="contact" />
        {request.isError && (
          <Alert color="red" role="alert">
            {errorMessage(request.error)}
          </Alert>
        )}
        <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('replication.send')}
        </Button>
      </Stack>
    </form>
  );
}
