/**
 * The calendar rules of an assessment period, free of zod so the web app applies the very same rules
 * (through `@inovasi/core/browser`) without downloading the schemas.
 */

/** What the calendar rules read of a period. */
export interface PeriodDeadlines {
  readonly internalDeadline: string;
  readonly nationalDeadline: string;
  readonly extensions: readonly { readonly opdId?: string | undefined; readonly until: string }[];
}

export type PeriodLock = 'open' | 'operators_locked' | 'read_only';

/** Deadlines are whole days in the region's calendar: a deadline day is still open until its end. */
const after = (today: string, deadline: string) => today > deadline;

/**
 * Whether an OPD's operators may still edit in a period on a given day (YYYY-MM-DD). Tenant admins
 * keep editing until the national deadline; after it nobody edits.
 */
export function periodLock(period: PeriodDeadlines, today: string, opdId: string | undefined): PeriodLock {
  if (after(today, period.nationalDeadline)) return 'read_only';
  if (!after(today, period.internalDeadline)) return 'open';
  const extended = period.extensions.some(
    (extension) =>
      (extension.opdId === undefined || extension.opdId === opdId) && !after(today, extension.until),
  );
  return extended ? 'open' : 'operators_locked';
}

/** Whole days from `today` to a deadline (negative once passed). */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in Western Indonesia Time (UTC+7), the calendar BSKDN's deadlines are set in. */
export function todayInJakarta(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
