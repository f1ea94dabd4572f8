import '../../i18n/id-exports.ts';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import type { Innovation } from '../../api/model.ts';
import { queryKeys, useInnovationList } from '../../api/queries.ts';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useNationalEntry } from './useExports.ts';

const READY = { status: 'ready' } as const;

/**
 * The innovations Bappeda has to type into the national application, each ticked off with its
 * national registration number once done, so the team sees what is left before the deadline.
 */
export function NationalEntryChecklist({ code }: { code: string }) {
  const t = useT();
  const list = useInnovationList(code, READY);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const done = items.filter((item) => item.nationalEntry).length;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="entri-nasional">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id="entri-nasional">
            {t('exports.entry.title')}
          </Title>
          <Text size="sm">{t('exports.entry.intro')}</Text>
        </Stack>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyMessage message={t('exports.entry.empty')} />
        ) : (
          <>
            <Text size="sm" fw={500} data-testid="entry-count">
              {t('exports.entry.count', { done, total: items.length })}
            </Text>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="entry-list">
              {items.map((innovation) => (
                <li key={innovation.id}>
                  <EntryRow code={code} innovation={innovation} />
                </li>
              ))}
            </Stack>
            {list.hasNextPage && (
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('app.loadMore')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function EntryRow({ code, innovation }: { code: string; innovation: Innovation }) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const { record, clear } = useNationalEntry(code);
  // What was typed stays in the field through errors and conflicts; only a saved tick clears it.
  const [number, setNumber] = useState('');
  const [touched, setTouched] = useState(false);
  const name = innovation.profile.name;
  const entry = innovation.nationalEntry;
  const trimmed = number.trim();
  const invalid = trimmed.length < 3 || trimmed.length > 100;
  const failure = record.error ?? clear.error;
  const conflict = failure instanceof ApiError && failure.isVersionConflict;

  function onSettled(_data: unknown, error: unknown) {
    // A stale version means someone else saved meanwhile: load theirs so the next try carries it.
    if (error instanceof ApiError && error.isVersionConflict) {
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
    }
  }

  function tick(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    clear.reset();
    record.mutate(
      { id: innovation.id, version: innovation.version, registrationNumber: trimmed },
      {
        onSuccess: () => {
          setNumber('');
          setTouched(false);
        },
        onSettled,
      },
    );
  }

  return (
    <Paper withBorder p="sm" data-testid="entry-row" data-entered={entry ? 'true' : 'false'}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/inovasi/${innovation.id}`} fw={500}>
          {name}
        </Anchor>
        {entry ? (
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500} data-testid="entry-done">
              <span aria-hidden="true">✓ </span>
              {t('exports.entry.done', {
                number: entry.registrationNumber,
                date: format.date(entry.enteredOn),
              })}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              loading={clear.isPending}
              aria-label={t('exports.entry.clearFor', { name })}
              onClick={() => {
                record.reset();
                clear.mutate({ id: innovation.id, version: innovation.version }, { onSettled });
              }}
            >
              {t('exports.entry.clear')}
            </Button>
          </Group>
        ) : (
          <form onSubmit={tick} noValidate>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={t('exports.entry.number')}
                aria-label={t('exports.entry.numberFor', { name })}
                value={number}
                onChange={(event) => {
                  record.reset();
                  setNumber(event.currentTarget.value);
                }}
                error={touched && invalid ? t('exports.entry.numberInvalid') : undefined}
                maxLength={100}
                w={260}
              />
              <Button
                type="submit"
                variant="light"
                loading={record.isPending}
                aria-label={t('exports.entry.tickFor', { name })}
              >
                {t('exports.entry.tick')}
              </Button>
            </Group>
          </form>
        )}
        {failure && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert" p="xs">
            <Text size="sm">{conflict ? t('exports.entry.conflict') : errorMessage(failure)}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
