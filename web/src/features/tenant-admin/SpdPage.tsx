import '../../i18n/id-admin.ts';
import '../../i18n/id-dashboard.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type {
  ReviewStatus,
  Rubric,
  SpdAnswer,
  SpdAnswerInput,
  SpdAnswers,
  SpdFigures,
  SpdRow,
} from '../../api/model.ts';
import { currentYear, queryKeys, usePeriods, useSpdAnswers, useYearRubric } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { EvidenceNeeded } from '../innovations/EvidenceNeeded.tsx';
import { ReviewBadge } from '../innovations/ReviewBadge.tsx';
import { LevelOption } from '../scoring/LevelOption.tsx';

type Mode = 'figures' | 'level';

export default function SpdPage() {
  const t = useT();
  const code = useTenantCode();
  const periods = usePeriods(code);
  const [year, setYear] = useState(currentYear());
  const spd = useSpdAnswers(code, year);
  const rubric = useYearRubric(code, year);
  usePageTitle(t('spd.title'));
  const years = [...new Set([currentYear(), ...(periods.data ?? []).map((period) => period.year)])].sort(
    (a, b) => b - a,
  );

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('spd.title')}</Title>
        <NativeSelect
          label={t('dashboard.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years.map((value) => ({ value: String(value), label: String(value) }))}
          w={140}
        />
      </Group>
      <Text>{t('spd.intro')}</Text>
      {spd.isPending || rubric.isPending ? (
        <LoadingState />
      ) : spd.isError ? (
        <ErrorState error={spd.error} onRetry={() => spd.refetch()} />
      ) : rubric.isError ? (
        <ErrorState error={rubric.error} onRetry={() => rubric.refetch()} />
      ) : (
        <SpdForm code={code} year={year} spd={spd.data} rubric={rubric.data} />
      )}
    </Stack>
  );
}

function spdScore(rubric: Rubric, spd: SpdAnswers, verifiedOnly: boolean): number {
  let total = 0;
  for (const row of rubric.spdRows) {
    const answer = spd.answers[row.code];
    if (!answer?.level) continue;
    if (verifiedOnly && answer.review?.status !== 'accepted') continue;
    total += row.weight * answer.level;
  }
  return total;
}

function SpdForm({
  code,
  year,
  spd,
  rubric,
}: {
  code: string;
  year: number;
  spd: SpdAnswers;
  rubric: Rubric;
}) {
  const { t, language } = useI18n();
  const format = useFormat();
  const { user } = useMe();
  const canEdit = hasRole(user, 'tenant_admin', 'platform_admin');
  const canReview = hasRole(user, 'tenant_admin', 'verifier', 'platform_admin');
  const assumptionIds = new Set(
    rubric.spdRows.flatMap((row) =>
      row.derivation?.kind === 'numeric' ? (row.derivation.assumptionIds ?? []) : [],
    ),
  );
  const assumptions = rubric.assumptions.filter((assumption) => assumptionIds.has(assumption.id));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Paper withBorder p="sm">
          <Text size="sm">{t('spd.scoreClaimed')}</Text>
          <Text size="xl" fw={700} data-testid="spd-claimed">
            {format.decimal(spdScore(rubric, spd, false))} / {rubric.formula.maxSpd}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{t('spd.scoreVerified')}</Text>
          <Text size="xl" fw={700}>
            {format.decimal(spdScore(rubric, spd, true))} / {rubric.formula.maxSpd}
          </Text>
        </Paper>
      </SimpleGrid>
      {assumptions.length > 0 && (
        <Alert color="blue" title={t('spd.assumptions')}>
          <Stack gap={4}>
            {assumptions.map((assumption) => (
              <Text key={assumption.id} size="sm">
                {language === 'en' ? assumption.message_en : assumption.message_id}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {rubric.spdRows.map((row) => (
        <SpdRowCard
          key={row.code}
          code={code}
          year={year}
          spd={spd}
          row={row}
          canEdit={canEdit}
          canReview={canReview}
        />
      ))}
    </>
  );
}

interface RowDraft {
  mode: Mode;
  level: number | null;
  figures: SpdFigures;
  note: string;
}

function fromServer(row: SpdRow, answer: SpdAnswer | undefined): RowDraft {
  const hasFigures = answer?.figures !== undefined;
  return {
    mode: row.derivation && (hasFigures || !answer) ? 'figures' : 'level',
    level: answer?.level ?? null,
    figures: { ...(answer?.figures ?? {}) },
    note: answer?.note ?? '',
  };
}

function useSpdCache(code: string, year: number) {
  const queryClient = useQueryClient();
  return (saved: SpdAnswers) => {
    queryClient.setQueryData(queryKeys.spd(code, year), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.projection(code, year) });
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.scoring(code), 'advice'] });
  };
}

function SpdRowCard(props: {
  code: string;
  year: number;
  spd: SpdAnswers;
  row: SpdRow;
  canEdit: boolean;
  canReview: boolean;
}) {
  const { code, year, spd, row, canEdit, canReview } = props;
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const adopt = useSpdCache(code, year);
  const answer = spd.answers[row.code];
  const [draft, setDraft] = useState<RowDraft | null>(null);
  const current = draft ?? fromServer(row, answer);
  const save = useMutation({
    mutationFn: (body: SpdAnswerInput) =>
      unwrap(
        api.PUT('/tenants/{code}/periods/{year}/spd/{row}', {
          params: { path: { code, year, row: row.code } },
          headers: ifMatch(spd.version),
          body,
        }),
      ),
    onSuccess: (saved) => {
      adopt(saved);
      setDraft(null);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict;
  const headingId = `spd-${row.code.replace('.', '-')}`;
  const chosenLevel = current.mode === 'level' ? current.level : (answer?.level ?? null);
  const chosen = chosenLevel ? row.levels[chosenLevel - 1] : undefined;

  function change(next: Partial<RowDraft>) {
    save.reset();
    setDraft({ ...current, ...next });
  }

  function submit() {
    const note = current.note.trim();
    const figures = Object.fromEntries(
      Object.entries(current.figures).filter(([, value]) => value !== undefined && value !== ''),
    ) as SpdFigures;
    if (current.mode === 'figures') {
      save.mutate({ figures, ...(note ? { note } : {}) });
    } else if (current.level !== null) {
      save.mutate({ level: current.level, ...(note ? { note } : {}) });
    }
  }

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      data-testid={`spd-row-${row.code}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h5" id={headingId}>
            {row.number}. {row.name}
          </Title>
          <ReviewBadge answer={answer} />
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t('indicator.weight', { weight: format.decimal(row.weight) })}
          </Badge>
          {row.mandatory && (
            <Badge variant="light" color="red">
              {t('indicator.mandatory')}
            </Badge>
          )}
          {answer?.level !== undefined && (
            <Badge variant="light" color="blue">
              {t('spd.savedLevel', { level: answer.level })}
            </Badge>
          )}
        </Group>
        {answer?.review?.status === 'returned' && (
          <Alert color="orange" title={t('indicator.returnedTitle')}>
            <Text size="sm">{answer.review.note ?? t('indicator.noNote')}</Text>
          </Alert>
        )}
        {row.derivation && canEdit && (
          <SegmentedControl
            size="xs"
            value={current.mode}
            onChange={(value) => change({ mode: value as Mode })}
            aria-label={t('spd.modeLabel', { name: row.name })}
            data={[
              { value: 'figures', label: t('spd.modeFigures') },
              { value: 'level', label: t('spd.modeLevel') },
            ]}
          />
        )}
        {current.mode === 'figures' && row.derivation ? (
          <FigureInputs
            row={row}
            figures={current.figures}
            disabled={!canEdit}
            onChange={(figures) => change({ figures })}
          />
        ) : (
          <Radio.Group
            label={t('indicator.pickLevel')}
            value={current.level === null ? '' : String(current.level)}
            onChange={(value) => change({ level: Number(value) })}
            readOnly={!canEdit}
          >
            <Stack gap={6} mt={6}>
              <LevelOption value={0} text={t('indicator.level0')} disabled={!canEdit} />
              {row.levels.map((level) => (
                <LevelOption key={level.level} value={level.level} text={level.text} disabled={!canEdit} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {current.mode === 'figures' && row.derivation && (
          <Stack gap={2}>
            {row.levels.map((level) => (
              <Text key={level.level} size="xs" c="dimmed">
                {t('indicator.level', { level: level.level })}: {level.text}
              </Text>
            ))}
          </Stack>
        )}
        {chosen && <EvidenceNeeded evidence={chosen.evidence} />}
        {canEdit && (
          <Textarea
            label={t('indicator.note')}
            autosize
            minRows={1}
            maxLength={2000}
            value={current.note}
            onChange={(event) => change({ note: event.currentTarget.value })}
          />
        )}
        {save.error !== null && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert">
            {conflict ? t('spd.conflict') : errorMessage(save.error)}
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button
              size="sm"
              onClick={submit}
              loading={save.isPending}
              disabled={draft === null}
              aria-label={t('indicator.saveFor', { name: row.name })}
            >
              {t('indicator.save')}
            </Button>
          </Group>
        )}
        {canReview && answer && <SpdReview code={code} year={year} spd={spd} row={row} />}
      </Stack>
    </Paper>
  );
}

function FigureInputs({
  row,
  figures,
  disabled,
  onChange,
}: {
  row: SpdRow;
  figures: SpdFigures;
  disabled: boolean;
  onChange(figures: SpdFigures): void;
}) {
  const t = useT();
  const derivation = row.derivation;
  if (!derivation) return null;
  if (derivation.kind === 'grade') {
    const values = derivation.grades.flatMap((grade) => grade.values);
    return (
      <NativeSelect
        label={t('spd.grade')}
        disabled={disabled}
        value={figures.grade ?? ''}
        onChange={(event) => onChange({ ...figures, grade: event.currentTarget.value || undefined })}
        data={[
          { value: '', label: t('profile.select') },
          ...values.map((value) => ({ value, label: value })),
        ]}
      />
    );
  }
  const number = (field: 't1' | 't2' | 'count', label: string) => (
    <NumberInput
      key={field}
      label={label}
      disabled={disabled}
      decimalSeparator=","
      thousandSeparator="."
      allowNegative={field !== 'count'}
      allowDecimal={field !== 'count'}
      value={figures[field] ?? ''}
      onChange={(value) => onChange({ ...figures, [field]: typeof value === 'number' ? value : undefined })}
    />
  );
  const unit = derivation.unit;
  switch (derivation.measure) {
    case 'count':
      return number('count', t('spd.count', { unit }));
    case 'latest':
      return number('t1', t('spd.t1', { unit }));
    default:
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {number('t1', t('spd.t1', { unit: '' }))}
          {number('t2', t('spd.t2', { unit: '' }))}
          <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
            {t(`spd.measure.${derivation.measure}`, { unit })}
          </Text>
        </SimpleGrid>
      );
  }
}

function SpdReview({ code, year, spd, row }: { code: string; year: number; spd: SpdAnswers; row: SpdRow }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const adopt = useSpdCache(code, year);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: ({ status, note }: { status: ReviewStatus; note?: string }) =>
      unwrap(
        api.POST('/tenants/{code}/periods/{year}/spd/{row}/review', {
          params: { path: { code, year, row: row.code } },
          headers: ifMatch(spd.version),
          body: note ? { status, note } : { status },
        }),
      ),
    onSuccess: (saved) => {
      adopt(saved);
      setReturning(false);
      setNote('');
    },
  });
  return (
    <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" fw={600}>
        {t('review.title')}
      </Text>
      {returning && (
        <Textarea
          label={t('review.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      )}
      {review.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(review.error)}
        </Alert>
      )}
      <Group gap="xs">
        {returning ? (
          <>
            <Button
              size="sm"
              color="orange"
              loading={review.isPending}
              disabled={note.trim() === ''}
              onClick={() => review.mutate({ status: 'returned', note: note.trim() })}
            >
              {t('review.confirmReturn')}
            </Button>
            <Button size="sm" variant="default" onClick={() => setReturning(false)}>
              {t('app.cancel')}
            </Button>
          </>
        ) : (
          <>
            <Button
              size="sm"
              color="teal"
              loading={review.isPending}
              onClick={() => review.mutate({ status: 'accepted' })}
              aria-label={t('review.acceptFor', { name: row.name })}
            >
              {t('review.accept')}
            </Button>
            <Button
              size="sm"
              variant="outline"
              color="orange"
              onClick={() => setReturning(true)}
              aria-label={t('review.returnFor', { name: row.name })}
            >
              {t('review.return')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
