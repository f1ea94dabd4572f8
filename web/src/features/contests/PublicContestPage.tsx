import '../../i18n/id-contests.ts';
import { Alert, Button, Container, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { PublicShell } from '../catalog/PublicShell.tsx';
import { ContestHeader } from './ContestHeader.tsx';
import { STAGE_DATE_FIELDS } from './callDrafts.ts';
import type { PublicContest } from './contestApi.ts';

/** The public page of a call, in the catalogue's frame: no sign-in needed to read it or to sign up. */
export default function PublicContestPage() {
  const t = useT();
  const { region = '', callId = '' } = useParams();
  const call = useQuery({
    queryKey: ['public-contest', region, callId],
    queryFn: () =>
      unwrap(api.GET('/catalog/contests/{region}/{callId}', { params: { path: { region, callId } } })),
  });
  usePageTitle(call.data?.title ?? t('contests.public.title'));
  return (
    <PublicShell>
      <Container size="md" py="md">
        {call.isPending ? (
          <LoadingState />
        ) : call.isError ? (
          <ErrorState error={call.error} />
        ) : (
          <ContestBody call={call.data} />
        )}
      </Container>
    </PublicShell>
  );
}

function ContestBody({ call }: { call: PublicContest }) {
  const t = useT();
  const format = useFormat();
  const takesCitizens = call.categories.some((category) => category.entrantKinds.includes('citizen'));
  return (
    <Stack gap="md">
      <ContestHeader
        title={call.title}
        eyebrow={`${t('contests.public.title')} · ${call.tenantName}`}
        status={call.status}
      />
      {call.description && <Text>{call.description}</Text>}
      {call.eligibility && <Text>{call.eligibility}</Text>}
      <Title order={2} size="h4">
        {t('contests.public.categories')}
      </Title>
      <List>
        {call.categories.map((category) => (
          <List.Item key={category.id}>{category.label}</List.Item>
        ))}
      </List>
      <Title order={2} size="h4">
        {t('contests.public.dates')}
      </Title>
      <Table>
        <Table.Tbody>
          {STAGE_DATE_FIELDS.map((field) => (
            <Table.Tr key={field}>
              <Table.Th scope="row">{t(`contests.field.${field}`)}</Table.Th>
              <Table.Td>{format.date(call.stageDates[field])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {call.prizes.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('contests.public.prizes')}
          </Title>
          <List>
            {call.prizes.map((prize) => (
              <List.Item key={prize.rank}>
                {prize.label}
                {prize.amount !== undefined && ` — Rp ${format.number(prize.amount)}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {call.winners.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('contests.public.winners')}
          </Title>
          <List>
            {call.winners.map((winner) => (
              <List.Item key={`${winner.categoryId}-${winner.rank}-${winner.name}`}>
                {winner.prize}: {winner.name} ({winner.entrantName})
              </List.Item>
            ))}
          </List>
        </>
      )}
      {call.status === 'open' && takesCitizens && <SignUpForm call={call} />}
    </Stack>
  );
}

function SignUpForm({ call }: { call: PublicContest }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState('');
  const signUp = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/contest-sign-up', {
          body: {
            tenantCode: call.tenantCode,
            callId: call.id,
            name,
            email,
            ...(website ? { website } : {}),
          },
        }),
      ),
  });
  const fields = signUp.error instanceof ApiError ? signUp.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="daftar-peserta">
      <Stack gap="sm">
        <Title order={2} size="h4" id="daftar-peserta">
          {t('contests.public.signUp')}
        </Title>
        <Text size="sm">{t('contests.public.signUpHint')}</Text>
        <TextInput
          label={t('contests.public.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          required
        />
        <TextInput
          label={t('contests.public.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fields.email}
          required
        />
        {/* The honeypot: hidden from people and screen readers, filled in by form robots. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px' }}>
          <TextInput
            label={t('contests.public.website')}
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.currentTarget.value)}
          />
        </div>
        {signUp.isError && <Alert color="red">{errorMessage(signUp.error)}</Alert>}
        {signUp.isSuccess && <Alert color="green">{t('contests.public.sent')}</Alert>}
        <Button type="submit" loading={signUp.isPending} w="fit-content">
          {t('contests.public.send')}
        </Button>
      </Stack>
    </Paper>
  );
}
