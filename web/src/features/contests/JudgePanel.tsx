import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { scoreProblem } from './callDrafts.ts';
import { type ContestCall, type ContestEntryView, contestKeys, useEntries } from './contestApi.ts';

// The entry's files (their list and download) load with their own chunk.
const EntryFiles = lazy(() => import('./EntryFiles.tsx'));

/** The judge's screen: only the entries assigned to them, in blind mode without who entered. */
export function JudgePanel({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const entries = useEntries(code, call.id);
  const assigned = (entries.data ?? []).filter((entry) => entry.stage === 'desk' || entry.stage === 'final');
  return (
    <Stack gap="sm">
      <Title order={2}>{t('contests.score.title')}</Title>
      {entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : assigned.length === 0 ? (
        <EmptyMessage message={t('contests.score.empty')} />
      ) : (
        assigned.map((entry) => <ScoreCard key={entry.id} code={code} call={call} entry={entry} />)
      )}
    </Stack>
  );
}

function ScoreCard({ code, call, entry }: { code: string; call: ContestCall; entry: ContestEntryView }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const stage = entry.stage as 'desk' | 'final';
  const criteria = call.criteria[stage];
  const [values, setValues] = useState<Record<string, string | number>>(entry.myScore?.criteria ?? {});
  const [comment, setComment] = useState(entry.myScore?.comment ?? '');
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: contestKeys.call(code, call.id) });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/tenants/{code}/contests/{callId}/entries/{entryId}/scores/{stage}', {
          params: { path: { code, callId: call.id, entryId: entry.id, stage } },
          body: {
            criteria: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, Number(value)])),
            comment,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const conflict = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries/{entryId}/conflict', {
          params: { path: { code, callId: call.id, entryId: entry.id } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  });
  // Each criterion has its own scale (1–10, 0–100, 1–5…): checked here first, so the judge sees
  // which score is off before anything is sent, and again by the server.
  const [attempted, setAttempted] = useState(false);
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const criterion of criteria) {
      const problem = scoreProblem(criterion, values[criterion.id]);
      if (problem)
        found[`criteria.${criterion.id}`] = t(`contests.score.problem.${problem}`, {
          min: criterion.scaleMin,
          max: criterion.scaleMax,
        });
    }
    return found;
  };
  const fields = {
    ...(save.error instanceof ApiError ? save.error.fieldMessages() : {}),
    ...(attempted ? check() : {}),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(check()).length === 0) save.mutate();
    else save.reset();
  };
  const headingId = `nilai-${entry.id}`;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id={headingId}>
            {entry.profile.name}
          </Title>
          <Badge variant="light">{t(`contests.stage.${stage}`)}</Badge>
        </Group>
        {entry.profile.tujuan && <Text size="sm">{entry.profile.tujuan}</Text>}
        <Suspense fallback={null}>
          <EntryFiles
            code={code}
            callId={call.id}
            entryId={entry.id}
            entryName={entry.profile.name}
            mode="judge"
          />
        </Suspense>
        <Group gap="sm" align="flex-start">
          {criteria.map((criterion) => (
            <NumberInput
              key={criterion.id}
              label={criterion.label}
              description={t('contests.score.scale', { min: criterion.scaleMin, max: criterion.scaleMax })}
              min={criterion.scaleMin}
              max={criterion.scaleMax}
              step={1}
              clampBehavior="none"
              inputMode="decimal"
              value={values[criterion.id] ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, [criterion.id]: value }))}
              error={fields[`criteria.${criterion.id}`]}
              w={{ base: '100%', xs: 170 }}
            />
          ))}
        </Group>
        <Textarea
          label={t('contests.score.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
        {save.isSuccess && <Alert color="green">{t('contests.score.saved')}</Alert>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('contests.score.save')}
          </Button>
        </Group>
        <Group align="flex-end">
          <TextInput
            label={t('contests.conflict.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            variant="default"
            color="red"
            onClick={() => conflict.mutate()}
            disabled={reason.trim().length < 3}
            loading={conflict.isPending}
          >
            {t('contests.conflict')}
          </Button>
        </Group>
        {conflict.isError && <Alert color="red">{errorMessage(conflict.error)}</Alert>}
      </Stack>
    </Paper>
  );
}
