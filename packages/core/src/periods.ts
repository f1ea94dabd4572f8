import { defaultRubricIdForYear, type RubricId, resolveRubricId } from './rubrics/index.ts';

/** The rubric an assessment year is scored with by default (its final rubric, else its provisional one). */
export function rubricForYear(year: number): RubricId | undefined {
  return defaultRubricIdForYear(year);
}

/** What rubricIdForPeriod needs of a stored period: the rubric it pinned when it was opened. */
export interface PinnedRubric {
  readonly rubricId: string;
}

/**
 * The rubric a period is scored with: the one the period pinned when it was opened, so every
 * screen, gate and export of the period uses the same rules; the year's default only when the
 * region has not opened the period. Undefined when neither names a rubric this build knows. A pin to a renamed rubric's old id
 * resolves through its alias. This is
 * the one place that decides it (issue 18): callers load the period and ask here, never by year.
 */
export function rubricIdForPeriod(year: number, period: PinnedRubric | undefined): RubricId | undefined {
  if (period !== undefined) return resolveRubricId(period.rubricId);
  return rubricForYear(year);
}

/** The IID season a new innovation belongs to unless said otherwise: this year's, when it has a rubric. */
export function defaultAssessmentYear(now = new Date()): number {
  const year = now.getUTCFullYear();
  if (rubricForYear(year)) return year;
  for (let candidate = year - 1; candidate >= year - 5; candidate--) {
    if (rubricForYear(candidate)) return candidate;
  }
  return year;
}
