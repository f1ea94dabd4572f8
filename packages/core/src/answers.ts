import { z } from 'zod';

const level = z.number().int().min(0).max(3);
const actorId = z.string().min(1).max(64);
const timestamp = z.iso.datetime();

/** What a verifier decided about one answer (the regional quality gate). */
export const answerReviewSchema = z.object({
  status: z.enum(['accepted', 'returned']),
  note: z.string().max(2000).optional(),
  by: actorId,
  at: timestamp,
});
export type AnswerReview = z.infer<typeof answerReviewSchema>;

/** An operator's answer to one SID indicator of one innovation. */
export const indicatorAnswerInputSchema = z.object({
  level,
  /** Only for `sid.33` (kemanfaatan): which of the six bases a–f the level is measured on. */
  basis: z.enum(['a', 'b', 'c', 'd', 'e', 'f']).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type IndicatorAnswerInput = z.infer<typeof indicatorAnswerInputSchema>;

export const storedIndicatorAnswerSchema = indicatorAnswerInputSchema.extend({
  updatedAt: timestamp,
  updatedBy: actorId,
  review: answerReviewSchema.optional(),
});
export type StoredIndicatorAnswer = z.infer<typeof storedIndicatorAnswerSchema>;

/** Raw figures of a quantitative SPD row (T-1 and T-2 values, a count, or a grade). */
export const spdFiguresSchema = z
  .object({
    t1: z.number().finite().optional(),
    t2: z.number().finite().optional(),
    count: z.number().int().min(0).optional(),
    grade: z.string().trim().min(1).max(20).optional(),
  })
  .refine((figures) => Object.values(figures).some((value) => value !== undefined), {
    message: 'Isi minimal satu angka. / Enter at least one figure.',
  });

/** A region's answer to one SPD row: a level, or the raw figures the level is derived from. */
export const spdAnswerInputSchema = z
  .object({
    level: level.optional(),
    figures: spdFiguresSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((answer) => answer.level !== undefined || answer.figures !== undefined, {
    message: 'Isi level atau angka mentah. / Send a level or raw figures.',
    path: ['level'],
  });
export type SpdAnswerInput = z.infer<typeof spdAnswerInputSchema>;

export const storedSpdAnswerSchema = z.object({
  level: level.optional(),
  figures: z
    .object({
      t1: z.number().optional(),
      t2: z.number().optional(),
      count: z.number().optional(),
      grade: z.string().optional(),
    })
    .optional(),
  note: z.string().optional(),
  updatedAt: timestamp,
  updatedBy: actorId,
  review: answerReviewSchema.optional(),
});
export type StoredSpdAnswer = z.infer<typeof storedSpdAnswerSchema>;

export const spdAnswersSchema = z.object({
  year: z.number().int(),
  rubricId: z.string(),
  answers: z.record(z.string(), storedSpdAnswerSchema),
  /** 0 until the first answer is saved; send it as If-Match to save the first one. */
  version: z.number().int().min(0),
});
export type SpdAnswers = z.infer<typeof spdAnswersSchema>;

export const tenantSettingsSchema = z.object({
  /** Minimum kematangan before an innovation may be marked ready to send; null = off (the default). */
  minKematanganToSend: z.number().min(0).max(111).nullable(),
  /** Innovations each OPD is expected to report per period unless its own target says otherwise. */
  defaultOpdTarget: z.number().int().min(0).max(100),
  version: z.number().int().min(0),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** An answer counts in the verified score only once a verifier accepted it. */
export const isVerified = (
  answer: { review?: Pick<AnswerReview, 'status'> | undefined } | undefined,
): boolean => answer?.review?.status === 'accepted';
