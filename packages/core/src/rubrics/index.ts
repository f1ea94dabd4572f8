import { IID_2026 } from './iid-2026.ts';
import { IID_2027 } from './iid-2027.ts';
import type { Rubric } from './types.ts';
import { InvalidRubricError, validateRubric } from './validate.ts';

export * from './formula-history.ts';
export * from './types.ts';
export { InvalidRubricError, KEMANFAATAN_CODE, type RubricValidation, validateRubric } from './validate.ts';

/**
 * Every rubric version the product can pin an assessment period to. Next year = one more entry.
 * An id is never reused for other rules: a provisional rubric carries its own id, so the final one
 * arrives under another and nothing scored under the prognosis changes silently.
 */
const RUBRICS = {
  'iid-2026': IID_2026,
  'iid-2027-provisional': IID_2027,
} as const satisfies Record<string, Rubric>;

export type RubricId = keyof typeof RUBRICS;

export const RUBRIC_IDS = Object.keys(RUBRICS) as [RubricId, ...RubricId[]];

export const DEFAULT_RUBRIC_ID: RubricId = 'iid-2026';

/**
 * Ids that stored data may still carry for a rubric that was renamed. `iid-2027` named the
 * provisional 2027 rules until they got an id of their own; periods and SPD answers pinned to it
 * keep meaning exactly those rules, so the alias can never point at the final 2027 rubric.
 */
export const RUBRIC_ALIASES: Readonly<Record<string, RubricId>> = {
  'iid-2027': 'iid-2027-provisional',
};

/** What a rubric id looks like: `iid-<year>`, with a suffix for a rubric that is not the final one. */
export const RUBRIC_ID_PATTERN = /^iid-\d{4}(?:-[a-z]+)?$/;

export class UnknownRubricError extends Error {
  constructor(readonly rubricId: string) {
    super(`Unknown rubric ${rubricId}; known: ${RUBRIC_IDS.join(', ')}`);
    this.name = 'UnknownRubricError';
  }
}

/** Whether an id is a shipped rubric's own id (aliases are not: see resolveRubricId). */
export function isRubricId(id: string): id is RubricId {
  return Object.hasOwn(RUBRICS, id);
}

/** The shipped rubric an id stands for, through an alias where stored data still uses an old id. */
export function resolveRubricId(id: string): RubricId | undefined {
  if (isRubricId(id)) return id;
  return Object.hasOwn(RUBRIC_ALIASES, id) ? RUBRIC_ALIASES[id] : undefined;
}

/**
 * The rubric a year is scored with by default: the final rubric of that year, or its provisional
 * one while BSKDN has not published the final rules.
 */
export function defaultRubricIdForYear(year: number): RubricId | undefined {
  const ofYear = RUBRIC_IDS.filter((id) => RUBRICS[id].year === year);
  return ofYear.find((id) => !RUBRICS[id].provisional) ?? ofYear[0];
}

const validatedIds = new Set<RubricId>();

/**
 * Returns a rubric by id (or by an alias of its id). The first load of each rubric validates it, so
 * a broken data file fails loudly before it can produce a wrong score.
 */
export function getRubric(requestedId: string): Rubric {
  const id = resolveRubricId(requestedId);
  if (id === undefined) throw new UnknownRubricError(requestedId);
  const rubric = RUBRICS[id];
  if (!validatedIds.has(id)) {
    const validation = validateRubric(rubric);
    const problems = rubric.id === id ? validation.problems : [...validation.problems, `registered as ${id}`];
    if (problems.length > 0) throw new InvalidRubricError(rubric.id, problems);
    validatedIds.add(id);
  }
  return rubric;
}
