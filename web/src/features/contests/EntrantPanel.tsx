import {
  Alert,
  Badge,
  Button,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { type ContestCall, contestKeys, useEntries } from './contestApi.ts';

/** An entrant's own entries (with the screening reason and any award) and the entry form. */
export function EntrantPanel({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const entries = useEntries(code, call.id);
  const mine = entries.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('contests.mine')}</Title>
      {mine.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contests.entry.name')}</Table.Th>
              <Table.Th>{t('contests.entry.stage')}</Table.Th>
              <Table.Th>{t('contests.entry.screening')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  {entry.profile.name}
                  {entry.award && (
                    <Badge ml="xs" color="yellow">
                      {t('contests.award', { prize: entry.award.prize, rank: entry.award.rank })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`contests.stage.${entry.stage}`)}</Table.Td>
                <Table.Td>
                  {entry.screening.status === 'incomplete'
                    ? t('contests.screening.incomplete', { reason: entry.screening.reason ?? '' })
                    : t(`contests.screening.${entry.screening.status}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {call.status === 'open' && <EntryForm code={code} call={call} />}
    </Stack>
  );
}

function EntryForm({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const { user } = useMe();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const kind = user.roles.includes('peserta') ? 'citizen' : 'opd';
  const categories = call.categories.filter((category) => category.entrantKinds.includes(kind));
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? '');
  const [name, setName] = useState('');
  const [extra, setExtra] = useState<Record<string, string>>({});
  const category = categories.find((candidate) => candidate.id === categoryId);
  const enter = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries', {
          params: { path: { code, callId: call.id } },
          body: { categoryId, profile: { name }, extraFields: extra },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.call(code, call.id) }),
  });
  const fields = enter.error instanceof ApiError ? enter.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enter.mutate();
  };
  if (categories.length === 0) return null;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="daftar-karya">
      <Stack gap="sm">
        <Title order={3} size="h4" id="daftar-karya">
          {t('contests.enter.title')}
        </Title>
        <NativeSelect
          label={t('contests.entry.category')}
          value={categoryId}
          onChange={(e) => setCategoryId(e.currentTarget.value)}
          data={categories.map((option) => ({ value: option.id, label: option.label }))}
          error={fields.categoryId}
        />
        <TextInput
          label={t('contests.enter.newName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields['profile.name'] ?? fields.profile}
          required
        />
        {category?.extraFields.map((field) => (
          <TextInput
            key={field.key}
            label={field.label}
            required={field.required}
            value={extra[field.key] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setExtra((current) => ({ ...current, [field.key]: value }));
            }}
            error={fields[`extraFields.${field.key}`]}
          />
        ))}
        {enter.isError && <Alert color="red">{errorMessage(enter.error)}</Alert>}
        {enter.isSuccess && <Alert color="green">{t('contests.enter.done')}</Alert>}
        <Text size="sm" c="dimmed">
          {call.eligibility}
        </Text>
        <Button type="submit" loading={enter.isPending} w="fit-content">
          {t('contests.enter.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
