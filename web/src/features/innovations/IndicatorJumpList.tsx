import '../../i18n/id-jump.ts';
import { Box, Button, Group, Paper, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { Innovation, Rubric, SidIndicator } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  type IndicatorState,
  indicatorState,
  isUnanswered,
  isWaiting,
  nextMatching,
} from './indicatorStates.ts';

interface Props {
  innovation: Innovation;
  rubric: Rubric;
  /** The operator's view: "next unanswered". */
  canEdit: boolean;
  /** The verifier's view: "next waiting for review". */
  canReview: boolean;
}

interface Entry {
  indicator: SidIndicator;
  state: IndicatorState;
}

const STATE_COLOR: Record<IndicatorState, string> = {
  empty: 'dimmed',
  mandatoryMissing: 'red.9',
  answered: 'blue.9',
  waiting: 'indigo.9',
  accepted: 'teal.9',
  returned: 'orange.9',
};

/** Space between the bar and the top of a card it jumps to, in px. */
const LANDING_GAP = 8;

const cardOf = (code: string) =>
  document.querySelector<HTMLElement>(`section[data-testid="indicator-${CSS.escape(code)}"]`);

/**
 * The indicators page is 18,000 px long (24,000 on a phone): a bar that stays under the header with
 * every indicator's state one tap away, and a button to the next one needing this person's attention.
 * States are words, not only colours; the list folds away so it never covers the card on a phone.
 */
export function IndicatorJumpList({ innovation, rubric, canEdit, canReview }: Props) {
  const t = useT();
  const listId = useId();
  const [opened, setOpened] = useState(false);
  const [notice, setNotice] = useState('');
  const entries: Entry[] = rubric.sidIndicators.map((indicator) => ({
    indicator,
    state: indicatorState(indicator, innovation.answers[indicator.code], innovation.status),
  }));
  const answered = entries.filter((entry) => !isUnanswered(entry.state)).length;
  const waiting = entries.filter((entry) => isWaiting(entry.state)).length;

  function goTo(code: string) {
    const card = cardOf(code);
    const heading = card?.querySelector<HTMLElement>('h3');
    if (!card || !heading) return;
    setOpened(false);
    setNotice('');
    // Land below the header and this bar, whose height is known only now.
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    const bar = document.querySelector<HTMLElement>('[data-testid="jump-bar"]')?.offsetHeight ?? 0;
    card.style.scrollMarginTop = `${header + bar + LANDING_GAP}px`;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'start' });
  }

  /**
   * The card being read: the one holding focus, else the last one whose top is under the bar or
   * where a jump lands it (the first card sits further below the bar, so from the top of the
   * section "next" may land on the first card).
   */
  function currentIndex(): number {
    const cards = entries.map((entry) => cardOf(entry.indicator.code));
    const focused = cards.findIndex((card) => card?.contains(document.activeElement));
    if (focused >= 0) return focused;
    const barBottom = document.querySelector('[data-testid="jump-bar"]')?.getBoundingClientRect().bottom ?? 0;
    let index = -1;
    cards.forEach((card, at) => {
      if (card && card.getBoundingClientRect().top <= barBottom + LANDING_GAP + 1) index = at;
    });
    return index;
  }

  function next(matches: (state: IndicatorState) => boolean, none: string) {
    const target = nextMatching(entries, currentIndex(), (entry) => matches(entry.state));
    if (target) goTo(target.indicator.code);
    else setNotice(none);
  }

  return (
    <Paper
      withBorder
      p="xs"
      data-testid="jump-bar"
      style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 3 }}
    >
      <Group gap="xs" justify="space-between">
        <Button
          variant="default"
          size="sm"
          aria-expanded={opened}
          aria-controls={listId}
          onClick={() => setOpened((open) => !open)}
        >
          {opened ? t('jump.hide') : t('jump.show', { answered, total: entries.length })}
        </Button>
        <Group gap="xs">
          {canReview && (
            <Button size="sm" variant="default" onClick={() => next(isWaiting, t('jump.noneWaiting'))}>
              {t('jump.nextWaiting')}
            </Button>
          )}
          {canEdit && (
            <Button size="sm" variant="default" onClick={() => next(isUnanswered, t('jump.noneUnanswered'))}>
              {t('jump.nextUnanswered')}
            </Button>
          )}
        </Group>
      </Group>
      {canReview && waiting > 0 && (
        <Text size="xs" mt={4} data-testid="jump-waiting">
          {t('jump.summaryReview', { waiting })}
        </Text>
      )}
      <Text size="sm" role="status" data-testid="jump-notice">
        {notice}
      </Text>
      <Box
        id={listId}
        component="ol"
        hidden={!opened}
        aria-label={t('jump.title')}
        m={0}
        mt="xs"
        p={0}
        style={{ listStyle: 'none', maxHeight: '55vh', overflowY: 'auto' }}
      >
        {entries.map(({ indicator, state }) => (
          <li key={indicator.code} data-testid={`jump-item-${indicator.code}`} data-state={state}>
            <Box
              component="a"
              href={`#indikator-${indicator.code.replace('.', '-')}`}
              onClick={(event) => {
                event.preventDefault();
                goTo(indicator.code);
              }}
              style={{
                display: 'flex',
                gap: 8,
                justifyContent: 'space-between',
                padding: '8px 4px',
                minHeight: 44,
                color: 'inherit',
                textDecoration: 'none',
                borderTop: '1px solid var(--mantine-color-gray-3)',
              }}
            >
              <Text size="sm" style={{ minWidth: 0 }}>
                {indicator.number}. {indicator.name}
              </Text>
              <Text size="xs" fw={600} c={STATE_COLOR[state]} style={{ flexShrink: 0, textAlign: 'right' }}>
                {t(`jump.state.${state}`)}
              </Text>
            </Box>
          </li>
        ))}
      </Box>
    </Paper>
  );
}
