import { z } from '@hono/zod-openapi';
import { PREDICATES } from '@inovasi/core/scoring';

const predicate = z.enum(PREDICATES);

export const projectedScoreSchema = z.object({
  spd: z.number(),
  n: z.number(),
  divisor: z.number(),
  emptySeats: z.number(),
  countedInnovations: z.number(),
  rejectedInnovations: z.number(),
  sumKematangan: z.number(),
  averageMaturity: z.number(),
  basicServicesCovered: z.array(z.string()),
  basicServiceGateMet: z.boolean(),
  innovationCountScore: z.number(),
  sid: z.number(),
  total: z.number(),
  index: z.number(),
  predicate,
  distanceToNextBand: z.object({
    predicate,
    nextPredicate: predicate.nullable(),
    pointsNeeded: z.number().nullable(),
  }),
});

/** The regional index of one set of innovations, as computeRegionalIndex returns it. */
const regionalIndexSchema = projectedScoreSchema.omit({ distanceToNextBand: true });

const explanationSchema = z.object({ message_id: z.string(), message_en: z.string() });

const eligibilitySchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(
    z.object({ code: z.string(), field: z.string(), message_id: z.string(), message_en: z.string() }),
  ),
});

export const projectionSchema = z
  .object({
    year: z.number(),
    rubricId: z.string(),
    claimed: projectedScoreSchema,
    verified: projectedScoreSchema,
    /** Ineligible drafts are outside n until fixed (decision 6); this is the index if sent as they are. */
    ifIneligibleSent: z.object({
      drafts: z.number(),
      claimedIndex: z.number(),
      verifiedIndex: z.number(),
      claimedCost: z.number(),
      verifiedCost: z.number(),
    }),
    riskIndexPoints: z.number(),
    n: z.number(),
    divisorMinimum: z.number(),
    emptySeats: z.number(),
    basicServiceCoverage: z.object({
      covered: z.array(z.string()),
      missing: z.array(z.string()),
      required: z.number(),
      gateMet: z.boolean(),
    }),
    innovations: z.array(
      z.object({
        id: z.string(),
        opdId: z.string(),
        name: z.string().optional(),
        status: z.string().optional(),
        treatment: z.enum(['counted', 'rejected', 'ineligible']),
        kematanganClaimed: z.number(),
        kematanganVerified: z.number(),
        /** Mandatory indicators not answered with accepted evidence: the verified view counts it 0. */
        mandatoryGaps: z.array(
          z.object({ code: z.string(), name: z.string(), state: z.enum(['unanswered', 'not_accepted']) }),
        ),
        /** Why the verified view counts it 0 or not at all; null when it counts there. */
        verifiedReason: explanationSchema.nullable(),
        eligibility: eligibilitySchema.optional(),
      }),
    ),
    opdContributions: z.array(
      z.object({
        opdId: z.string(),
        innovations: z.number(),
        counted: z.number(),
        notCounted: z.number(),
        kematanganClaimed: z.number(),
        kematanganVerified: z.number(),
        indexPointsClaimed: z.number(),
        indexPointsVerified: z.number(),
      }),
    ),
  })
  .openapi('Projection');

export const moveSchema = z
  .object({
    kind: z.enum([
      'fill_empty_seat',
      'cover_basic_service',
      'lift_indicator',
      'lift_spd_row',
      'fix_ineligible_draft',
      'complete_mandatory',
    ]),
    effort: z.number(),
    indexBefore: z.number(),
    indexAfter: z.number(),
    indexGain: z.number(),
    exactGain: z.number(),
    message_id: z.string(),
    message_en: z.string(),
    /** The message without its evidence text; a list states the evidence once per indicator and level. */
    action_id: z.string(),
    action_en: z.string(),
    innovationId: z.string().optional(),
    opdId: z.string().optional(),
    code: z.string().optional(),
    fromLevel: z.number().optional(),
    toLevel: z.number().optional(),
    urusan: z.array(z.string()).optional(),
    /** complete_mandatory: each mandatory indicator to answer or get accepted, at the level assumed. */
    mandatory: z.array(z.object({ code: z.string(), toLevel: z.number() })).optional(),
    emptySeats: z.number().optional(),
    levelText: z.string().optional(),
    evidence: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Move');

/** One region-level document lifting the same indicator of several innovations (ADR 0029). */
export const leverSchema = z
  .object({
    kind: z.literal('region_wide_document'),
    code: z.string(),
    toLevel: z.number(),
    /** The document to issue. */
    document_id: z.string(),
    document_en: z.string(),
    /** The innovations it lifts; their count is the lever's reach. */
    innovationIds: z.array(z.string()),
    levelText: z.string(),
    evidence: z.object({ description: z.string(), fileKinds: z.array(z.string()) }),
    effort: z.number(),
    indexBefore: z.number(),
    /** The region projected again with every listed innovation lifted at once. */
    indexAfter: z.number(),
    indexGain: z.number(),
    exactGain: z.number(),
    message_id: z.string(),
    message_en: z.string(),
    action_id: z.string(),
    action_en: z.string(),
  })
  .openapi('Lever');

export const portfolioSchema = z
  .object({
    year: z.number(),
    rubricId: z.string(),
    basis: z.enum(['claimed', 'verified']),
    /** The projection as it stands: every eligible innovation sent. */
    everything: regionalIndexSchema,
    /** Only the chosen innovations sent, beside those already sent. */
    choice: regionalIndexSchema,
    /** choice.index − everything.index; never negative. */
    gain: z.number(),
    /** Under this kematangan, one more innovation lowers the index; 0 while seats stay empty. */
    breakEvenMaturity: z.number(),
    breakEven: explanationSchema,
    difference: explanationSchema,
    entries: z.array(
      z.object({
        id: z.string(),
        name: z.string().optional(),
        opdId: z.string(),
        /** locked: already sent or rejected; send / hold: the choice; ineligible: outside n until fixed. */
        role: z.enum(['locked', 'send', 'hold', 'ineligible']),
        kematangan: z.number(),
        counts: z.boolean(),
      }),
    ),
  })
  .openapi('PortfolioChoice');
