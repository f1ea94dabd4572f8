import '../../i18n/id-contests.ts';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { currentYear } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { CategoriesEditor, CriteriaEditor } from './CallEditors.tsx';
import { ContestHeader, ContestStatusBadge } from './ContestHeader.tsx';
import {
  type CategoryDraft,
  type CriterionDraft,
  categoriesFromDrafts,
  criteriaFromDrafts,
  newCategory,
  newCriterion,
  STAGE_DATE_FIELDS,
} from './callDrafts.ts';
import { contestKeys, linesOf, useContests } from './contestApi.ts';

const METHODS = ['mean', 'trimmed_mean', 'z_score'] as const;

export default function ContestsPage() {
  const t = useT();
  const code = useTenantCode();
  const { user } = useMe();
  const calls = useContests(code);
  usePageTitle(t('contests.title'));
  const admin = user.roles.includes('tenant_admin');
  return (
    <Stack gap="md" maw={1040}>
      <ContestHeader title={t('contests.title')}>
        <Text>{t('contests.intro')}</Text>
      </ContestHeader>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
      ) : calls.data.length === 0 ? (
        <EmptyMessage message={t('contests.empty')} />
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contests.field.title')}</Table.Th>
              <Table.Th>{t('contests.field.year')}</Table.Th>
              <Table.Th>{t('contests.entry.stage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.data.map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/lomba/${call.id}`}>
                    {call.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{call.year}</Table.Td>
                <Table.Td>
                  <ContestStatusBadge status={call.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {admin && <CreateContestForm code={code} />}
    </Stack>
  );
}

function CreateContestForm({ code }: { code: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<string | number>(currentYear());
  const [description, setDescription] = useState('');
  const [eligibility, setEligibility] = useState('');
  const [dates, setDates] = useState<Record<(typeof STAGE_DATE_FIELDS)[number], string>>({
    entriesOpen: '',
    entriesClose: '',
    screeningEnd: '',
    deskEnd: '',
    finalEnd: '',
    announcement: '',
  });
  const [categories, setCategories] = useState<CategoryDraft[]>(() => [
    newCategory('ASN/OPD', 'opd'),
    newCategory('Masyarakat', 'citizen'),
  ]);
  const [desk, setDesk] = useState<CriterionDraft[]>(() =>
    ['Kebaruan', 'Manfaat', 'Keberlanjutan'].map((label) => newCriterion(label)),
  );
  const [final, setFinal] = useState<CriterionDraft[]>(() =>
    ['Presentasi', 'Kunjungan lapangan'].map((label) => newCriterion(label)),
  );
  const [prizes, setPrizes] = useState('Juara I\nJuara II\nJuara III');
  const [blindMode, setBlindMode] = useState(true);
  const [aggregation, setAggregation] = useState<(typeof METHODS)[number]>('mean');
  const [judgesPerEntry, setJudgesPerEntry] = useState<string | number>(2);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/contests', {
          params: { path: { code } },
          body: {
            title,
            year: Number(year),
            description,
            eligibility,
            stageDates: dates,
            categories: categoriesFromDrafts(categories),
            criteria: { desk: criteriaFromDrafts(desk), final: criteriaFromDrafts(final) },
            prizes: linesOf(prizes).map((label, index) => ({ rank: index + 1, label })),
            blindMode,
            aggregation,
            judgesPerEntry: Number(judgesPerEntry),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.calls(code) }),
  });
  const fields = create.error instanceof ApiError ? create.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="lomba-baru">
      <Stack gap="sm">
        <Title order={2} size="h4" id="lomba-baru">
          {t('contests.new')}
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
        <CriteriaEditor
          legend={t('contests.field.deskCriteria')}
          path="criteria.desk"
          value={desk}
          onChange={setDesk}
          errors={fields}
        />
        <CriteriaEditor
          legend={t('contests.field.finalCriteria')}
          path="criteria.final"
          value={final}
          onChange={setFinal}
          errors={fields}
        />
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
        {create.isError && <Alert color="red">{errorMessage(create.error)}</Alert>}
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('contests.new')}
        </Button>
      </Stack>
    </Paper>
  );
}
