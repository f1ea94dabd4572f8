import { z } from '@hono/zod-openapi';
import { rubricForYear } from '@inovasi/core';
import { ApiError } from '../errors.ts';
import { tenantParams } from '../schemas.ts';

export const periodParams = tenantParams.extend({
  year: z.coerce.number().int().min(2022).max(2100).openapi({ example: 2026 }),
});

/** The rubric a period is scored with; a year without one cannot be projected. */
export function rubricIdForPeriod(year: number): string {
  const rubricId = rubricForYear(year);
  if (!rubricId) throw new ApiError(404, 'no_rubric_for_year', 'year');
  return rubricId;
}
