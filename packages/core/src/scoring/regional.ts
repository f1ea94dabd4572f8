import { BASIC_SERVICE_URUSAN } from '../innovation/urusan.ts';
import type { Predicate, Rubric, RubricFormula } from '../rubrics/index.ts';
import { BASIC_SERVICE_SET } from './compiled.ts';
import { predicateFor } from './predicate.ts';
import { roundIndex, tidy } from './rounding.ts';

/** An innovation the region sent, as the regional formula sees it. */
export interface RegionalInnovation {
  readonly status: 'sent' | 'rejected';
  /** Its kematangan; ignored (taken as 0) when rejected. */
  readonly kematangan: number;
  readonly urusan: readonly string[];
}

export interface RegionalIndexInput {
  readonly spd: number;
  readonly innovations: readonly RegionalInnovation[];
}

export interface RegionalIndex {
  readonly spd: number;
  /** Every sent innovation, rejected ones included (decision 8). */
  readonly n: number;
  /** MAX(divisor minimum, n). */
  readonly divisor: number;
  /** Seats of the divisor no innovation fills; each counts as kematangan 0 (decision 10). */
  readonly emptySeats: number;
  /** Sent and not rejected: what the count score and the basic-service gate look at. */
  readonly countedInnovations: number;
  readonly rejectedInnovations: number;
  readonly sumKematangan: number;
  readonly averageMaturity: number;
  /** Distinct basic-service urusan among the counted innovations, in the order of UU 23/2014. */
  readonly basicServicesCovered: readonly string[];
  readonly basicServiceGateMet: boolean;
  readonly innovationCountScore: number;
  readonly sid: number;
  /** SPD + SID; 0 when there is nothing to assess (n = 0), whatever the SPD answers add up to. */
  readonly total: number;
  /** total / max total × 100, rounded half-up to two decimals. */
  readonly index: number;
  readonly predicate: Predicate;
}

export function divisorFor(formula: RubricFormula, n: number): number {
  return Math.max(formula.divisorMinimum, n);
}

/** Skor Jumlah Inovasi: factor × MIN(count, cap), or 0 when too few basic-service urusan are covered. */
export function innovationCountScore(
  formula: RubricFormula,
  counted: number,
  basicServicesCovered: number,
): number {
  if (basicServicesCovered < formula.basicServiceUrusanRequired) return 0;
  return formula.countScoreFactor * Math.min(counted, formula.countScoreCap);
}

/** Basic-service urusan not yet covered, in the order of UU 23/2014. */
export function missingBasicServiceUrusan(covered: readonly string[]): string[] {
  return BASIC_SERVICE_URUSAN.filter((code) => !covered.includes(code));
}

/**
 * The regional index per formula 4.2:
 * SPD + Σ kematangan / MAX(min, n) + count score, over the maximum total, × 100; 0 (Tidak Dapat
 * Dinilai) for a region with no innovation to assess.
 */
export function computeRegionalIndex(rubric: Rubric, input: RegionalIndexInput): RegionalIndex {
  const { formula } = rubric;
  const covered = new Set<string>();
  let sumKematangan = 0;
  let counted = 0;
  for (const innovation of input.innovations) {
    if (innovation.status === 'rejected') continue;
    counted += 1;
    sumKematangan += innovation.kematangan;
    for (const urusan of innovation.urusan) {
      if (BASIC_SERVICE_SET.has(urusan)) covered.add(urusan);
    }
  }
  const n = input.innovations.length;
  const divisor = divisorFor(formula, n);
  const averageMaturity = sumKematangan / divisor;
  const countScore = innovationCountScore(formula, counted, covered.size);
  // Nothing to assess: with no innovation in n, BSKDN has no innovation to assess, and the SPD
  // answers alone do not make a region assessable. Its total and index are 0, so the predicate is
  // Tidak Dapat Dinilai (decision 9) instead of a Kurang Inovatif earned by the SPD alone.
  const assessable = n > 0;
  const total = assessable ? input.spd + averageMaturity + countScore : 0;
  const index = roundIndex((total / formula.maxTotal) * 100);
  return {
    spd: tidy(input.spd),
    n,
    divisor,
    emptySeats: divisor - n,
    countedInnovations: counted,
    rejectedInnovations: n - counted,
    sumKematangan: tidy(sumKematangan),
    averageMaturity: tidy(averageMaturity),
    basicServicesCovered: BASIC_SERVICE_URUSAN.filter((code) => covered.has(code)),
    basicServiceGateMet: covered.size >= formula.basicServiceUrusanRequired,
    innovationCountScore: tidy(countScore),
    sid: tidy(averageMaturity + countScore),
    total: tidy(total),
    index,
    predicate: predicateFor(rubric.predicateBands, index),
  };
}
