import {
  type Innovation,
  isVerified,
  replicationLevel,
  type SpdAnswers,
  type SummaryInnovation,
} from '@inovasi/core';

const REPLICATION_CODE = 'sid.31';

import {
  checkEligibility,
  type Eligibility,
  getRubric,
  type InnovationStatus,
  KEMANFAATAN_CODE,
  type ProjectionInnovation,
  type ProjectionState,
  type Rubric,
  type Sid33Basis,
} from '@inovasi/core/scoring';
import type { EvidencedTargets } from '@inovasi/data';
import type { TenantAccess } from '../tenancy.ts';

/** How the regional workflow's statuses enter a projection "as if the period closed now". */
const PROJECTED_STATUS: Record<Innovation['status'], InnovationStatus> = {
  draft: 'draft',
  submitted: 'draft',
  in_review: 'draft',
  returned: 'draft',
  verified: 'draft',
  ready: 'draft',
  sent: 'sent',
  accepted: 'sent',
  rejected: 'rejected',
};

export interface LoadedPeriod {
  readonly rubric: Rubric;
  readonly state: ProjectionState;
  readonly innovations: readonly Innovation[];
  readonly eligibility: ReadonlyMap<string, Eligibility>;
  readonly spd: SpdAnswers | undefined;
}

/**
 * An answer counts as verified when the verifier accepted it and at least one attached evidence item
 * passed intake (iid-model.md decision 4). Pass `evidenced` wherever a verified score is computed;
 * without it only the acceptance is looked at.
 */
export function toProjectionInnovation(
  innovation: SummaryInnovation,
  eligible: boolean,
  evidenced?: EvidencedTargets,
): ProjectionInnovation {
  const answers: Record<string, { level: 0 | 1 | 2 | 3; verified: boolean }> = {};
  for (const [code, answer] of Object.entries(innovation.answers ?? {})) {
    const hasEvidence =
      evidenced?.has({ type: 'innovation', innovationId: innovation.id, indicator: code }) ?? true;
    answers[code] = { level: answer.level as 0 | 1 | 2 | 3, verified: isVerified(answer) && hasEvidence };
  }
  const { urusanMain, urusanOthers = [] } = innovation.profile;
  return {
    id: innovation.id,
    name: innovation.profile.name,
    opdId: innovation.opdId,
    status: PROJECTED_STATUS[innovation.status],
    eligible,
    urusan: urusanMain ? [urusanMain, ...urusanOthers] : urusanOthers,
    answers,
    sid33Basis: innovation.answers?.[KEMANFAATAN_CODE]?.basis as Sid33Basis | undefined,
  };
}

/**
 * What loadPeriod reads: a route's TenantAccess, or the summary job's own repositories (which may
 * also hand in the evidenced targets it already derived from the region's links).
 */
export interface PeriodSources {
  readonly innovations: Pick<TenantAccess['innovations'], 'listForPeriod'>;
  readonly spd: Pick<TenantAccess['spd'], 'get'>;
  readonly evidence: Pick<TenantAccess['evidence'], 'evidencedTargets'>;
  readonly replications: Pick<TenantAccess['replications'], 'evidencedRegionsByInnovation'>;
}

/**
 * sid.31 answers itself: regions that replicated the innovation under an agreement whose signed
 * document is attached evidence it (1, 2, 3+ regions → level 1, 2, 3). A higher level the operator
 * claimed and got verified still stands.
 */
function withReplication(innovation: ProjectionInnovation, evidencedRegions: number): ProjectionInnovation {
  const level = replicationLevel(evidencedRegions);
  const current = innovation.answers[REPLICATION_CODE];
  if (level === 0 || (current?.verified && current.level >= level)) return innovation;
  return { ...innovation, answers: { ...innovation.answers, [REPLICATION_CODE]: { level, verified: true } } };
}

/**
 * A period's projection state from its sources, already read: what loadPeriod shapes, and what the
 * summary projector shapes from the innovations' contribution rows (docs/decisions/0040).
 */
export function periodState(
  rubric: Rubric,
  year: number,
  innovations: readonly SummaryInnovation[],
  eligibility: ReadonlyMap<string, Pick<Eligibility, 'eligible'>>,
  spd: SpdAnswers | undefined,
  evidenced: EvidencedTargets,
  replicatedBy: ReadonlyMap<string, number>,
): ProjectionState {
  return {
    rubricId: rubric.id,
    spd: Object.fromEntries(
      Object.entries(spd?.answers ?? {}).map(([code, answer]) => [
        code,
        {
          level: answer.level as 0 | 1 | 2 | 3 | undefined,
          figures: answer.figures,
          verified: isVerified(answer) && evidenced.has({ type: 'spd', year, row: code }),
        },
      ]),
    ),
    innovations: innovations.map((item) =>
      withReplication(
        toProjectionInnovation(item, eligibility.get(item.id)?.eligible ?? false, evidenced),
        replicatedBy.get(item.id) ?? 0,
      ),
    ),
  };
}

/** Reads one region's period from its own partition and shapes it for the pure scoring core. */
export async function loadPeriod(
  access: PeriodSources,
  year: number,
  rubricId: string,
  options: { readonly evidenced?: EvidencedTargets | undefined } = {},
): Promise<LoadedPeriod> {
  const rubric = getRubric(rubricId);
  const [innovations, spd, evidenced, replicatedBy] = await Promise.all([
    access.innovations.listForPeriod(year),
    access.spd.get(year),
    options.evidenced ?? access.evidence.evidencedTargets(),
    access.replications.evidencedRegionsByInnovation(),
  ]);
  const eligibility = new Map(innovations.map((item) => [item.id, checkEligibility(item.profile, rubric)]));
  const state = periodState(rubric, year, innovations, eligibility, spd, evidenced, replicatedBy);
  return { rubric, state, innovations, eligibility, spd };
}
