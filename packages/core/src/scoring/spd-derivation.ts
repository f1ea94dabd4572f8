import type { KemanfaatanBasis, Level, NumericBand, NumericDerivation, SpdRow } from '../rubrics/types.ts';
import { roundHalfUp } from './rounding.ts';

// Deriving a level from figures needs the row alone, not the rubric data: the web app's what-if
// screen imports this module, and spd.ts (which compiles whole rubrics) would bring every rubric.

/**
 * Raw figures a region enters for a quantitative SPD row (decision 5). Which ones a row needs
 * depends on its measure: growth and change rows need `t1` and `t2`, level rows `t1`, count rows
 * `count`, grade rows (BPK opinion, SAKIP, IKK) `grade`.
 */
export interface SpdRawFigures {
  readonly t1?: number;
  readonly t2?: number;
  readonly count?: number;
  readonly grade?: string;
}

export type DerivationProblem =
  | 'missing_figures'
  | 'division_by_zero'
  | 'unknown_grade'
  | 'no_matching_range';

export interface BandMatch {
  readonly level: Level;
  /** True when the figure matched more than one transcribed range and the higher level was taken. */
  readonly boundaryAssumptionApplied: boolean;
}

export interface SpdDerivation extends BandMatch {
  readonly code: string;
  /** The figure that was compared (after rounding), or the normalised grade. */
  readonly value: number | string | null;
  readonly problem?: DerivationProblem;
}

function inBand(band: NumericBand, value: number): boolean {
  if (band.min !== undefined && (band.minExclusive ? value <= band.min : value < band.min)) return false;
  if (band.max !== undefined && (band.maxExclusive ? value >= band.max : value > band.max)) return false;
  return true;
}

/**
 * The level of a figure against transcribed ranges. Where ranges overlap at a boundary the higher
 * level wins (decision 5; an assumption the UI shows).
 */
export function levelFromBands(bands: readonly NumericBand[], value: number): BandMatch {
  let level: Level = 0;
  let matches = 0;
  for (const band of bands) {
    if (!inBand(band, value)) continue;
    matches += 1;
    if (band.level > level) level = band.level;
  }
  return { level, boundaryAssumptionApplied: matches > 1 };
}

function measuredValue(derivation: NumericDerivation, figures: SpdRawFigures): number | DerivationProblem {
  const { t1, t2, count } = figures;
  switch (derivation.measure) {
    case 'count':
      return count ?? 'missing_figures';
    case 'latest':
      return t1 ?? 'missing_figures';
    case 'increase':
      return t1 === undefined || t2 === undefined ? 'missing_figures' : t1 - t2;
    case 'decrease':
      return t1 === undefined || t2 === undefined ? 'missing_figures' : t2 - t1;
    case 'growth_percent':
      if (t1 === undefined || t2 === undefined) return 'missing_figures';
      if (t2 === 0) return 'division_by_zero';
      return ((t1 - t2) / Math.abs(t2)) * 100;
  }
}

const normaliseGrade = (grade: string): string => grade.trim().replace(/\s+/g, ' ').toUpperCase();

/** Derives the level of a quantitative SPD row from the raw figures the region entered. */
export function deriveSpdLevel(row: SpdRow, figures: SpdRawFigures): SpdDerivation {
  const derivation = row.derivation;
  const unscored = (value: number | string | null, problem: DerivationProblem): SpdDerivation => ({
    code: row.code,
    level: 0,
    boundaryAssumptionApplied: false,
    value,
    problem,
  });
  if (derivation === undefined) return unscored(null, 'no_matching_range');
  if (derivation.kind === 'grade') {
    if (figures.grade === undefined) return unscored(null, 'missing_figures');
    const grade = normaliseGrade(figures.grade);
    const match = derivation.grades.find((candidate) =>
      candidate.values.some((value) => normaliseGrade(value) === grade),
    );
    if (match === undefined) return unscored(grade, 'unknown_grade');
    return { code: row.code, level: match.level, boundaryAssumptionApplied: false, value: grade };
  }
  const measured = measuredValue(derivation, figures);
  if (typeof measured === 'string') return unscored(null, measured);
  const value = roundHalfUp(measured, derivation.decimals);
  const match = levelFromBands(derivation.bands, value);
  if (match.level === 0) return unscored(value, 'no_matching_range');
  return { code: row.code, ...match, value };
}

/**
 * The level of a kemanfaatan (sid.33) figure within one basis. The figure is first rounded half-up
 * to the basis's precision (whole people, two-decimal percentages), the precision at which its
 * ranges tile, so a figure between two transcribed ranges (20.004% between 20.00 and 20.01) still
 * gets a level.
 */
export function deriveKemanfaatanLevel(basis: KemanfaatanBasis, value: number): BandMatch {
  return levelFromBands(basis.ranges, roundHalfUp(value, basis.decimals));
}
