/**
 * When a call takes entries and scores (docs/decisions/0042). Stage dates are whole days in the
 * calendar the rest of the product uses (Western Indonesia Time, `todayInJakarta`), inclusive at
 * both ends: a stage runs from the end date of the stage before it to its own end date, so the
 * hand-over day belongs to both and a call may run several stages on one day.
 */
import type { JudgedStage } from './schemas.ts';

export interface ContestStageDates {
  readonly entriesOpen: string;
  readonly entriesClose: string;
  readonly screeningEnd: string;
  readonly deskEnd: string;
  readonly finalEnd: string;
  readonly announcement: string;
}

export type ContestWindow = 'entries' | JudgedStage;

/** The first and last day (YYYY-MM-DD) of entries, desk judging or the final. */
export function contestWindow(dates: ContestStageDates, window: ContestWindow): { from: string; to: string } {
  if (window === 'entries') return { from: dates.entriesOpen, to: dates.entriesClose };
  if (window === 'desk') return { from: dates.screeningEnd, to: dates.deskEnd };
  return { from: dates.deskEnd, to: dates.finalEnd };
}

/** `open` on the window's days, otherwise whether `today` comes before or after it. */
export function contestWindowState(
  dates: ContestStageDates,
  window: ContestWindow,
  today: string,
): 'before' | 'open' | 'after' {
  const { from, to } = contestWindow(dates, window);
  if (today < from) return 'before';
  if (today > to) return 'after';
  return 'open';
}
