import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type RefObject, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import type { AnswerReview, Innovation, SidIndicator } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { reloadThenReset, WriteErrorAlert } from '../../components/WriteErrorAlert.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useReloadInnovation, useReviewAnswer } from '../workflow/mutations.ts';

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

/**
 * Accept, or return with a note (the note is required: the operator needs to know what to fix).
 * A decision taken stays in view as a sentence; changing it is its own step, so a second click can
 * never silently turn an accepted answer into a returned one. After deciding, the verifier is taken
 * to the next answer still waiting.
 */
export function ReviewControls({
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
          onLoadLatest={reloadThenReset(reload, review.reset)}
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
