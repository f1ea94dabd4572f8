import {
  daysUntil,
  type PeriodDeadlines,
  type PeriodLock,
  periodLock,
  todayInJakarta,
} from '@inovasi/core/browser';

export { type PeriodLock, todayInJakarta };

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
 * (never past the national deadline, after which nobody edits). The lock is the server's own rule.
 */
export function operatorDeadline(
  period: PeriodDeadlines,
  opdId: string | undefined,
  today: string,
): OperatorDeadline {
  let lastDay = period.internalDeadline;
  for (const extension of period.extensions) {
    if (extension.opdId !== undefined && extension.opdId !== opdId) continue;
    if (extension.until > lastDay) lastDay = extension.until;
  }
  if (lastDay > period.nationalDeadline) lastDay = period.nationalDeadline;
  return {
    lastDay,
    daysLeft: daysUntil(today, lastDay),
    extended: lastDay !== period.internalDeadline,
    lock: periodLock(period, today, opdId),
  };
}
