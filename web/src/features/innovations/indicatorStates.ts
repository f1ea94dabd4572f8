import type { IndicatorAnswer, Innovation, SidIndicator } from '../../api/model.ts';

/** Where one indicator of one innovation stands, as the jump list names it. */
export type IndicatorState = 'empty' | 'mandatoryMissing' | 'answered' | 'waiting' | 'accepted' | 'returned';

const UNDER_REVIEW: readonly Innovation['status'][] = ['submitted', 'in_review'];

/**
 * A decision, once taken, is what matters; an answer waits for review only while the innovation is
 * with the verifier (before submission it is simply answered).
 */
export function indicatorState(
  indicator: Pick<SidIndicator, 'mandatory'>,
  answer: IndicatorAnswer | undefined,
  status: Innovation['status'],
): IndicatorState {
  if (answer === undefined) return indicator.mandatory ? 'mandatoryMissing' : 'empty';
  if (answer.review?.status === 'accepted') return 'accepted';
  if (answer.review?.status === 'returned') return 'returned';
  return UNDER_REVIEW.includes(status) ? 'waiting' : 'answered';
}

export const isUnanswered = (state: IndicatorState) => state === 'empty' || state === 'mandatoryMissing';
export const isWaiting = (state: IndicatorState) => state === 'waiting';

/**
 * The next indicator after `from` (page order, wrapping round to the start) that matches; `from`
 * itself comes last, so it is found only when it is the only one left.
 */
export function nextMatching<T>(
  items: readonly T[],
  from: number,
  matches: (item: T) => boolean,
): T | undefined {
  const count = items.length;
  for (let step = 1; step <= count; step += 1) {
    const item = items[(((from + step) % count) + count) % count] as T;
    if (matches(item)) return item;
  }
  return undefined;
}
