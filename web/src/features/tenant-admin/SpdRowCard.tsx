import '../../i18n/id-admin.ts';
import '../../i18n/id-field.ts';
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
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { SpdAnswer, SpdAnswerInput, SpdAnswers, SpdFigures, SpdRow } from '../../api/model.ts';
import { SaveState, saveStatus } from '../../components/SaveState.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { WriteErrorAlert } from '../../components/WriteErrorAlert.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { EvidenceNeeded } from '../innovations/EvidenceNeeded.tsx';
import { ReviewBadge } from '../innovations/ReviewBadge.tsx';
import { LevelOption } from '../scoring/LevelOption.tsx';
import { useSpdWrites } from './spdWrites.ts';

export type Mode = 'figures' | 'level';

// Reviewing is the verifier's: Bappeda's operators filling the rows never download it.
const SpdReview = lazy(() => import('./SpdReview.tsx').then((module) => ({ default: module.SpdReview })));

/** A note or a figure saves once typing pauses this long, or when the field loses focus. */
const TYPING_PAUSE_MS = 1200;

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

/** The level whose evidence the card lists: the one picked, or in figures mode the level saved on the server. */
function chosenLevelOf(row: SpdRow, current: RowDraft, answer: SpdAnswer | undefined) {
  const chosenLevel = current.mode === 'level' ? current.level : (answer?.level ?? null);
  return chosenLevel ? row.levels[chosenLevel - 1] : undefined;
}

/**
 * One SPD row: a level or figures and a note, saved as they are entered (ADR 0027's way, for the
 * region-wide answers): a level at once, figures and the note when typing pauses or the field loses
 * focus, each write with the version check; the card says where its answer stands, keeps a refused
 * entry with a way to load the latest version and save it again, and the tab asks before closing
 * while an entry is not on the server.
 */
export function SpdRowCard(props: {
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
  const writes = useSpdWrites(code, year);
  const answer = spd.answers[row.code];
  const [draft, setDraft] = useState<RowDraft | null>(null);
  const current = draft ?? fromServer(row, answer);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | undefined>(undefined);
  const save = useMutation({
    mutationFn: (body: SpdAnswerInput) =>
      writes.inTurn((version) =>
        unwrap(
          api.PUT('/tenants/{code}/periods/{year}/spd/{row}', {
            params: { path: { code, year, row: row.code } },
            headers: ifMatch(version),
            body,
          }),
        ),
      ),
    onSuccess: (saved) => writes.adopt(saved),
  });
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict;
  const headingId = `spd-${row.code.replace('.', '-')}`;
  const chosen = chosenLevelOf(row, current, answer);
  const unsafe = draft !== null || save.isPending;

  // An entry not yet on the server must not vanish when the tab closes or reloads.
  useEffect(() => {
    if (!unsafe) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsafe]);
  // An entry still in its typing pause is sent when the card goes away, not dropped.
  useEffect(
    () => () => {
      clearTimeout(typingTimer.current);
      pending.current?.();
    },
    [],
  );

  function persist(next: RowDraft) {
    clearTimeout(typingTimer.current);
    pending.current = undefined;
    const note = next.note.trim();
    const figures = Object.fromEntries(
      Object.entries(next.figures).filter(([, value]) => value !== undefined && value !== ''),
    ) as SpdFigures;
    let body: SpdAnswerInput;
    if (next.mode === 'figures') {
      if (Object.keys(figures).length === 0) return;
      body = { figures, ...(note ? { note } : {}) };
    } else if (next.level !== null) body = { level: next.level, ...(note ? { note } : {}) };
    else return;
    save.mutate(body, {
      // An entry made while this one was on its way stays as the draft, and saves next.
      onSuccess: () => setDraft((latest) => (latest === next ? null : latest)),
    });
  }

  /** `now` for a level; `after_typing` for figures and the note; `none` for the input mode alone. */
  function change(next: Partial<RowDraft>, when: 'now' | 'after_typing' | 'none') {
    save.reset();
    const updated = { ...current, ...next };
    setDraft(updated);
    clearTimeout(typingTimer.current);
    pending.current = undefined;
    if (when === 'now') persist(updated);
    else if (when === 'after_typing') {
      pending.current = () => persist(updated);
      typingTimer.current = setTimeout(() => persist(updated), TYPING_PAUSE_MS);
    }
  }

  /** A field losing focus sends what is waiting for the typing pause. */
  function flush() {
    pending.current?.();
  }

  const status = saveStatus({
    pending: save.isPending,
    failed: save.isError,
    dirty: draft !== null,
    saved: Boolean(answer),
  });

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      data-testid={`spd-row-${row.code}`}
      onBlur={flush}
    >
      <Stack gap="sm">
        <RowSummary row={row} answer={answer} headingId={headingId} weight={format.decimal(row.weight)} />
        {row.derivation && canEdit && (
          <SegmentedControl
            size="xs"
            value={current.mode}
            onChange={(value) => change({ mode: value as Mode }, 'none')}
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
            onChange={(figures) => change({ figures }, 'after_typing')}
          />
        ) : (
          <Radio.Group
            label={t('indicator.pickLevel')}
            value={current.level === null ? '' : String(current.level)}
            onChange={(value) => change({ level: Number(value) }, 'now')}
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
            onChange={(event) => change({ note: event.currentTarget.value }, 'after_typing')}
            onBlur={flush}
          />
        )}
        {save.error !== null && (
          <WriteErrorAlert
            error={save.error}
            conflict={conflict}
            conflictText={t('spd.conflict')}
            errorMessage={errorMessage}
            onLoadLatest={() => void writes.reload()}
            testId="spd-save-error"
          />
        )}
        {canEdit && (
          <SaveState status={status} failedText={t('spd.saveFailed')} testId="spd-save-state">
            {/* Only needed again after a refusal: everything else saves on its own. */}
            {save.isError && draft !== null && (
              <Button
                size="sm"
                onClick={() => persist(draft)}
                loading={save.isPending}
                aria-label={t('indicator.saveFor', { name: row.name })}
              >
                {t('indicator.save')}
              </Button>
            )}
          </SaveState>
        )}
        {canReview && answer && (
          <Suspense fallback={null}>
            <SpdReview code={code} year={year} row={row} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}

/** The row's name, weight and standing: mandatory, the level saved, a verifier's note on a return. */
function RowSummary({
  row,
  answer,
  headingId,
  weight,
}: {
  row: SpdRow;
  answer: SpdAnswer | undefined;
  headingId: string;
  weight: string;
}) {
  const t = useT();
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={2} size="h5" id={headingId}>
          {row.number}. {row.name}
        </Title>
        <ReviewBadge answer={answer} />
      </Group>
      <Group gap={6}>
        <Badge variant="light" color="gray">
          {t('indicator.weight', { weight })}
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
    </>
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
