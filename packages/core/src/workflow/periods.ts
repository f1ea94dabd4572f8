import { z } from 'zod';
import { targetRuleSchema } from '../units/target-rule.ts';

const isoDate = z.iso.date();

export const periodExtensionSchema = z.object({
  /** The OPD the extension is for; absent = every OPD. */
  opdId: z.string().optional(),
  until: isoDate,
  reason: z.string(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type PeriodExtension = z.infer<typeof periodExtensionSchema>;

/** An assessment period of one region: one IID season with its pinned rubric and deadlines. */
export const periodSchema = z.object({
  year: z.number().int(),
  rubricId: z.string(),
  /** After this day operators can no longer edit (unless extended); Bappeda's own deadline. */
  internalDeadline: isoDate,
  /** BSKDN's upload deadline: after this day the period is read-only. */
  nationalDeadline: isoDate,
  extensions: z.array(periodExtensionSchema),
  openedAt: z.iso.datetime(),
  openedBy: z.string(),
  /** Who must report how many in this period (ADR 0036); absent = each OPD's own target. */
  targetRule: targetRuleSchema.optional(),
  version: z.number().int().min(1),
});
export type Period = z.infer<typeof periodSchema>;

export type PeriodLock = 'open' | 'operators_locked' | 'read_only';

/** Deadlines are whole days in the region's calendar: a deadline day is still open until its end. */
const after = (today: string, deadline: string) => today > deadline;

/**
 * Whether an OPD's operators may still edit in a period on a given day (YYYY-MM-DD). Tenant admins
 * keep editing until the national deadline; after it nobody edits.
 */
export function periodLock(period: Period, today: string, opdId: string | undefined): PeriodLock {
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
