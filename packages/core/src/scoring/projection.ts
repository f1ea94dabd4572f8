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
 * How an innovation enters the projection, which assumes every eligible innovation is sent
 * (decision 8): `counted`; `rejected` (in n with kematangan 0); `ineligible`, which for a draft
 * means not counted at all until it is fixed (decision 6; `ifIneligibleSent` shows what sending it
 * as it is would cost), while one already sent stays in n at 0, as BSKDN will reject it.
 */
export type Treatment = 'counted' | 'rejected' | 'ineligible';

export function treatmentOf(innovation: ProjectionInnovation): Treatment {
  if (innovation.status === 'rejected') return 'rejected';
  return innovation.eligible ? 'counted' : 'ineligible';
}

/** An ineligible innovation not sent yet: outside n until fixed (decision 6). */
export const isIneligibleDraft = (innovation: ProjectionInnovation): boolean =>
  treatmentOf(innovation) === 'ineligible' && innovation.status !== 'sent';

/**
 * How ineligible drafts enter a score: `withheld` (decision 6, the projection) or `sent_as_is`, in n
 * at 0 as BSKDN would reject them (the cost the projection shows beside it).
 */
export type IneligibleDrafts = 'withheld' | 'sent_as_is';

function answerLevel(answer: IndicatorAnswer | undefined, basis: ScoreBasis): Level {
  if (answer === undefined || (basis === 'verified' && !answer.verified)) return 0;
  return answer.level;
}

/** A mandatory indicator (`mandatory: true` in the rubric) that the verified view cannot count yet. */
export interface MandatoryGap {
  readonly code: string;
  readonly name: string;
  /** `unanswered`: no level selected; `not_accepted`: answered, its evidence not accepted yet. */
  readonly state: 'unanswered' | 'not_accepted';
}

/** The mandatory SID indicators of an innovation that are not answered with accepted evidence. */
export function mandatoryGaps(rubric: Rubric, innovation: ProjectionInnovation): MandatoryGap[] {
  const gaps: MandatoryGap[] = [];
  for (const indicator of rubric.sidIndicators) {
    if (!indicator.mandatory) continue;
    const answer = innovation.answers[indicator.code];
    const answered = answer !== undefined && answer.level > 0;
    if (answered && answer.verified) continue;
    gaps.push({
      code: indicator.code,
      name: indicator.name,
      state: answered ? 'not_accepted' : 'unanswered',
    });
  }
  return gaps;
}

/**
 * Whether an innovation adds to a score. In the verified view an innovation counts only once every
 * mandatory indicator is accepted; until then it sits in n at 0 like a rejected one, adding neither
 * to the count score nor to the basic-service gate (issue 18: the verified index was optimistic).
 */
function countsOn(rubric: Rubric, innovation: ProjectionInnovation, basis: ScoreBasis): boolean {
  if (treatmentOf(innovation) !== 'counted') return false;
  return basis === 'claimed' || mandatoryGaps(rubric, innovation).length === 0;
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

/**
 * The kematangan an innovation adds on one basis: 0 when it is not counted (rejected, ineligible,
 * or, in the verified view, a mandatory indicator not accepted yet).
 */
export function innovationKematangan(
  rubric: Rubric,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
): number {
  if (!countsOn(rubric, innovation, basis)) return 0;
  const { answers } = innovation;
  return kematanganTotalFrom(rubric, (code) => answerLevel(answers[code], basis), innovation.sid33Basis);
}

type StateScorer = (state: ProjectionState) => RegionalIndex;

/** The innovation as the regional formula sees it, or undefined when it is outside n. */
export function regionalInnovation(
  rubric: Rubric,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
  drafts: IneligibleDrafts,
): RegionalInnovation | undefined {
  if (drafts === 'withheld' && isIneligibleDraft(innovation)) return undefined;
  return {
    status: countsOn(rubric, innovation, basis) ? 'sent' : 'rejected',
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
export function variantScorer(
  rubricId: string,
  basis: ScoreBasis,
  drafts: IneligibleDrafts = 'withheld',
): StateScorer {
  const rubric = getRubric(rubricId);
  // Boxed, so that "outside n" (undefined) is remembered like any other answer.
  const innovations = new WeakMap<ProjectionInnovation, { regional: RegionalInnovation | undefined }>();
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
  return (state) => {
    const inDivisor: RegionalInnovation[] = [];
    for (const innovation of state.innovations) {
      const { regional } = memo(innovations, innovation, () => ({
        regional: regionalInnovation(rubric, innovation, basis, drafts),
      }));
      if (regional !== undefined) inDivisor.push(regional);
    }
    return computeRegionalIndex(rubric, {
      spd: memo(spdTotals, state.spd, () => projectedSpd(rubric, state.spd, basis)),
      innovations: inDivisor,
    });
  };
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

/** A sentence for people, in Bahasa Indonesia and English. */
export interface Explanation {
  readonly message_id: string;
  readonly message_en: string;
}

export interface InnovationProjection {
  readonly id: string;
  readonly opdId: string;
  readonly treatment: Treatment;
  readonly kematanganClaimed: number;
  readonly kematanganVerified: number;
  /** Mandatory indicators not answered with accepted evidence: the verified view holds it at 0. */
  readonly mandatoryGaps: readonly MandatoryGap[];
  /** Why the verified view counts it at 0 or not at all; null when it counts there. */
  readonly verifiedReason: Explanation | null;
}

/** What sending the ineligible drafts as they are would do: each would be rejected, in n at 0. */
export interface IneligibleSentCost {
  readonly drafts: number;
  readonly claimedIndex: number;
  readonly verifiedIndex: number;
  /** Index points lost on each basis, against the projection that withholds them. */
  readonly claimedCost: number;
  readonly verifiedCost: number;
}

/**
 * What one OPD's innovations add to the average-maturity term, in index points (Σ kematangan /
 * divisor / max total × 100). The count score is region-wide and gated, so it is not split.
 */
export interface OpdContribution {
  readonly opdId: string;
  readonly innovations: number;
  readonly counted: number;
  /** Rejected or ineligible: adding nothing (an ineligible draft is not even in n). */
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
  /** Beside the projection: the index if the ineligible drafts were sent as they are. */
  readonly ifIneligibleSent: IneligibleSentCost;
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
  const claimedIfSent = variantScorer(state.rubricId, 'claimed', 'sent_as_is')(state).index;
  const verifiedIfSent = variantScorer(state.rubricId, 'verified', 'sent_as_is')(state).index;

  const innovations = state.innovations.map((innovation): InnovationProjection => {
    const gaps = mandatoryGaps(rubric, innovation);
    return {
      id: innovation.id,
      opdId: innovation.opdId,
      treatment: treatmentOf(innovation),
      kematanganClaimed: innovationKematangan(rubric, innovation, 'claimed'),
      kematanganVerified: innovationKematangan(rubric, innovation, 'verified'),
      mandatoryGaps: gaps,
      verifiedReason: verifiedReasonOf(innovation, gaps),
    };
  });

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
    ifIneligibleSent: {
      drafts: state.innovations.filter(isIneligibleDraft).length,
      claimedIndex: claimedIfSent,
      verifiedIndex: verifiedIfSent,
      claimedCost: tidy(claimed.index - claimedIfSent),
      verifiedCost: tidy(verified.index - verifiedIfSent),
    },
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

const GAP_TEXT = {
  unanswered: { id: 'belum dijawab', en: 'not answered' },
  not_accepted: { id: 'data dukungnya belum diterima verifikator', en: 'its evidence is not accepted yet' },
} as const;

/** The sentence the verified view shows for an innovation it does not count, or null when it counts. */
function verifiedReasonOf(
  innovation: ProjectionInnovation,
  gaps: readonly MandatoryGap[],
): Explanation | null {
  switch (treatmentOf(innovation)) {
    case 'rejected':
      return {
        message_id: 'Ditolak: tetap masuk pembagi dengan kematangan 0.',
        message_en: 'Rejected: it stays in the divisor with kematangan 0.',
      };
    case 'ineligible':
      return innovation.status === 'sent'
        ? {
            message_id:
              'Terkirim tetapi belum memenuhi syarat: akan ditolak, masuk pembagi dengan kematangan 0.',
            message_en: 'Sent but not eligible: it will be rejected and sits in the divisor at 0.',
          }
        : {
            message_id: 'Belum memenuhi syarat: tidak dihitung sampai syaratnya dipenuhi.',
            message_en: 'Not eligible yet: not counted until it is fixed.',
          };
    case 'counted': {
      if (gaps.length === 0) return null;
      const list = (language: 'id' | 'en') =>
        gaps.map((gap) => `"${gap.name}" ${GAP_TEXT[gap.state][language]}`).join('; ');
      return {
        message_id: `Bernilai 0 pada skor terverifikasi (tetap masuk pembagi) karena indikator wajib belum lengkap: ${list('id')}.`,
        message_en: `Counts 0 in the verified score (still in the divisor) because mandatory indicators are incomplete: ${list('en')}.`,
      };
    }
  }
}
