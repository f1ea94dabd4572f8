import { z } from 'zod';
import { innovationProfileSchema } from '../innovation/profile.ts';

const isoDate = z.iso.date();
/** Ids of categories and criteria, chosen by the admin: the same alphabet as record ids. */
const shortId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'expected letters, digits, _ or -');
const label = z.string().trim().min(1).max(200);

/** Who may enter a category: an OPD or unit of the region, or a citizen/student with an entrant account. */
export const ENTRANT_KINDS = ['opd', 'citizen'] as const;
export type EntrantKind = (typeof ENTRANT_KINDS)[number];

/** The judged stages; screening is administrative (complete/incomplete), not scored. */
export const JUDGED_STAGES = ['desk', 'final'] as const;
export type JudgedStage = (typeof JUDGED_STAGES)[number];

/** Where an entry stands: the admin moves entries forward in bulk, or out of the contest. */
export const ENTRY_STAGES = ['screening', 'desk', 'final', 'eliminated'] as const;
export type EntryStage = (typeof ENTRY_STAGES)[number];

/**
 * How the judges' totals of one entry become its stage score (docs/decisions/0037):
 * `mean`; `trimmed_mean` drops the highest and lowest total once there are at least three;
 * `z_score` first standardises each judge's totals over all entries they scored in the stage,
 * so a strict and a lenient judge weigh the same.
 */
export const AGGREGATION_METHODS = ['mean', 'trimmed_mean', 'z_score'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const CALL_STATUSES = ['draft', 'open', 'judging', 'results_approved', 'winners_published'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const extraFieldSchema = z.object({
  key: shortId,
  label,
  type: z.enum(['text', 'number']),
  required: z.boolean().default(false),
});
export type ExtraField = z.infer<typeof extraFieldSchema>;

export const categorySchema = z.object({
  id: shortId,
  label,
  entrantKinds: z.array(z.enum(ENTRANT_KINDS)).min(1).max(2),
  /** Category-specific questions asked beside the innovation profile. */
  extraFields: z.array(extraFieldSchema).max(20).default([]),
});
export type ContestCategory = z.infer<typeof categorySchema>;

/** Whether `offset` is a whole number of `step`s, allowing for binary fractions (0.1 + 0.2). */
export function onStep(offset: number, step: number): boolean {
  const steps = offset / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

export const criterionSchema = z
  .object({
    id: shortId,
    label,
    /** Relative weight; the weights of a stage are normalised, so 30/30/40 and 3/3/4 are the same. */
    weight: z.number().positive().max(100),
    scaleMin: z.number().int().min(0).max(100).default(1),
    scaleMax: z.number().int().min(1).max(100).default(10),
    /**
     * The steps a judge may score in (1 for whole points, 0.5 for halves, 5 on a 0–100 scale);
     * without it any value on the scale is taken. Aggregation maps every scale onto 0–1 anyway.
     */
    scaleStep: z.number().positive().max(100).optional(),
  })
  .refine((criterion) => criterion.scaleMax > criterion.scaleMin, {
    message: 'scaleMax must be above scaleMin',
    path: ['scaleMax'],
  })
  .refine(
    (criterion) =>
      criterion.scaleStep === undefined ||
      (criterion.scaleStep <= criterion.scaleMax - criterion.scaleMin &&
        onStep(criterion.scaleMax - criterion.scaleMin, criterion.scaleStep)),
    { message: 'scaleStep must divide the scale (scaleMax - scaleMin)', path: ['scaleStep'] },
  );
export type Criterion = z.infer<typeof criterionSchema>;

export const stageDatesSchema = z.object({
  entriesOpen: isoDate,
  entriesClose: isoDate,
  screeningEnd: isoDate,
  deskEnd: isoDate,
  finalEnd: isoDate,
  announcement: isoDate,
});

export const prizeSchema = z.object({
  rank: z.number().int().min(1).max(100),
  label,
  amount: z.number().int().min(0).max(1_000_000_000_000).optional(),
});

const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((item) => item.id)).size === items.length;

export const contestCallInputSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    year: z.number().int().min(2020).max(2100),
    description: z.string().trim().max(5000).default(''),
    eligibility: z.string().trim().max(5000).default(''),
    categories: z.array(categorySchema).min(1).max(20).refine(uniqueIds, 'category ids must be unique'),
    stageDates: stageDatesSchema,
    criteria: z.object({
      desk: z.array(criterionSchema).min(1).max(30).refine(uniqueIds, 'criterion ids must be unique'),
      final: z.array(criterionSchema).min(1).max(30).refine(uniqueIds, 'criterion ids must be unique'),
    }),
    prizes: z.array(prizeSchema).max(50).default([]),
    blindMode: z.boolean().default(false),
    aggregation: z.enum(AGGREGATION_METHODS).default('mean'),
    judgesPerEntry: z.number().int().min(1).max(20).default(2),
    /** A judge whose mean gap to the rest of the panel exceeds this (0–100 scale) is flagged. */
    deviationThreshold: z.number().min(1).max(100).default(15),
  })
  .superRefine((call, context) => {
    const dates = call.stageDates;
    const order = [
      'entriesOpen',
      'entriesClose',
      'screeningEnd',
      'deskEnd',
      'finalEnd',
      'announcement',
    ] as const;
    for (let index = 1; index < order.length; index++) {
      const [earlier, later] = [
        order[index - 1] as (typeof order)[number],
        order[index] as (typeof order)[number],
      ];
      if (dates[later] < dates[earlier])
        context.addIssue({
          code: 'custom',
          message: `must not be before ${earlier}`,
          path: ['stageDates', later],
        });
    }
  });
export type ContestCallInput = z.infer<typeof contestCallInputSchema>;

export const approvedResultSchema = z.object({
  entryId: z.string(),
  /** Ranks and prizes are per category: each category has its own winners. */
  categoryId: z.string(),
  rank: z.number().int(),
  score: z.number(),
  prize: z.string().optional(),
});

export const contestCallSchema = z.object({
  id: z.string(),
  tenantCode: z.string(),
  ...contestCallInputSchema.shape,
  status: z.enum(CALL_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** Frozen by the admin's approval: the final stage's ranking, method and prizes as approved. */
  results: z.array(approvedResultSchema).optional(),
  resultsApprovedAt: z.string().optional(),
  /**
   * Set by the announcement: the evidence item (the public results page) linked to the region's
   * SPD row for awards to innovators (`spd.12`) of the call's year, and the level it suggests
   * (1 certificates, 2 certificates and money prizes). The answer's level stays the operator's.
   */
  spdCitation: z
    .object({
      year: z.number().int(),
      row: z.string(),
      evidenceId: z.string(),
      suggestedLevel: z.number().int().min(1).max(3),
    })
    .optional(),
});
export type ContestCall = z.infer<typeof contestCallSchema>;

export const entryInputSchema = z
  .object({
    categoryId: shortId,
    /** Enter an innovation already in the registry (its profile is copied) … */
    innovationId: z
      .string()
      .regex(/^[0-9A-Za-z_-]{1,64}$/)
      .optional(),
    /** … or describe a new one with the registry's own profile fields. */
    profile: innovationProfileSchema.optional(),
    /** The OPD entering; an OPD operator may only name its own. */
    opdId: z
      .string()
      .regex(/^[0-9A-Za-z_-]{1,64}$/)
      .optional(),
    extraFields: z
      .record(z.string().regex(/^[a-z0-9_-]{1,40}$/), z.union([z.string().max(5000), z.number()]))
      .default({}),
    /** A honeypot for the public form: people leave it empty, form-filling robots do not. */
    website: z.string().max(0, 'must be empty').optional(),
  })
  .refine((entry) => Boolean(entry.innovationId) !== Boolean(entry.profile), {
    message: 'give either innovationId or profile',
    path: ['profile'],
  });
export type EntryInput = z.infer<typeof entryInputSchema>;

export const SCREENING_STATUSES = ['pending', 'complete', 'incomplete'] as const;

export const contestEntrySchema = z.object({
  id: z.string(),
  callId: z.string(),
  categoryId: z.string(),
  entrantKind: z.enum(ENTRANT_KINDS),
  /** Hidden from judges in blind mode, with the entrant's name and the innovation id. */
  entrantName: z.string().optional(),
  entrantUserId: z.string().optional(),
  opdId: z.string().optional(),
  innovationId: z.string().optional(),
  profile: innovationProfileSchema,
  extraFields: z.record(z.string(), z.union([z.string(), z.number()])),
  stage: z.enum(ENTRY_STAGES),
  screening: z.object({ status: z.enum(SCREENING_STATUSES), reason: z.string().optional() }),
  /** Judges assigned per stage (never one with a conflict or from the entrant's OPD). */
  assignments: z.object({ desk: z.array(z.string()), final: z.array(z.string()) }),
  /** Set when the winners are announced: the prize this entry won. */
  award: z.object({ rank: z.number().int(), prize: z.string() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ContestEntry = z.infer<typeof contestEntrySchema>;

export const judgeInputSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(200),
  /** An internal judge's own OPD: entries of that OPD are never assigned to them. */
  opdId: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,64}$/)
    .optional(),
  external: z.boolean().default(false),
});

export const contestJudgeSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  opdId: z.string().optional(),
  external: z.boolean(),
  /** Entry ids the judge declared a conflict of interest with, and why. */
  conflicts: z.array(z.object({ entryId: z.string(), reason: z.string() })),
  version: z.number().int(),
});
export type ContestJudge = z.infer<typeof contestJudgeSchema>;

export const scoreInputSchema = z.object({
  /** Criterion id → score on that criterion's scale. */
  criteria: z.record(shortId, z.number().min(0).max(100)),
  comment: z.string().trim().max(5000).default(''),
});

export const contestScoreSchema = z.object({
  entryId: z.string(),
  judgeId: z.string(),
  stage: z.enum(JUDGED_STAGES),
  criteria: z.record(z.string(), z.number()),
  comment: z.string(),
  scoredAt: z.string(),
});
export type ContestScore = z.infer<typeof contestScoreSchema>;

/** Which criteria a score sheet misses or has off-scale, as field paths for a 400. */
export function scoreSheetProblems(criteria: readonly Criterion[], sheet: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const criterion of criteria) {
    const value = sheet[criterion.id];
    if (
      value === undefined ||
      value < criterion.scaleMin ||
      value > criterion.scaleMax ||
      (criterion.scaleStep !== undefined && !onStep(value - criterion.scaleMin, criterion.scaleStep))
    )
      problems.push(`criteria.${criterion.id}`);
  }
  for (const id of Object.keys(sheet))
    if (!criteria.some((criterion) => criterion.id === id)) problems.push(`criteria.${id}`);
  return problems;
}
