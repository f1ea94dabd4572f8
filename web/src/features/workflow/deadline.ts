import type { Period } from '../../api/model.ts';

/**
 * The server's calendar rules (packages/core/src/workflow/periods.ts), written out here because that
 * module carries zod schemas the first download must not pay for; web/test/polish.test.ts checks both
 * agree. Deadlines are whole days in WIB: a deadline day is still open until its end.
 */
/** Today in Western Indonesia Time (UTC+7), the calendar the deadlines and the age window use. */
export function todayInJakarta(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export type PeriodLock = 'open' | 'operators_locked' | 'read_only';

function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface OperatorDeadline {
  /** The last day (YYYY-MM-DD) this OPD's operators may still edit. */
  lastDay: string;
  /** Whole days from today to `lastDay`; 0 on the day itself, negative once passed. */
  daysLeft: number;
  /** True when an extension moved the day past the internal deadline. */
  extended: boolean;
  lock: PeriodLock;
}

/**
 * The day an OPD's editing closes: the internal deadline, or a later extension that covers the OPD
 * (never past the national deadline, after which nobody edits).
 */
export function operatorDeadline(period: Period, opdId: string | undefined, today: string): OperatorDeadline {
  let lastDay = period.internalDeadline;
  for (const extension of period.extensions) {
    if (extension.opdId !== undefined && extension.opdId !== opdId) continue;
    if (extension.until > lastDay) lastDay = extension.until;
  }
  if (lastDay > period.nationalDeadline) lastDay = period.nationalDeadline;
  const lock: PeriodLock =
    today > period.nationalDeadline ? 'read_only' : today > lastDay ? 'operators_locked' : 'open';
  return {
    lastDay,
    daysLeft: daysUntil(today, lastDay),
    extended: lastDay !== period.internalDeadline,
    lock,
  };
}
