// Pure functions over type-only imports: the same eligibility rules as the server, a few hundred bytes.
import { checkEligibility, countedSidLevel, type Eligibility, KEMANFAATAN_CODE } from '@inovasi/core/browser';
import type {
  IndicatorAnswer,
  Innovation,
  InnovationProfile,
  LevelDefinition,
  Rubric,
  Sid33Basis,
  SidIndicator,
} from '../../api/model.ts';

export { KEMANFAATAN_CODE };

export type ScoreBasis = 'claimed' | 'verified';

/**
 * The level that counts for one answer: a sid.33 level without its basis counts 0, and the verified
 * score counts only answers a verifier accepted. The server's projection applies the same rules.
 */
export function countedLevel(code: string, answer: IndicatorAnswer | undefined, basis: ScoreBasis): number {
  if (!answer) return 0;
  if (basis === 'verified' && answer.review?.status !== 'accepted') return 0;
  return countedSidLevel(code, answer.level, answer.basis);
}

/** Kematangan = Σ weight × level over the SID indicators (max 111 under iid-2026). */
export function kematangan(rubric: Rubric, answers: Innovation['answers'], basis: ScoreBasis): number {
  let total = 0;
  for (const indicator of rubric.sidIndicators) {
    total += indicator.weight * countedLevel(indicator.code, answers[indicator.code], basis);
  }
  return Math.round(total * 100) / 100;
}

export interface AnswerProgress {
  answered: number;
  accepted: number;
  returned: number;
  total: number;
}

export function answerProgress(rubric: Rubric, answers: Innovation['answers']): AnswerProgress {
  const progress: AnswerProgress = {
    answered: 0,
    accepted: 0,
    returned: 0,
    total: rubric.sidIndicators.length,
  };
  for (const { code } of rubric.sidIndicators) {
    const answer = answers[code];
    if (!answer) continue;
    progress.answered += 1;
    if (answer.review?.status === 'accepted') progress.accepted += 1;
    if (answer.review?.status === 'returned') progress.returned += 1;
  }
  return progress;
}

/** The three level texts to choose from: for sid.33 those of the chosen basis, when one is chosen. */
export function levelLadder(
  indicator: SidIndicator,
  basis: Sid33Basis | undefined,
): readonly LevelDefinition[] {
  const chosen = basis ? indicator.bases?.find((item) => item.basis === basis) : undefined;
  return chosen?.levels ?? indicator.levels;
}

/** Without a clock, like the server's projection and its `mark_ready` check, so both always agree. */
export function eligibilityOf(profile: InnovationProfile, rubric: Rubric): Eligibility {
  return checkEligibility(profile, rubric);
}

export type { Eligibility };
