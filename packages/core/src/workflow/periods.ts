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

export { daysUntil, type PeriodLock, periodLock, todayInJakarta } from './calendar.ts';
