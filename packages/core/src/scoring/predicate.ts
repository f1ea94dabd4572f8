import { type FactStatus, getFormulaHistory } from '../rubrics/formula-history.ts';
import { NOT_ASSESSABLE, type Predicate, type PredicateBand } from '../rubrics/types.ts';
import { roundIndex } from './rounding.ts';

const toHundredths = (value: number): number => Math.round(value * 100);

function bandOf<Band extends PredicateBand>(bands: readonly Band[], index: number): Band | undefined {
  const hundredths = toHundredths(roundIndex(index));
  if (hundredths <= 0) return undefined;
  const top = bands[0];
  if (top !== undefined && hundredths > toHundredths(top.max)) return top;
  return bands.find((band) => hundredths >= toHundredths(band.min) && hundredths <= toHundredths(band.max));
}

/**
 * The predicate of an index, chosen from the index rounded to two decimals (decision 9): under
 * iid-2026, 65.00 is Inovatif and 65.01 Sangat Inovatif; exactly 0 is Tidak Dapat Dinilai.
 */
export function predicateFor(bands: readonly PredicateBand[], index: number): Predicate {
  return bandOf(bands, index)?.predicate ?? NOT_ASSESSABLE;
}

export interface BandDistance {
  readonly predicate: Predicate;
  /** The next higher predicate, or null at the top band. */
  readonly nextPredicate: Predicate | null;
  /** Index points (two decimals) still needed to reach the next band, or null at the top band. */
  readonly pointsNeeded: number | null;
}

export function distanceToNextBand(bands: readonly PredicateBand[], index: number): BandDistance {
  const rounded = roundIndex(index);
  const predicate = predicateFor(bands, rounded);
  const current = bandOf(bands, rounded);
  const position = current === undefined ? bands.length : bands.indexOf(current);
  const next = position > 0 ? bands[position - 1] : undefined;
  if (next === undefined) return { predicate, nextPredicate: null, pointsNeeded: null };
  return {
    predicate,
    nextPredicate: next.predicate,
    pointsNeeded: (toHundredths(next.min) - toHundredths(rounded)) / 100,
  };
}

export interface HistoricalPredicate {
  readonly predicate: Predicate;
  /** How sure the band (or the zero rule) behind this predicate is. */
  readonly status: FactStatus;
}

/**
 * The predicate of an official index of a past year (2022–2025), for results a tenant enters by
 * hand. Undefined for a year with no known formula.
 */
export function historicalPredicate(year: number, index: number): HistoricalPredicate | undefined {
  const formula = getFormulaHistory(year);
  if (formula === undefined) return undefined;
  const band = bandOf(formula.predicateBands, index);
  if (band !== undefined) return { predicate: band.predicate, status: band.status };
  const zeroRule = formula.zeroIsNotAssessable;
  return { predicate: NOT_ASSESSABLE, status: zeroRule.status === 'not_found' ? 'assumed' : zeroRule.status };
}
