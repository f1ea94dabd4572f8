import {
  Alert,
  Badge,
  Button,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { type Translate, useT } from '../../i18n/I18nProvider.tsx';
import {
  type CategoryField,
  categoryFieldProblems,
  categoryFieldValues,
  type FieldProblem,
} from './callDrafts.ts';
import { type ContestCall, type ContestEntryView, contestKeys, useEntries } from './contestApi.ts';
import { type Enterable, InnovationPicker, type Source, useEnterable } from './InnovationPicker.tsx';

// The entry's files load with their own chunk (the evidence uploader's parts), when an entry exists.
const EntryFiles = lazy(() => import('./EntryFiles.tsx'));

/** Files may change while entries are open, or after an incomplete screening while still in screening. */
const filesChangeable = (call: ContestCall, entry: ContestEntryView) =>
  entry.stage === 'screening' && (call.status === 'open' || entry.screening.status === 'incomplete');

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
      {mine.length > 0 && (
        <Suspense fallback={null}>
          {mine.map((entry) => (
            <Paper key={entry.id} withBorder p="sm">
              <EntryFiles
                code={code}
                callId={call.id}
                entryId={entry.id}
                entryName={entry.profile.name}
                mode="entrant"
                changeable={filesChangeable(call, entry)}
              />
            </Paper>
          ))}
        </Suspense>
      )}
      {call.status === 'open' && <EntryForm code={code} call={call} />}
    </Stack>
  );
}

type ProfileDraft = { name: string; tujuan: string; manfaat: string };
const EMPTY_PROFILE: ProfileDraft = { name: '', tujuan: '', manfaat: '' };

/**
 * The entry form. An OPD or unit operator enters one of their OPD's innovations (its profile is
 * shown, filled from the registry, and the entry references it) or describes a new one; citizens
 * always describe a new one. The chosen category's own fields are checked before anything is sent.
 */
function EntryForm({ code, call }: { code: string; call: ContestCall }) {
  const t = useT();
  const { user } = useMe();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const kind = user.roles.includes('peserta') ? 'citizen' : 'opd';
  const categories = call.categories.filter((category) => category.entrantKinds.includes(kind));
  const innovations = useEnterable(code, call.id, '', kind === 'opd');
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? '');
  const [chosenSource, setSource] = useState<Source>('existing');
  const [chosen, setChosen] = useState<Enterable | undefined>(undefined);
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // Once a send was tried, the form's own checks follow every keystroke.
  const [attempted, setAttempted] = useState(false);
  const category = categories.find((candidate) => candidate.id === categoryId);
  const categoryFields = category?.extraFields ?? [];
  const hasInnovations = (innovations.data?.pages[0]?.items.length ?? 0) > 0;
  const source: Source = kind === 'opd' && hasInnovations ? chosenSource : 'new';
  const enter = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries', {
          params: { path: { code, callId: call.id } },
          body: {
            categoryId,
            ...(source === 'existing' && chosen
              ? { innovationId: chosen.id }
              : { profile: newProfile(profile) }),
            extraFields: categoryFieldValues(categoryFields, answers),
          },
        }),
      ),
    onSuccess: () => {
      setAttempted(false);
      setChosen(undefined);
      setProfile(EMPTY_PROFILE);
      setAnswers({});
      return queryClient.invalidateQueries({ queryKey: contestKeys.call(code, call.id) });
    },
  });
  const check = () =>
    entryProblems(t, {
      innovationMissing: source === 'existing' && !chosen,
      nameMissing: source === 'new' && profile.name.trim().length < 3,
      fieldProblems: categoryFieldProblems(categoryFields, answers),
    });
  const problems = attempted ? check() : {};
  const server = enter.error instanceof ApiError ? enter.error.fieldMessages() : {};
  const fields: Record<string, string | undefined> = { ...server, ...problems };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(check()).length === 0) enter.mutate();
    else enter.reset();
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
        {hasInnovations && (
          <InnovationPicker
            code={code}
            callId={call.id}
            source={source}
            onSource={setSource}
            chosen={chosen}
            onPick={setChosen}
            error={fields.innovationId}
          />
        )}
        <ProfileInputs
          value={source === 'existing' ? profileOf(chosen) : profile}
          onChange={(field, value) => setProfile((current) => ({ ...current, [field]: value }))}
          readOnly={source === 'existing'}
          errors={fields}
        />
        <CategoryFieldInputs
          scope={categoryId}
          fields={categoryFields}
          answers={answers}
          onAnswer={(key, value) => setAnswers((current) => ({ ...current, [key]: value }))}
          errors={fields}
        />
        {Object.keys(problems).length > 0 && (
          <Alert color="red" role="alert">
            {t('contests.enter.check')}
          </Alert>
        )}
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

/** A new innovation's profile: empty optional texts are left out rather than sent blank. */
function newProfile(draft: ProfileDraft) {
  return {
    name: draft.name.trim(),
    ...(draft.tujuan.trim() ? { tujuan: draft.tujuan.trim() } : {}),
    ...(draft.manfaat.trim() ? { manfaat: draft.manfaat.trim() } : {}),
  };
}

/** The copy of an innovation's profile the entry form shows read-only. */
const profileOf = (innovation: { profile: Partial<ProfileDraft> } | undefined): ProfileDraft => ({
  name: innovation?.profile.name ?? '',
  tujuan: innovation?.profile.tujuan ?? '',
  manfaat: innovation?.profile.manfaat ?? '',
});

/** The form's own findings, keyed by the field paths the server would name. */
function entryProblems(
  t: Translate,
  found: {
    innovationMissing: boolean;
    nameMissing: boolean;
    fieldProblems: Record<string, FieldProblem>;
  },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (found.innovationMissing) problems.innovationId = t('contests.enter.problem.innovation');
  if (found.nameMissing) problems['profile.name'] = t('contests.enter.problem.name');
  for (const [key, problem] of Object.entries(found.fieldProblems))
    problems[`extraFields.${key}`] = t(`contests.enter.problem.${problem}`);
  return problems;
}

/** The chosen category's own questions, as the call defines them (text or number, maybe required). */
function CategoryFieldInputs({
  scope,
  fields,
  answers,
  onAnswer,
  errors,
}: {
  scope: string;
  fields: readonly CategoryField[];
  answers: Readonly<Record<string, string>>;
  onAnswer: (key: string, value: string) => void;
  errors: Readonly<Record<string, string | undefined>>;
}) {
  return fields.map((field) => {
    const common = {
      label: field.label,
      required: field.required,
      error: errors[`extraFields.${field.key}`],
      value: answers[field.key] ?? '',
    };
    // Keyed by category too: two categories may ask a field with the same key.
    return field.type === 'number' ? (
      <NumberInput
        key={`${scope}-${field.key}`}
        {...common}
        onChange={(value) => onAnswer(field.key, String(value))}
      />
    ) : (
      <TextInput
        key={`${scope}-${field.key}`}
        {...common}
        onChange={(e) => onAnswer(field.key, e.currentTarget.value)}
      />
    );
  });
}

/** The profile fields an entry carries; read-only when they come from the registry. */
function ProfileInputs({
  value,
  onChange,
  readOnly,
  errors,
}: {
  value: ProfileDraft;
  onChange: (field: keyof ProfileDraft, value: string) => void;
  readOnly: boolean;
  errors: Readonly<Record<string, string | undefined>>;
}) {
  const t = useT();
  return (
    <>
      <TextInput
        label={t('profile.name')}
        value={value.name}
        onChange={(e) => onChange('name', e.currentTarget.value)}
        readOnly={readOnly}
        error={errors['profile.name'] ?? errors.profile}
        // A name copied from the registry is not the entrant's to fill: no required mark on it.
        required={!readOnly}
      />
      {(['tujuan', 'manfaat'] as const).map((field) => (
        <Textarea
          key={field}
          label={t(`profile.${field}`)}
          value={value[field]}
          onChange={(e) => onChange(field, e.currentTarget.value)}
          readOnly={readOnly}
          error={errors[`profile.${field}`]}
          autosize
          minRows={2}
          maxRows={6}
        />
      ))}
    </>
  );
}
