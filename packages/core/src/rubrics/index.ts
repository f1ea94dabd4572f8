import { IID_2026 } from './iid-2026.ts';
import { IID_2027 } from './iid-2027.ts';
import type { Rubric } from './types.ts';
import { InvalidRubricError, validateRubric } from './validate.ts';

export * from './formula-history.ts';
export * from './types.ts';
export { InvalidRubricError, KEMANFAATAN_CODE, type RubricValidation, validateRubric } from './validate.ts';

/** Every rubric version the product can pin an assessment period to. Next year = one more entry. */
const RUBRICS = {
  'iid-2026': IID_2026,
  'iid-2027': IID_2027,
} as const satisfies Record<string, Rubric>;

export type RubricId = keyof typeof RUBRICS;

export const RUBRIC_IDS = Object.keys(RUBRICS) as [RubricId, ...RubricId[]];

export const DEFAULT_RUBRIC_ID: RubricId = 'iid-2026';

export class UnknownRubricError extends Error {
  constructor(readonly rubricId: string) {
    super(`Unknown rubric ${rubricId}; known: ${RUBRIC_IDS.join(', ')}`);
    this.name = 'UnknownRubricError';
  }
}

export function isRubricId(id: string): id is RubricId {
  return Object.hasOwn(RUBRICS, id);
}

const validatedIds = new Set<RubricId>();

/**
 * Returns a rubric by id. The first load of each rubric validates it, so a broken data file fails
 * loudly before it can produce a wrong score.
 */
export function getRubric(id: string): Rubric {
  if (!isRubricId(id)) throw new UnknownRubricError(id);
  const rubric = RUBRICS[id];
  if (!validatedIds.has(id)) {
    const validation = validateRubric(rubric);
    const problems = rubric.id === id ? validation.problems : [...validation.problems, `registered as ${id}`];
    if (problems.length > 0) throw new InvalidRubricError(rubric.id, problems);
    validatedIds.add(id);
  }
  return rubric;
}
