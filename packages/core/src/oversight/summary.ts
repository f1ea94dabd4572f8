import { z } from 'zod';
import { type Completeness, completenessSchema } from '../evidence/schemas.ts';
import type { Eligibility } from '../innovation/eligibility.ts';
import { INNOVATION_STAGES } from '../innovation/profile.ts';
import { BASIC_SERVICE_URUSAN } from '../innovation/urusan.ts';
import { INNOVATION_STATUSES, type Opd, TENANT_KINDS, type TenantKind } from '../records.ts';
import { PREDICATES } from '../rubrics/index.ts';
import { type ProjectedScore, type ProjectionState, projectRegion } from '../scoring/projection.ts';
import type { Period } from '../workflow/periods.ts';
import { opdProgress } from '../workflow/progress.ts';
import type { SummaryInnovation } from './contribution.ts';
import { type OfficialResult, officialResultView } from './results.ts';

/**
 * A region's summary of one assessment period: derived data, one pure function of the period's
 * source records (docs/decisions/0010). Everything that depends on the calendar (days left,
 * warnings) is computed when it is read, so a summary stays equal to a recompute of its sources on
 * any day and drift can be detected by plain comparison.
 */
export const SUMMARY_SCHEMA_VERSION = 1;

/** Bump when the shape or the derivation changes: the rebuild then rewrites every summary. */
const predicate = z.enum(PREDICATES);

export const scoreBriefSchema = z.object({
  index: z.number(),
  predicate,
  spd: z.number(),
  sid: z.number(),
  averageMaturity: z.number(),
  innovationCountScore: z.number(),
  /** The next higher predicate and the index points still needed to reach it; null at the top. */
  nextPredicate: predicate.nullable(),
  pointsNeeded: z.number().nullable(),
});
export type ScoreBrief = z.infer<typeof scoreBriefSchema>;

export const resultBriefSchema = z.object({
  year: z.number().int(),
  index: z.number(),
  predicate,
  predicateStatus: z.enum(['confirmed', 'inferred', 'assumed']),
  rank: z.number().int().optional(),
  rankOf: z.number().int().optional(),
});
export type ResultBrief = z.infer<typeof resultBriefSchema>;

export const opdSummarySchema = z.object({
  opdId: z.string(),
  name: z.string(),
  target: z.number(),
  total: z.number(),
  submitted: z.number(),
  verified: z.number(),
  ready: z.number(),
  sent: z.number(),
  behind: z.number(),
  /** What the OPD's innovations add to the index through the average-maturity term. */
  indexPointsClaimed: z.number(),
  indexPointsVerified: z.number(),
});
export type OpdSummary = z.infer<typeof opdSummarySchema>;

/** Role contacts of a region (who to call), the only people a province sees of a regency. */
export const roleContactSchema = z.object({
  role: z.enum(['tenant_admin', 'verifier']),
  name: z.string(),
  email: z.string(),
});
export type RoleContact = z.infer<typeof roleContactSchema>;

const countsOf = <T extends readonly string[]>(values: T) =>
  z.object(
    Object.fromEntries(values.map((value) => [value, z.number().int()])) as Record<T[number], z.ZodNumber>,
  );

export const regionSummarySchema = z.object({
  schemaVersion: z.number().int(),
  tenantCode: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  provinceCode: z.string(),
  year: z.number().int(),
  rubricId: z.string(),
  claimed: scoreBriefSchema,
  verified: scoreBriefSchema,
  /** Index points that still depend on evidence nobody accepted yet: claimed − verified. */
  riskIndexPoints: z.number(),
  /**
   * Innovations counted in the divisor (every eligible one as if sent, rejected ones included;
   * ineligible drafts are left out until fixed, decision 6), and its minimum.
   */
  n: z.number().int(),
  divisorMinimum: z.number().int(),
  /** Seats of the divisor no innovation fills: each counts as kematangan 0. */
  emptySeats: z.number().int(),
  basicServices: z.object({
    covered: z.array(z.string()),
    missing: z.array(z.string()),
    required: z.number().int(),
    gateMet: z.boolean(),
    gateMetVerified: z.boolean(),
  }),
  innovations: z.object({
    total: z.number().int(),
    eligible: z.number().int(),
    ineligible: z.number().int(),
    /** By regional workflow status. */
    byStatus: countsOf(INNOVATION_STATUSES),
    /** By tahapan; `unset` = not chosen yet. */
    byStage: countsOf([...INNOVATION_STAGES, 'unset'] as const),
    /** By main urusan (the one the catalogue and the basic-service gate read first). */
    byUrusan: z.array(z.object({ urusan: z.string(), basicService: z.boolean(), count: z.number().int() })),
    /** Sent nationally (sent, accepted or rejected). */
    sent: z.number().int(),
  }),
  /**
   * Shares of SID indicators (over every innovation × indicator) and SPD rows that are answered,
   * evidenced (an attached item passed intake) and verified.
   */
  completeness: z.object({ sid: completenessSchema, spd: completenessSchema }).nullable(),
  opds: z.object({
    active: z.number().int(),
    behindTarget: z.number().int(),
    rows: z.array(opdSummarySchema),
  }),
  deadlines: z.object({ internal: z.iso.date(), national: z.iso.date() }).nullable(),
  /** The official result of the year before, if the admin entered it. */
  lastYear: resultBriefSchema.nullable(),
  /** Every official result entered, newest first. */
  results: z.array(resultBriefSchema),
  contacts: z.array(roleContactSchema),
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;

/** One innovation as the province's drill-down shows it: no people, no evidence, no narrative. */
export const innovationBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  status: z.enum(INNOVATION_STATUSES),
  stage: z.enum(INNOVATION_STAGES).nullable(),
  urusan: z.array(z.string()),
  eligible: z.boolean(),
  kematanganClaimed: z.number(),
  kematanganVerified: z.number(),
  /**
   * How far the innovation's indicators are: answered, answered with passed evidence, and accepted
   * by the verifier, out of the rubric's indicators. Counts only, never the evidence itself. Null
   * when the region's evidence could not be read (as the summary's completeness).
   */
  progress: z
    .object({
      total: z.number().int(),
      answered: z.number().int(),
      evidenced: z.number().int(),
      verified: z.number().int(),
    })
    .nullable(),
});
export type InnovationBrief = z.infer<typeof innovationBriefSchema>;

export interface SummaryInput {
  readonly tenant: {
    readonly code: string;
    readonly name: string;
    readonly kind: TenantKind;
    readonly provinceCode: string;
  };
  readonly year: number;
  /** The period's projection state (loadPeriod), every live innovation of the year. */
  readonly state: ProjectionState;
  /** The same innovations as stored (what the summary reads of them: docs/decisions/0040). */
  readonly innovations: readonly SummaryInnovation[];
  readonly eligibility: ReadonlyMap<string, Pick<Eligibility, 'eligible'>>;
  readonly opds: readonly Opd[];
  readonly defaultOpdTarget: number;
  readonly period?: Pick<Period, 'internalDeadline' | 'nationalDeadline'> | undefined;
  /** Absent when the region's evidence cannot be read: completeness is then null. */
  readonly completeness?: { readonly sid: Completeness; readonly spd: Completeness } | undefined;
  /** Each innovation's own indicator counts, for the province's drill-down; absent as above. */
  readonly innovationProgress?: ReadonlyMap<string, InnovationBrief['progress'] & object> | undefined;
  readonly results: readonly OfficialResult[];
  readonly contacts: readonly RoleContact[];
}

export interface DerivedSummary {
  readonly summary: RegionSummary;
  /** For the province's drill-down only; not part of the region's own summary item. */
  readonly innovations: readonly InnovationBrief[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const scoreBrief = (score: ProjectedScore): ScoreBrief => ({
  index: score.index,
  predicate: score.predicate,
  spd: score.spd,
  sid: score.sid,
  averageMaturity: score.averageMaturity,
  innovationCountScore: score.innovationCountScore,
  nextPredicate: score.distanceToNextBand.nextPredicate,
  pointsNeeded: score.distanceToNextBand.pointsNeeded,
});

const resultBrief = (result: OfficialResult): ResultBrief => {
  const view = officialResultView(result);
  return {
    year: view.year,
    index: view.index,
    predicate: view.predicate,
    predicateStatus: view.predicateStatus,
    ...(view.rank === undefined ? {} : { rank: view.rank }),
    ...(view.rankOf === undefined ? {} : { rankOf: view.rankOf }),
  };
};

const zeroCounts = <T extends string>(values: readonly T[]): Record<T, number> =>
  Object.fromEntries(values.map((value) => [value, 0])) as Record<T, number>;

const progressOf = (counts: InnovationBrief['progress'] | undefined): InnovationBrief['progress'] =>
  counts
    ? {
        total: counts.total,
        answered: counts.answered,
        evidenced: counts.evidenced,
        verified: counts.verified,
      }
    : null;

/**
 * The summary of one region and period from its sources. Pure and order-independent: innovations
 * are scored in id order, lists are sorted, so two computations over the same records are equal.
 */
export function buildRegionSummary(input: SummaryInput): DerivedSummary {
  const innovations = [...input.innovations].sort(byId);
  const state: ProjectionState = { ...input.state, innovations: [...input.state.innovations].sort(byId) };
  const projection = projectRegion(state);
  const kematangan = new Map(projection.innovations.map((item) => [item.id, item]));

  const byStatus = zeroCounts(INNOVATION_STATUSES);
  const byStage = zeroCounts([...INNOVATION_STAGES, 'unset'] as const);
  const urusanCounts = new Map<string, number>();
  let eligible = 0;
  for (const innovation of innovations) {
    byStatus[innovation.status] += 1;
    byStage[innovation.profile.stage ?? 'unset'] += 1;
    const urusan = innovation.profile.urusanMain ?? 'lainnya';
    urusanCounts.set(urusan, (urusanCounts.get(urusan) ?? 0) + 1);
    if (input.eligibility.get(innovation.id)?.eligible) eligible += 1;
  }

  const contributions = new Map(projection.opdContributions.map((item) => [item.opdId, item]));
  const progress = opdProgress(input.opds, innovations, input.defaultOpdTarget);
  const opdRows: OpdSummary[] = progress
    .map((row) => ({
      ...row,
      indexPointsClaimed: contributions.get(row.opdId)?.indexPointsClaimed ?? 0,
      indexPointsVerified: contributions.get(row.opdId)?.indexPointsVerified ?? 0,
    }))
    .sort(
      (a, b) => b.behind - a.behind || a.name.localeCompare(b.name, 'id') || (a.opdId < b.opdId ? -1 : 1),
    );

  const results = [...input.results].sort((a, b) => b.year - a.year).map(resultBrief);
  const opdNames = new Map(input.opds.map((opd) => [opd.id, opd.name]));

  const summary: RegionSummary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tenantCode: input.tenant.code,
    name: input.tenant.name,
    kind: input.tenant.kind,
    provinceCode: input.tenant.provinceCode,
    year: input.year,
    rubricId: projection.rubricId,
    claimed: scoreBrief(projection.claimed),
    verified: scoreBrief(projection.verified),
    riskIndexPoints: projection.riskIndexPoints,
    n: projection.n,
    divisorMinimum: projection.divisorMinimum,
    emptySeats: projection.emptySeats,
    basicServices: {
      covered: [...projection.basicServiceCoverage.covered],
      missing: [...projection.basicServiceCoverage.missing],
      required: projection.basicServiceCoverage.required,
      gateMet: projection.basicServiceCoverage.gateMet,
      gateMetVerified: projection.verified.basicServiceGateMet,
    },
    innovations: {
      total: innovations.length,
      eligible,
      ineligible: innovations.length - eligible,
      byStatus,
      byStage,
      byUrusan: [...urusanCounts]
        .map(([urusan, count]) => ({ urusan, basicService: BASIC_SERVICE_URUSAN.includes(urusan), count }))
        .sort((a, b) => b.count - a.count || (a.urusan < b.urusan ? -1 : 1)),
      sent: byStatus.sent + byStatus.accepted + byStatus.rejected,
    },
    completeness: input.completeness
      ? { sid: { ...input.completeness.sid }, spd: { ...input.completeness.spd } }
      : null,
    opds: {
      active: progress.length,
      behindTarget: progress.filter((row) => row.behind > 0).length,
      rows: opdRows,
    },
    deadlines: input.period
      ? { internal: input.period.internalDeadline, national: input.period.nationalDeadline }
      : null,
    lastYear: results.find((result) => result.year === input.year - 1) ?? null,
    results,
    contacts: [...input.contacts].sort(
      (a, b) =>
        a.role.localeCompare(b.role) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
    ),
  };

  const briefs: InnovationBrief[] = innovations.map((innovation) => {
    const scored = kematangan.get(innovation.id);
    const { urusanMain, urusanOthers = [] } = innovation.profile;
    return {
      id: innovation.id,
      name: innovation.profile.name,
      opdId: innovation.opdId,
      opdName: opdNames.get(innovation.opdId) ?? innovation.opdId,
      status: innovation.status,
      stage: innovation.profile.stage ?? null,
      urusan: urusanMain ? [urusanMain, ...urusanOthers] : [...urusanOthers],
      eligible: input.eligibility.get(innovation.id)?.eligible ?? false,
      kematanganClaimed: scored?.kematanganClaimed ?? 0,
      kematanganVerified: scored?.kematanganVerified ?? 0,
      progress: progressOf(input.innovationProgress?.get(innovation.id)),
    };
  });
  return { summary, innovations: briefs };
}

/**
 * The cockpit row of a region in its province's read model (and in the national one): the fields a
 * province may see of each regency, small enough that a province of 38 reads in one query.
 */
export const provinceRowSchema = z.object({
  tenantCode: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  provinceCode: z.string(),
  year: z.number().int(),
  rubricId: z.string(),
  claimed: z.object({ index: z.number(), predicate }),
  verified: z.object({ index: z.number(), predicate }),
  riskIndexPoints: z.number(),
  innovations: z.object({
    total: z.number().int(),
    sent: z.number().int(),
    returned: z.number().int(),
    rejected: z.number().int(),
    verifiedOrBeyond: z.number().int(),
  }),
  completeness: z
    .object({
      answered: z.number(),
      evidenced: z.number(),
      verified: z.number(),
      spdVerified: z.number(),
    })
    .nullable(),
  basicServices: z.object({ covered: z.number().int(), missing: z.array(z.string()), gateMet: z.boolean() }),
  emptySeats: z.number().int(),
  opdsBehind: z.number().int(),
  deadlines: z.object({ internal: z.iso.date(), national: z.iso.date() }).nullable(),
  lastYear: resultBriefSchema.nullable(),
});
export type ProvinceRow = z.infer<typeof provinceRowSchema>;

export function provinceRowOf(summary: RegionSummary): ProvinceRow {
  const { byStatus } = summary.innovations;
  return {
    tenantCode: summary.tenantCode,
    name: summary.name,
    kind: summary.kind,
    provinceCode: summary.provinceCode,
    year: summary.year,
    rubricId: summary.rubricId,
    claimed: { index: summary.claimed.index, predicate: summary.claimed.predicate },
    verified: { index: summary.verified.index, predicate: summary.verified.predicate },
    riskIndexPoints: summary.riskIndexPoints,
    innovations: {
      total: summary.innovations.total,
      sent: summary.innovations.sent,
      returned: byStatus.returned,
      rejected: byStatus.rejected,
      verifiedOrBeyond: byStatus.verified + byStatus.ready + summary.innovations.sent,
    },
    completeness: summary.completeness && {
      answered: summary.completeness.sid.shares.answered,
      evidenced: summary.completeness.sid.shares.evidenced,
      verified: summary.completeness.sid.shares.verified,
      spdVerified: summary.completeness.spd.shares.verified,
    },
    basicServices: {
      covered: summary.basicServices.covered.length,
      missing: [...summary.basicServices.missing],
      gateMet: summary.basicServices.gateMet,
    },
    emptySeats: summary.emptySeats,
    opdsBehind: summary.opds.behindTarget,
    deadlines: summary.deadlines && { ...summary.deadlines },
    lastYear: summary.lastYear && { ...summary.lastYear },
  };
}

/** The province's drill-down into one regency: its summary and innovation list, read-only. */
export const regionDetailSchema = z.object({
  summary: regionSummarySchema,
  innovations: z.array(innovationBriefSchema),
  /** More innovations than one read-model item holds; the list shows the first ones by id. */
  truncated: z.boolean(),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;

/** Keeps the drill-down item far below DynamoDB's 400 KB (about 220 bytes per innovation, with progress). */
export const DETAIL_MAX_INNOVATIONS = 1200;

export function regionDetailOf(derived: DerivedSummary): RegionDetail {
  return {
    summary: derived.summary,
    innovations: derived.innovations.slice(0, DETAIL_MAX_INNOVATIONS),
    truncated: derived.innovations.length > DETAIL_MAX_INNOVATIONS,
  };
}

/** One point of the season's trend: the summary's headline figures on one day (Jakarta). */
export const summarySnapshotSchema = z.object({
  date: z.iso.date(),
  claimed: z.object({ index: z.number(), predicate }),
  verified: z.object({ index: z.number(), predicate }),
  riskIndexPoints: z.number(),
  total: z.number().int(),
  sent: z.number().int(),
  emptySeats: z.number().int(),
  completenessVerified: z.number().nullable(),
});
export type SummarySnapshot = z.infer<typeof summarySnapshotSchema>;

export function snapshotOf(summary: RegionSummary, date: string): SummarySnapshot {
  return {
    date,
    claimed: { index: summary.claimed.index, predicate: summary.claimed.predicate },
    verified: { index: summary.verified.index, predicate: summary.verified.predicate },
    riskIndexPoints: summary.riskIndexPoints,
    total: summary.innovations.total,
    sent: summary.innovations.sent,
    emptySeats: summary.emptySeats,
    completenessVerified: summary.completeness?.sid.shares.verified ?? null,
  };
}
