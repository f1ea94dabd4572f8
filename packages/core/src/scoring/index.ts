/**
 * Public API of the IID scoring core: rubric versions as data, pure scoring functions, what-if
 * simulation with its request/response schemas, projections and advice. One import for consumers.
 */
export {
  checkEligibility,
  countWords,
  type Eligibility,
  type EligibilityReason,
  type EligibilityReasonCode,
} from '../innovation/eligibility.ts';
export * from '../rubrics/index.ts';
export {
  type Advice,
  type AdviseOptions,
  advise,
  adviseWithLevers,
  applyMove,
  EFFORT,
  type Lever,
  type Move,
  type MoveChange,
  type MoveKind,
  type MoveOutcome,
  type NewInnovationAssumption,
} from './advise.ts';
export {
  type InnovationLevels,
  type KematanganResult,
  type KematanganRow,
  kematanganTotal,
  scoreKematangan,
} from './kematangan.ts';
export { assertLevel, isLevel, type LevelMap, rowScore } from './levels.ts';
export {
  choosePortfolio,
  type PortfolioChoice,
  type PortfolioEntry,
  type PortfolioRole,
} from './portfolio.ts';
export {
  type BandDistance,
  distanceToNextBand,
  type HistoricalPredicate,
  historicalPredicate,
  predicateFor,
} from './predicate.ts';
export {
  type BasicServiceCoverage,
  type Explanation,
  type IndicatorAnswer,
  type IneligibleDrafts,
  type IneligibleSentCost,
  type InnovationProjection,
  type InnovationStatus,
  innovationKematangan,
  isIneligibleDraft,
  type MandatoryGap,
  mandatoryGaps,
  type OpdContribution,
  type ProjectedScore,
  type ProjectionInnovation,
  type ProjectionState,
  projectedIndex,
  projectRegion,
  type RegionalProjection,
  regionalInnovation,
  type ScoreBasis,
  type SpdAnswer,
  spdAnswerLevel,
  type Treatment,
  treatmentOf,
} from './projection.ts';
export {
  belowThresholdSentence,
  type ReadinessGap,
  readinessGapSentence,
  readinessGaps,
  reviewPendingSentence,
} from './readiness.ts';
export {
  computeRegionalIndex,
  divisorFor,
  innovationCountScore,
  missingBasicServiceUrusan,
  type RegionalIndex,
  type RegionalIndexInput,
  type RegionalInnovation,
} from './regional.ts';
export { roundHalfUp, roundIndex, tidy } from './rounding.ts';
export {
  type SimulateInput,
  type SimulateResult,
  simulate,
  simulateInputSchema,
  simulateResultSchema,
} from './simulate.ts';
export {
  type BandMatch,
  type DerivationProblem,
  deriveKemanfaatanLevel,
  deriveSpdLevel,
  levelFromBands,
  type SpdDerivation,
  type SpdRawFigures,
  type SpdRowScore,
  type SpdScore,
  scoreSpd,
  spdTotal,
} from './spd.ts';
