/**
 * Scaled values such as 51.815 × 100 land on 5181.499999999999 in binary floating point. Nudging by
 * a relative 1e-12 absorbs that noise (a few ulps, ~1e-16 relative) while staying far below the
 * smallest real distance to a half that index arithmetic can produce (about 1e-5 / n for n innovations).
 */
const RELATIVE_TOLERANCE = 1e-12;

/**
 * Rounds half away from zero ("half-up" as in commercial rounding) to a number of decimals, the way
 * the index is published: 51.815 → 51.82, 1.005 → 1.01.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.floor(scaled + 0.5 + scaled * RELATIVE_TOLERANCE) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The published index precision (iid-model.md decision 9). */
export function roundIndex(index: number): number {
  return roundHalfUp(index, 2);
}

/**
 * Drops binary noise from a score shown to people (12 × 0.38 is 4.5600000000000005 in IEEE doubles).
 * Scores stay below a few hundred, so nine decimals keep every meaningful digit. Monotone, so it
 * never reorders two scores.
 */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
