import { rubricIdForPeriod } from '@inovasi/core';
import { getRubric, type Rubric } from '@inovasi/core/scoring';
import type { PeriodRepository } from '@inovasi/data';

/** The rubric a period is scored with: the one it was opened with, else its year's default. */
export async function findPeriodRubric(
  periods: Pick<PeriodRepository, 'get'>,
  year: number,
): Promise<Rubric | undefined> {
  const rubricId = rubricIdForPeriod(year, await periods.get(year));
  return rubricId ? getRubric(rubricId) : undefined;
}
