import '../../i18n/id-contest-files.ts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { useOpds } from '../../api/queries.ts';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { type ContestCall, contestKeys, useEntries } from './contestApi.ts';
import { LazyCallForm } from './LazyCallForm.tsx';
import { RankingPanel } from './RankingPanel.tsx';

type Stage = 'screening' | 'desk' | 'final' | 'eliminated';

// An entry's files (list and download) load with their own chunk when Bappeda opens them.
const EntryFiles = lazy(() => import('./EntryFiles.tsx'));

/** Bappeda's screen: the call's steps, the panel with progress, entries with screening and bulk moves. */
export function AdminPanel({ code, call }: { code: string; call: ContestCall }) {
  return (
    <Stack gap="lg">
      <StatusActions code={code} call={call} />
      {(call.status === 'draft' || call.status === 'open') && <EditCall code={code} call={call} />}
      <Panel code={code} call={call} />
      <Entries code={code} call={call} />
      {call.status !== 'draft' && call.status !== 'open' && <RankingPanel code={code} call={call} />}
    </Stack>
  );
}

/** The call editor, folded away: most visits to a running call are about its entries. */
function EditCall({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Button variant="default" w="fit-content" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'contests.edit.hide' : 'contests.edit.show')}
      </Button>
      {open && <LazyCallForm key={call.id} code={code} call={call} />}
    </Stack>
  );
}

function useRefresh(code: string, callId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contestKeys.call(code, callId) });
}

function StatusActions({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefresh(code, call.id);
  const opds = useOpds(code);
  const [opdId, setOpdId] = useState('');
  const path = { code, callId: call.id };
  const headers = ifMatch(call.version);
  const step = useMutation({
    mutationFn: async () => {
      if (call.status === 'draft')
        return unwrap(api.POST('/tenants/{code}/contests/{callId}/publish', { params: { path }, headers }));
      if (call.status === 'open')
        return unwrap(
          api.POST('/tenants/{code}/contests/{callId}/close-entries', { params: { path }, headers }),
        );
      if (call.status === 'judging')
        return unwrap(
          api.POST('/tenants/{code}/contests/{callId}/results/approve', { params: { path }, headers }),
        );
      return unwrap(
        api.POST('/tenants/{code}/contests/{callId}/results/announce', {
          params: { path },
          headers,
          body: opdId ? { opdId } : {},
        }),
      );
    },
    onSuccess: refresh,
  });
  const label = {
    draft: 'contests.publish',
    open: 'contests.close',
    judging: 'contests.approve',
    results_approved: 'contests.announce',
    winners_published: undefined,
  } as const;
  const next = label[call.status];
  if (!next) return null;
  return (
    <Group align="flex-end">
      {call.status === 'results_approved' && (
        <NativeSelect
          label={t('contests.announceOpd')}
          value={opdId}
          onChange={(e) => setOpdId(e.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...(opds.data ?? []).map((opd) => ({ value: opd.id, label: opd.name })),
          ]}
        />
      )}
      <Button onClick={() => step.mutate()} loading={step.isPending}>
        {t(next)}
      </Button>
      {step.isError && <Alert color="red">{errorMessage(step.error)}</Alert>}
    </Group>
  );
}

function Panel({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefresh(code, call.id);
  const opds = useOpds(code);
  const judges = useQuery({
    queryKey: [...contestKeys.call(code, call.id), 'judges'],
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/contests/{callId}/judges', { params: { path: { code, callId: call.id } } }),
      ).then((r) => r.items),
  });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [opdId, setOpdId] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/judges', {
          params: { path: { code, callId: call.id } },
          body: { name, email, external: !opdId, ...(opdId ? { opdId } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('contests.judges')}
        </Title>
        {judges.isPending ? (
          <LoadingState />
        ) : judges.isError ? (
          <ErrorState error={judges.error} />
        ) : (
          judges.data.map((judge) => (
            <Text key={judge.userId} size="sm">
              {judge.name} ({judge.email}) ·{' '}
              {t('contests.judge.progress', {
                deskScored: judge.progress.desk.scored,
                deskAssigned: judge.progress.desk.assigned,
                finalScored: judge.progress.final.scored,
                finalAssigned: judge.progress.final.assigned,
              })}
            </Text>
          ))
        )}
        <Group align="flex-end">
          <TextInput
            label={t('contests.judge.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t('contests.judge.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('contests.judge.opd')}
            value={opdId}
            onChange={(e) => setOpdId(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(opds.data ?? []).map((opd) => ({ value: opd.id, label: opd.name })),
            ]}
          />
          <Button onClick={() => add.mutate()} loading={add.isPending}>
            {t('contests.judge.add')}
          </Button>
        </Group>
        {add.isError && <Alert color="red">{errorMessage(add.error)}</Alert>}
      </Stack>
    </Paper>
  );
}

function Entries({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const refresh = useRefresh(code, call.id);
  const entries = useEntries(code, call.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const [target, setTarget] = useState<Stage>('desk');
  const all = entries.data ?? [];
  const from = all.find((entry) => entry.id === selected[0])?.stage as Stage | undefined;
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entry-moves', {
          params: { path: { code, callId: call.id } },
          body: { from: from ?? 'screening', to: target, entryIds: selected },
        }),
      ),
    onSuccess: () => {
      setSelected([]);
      void refresh();
    },
  });
  const screen = useMutation({
    mutationFn: (input: {
      entryId: string;
      version: number;
      status: 'complete' | 'incomplete';
      reason?: string;
    }) =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries/{entryId}/screening', {
          params: { path: { code, callId: call.id, entryId: input.entryId } },
          headers: ifMatch(input.version),
          body: { status: input.status, ...(input.reason ? { reason: input.reason } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  if (entries.isPending) return <LoadingState />;
  if (entries.isError) return <ErrorState error={entries.error} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('contests.entries')}
      </Title>
      {all.length === 0 ? (
        <Text>{t('contests.entries.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('contests.entry.name')}</Table.Th>
              <Table.Th>{t('contests.entry.entrant')}</Table.Th>
              <Table.Th>{t('contests.entry.stage')}</Table.Th>
              <Table.Th>{t('contests.entry.screening')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((entry) => (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('contests.select', { name: entry.profile.name })}
                      checked={selected.includes(entry.id)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setSelected((current) =>
                          checked ? [...current, entry.id] : current.filter((id) => id !== entry.id),
                        );
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {entry.profile.name}{' '}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-expanded={opened === entry.id}
                      aria-label={t('contestFiles.showNamed', { name: entry.profile.name })}
                      onClick={() => setOpened((current) => (current === entry.id ? null : entry.id))}
                    >
                      {opened === entry.id ? t('contestFiles.hide') : t('contestFiles.show')}
                    </Button>
                  </Table.Td>
                  <Table.Td>{entry.entrantName}</Table.Td>
                  <Table.Td>{t(`contests.stage.${entry.stage}`)}</Table.Td>
                  <Table.Td>
                    {entry.stage === 'screening' && entry.screening.status !== 'complete' ? (
                      <Group gap="xs">
                        <Button
                          size="xs"
                          onClick={() =>
                            screen.mutate({ entryId: entry.id, version: entry.version, status: 'complete' })
                          }
                        >
                          {t('contests.screen.complete')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            const reason = window.prompt(t('contests.screen.reason')) ?? '';
                            if (reason)
                              screen.mutate({
                                entryId: entry.id,
                                version: entry.version,
                                status: 'incomplete',
                                reason,
                              });
                          }}
                        >
                          {t('contests.screen.incomplete')}
                        </Button>
                      </Group>
                    ) : entry.screening.status === 'incomplete' ? (
                      t('contests.screening.incomplete', { reason: entry.screening.reason ?? '' })
                    ) : (
                      t(`contests.screening.${entry.screening.status}`)
                    )}
                  </Table.Td>
                </Table.Tr>
                {opened === entry.id && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Suspense fallback={<LoadingState />}>
                        <EntryFiles
                          code={code}
                          callId={call.id}
                          entryId={entry.id}
                          entryName={entry.profile.name}
                          mode="admin"
                        />
                      </Suspense>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end">
        <NativeSelect
          label={t('contests.move')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value as Stage)}
          data={(['desk', 'final', 'eliminated'] as const).map((stage) => ({
            value: stage,
            label: t(`contests.stage.${stage}`),
          }))}
        />
        <Button onClick={() => move.mutate()} disabled={selected.length === 0} loading={move.isPending}>
          {t('contests.move')}
        </Button>
      </Group>
      {move.isSuccess && (
        <Alert color={move.data.shortOfJudges.length > 0 ? 'yellow' : 'green'}>
          {t('contests.moved', { count: move.data.moved })}{' '}
          {move.data.shortOfJudges.length > 0 &&
            t('contests.short', { count: move.data.shortOfJudges.length })}
        </Alert>
      )}
      {(move.isError || screen.isError) && (
        <Alert color="red">{errorMessage(move.error ?? screen.error)}</Alert>
      )}
    </Stack>
  );
}
