import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../api/errors.ts';
import type {
  AnswerReview,
  IndicatorAnswer,
  IndicatorEvidence,
  Innovation,
  Sid33Basis,
  SidIndicator,
} from '../../api/model.ts';
import { SaveState, type SaveStatus, saveStatus } from '../../components/SaveState.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { reloadThenReset, WriteErrorAlert } from '../../components/WriteErrorAlert.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { IndicatorEvidencePanel } from '../evidence/IndicatorEvidencePanel.tsx';
import { countedLevel, KEMANFAATAN_CODE, levelLadder } from '../scoring/kematangan.ts';
import { LevelOption } from '../scoring/LevelOption.tsx';
import { useReloadInnovation, useSaveAnswer } from '../workflow/mutations.ts';
import { BasisSelect } from './BasisSelect.tsx';
import { EvidenceNeeded } from './EvidenceNeeded.tsx';
import { ReviewControls } from './IndicatorReview.tsx';
import { OfflineConflict } from './OfflineConflict.tsx';
import { useAnswerQueue } from './offlineAnswers.ts';
import { isLocalId } from './offlineCreate.ts';
import { ReviewBadge } from './ReviewBadge.tsx';

/** Typing a note saves once the person pauses, so each keystroke is not a write. */
const NOTE_SAVE_DELAY_MS = 1200;

interface Props {
  code: string;
  innovation: Innovation;
  indicator: SidIndicator;
  canEdit: boolean;
  canReview: boolean;
  /** The server's evidence checklist entry for this indicator (absent while it loads). */
  evidence?: IndicatorEvidence | undefined;
}

interface Draft {
  level: number | null;
  basis: Sid33Basis | undefined;
  note: string;
}

function fromServer(answer: IndicatorAnswer | undefined): Draft {
  return { level: answer?.level ?? null, basis: answer?.basis, note: answer?.note ?? '' };
}

function fromQueued(body: {
  level: number;
  basis?: Sid33Basis | undefined;
  note?: string | undefined;
}): Draft {
  return { level: body.level, basis: body.basis, note: body.note ?? '' };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.level === b.level && a.basis === b.basis && a.note.trim() === b.note.trim();
}

/** What the card shows: the person's unsent draft, else the answer queued offline, else the server's. */
function shownDraft(
  draft: Draft | null,
  queued: { body: unknown } | undefined,
  server: IndicatorAnswer | undefined,
): Draft {
  return draft ?? (queued ? fromQueued(queued.body as Parameters<typeof fromQueued>[0]) : fromServer(server));
}

/** The level picked, whose evidence the card lists; none for level 0 or before a choice. */
function pickedLevel(ladder: ReturnType<typeof levelLadder>, level: number | null) {
  return level !== null && level > 0 ? ladder[level - 1] : undefined;
}

/** The indicator's weight, whether it is mandatory, and the score its counted level earns. */
function IndicatorBadges({
  indicator,
  counted,
  format,
}: {
  indicator: SidIndicator;
  counted: number;
  format: ReturnType<typeof useFormat>;
}) {
  const t = useT();
  return (
    <Group gap={6}>
      <Badge variant="light" color="gray">
        {t('indicator.weight', { weight: format.decimal(indicator.weight) })}
      </Badge>
      {indicator.mandatory && (
        <Badge variant="light" color="red">
          {t('indicator.mandatory')}
        </Badge>
      )}
      <Badge variant="light" color={counted > 0 ? 'blue' : 'gray'}>
        {t('indicator.score', {
          score: format.decimal(indicator.weight * counted),
          max: format.decimal(indicator.weight * 3),
        })}
      </Badge>
    </Group>
  );
}

/** The answer's note: a field for whoever may edit, else the saved note as text when there is one. */
function IndicatorNote({
  canEdit,
  draftNote,
  savedNote,
  onChange,
  onBlur,
}: {
  canEdit: boolean;
  draftNote: string;
  savedNote: string | undefined;
  onChange: (note: string) => void;
  onBlur: () => void;
}) {
  const t = useT();
  if (canEdit)
    return (
      <Textarea
        label={t('indicator.note')}
        autosize
        minRows={1}
        maxRows={5}
        maxLength={2000}
        value={draftNote}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
    );
  return (
    savedNote && (
      <Text size="sm">
        <Text span fw={600}>
          {t('indicator.note')}:
        </Text>{' '}
        {savedNote}
      </Text>
    )
  );
}

/**
 * Where this answer stands. A queued answer counts as kept offline unless its send conflicted or a
 * save is on its way; it counts as saved once any save succeeded or the server holds one.
 */
function answerStatus(
  save: { isPending: boolean; isError: boolean; isSuccess: boolean },
  card: { queued: boolean; queuedConflict: boolean; dirty: boolean; server: IndicatorAnswer | undefined },
): SaveStatus {
  const keptOffline = card.queued && !card.queuedConflict && !save.isPending;
  const saved = save.isSuccess || Boolean(card.server);
  return saveStatus({
    keptOffline,
    pending: save.isPending,
    failed: save.isError,
    dirty: card.dirty,
    saved,
  });
}

/** The verifier's note on a returned answer: what the operator is asked to fix. */
function ReturnedNote({ review }: { review: AnswerReview | undefined }) {
  const t = useT();
  if (review?.status !== 'returned') return null;
  return (
    <Alert color="orange" title={t('indicator.returnedTitle')} data-testid="review-note">
      <Text size="sm">{review.note ?? t('indicator.noNote')}</Text>
    </Alert>
  );
}

/** Where the answer stands, with a save button while a choice waits that nothing else will send. */
function AnswerSaveState({
  status,
  canSave,
  failed,
  indicatorName,
  onSave,
}: {
  status: SaveStatus;
  canSave: boolean;
  failed: boolean;
  indicatorName: string;
  onSave: () => void;
}) {
  const t = useT();
  return (
    <SaveState
      status={status}
      failedText={t('indicator.saveFailed')}
      testId="answer-save-state"
      dataState={status === 'empty' ? 'saved' : undefined}
    >
      {canSave && (
        <Button
          size="xs"
          variant="light"
          onClick={onSave}
          aria-label={t('indicator.saveFor', { name: indicatorName })}
        >
          {failed ? t('indicator.retry') : t('indicator.save')}
        </Button>
      )}
    </SaveState>
  );
}

/**
 * One SID indicator of one innovation: the three level texts to pick from, what evidence the chosen
 * level needs, and the verifier's decision. Each choice saves as it is made (a note once typing
 * pauses), with its state in words; a choice the server refused stays in the card through a
 * conflict, with a way to save it again, while the rest of the page follows the server.
 */
export const IndicatorCard = memo(function IndicatorCard({
  code,
  innovation,
  indicator,
  canEdit,
  canReview,
  evidence,
}: Props) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const server = innovation.answers[indicator.code];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [basisMissing, setBasisMissing] = useState(false);
  const save = useSaveAnswer(code, innovation.id);
  const reload = useReloadInnovation(code, innovation.id);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const offline = useAnswerQueue(code, innovation.id);
  const queued = offline.queue?.answers[indicator.code];
  const queuedConflict = queued !== undefined && offline.queue?.conflict === true;

  // Once the queue sent this answer, the card follows the server again.
  const wasQueued = useRef(false);
  useEffect(() => {
    if (queued) wasQueued.current = true;
    else if (wasQueued.current) {
      wasQueued.current = false;
      save.reset();
      setDraft(null);
    }
  }, [queued, save.reset]);

  const current = shownDraft(draft, queued, server);
  const dirty = draft !== null && !sameDraft(draft, fromServer(server));
  const isKemanfaatan = indicator.code === KEMANFAATAN_CODE;
  const ladder = levelLadder(indicator, current.basis);
  const chosen = pickedLevel(ladder, current.level);
  const counted = countedLevel(indicator.code, server, 'claimed');
  const headingId = `indikator-${indicator.code.replace('.', '-')}`;
  const saveError = save.error;
  const versionConflict = saveError instanceof ApiError && saveError.isVersionConflict;
  const unsafe = dirty || save.isPending;

  // A choice not yet on the server must not vanish when the tab closes or reloads.
  useEffect(() => {
    if (!unsafe) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsafe]);
  // A note still waiting for the typing pause is sent when the card goes away (the person navigated
  // within the pause), rather than dropped; the write itself outlives the card.
  const pendingNote = useRef<(() => void) | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(noteTimer.current);
      pendingNote.current?.();
    },
    [],
  );

  /** Saves a choice as soon as it is made; the version check still refuses a stale one visibly. */
  function persist(next: Draft) {
    clearTimeout(noteTimer.current);
    pendingNote.current = undefined;
    if (next.level === null) return;
    if (isKemanfaatan && next.level > 0 && !next.basis) {
      setBasisMissing(true);
      return;
    }
    const note = next.note.trim();
    const body = {
      level: next.level,
      ...(isKemanfaatan && next.basis ? { basis: next.basis } : {}),
      ...(note ? { note } : {}),
    };
    // Created offline and not on the server yet: the answer waits for it (docs/decisions/0049).
    if (isLocalId(innovation.id)) {
      void offline.keep(indicator.code, body, innovation.version);
      return;
    }
    save.mutate(
      { indicator: indicator.code, version: innovation.version, body },
      {
        // A later choice made while this one was on its way stays as the draft, and saves next.
        onSuccess: () => setDraft((latest) => (latest && !sameDraft(latest, next) ? latest : null)),
        // No connection: the choice is kept on this device and sent when the connection returns.
        onError: (error) => {
          if (error instanceof NetworkError) void offline.keep(indicator.code, body, innovation.version);
        },
      },
    );
  }

  function change(next: Partial<Draft>, when: 'now' | 'after_typing' = 'now') {
    setBasisMissing(false);
    const updated = { ...current, ...next };
    setDraft(updated);
    clearTimeout(noteTimer.current);
    if (when === 'now') persist(updated);
    else {
      pendingNote.current = () => persist(updated);
      noteTimer.current = setTimeout(() => persist(updated), NOTE_SAVE_DELAY_MS);
    }
  }

  const status = answerStatus(save, { queued: queued !== undefined, queuedConflict, dirty, server });

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      data-testid={`indicator-${indicator.code}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {indicator.number}. {indicator.name}
          </Title>
          <ReviewBadge answer={server} />
        </Group>
        <IndicatorBadges indicator={indicator} counted={counted} format={format} />

        <ReturnedNote review={server?.review} />

        {isKemanfaatan && indicator.bases && (
          <BasisSelect
            indicator={indicator}
            disabled={!canEdit}
            value={current.basis}
            missing={basisMissing}
            onChange={(basis) => change({ basis })}
          />
        )}

        <Radio.Group
          label={t('indicator.pickLevel')}
          value={current.level === null ? '' : String(current.level)}
          onChange={(value) => change({ level: Number(value) })}
          readOnly={!canEdit}
        >
          <Stack gap={6} mt={6}>
            <LevelOption value={0} text={t('indicator.level0')} disabled={!canEdit} />
            {ladder.map((level) => (
              <LevelOption key={level.level} value={level.level} text={level.text} disabled={!canEdit} />
            ))}
          </Stack>
        </Radio.Group>

        {chosen && <EvidenceNeeded evidence={chosen.evidence} />}

        <IndicatorEvidencePanel
          code={code}
          innovationId={innovation.id}
          opdId={innovation.opdId}
          indicator={indicator}
          entry={evidence}
          canEdit={canEdit && !isLocalId(innovation.id)}
        />

        <IndicatorNote
          canEdit={canEdit}
          draftNote={current.note}
          savedNote={server?.note}
          onChange={(note) => change({ note }, 'after_typing')}
          onBlur={() => {
            if (dirty) persist(current);
          }}
        />

        {queuedConflict && queued && (
          <OfflineConflict
            mine={queued.body.level}
            theirs={server?.level}
            onSendMine={() => offline.sendMineOnTop()}
            onKeepTheirs={() => {
              setDraft(null);
              return offline.keepTheirs(indicator.code);
            }}
          />
        )}
        {saveError !== null && !(saveError instanceof NetworkError && queued) && (
          <WriteErrorAlert
            error={saveError}
            conflict={versionConflict}
            conflictText={t('indicator.conflict')}
            errorMessage={errorMessage}
            onLoadLatest={reloadThenReset(reload, save.reset)}
            testId="answer-error"
          />
        )}

        {canEdit && (
          <AnswerSaveState
            status={status}
            canSave={dirty && !save.isPending && !queued && current.level !== null}
            failed={save.isError}
            indicatorName={indicator.name}
            onSave={() => persist(current)}
          />
        )}

        {canReview && server && <ReviewControls code={code} innovation={innovation} indicator={indicator} />}
      </Stack>
    </Paper>
  );
});
