import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { currentYear } from '../../api/queries.ts';
import { DateField } from '../../components/DateField.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CategoriesEditor, CriteriaEditor } from './CallEditors.tsx';
import {
  blankDraft,
  categoriesFromDrafts,
  criteriaFromDrafts,
  draftOf,
  prizesFromLines,
  STAGE_DATE_FIELDS,
} from './callDrafts.ts';
import { type ContestCall, type ContestCallInput, contestKeys } from './contestApi.ts';

const METHODS = ['mean', 'trimmed_mean', 'z_score'] as const;

/**
 * The call editor: creates a draft, or (given `call`) edits a call that has not reached judging.
 * Categories and criteria keep their ids across edits, so entries and scores still point at them.
 */
export function CallForm({ code, call }: { code: string; call?: ContestCall }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [initial] = useState(() => (call ? draftOf(call) : blankDraft(currentYear())));
  const [title, setTitle] = useState(initial.title);
  const [year, setYear] = useState<string | number>(initial.year);
  const [description, setDescription] = useState(initial.description);
  const [eligibility, setEligibility] = useState(initial.eligibility);
  const [dates, setDates] = useState(initial.stageDates);
  const [categories, setCategories] = useState(initial.categories);
  const [desk, setDesk] = useState(initial.desk);
  const [final, setFinal] = useState(initial.final);
  const [prizes, setPrizes] = useState(initial.prizes);
  const [blindMode, setBlindMode] = useState(initial.blindMode);
  const [aggregation, setAggregation] = useState<(typeof METHODS)[number]>(initial.aggregation);
  const [judgesPerEntry, setJudgesPerEntry] = useState<string | number>(initial.judgesPerEntry);
  const input = (): ContestCallInput => ({
    title,
    year: Number(year),
    description,
    eligibility,
    stageDates: dates,
    categories: categoriesFromDrafts(categories),
    criteria: { desk: criteriaFromDrafts(desk), final: criteriaFromDrafts(final) },
    prizes: prizesFromLines(prizes, call?.prizes ?? []),
    blindMode,
    aggregation,
    judgesPerEntry: Number(judgesPerEntry),
  });
  const save = useMutation({
    mutationFn: () =>
      call
        ? unwrap(
            api.PUT('/tenants/{code}/contests/{callId}', {
              params: { path: { code, callId: call.id } },
              headers: ifMatch(call.version),
              body: input(),
            }),
          )
        : unwrap(api.POST('/tenants/{code}/contests', { params: { path: { code } }, body: input() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.calls(code) }),
  });
  const fields = save.error instanceof ApiError ? save.error.fieldMessages() : {};
  const headingId = call ? 'ubah-lomba' : 'lomba-baru';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t(call ? 'contests.edit' : 'contests.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('contests.field.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fields.title}
            required
          />
          <NumberInput
            label={t('contests.field.year')}
            value={year}
            onChange={setYear}
            allowDecimal={false}
            error={fields.year}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('contests.field.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('contests.field.eligibility')}
          value={eligibility}
          onChange={(e) => setEligibility(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {STAGE_DATE_FIELDS.map((field) => (
            <DateField
              key={field}
              label={t(`contests.field.${field}`)}
              value={dates[field]}
              onChange={(value) => setDates((current) => ({ ...current, [field]: value }))}
              error={fields[`stageDates.${field}`]}
              required
            />
          ))}
        </SimpleGrid>
        <CategoriesEditor value={categories} onChange={setCategories} errors={fields} />
        {(
          [
            ['desk', desk, setDesk],
            ['final', final, setFinal],
          ] as const
        ).map(([stage, value, onChange]) => (
          <CriteriaEditor
            key={stage}
            legend={t(`contests.field.${stage}Criteria`)}
            path={`criteria.${stage}`}
            value={value}
            onChange={onChange}
            errors={fields}
          />
        ))}
        <Textarea
          label={t('contests.field.prizes')}
          value={prizes}
          onChange={(e) => setPrizes(e.currentTarget.value)}
          autosize
          minRows={3}
          error={fields.prizes}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('contests.field.aggregation')}
            value={aggregation}
            onChange={(e) => setAggregation(e.currentTarget.value as (typeof METHODS)[number])}
            data={METHODS.map((method) => ({ value: method, label: t(`contests.method.${method}`) }))}
          />
          <NumberInput
            label={t('contests.field.judgesPerEntry')}
            value={judgesPerEntry}
            onChange={setJudgesPerEntry}
            min={1}
            max={20}
            allowDecimal={false}
          />
        </SimpleGrid>
        <Checkbox
          label={t('contests.field.blindMode')}
          checked={blindMode}
          onChange={(e) => setBlindMode(e.currentTarget.checked)}
        />
        {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
        {save.isSuccess && call && <Alert color="green">{t('contests.edit.saved')}</Alert>}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t(call ? 'contests.edit.save' : 'contests.new')}
        </Button>
      </Stack>
    </Paper>
  );
}
