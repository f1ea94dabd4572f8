import type { AnswerReview } from '../answers.ts';
import { checkEligibility } from '../innovation/eligibility.ts';
import type { InnovationProfile } from '../innovation/profile.ts';
import type { Innovation } from '../records.ts';
import { getRubric, RUBRIC_IDS } from '../rubrics/index.ts';

/**
 * What a region summary reads of one innovation (docs/decisions/0040). The summary's code takes
 * this type rather than the whole `Innovation`, so the compiler keeps the two in step: a summary
 * that starts to read another field of an innovation does not compile until the field is here
 * (and then in the stored contribution row).
 */
export type SummaryAnswer = Pick<Innovation['answers'][string], 'level' | 'basis'> & {
  readonly review?: Pick<AnswerReview, 'status'> | undefined;
};

export interface SummaryInnovation
  extends Pick<Innovation, 'id' | 'opdId' | 'status' | 'archived' | 'periodYear'> {
  readonly profile: Pick<InnovationProfile, 'name' | 'stage' | 'urusanMain' | 'urusanOthers'>;
  readonly answers: Readonly<Record<string, SummaryAnswer>>;
}

/**
 * One innovation's contribution to its region's summary: the fields the summary reads, the
 * innovation's version (the projector's order guard), and its eligibility under every shipped
 * rubric (the only thing the summary derives from the long profile texts; which rubric counts is
 * the period's choice, read when the summary is computed).
 */
export interface SummaryContribution extends SummaryInnovation {
  readonly version: number;
  readonly eligible: Readonly<Record<string, boolean>>;
}

/** The contribution of an innovation as stored (or as a stream image carries it). */
export function contributionOf(innovation: Innovation): SummaryContribution {
  const answers: Record<string, SummaryAnswer> = {};
  for (const [code, answer] of Object.entries(innovation.answers ?? {})) {
    answers[code] = {
      level: answer.level,
      ...(answer.basis === undefined ? {} : { basis: answer.basis }),
      ...(answer.review === undefined ? {} : { review: { status: answer.review.status } }),
    };
  }
  const { name, stage, urusanMain, urusanOthers } = innovation.profile;
  return {
    id: innovation.id,
    opdId: innovation.opdId,
    status: innovation.status,
    archived: innovation.archived,
    periodYear: innovation.periodYear,
    version: innovation.version,
    profile: {
      name,
      ...(stage === undefined ? {} : { stage }),
      ...(urusanMain === undefined ? {} : { urusanMain }),
      ...(urusanOthers === undefined ? {} : { urusanOthers }),
    },
    answers,
    // Without `asOf`, as the summary has always checked it (loadPeriod): no clock is read.
    eligible: Object.fromEntries(
      RUBRIC_IDS.map((id) => [id, checkEligibility(innovation.profile, getRubric(id)).eligible]),
    ),
  };
}
