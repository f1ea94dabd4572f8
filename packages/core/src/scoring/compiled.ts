import { BASIC_SERVICE_URUSAN } from '../innovation/urusan.ts';
import type { Rubric } from '../rubrics/index.ts';

/**
 * A rubric flattened into code/weight pairs, built once per rubric object. Scoring a
 * region then walks plain arrays instead of rubric objects, which keeps the hot path cheap when
 * 500 regions with 100 innovations each are scored in one go.
 */
export interface WeightedCode {
  readonly code: string;
  readonly weight: number;
}

export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly spd: readonly WeightedCode[];
  readonly sid: readonly WeightedCode[];
  readonly spdCodeSet: ReadonlySet<string>;
  readonly sidCodeSet: ReadonlySet<string>;
}

const compiledRubrics = new WeakMap<Rubric, CompiledRubric>();

export const BASIC_SERVICE_SET: ReadonlySet<string> = new Set(BASIC_SERVICE_URUSAN);

export function compileRubric(rubric: Rubric): CompiledRubric {
  const cached = compiledRubrics.get(rubric);
  if (cached !== undefined) return cached;
  const weighted = ({ code, weight }: WeightedCode): WeightedCode => ({ code, weight });
  const compiled: CompiledRubric = {
    rubric,
    spd: rubric.spdRows.map(weighted),
    sid: rubric.sidIndicators.map(weighted),
    spdCodeSet: new Set(rubric.spdRows.map((row) => row.code)),
    sidCodeSet: new Set(rubric.sidIndicators.map((indicator) => indicator.code)),
  };
  compiledRubrics.set(rubric, compiled);
  return compiled;
}
