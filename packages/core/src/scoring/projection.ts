import { getRubric, type Level, type Rubric, type Sid33Basis, type SpdRow } from '../rubrics/index.ts';
import { kematanganTotalFrom } from './kematangan.ts';
import { type BandDistance, distanceToNextBand } from './predicate.ts';
import {
  computeRegionalIndex,
  missingBasicServiceUrusan,
  type RegionalIndex,
  type RegionalInnovation,
} from './regional.ts';
import { tidy } from './rounding.ts';
import { deriveSpdLevel, type SpdRawFigures, spdTotal } from './spd.ts';

/** One answer of an indicator: the level the operator selected, and whether its evidence is accepted. */
export interface IndicatorAnswer {
  readonly level: Level;
  readonly verified: boolean;
}

/** A regional (SPD) answer: a selected level, or raw figures for a quantitative row, or both. */
export interface SpdAnswer {
  readonly level?: Level;
  readonly figures?: SpdRawFigures;
  readonly verified: boolean;
}

export type InnovationStatus = 'draft' | 'sent' | 'rejected';

export interface ProjectionInnovation {
  readonly id: string;
  /** The innovation's name, for the sentences advice shows people; the id stands in without it. */
  readonly name?: string | undefined;
  readonly opdId: string;
  readonly status: InnovationStatus;
  /** Result of checkEligibility for the period's rubric. */
  readonly eligible: boolean;
  readonly urusan: readonly string[];
  readonly answers: Readonly<Partial<Record<string, IndicatorAnswer>>>;
  readonly sid33Basis?: Sid33Basis | undefined;
}

/** Everything a projection needs; plain data so the API can build it from stored items. */
export interface ProjectionState {
  readonly rubricId: string;
  readonly spd: Readonly<Partial<Record<string, SpdAnswer>>>;
  readonly innovations: readonly ProjectionInnovation[];
}

/** `claimed`: every selected level counts; `verified`: only levels with accepted evidence (decision 4). */
export type ScoreBasis = 'claimed' | 'verified';

/**
 * How an innovation enters the projection. The projection assumes every listed innovation is sent:
 * one that fails eligibility would be rejected, so it sits in n with kematangan 0 until fixed or
 * withdrawn (decisions 6 and 8).
 */
export type Treatment = 'counted' | 'rejected' | 'ineligible';

export function treatmentOf(innovation: ProjectionInnovation): Treatment {
  if (innovation.status === 'rejected') return 'rejected';
  return innovation.eligible ? 'counted' : 'ineligible';
}

function answerLevel(answer: IndicatorAnswer | undefined, basis: ScoreBasis): Level {
  if (answer === undefined || (basis === 'verified' && !answer.verified)) return 0;
  return answer.level;
}

/** The level a regional answer stands for, derived from figures where the row is quantitative. */
export function spdAnswerLevel(row: SpdRow, answer: SpdAnswer | undefined): Level {
  if (answer === undefined) return 0;
  if (row.derivation !== undefined && answer.figures !== undefined)
    return deriveSpdLevel(row, answer.figures).level;
  return answer.level ?? 0;
}

function spdLevels(
  rubric: Rubric,
  spd: ProjectionState['spd'],
  basis: ScoreBasis,
): Partial<Record<string, Level>> {
  const levels: Partial<Record<string, Level>> = {};
  for (const row of rubric.spdRows) {
    const answer = spd[row.code];
    if (answer === undefined || (basis === 'verified' && !answer.verified)) continue;
    levels[row.code] = spdAnswerLevel(row, answer);
  }
  return levels;
}

export function innovationKematangan(
  rubric: Rubric,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
): number {
  if (treatmentOf(innovation) !== 'counted') return 0;
  const { answers } = innovation;
  return kematanganTotalFrom(rubric, (code) => answerLevel(answers[code], basis), innovation.sid33Basis);
}

type StateScorer = (state: ProjectionState) => RegionalIndex;

function regionalInnovation(
  rubric: Rubric,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
): RegionalInnovation {
  return {
    status: treatmentOf(innovation) === 'counted' ? 'sent' : 'rejected',
    kematangan: innovationKematangan(rubric, innovation, basis),
    urusan: innovation.urusan,
  };
}

function projectedSpd(rubric: Rubric, spd: ProjectionState['spd'], basis: ScoreBasis): number {
  return spdTotal(rubric, spdLevels(rubric, spd, basis));
}

/**
 * Scores variants of one state, as advice does: variants share the objects they do not change, so
 * the per-innovation and SPD parts are computed once per object while the regional formula runs in
 * full for every variant. Sound because states are immutable: a variant replaces, never mutates,
 * what it changes.
 */
export function variantScorer(rubricId: string, basis: ScoreBasis): StateScorer {
  const rubric = getRubric(rubricId);
  const innovations = new WeakMap<ProjectionInnovation, RegionalInnovation>();
  const spdTotals = new WeakMap<ProjectionState['spd'], number>();
  const memo = <Key extends object, Value>(
    cache: WeakMap<Key, Value>,
    key: Key,
    compute: () => Value,
  ): Value => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  return (state) =>
    computeRegionalIndex(rubric, {
      spd: memo(spdTotals, state.spd, () => projectedSpd(rubric, state.spd, basis)),
      innovations: state.innovations.map((innovation) =>
        memo(innovations, innovation, () => regionalInnovation(rubric, innovation, basis)),
      ),
    });
}

/**
 * The regional index of a state on one basis. The single scoring path behind projections and
 * advice, so that an advised gain is exactly what a projection of the changed state shows.
 */
export function projectedIndex(state: ProjectionState, basis: ScoreBasis): RegionalIndex {
  return variantScorer(state.rubricId, basis)(state);
}

export interface ProjectedScore extends RegionalIndex {
  readonly distanceToNextBand: BandDistance;
}

export interface InnovationProjection {
  readonly id: string;
  readonly opdId: string;
  readonly treatment: Treatment;
  readonly kematanganClaimed: number;
  readonly kematanganVerified: number;
}

/**
 * What one OPD's innovations add to the average-maturity term, in index points (Σ kematangan /
 * divisor / max total × 100). The count score is region-wide and gated, so it is not split.
 */
export interface OpdContribution {
  readonly opdId: string;
  readonly innovations: number;
  readonly counted: number;
  /** Rejected or ineligible: in n, adding nothing. */
  readonly notCounted: number;
  readonly kematanganClaimed: number;
  readonly kematanganVerified: number;
  readonly indexPointsClaimed: number;
  readonly indexPointsVerified: number;
}

export interface BasicServiceCoverage {
  readonly covered: readonly string[];
  readonly missing: readonly string[];
  readonly required: number;
  readonly gateMet: boolean;
}

export interface RegionalProjection {
  readonly rubricId: string;
  readonly claimed: ProjectedScore;
  readonly verified: ProjectedScore;
  /** Index points that depend on evidence not yet accepted: claimed − verified. */
  readonly riskIndexPoints: number;
  readonly n: number;
  readonly divisorMinimum: number;
  /** max(0, divisor minimum − n): the cheapest way to raise the index (decision 10). */
  readonly emptySeats: number;
  readonly basicServiceCoverage: BasicServiceCoverage;
  readonly innovations: readonly InnovationProjection[];
  readonly opdContributions: readonly OpdContribution[];
}

/** Claimed and verified projection of a region's index, with the breakdowns a dashboard shows. */
export function projectRegion(state: ProjectionState): RegionalProjection {
  const rubric = getRubric(state.rubricId);
  const { formula } = rubric;
  const withDistance = (score: RegionalIndex): ProjectedScore => ({
    ...score,
    distanceToNextBand: distanceToNextBand(rubric.predicateBands, score.index),
  });
  const claimed = withDistance(projectedIndex(state, 'claimed'));
  const verified = withDistance(projectedIndex(state, 'verified'));

  const innovations = state.innovations.map(
    (innovation): InnovationProjection => ({
      id: innovation.id,
      opdId: innovation.opdId,
      treatment: treatmentOf(innovation),
      kematanganClaimed: innovationKematangan(rubric, innovation, 'claimed'),
      kematanganVerified: innovationKematangan(rubric, innovation, 'verified'),
    }),
  );

  const toIndexPoints = (kematangan: number): number =>
    tidy((kematangan / claimed.divisor / formula.maxTotal) * 100);
  const byOpd = new Map<string, InnovationProjection[]>();
  for (const innovation of innovations) {
    const list = byOpd.get(innovation.opdId);
    if (list === undefined) byOpd.set(innovation.opdId, [innovation]);
    else list.push(innovation);
  }
  const opdContributions = [...byOpd].map(([opdId, list]): OpdContribution => {
    const kematanganClaimed = list.reduce((sum, innovation) => sum + innovation.kematanganClaimed, 0);
    const kematanganVerified = list.reduce((sum, innovation) => sum + innovation.kematanganVerified, 0);
    const counted = list.filter((innovation) => innovation.treatment === 'counted').length;
    return {
      opdId,
      innovations: list.length,
      counted,
      notCounted: list.length - counted,
      kematanganClaimed,
      kematanganVerified,
      indexPointsClaimed: toIndexPoints(kematanganClaimed),
      indexPointsVerified: toIndexPoints(kematanganVerified),
    };
  });

  return {
    rubricId: rubric.id,
    claimed,
    verified,
    riskIndexPoints: tidy(claimed.index - verified.index),
    n: claimed.n,
    divisorMinimum: formula.divisorMinimum,
    emptySeats: claimed.emptySeats,
    basicServiceCoverage: {
      covered: claimed.basicServicesCovered,
      missing: missingBasicServiceUrusan(claimed.basicServicesCovered),
      required: formula.basicServiceUrusanRequired,
      gateMet: claimed.basicServiceGateMet,
    },
    innovations,
    opdContributions,
  };
}
