import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { memo, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../api/errors.ts';
import {
  type AnswerReview,
  type IndicatorAnswer,
  type IndicatorEvidence,
  type Innovation,
  SID33_BASES,
  type Sid33Basis,
  type SidIndicator,
} from '../../api/model.ts';
import { SaveState, saveStatus } from '../../components/SaveState.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { WriteErrorAlert } from '../../components/WriteErrorAlert.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { IndicatorEvidencePanel } from '../evidence/IndicatorEvidencePanel.tsx';
import { countedLevel, KEMANFAATAN_CODE, levelLadder } from '../scoring/kematangan.ts';
import { LevelOption } from '../scoring/LevelOption.tsx';
import { useReloadInnovation, useReviewAnswer, useSaveAnswer } from '../workflow/mutations.ts';
import { EvidenceNeeded } from './EvidenceNeeded.tsx';
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

/**
 * One SID indicator of one innovation: the three level texts to pick from, what evidence the chosen
 * level needs, and the verifier's decision. Each choice saves as it is made (a note once typing
 * pauses), with its state in words; a choice the server refused stays in the card through a
 * conflict, with a way to save it again, while the rest of the page follows the server.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
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

  const current =
    draft ?? (queued ? fromQueued(queued.body as Parameters<typeof fromQueued>[0]) : fromServer(server));
  const dirty = draft !== null && !sameDraft(draft, fromServer(server));
  const isKemanfaatan = indicator.code === KEMANFAATAN_CODE;
  const ladder = levelLadder(indicator, current.basis);
  const chosen = current.level !== null && current.level > 0 ? ladder[current.level - 1] : undefined;
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

  const keptOffline = queued !== undefined && !queuedConflict && !save.isPending;
  const saved = save.isSuccess || Boolean(server);
  const status = saveStatus({
    keptOffline,
    pending: save.isPending,
    failed: save.isError,
    dirty,
    saved,
  });

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

        {server?.review?.status === 'returned' && (
          <Alert color="orange" title={t('indicator.returnedTitle')} data-testid="review-note">
            <Text size="sm">{server.review.note ?? t('indicator.noNote')}</Text>
          </Alert>
        )}

        {isKemanfaatan && indicator.bases && (
          <NativeSelect
            label={t('indicator.basis')}
            description={t('indicator.basisHint')}
            disabled={!canEdit}
            value={current.basis ?? ''}
            error={basisMissing ? t('indicator.basisRequired') : undefined}
            onChange={(event) =>
              change({ basis: (event.currentTarget.value || undefined) as Sid33Basis | undefined })
            }
            data={[
              { value: '', label: t('indicator.basisPlaceholder') },
              ...SID33_BASES.map((basis) => {
                const item = indicator.bases?.find((candidate) => candidate.basis === basis);
                return {
                  value: basis,
                  label: item ? `${basis}. ${item.name} (${item.unit})` : basis,
                };
              }),
            ]}
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

        {canEdit ? (
          <Textarea
            label={t('indicator.note')}
            autosize
            minRows={1}
            maxRows={5}
            maxLength={2000}
            value={current.note}
            onChange={(event) => change({ note: event.currentTarget.value }, 'after_typing')}
            onBlur={() => {
              if (dirty) persist(current);
            }}
          />
        ) : (
          server?.note && (
            <Text size="sm">
              <Text span fw={600}>
                {t('indicator.note')}:
              </Text>{' '}
              {server.note}
            </Text>
          )
        )}

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
            onLoadLatest={async () => {
              await reload().catch(() => undefined);
              save.reset();
            }}
            testId="answer-error"
          />
        )}

        {canEdit && (
          <SaveState
            status={status}
            failedText={t('indicator.saveFailed')}
            testId="answer-save-state"
            dataState={status === 'empty' ? 'saved' : undefined}
          >
            {dirty && !save.isPending && !queued && current.level !== null && (
              <Button
                size="xs"
                variant="light"
                onClick={() => persist(current)}
                aria-label={t('indicator.saveFor', { name: indicator.name })}
              >
                {save.isError ? t('indicator.retry') : t('indicator.save')}
              </Button>
            )}
          </SaveState>
        )}

        {canReview && server && <ReviewControls code={code} innovation={innovation} indicator={indicator} />}
      </Stack>
    </Paper>
  );
});

/**
 * The sections of the page whose answer still waits for the verifier, in page order, judged on the
 * innovation the server just returned (the page may not have re-rendered yet).
 */
function focusNextWaiting(from: HTMLElement | null, innovation: Innovation): boolean {
  const cards = [...document.querySelectorAll<HTMLElement>('section[data-testid^="indicator-"]')];
  const waiting = (card: HTMLElement) => {
    const answer = innovation.answers[card.dataset.testid?.slice('indicator-'.length) ?? ''];
    return answer !== undefined && answer.review === undefined;
  };
  const here = from ? cards.indexOf(from) : -1;
  const next = [...cards.slice(here + 1), ...cards.slice(0, Math.max(here, 0))].find(waiting);
  const heading = next?.querySelector<HTMLElement>('h3');
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
  return true;
}

/**
 * Accept, or return with a note (the note is required: the operator needs to know what to fix).
 * A decision taken stays in view as a sentence; changing it is its own step, so a second click can
 * never silently turn an accepted answer into a returned one. After deciding, the verifier is taken
 * to the next answer still waiting.
 */
/** The decision taken, in words, with the step to change it unless changing is under way. */
function ReviewDecision({
  decided,
  decidedAt,
  changing,
  indicatorName,
  decisionRef,
  onChange,
}: {
  decided: AnswerReview;
  decidedAt: string;
  changing: boolean;
  indicatorName: string;
  decisionRef: RefObject<HTMLParagraphElement | null>;
  onChange: () => void;
}) {
  const t = useT();
  return (
    <Group justify="space-between" gap="xs">
      <Text
        ref={decisionRef}
        tabIndex={-1}
        size="sm"
        c={decided.status === 'accepted' ? 'teal.9' : 'orange.9'}
        data-testid="review-decision"
      >
        {t(`review.decided.${decided.status}`, { date: decidedAt })}
      </Text>
      {!changing && (
        <Button
          size="xs"
          variant="default"
          onClick={onChange}
          aria-label={t('review.changeFor', { name: indicatorName })}
        >
          {t('review.change')}
        </Button>
      )}
    </Group>
  );
}

function ReviewControls({
  code,
  innovation,
  indicator,
}: {
  code: string;
  innovation: Innovation;
  indicator: SidIndicator;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const review = useReviewAnswer(code, innovation.id);
  const reload = useReloadInnovation(code, innovation.id);
  const [returning, setReturning] = useState(false);
  const [changing, setChanging] = useState(false);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const decisionRef = useRef<HTMLParagraphElement>(null);
  const conflict = review.error instanceof ApiError && review.error.isVersionConflict;
  const decided = innovation.answers[indicator.code]?.review;

  function decide(status: 'accepted' | 'returned') {
    if (status === 'returned' && note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    review.mutate(
      {
        indicator: indicator.code,
        version: innovation.version,
        status,
        ...(status === 'returned' ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (saved) => {
          setReturning(false);
          setChanging(false);
          setNote('');
          const card = rootRef.current?.closest<HTMLElement>('section') ?? null;
          // With nothing left to review, focus stays on the decision just taken.
          if (!focusNextWaiting(card, saved)) requestAnimationFrame(() => decisionRef.current?.focus());
        },
      },
    );
  }

  const showButtons = !decided || changing;
  return (
    <Stack ref={rootRef} gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" fw={600}>
        {t('review.title')}
      </Text>
      {decided && (
        <ReviewDecision
          decided={decided}
          decidedAt={format.dateTime(decided.at)}
          changing={changing}
          indicatorName={indicator.name}
          decisionRef={decisionRef}
          onChange={() => setChanging(true)}
        />
      )}
      {returning && (
        <Textarea
          label={t('review.note')}
          description={t('review.noteHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          error={noteMissing ? t('review.noteRequired') : undefined}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteMissing(false);
          }}
          data-autofocus
        />
      )}
      {review.error !== null && (
        <WriteErrorAlert
          error={review.error}
          conflict={conflict}
          conflictText={t('indicator.conflict')}
          errorMessage={errorMessage}
          onLoadLatest={async () => {
            await reload().catch(() => undefined);
            review.reset();
          }}
        />
      )}
      {showButtons && (
        <Group gap="xs">
          {returning ? (
            <>
              <Button
                size="sm"
                color="orange"
                loading={review.isPending}
                onClick={() => decide('returned')}
                aria-label={t('review.confirmReturnFor', { name: indicator.name })}
              >
                {t('review.confirmReturn')}
              </Button>
              <Button size="sm" variant="default" onClick={() => setReturning(false)}>
                {t('app.cancel')}
              </Button>
            </>
          ) : (
            <>
              {decided?.status !== 'accepted' && (
                <Button
                  size="sm"
                  // Shade 9: white on the theme's teal 8 stays under 4.5:1 (WCAG AA).
                  color="teal.9"
                  loading={review.isPending}
                  onClick={() => decide('accepted')}
                  aria-label={t('review.acceptFor', { name: indicator.name })}
                >
                  {t('review.accept')}
                </Button>
              )}
              {decided?.status !== 'returned' && (
                <Button
                  size="sm"
                  variant="outline"
                  color="orange"
                  onClick={() => setReturning(true)}
                  aria-label={t('review.returnFor', { name: indicator.name })}
                >
                  {t('review.return')}
                </Button>
              )}
              {changing && (
                <Button size="sm" variant="default" onClick={() => setChanging(false)}>
                  {t('app.cancel')}
                </Button>
              )}
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
