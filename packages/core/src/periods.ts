import { isRubricId, type RubricId } from './rubrics/index.ts';

/** The rubric an assessment year is scored with by default: `iid-<year>` when one exists. */
export function rubricForYear(year: number): RubricId | undefined {
  const id = `iid-${year}`;
  return isRubricId(id) ? id : undefined;
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
