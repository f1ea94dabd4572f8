import { z } from 'zod';
import { answerReviewSchema } from '../answers.ts';
import { FILE_KINDS } from '../rubrics/types.ts';
import {
  EVIDENCE_FINDINGS,
  EVIDENCE_KINDS,
  EVIDENCE_MEDIA_TYPES,
  EVIDENCE_REJECTIONS,
  type EvidenceMediaType,
  extensionMatches,
} from './kinds.ts';
import { VIDEO_HOSTS } from './links.ts';

const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const isoDate = z.iso.date();
const timestamp = z.iso.datetime();
const actorId = z.string().min(1).max(64);

/** Describes one evidence item; shared by uploads and links. */
const metadataFields = {
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string().trim().min(3).max(200),
  note: z.string().trim().max(2000).optional(),
  /** The date on the document (signed, enacted, taken); checked against each indicator's years. */
  documentDate: isoDate.optional(),
  /** Where the document has one: the period it is in force. */
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  /** The OPD that owns the item; an operator's own OPD by default, none for region-wide documents. */
  opdId: id.optional(),
  /** Shown in the public catalogue later, once the owner marks it public. Off by default. */
  public: z.boolean().optional(),
};

const validityInOrder = <T extends { validFrom?: string | undefined; validUntil?: string | undefined }>(
  value: T,
) => !(value.validFrom && value.validUntil && value.validFrom > value.validUntil);
const VALIDITY_MESSAGE = {
  message: 'Tanggal akhir berlaku sebelum tanggal mulai. / Valid until is before valid from.',
  path: ['validUntil'],
};

/** The file an upload announces, which intake checks the stored bytes against (library and contest entries). */
export const uploadedFileFields = {
  fileName: z.string().trim().min(1).max(200),
  mediaType: z.enum(EVIDENCE_MEDIA_TYPES),
  size: z
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 3),
  /** Hex SHA-256 of the file's bytes, computed by the client before uploading. */
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
};

/** An upload's file name must end in an extension of its announced media type. */
export const extensionFitsMediaType = (input: { fileName: string; mediaType: EvidenceMediaType }) =>
  extensionMatches(input.fileName, input.mediaType);
export const EXTENSION_MESSAGE = {
  message:
    'Ekstensi nama berkas tidak sesuai dengan jenis berkas. / The file name extension does not match the media type.',
  path: ['fileName'],
};

/** Asking for a presigned upload: what the file is, and what the server will check it against. */
export const evidenceUploadInputSchema = z
  .object({
    ...metadataFields,
    ...uploadedFileFields,
  })
  .refine(validityInOrder, VALIDITY_MESSAGE)
  .refine(extensionFitsMediaType, EXTENSION_MESSAGE);
export type EvidenceUploadInput = z.infer<typeof evidenceUploadInputSchema>;

/** A video (kind `video`: YouTube, Google Drive, TikTok, Instagram) or a web page as evidence. */
export const evidenceUrlInputSchema = z
  .object({
    ...metadataFields,
    url: z.string().trim().min(10).max(2000),
    /** For videos: the length the uploader recorded (sid.35: at most 5 minutes). */
    durationSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .refine(validityInOrder, VALIDITY_MESSAGE)
  .refine((input) => input.kind !== 'video' || input.durationSeconds !== undefined, {
    message: 'Isi durasi video dalam detik. / Record the video length in seconds.',
    path: ['durationSeconds'],
  });
export type EvidenceUrlInput = z.infer<typeof evidenceUrlInputSchema>;

/** A metadata change; a date sent as null is cleared. */
export const evidenceUpdateInputSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS).optional(),
    title: z.string().trim().min(3).max(200).optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    documentDate: isoDate.nullable().optional(),
    validFrom: isoDate.nullable().optional(),
    validUntil: isoDate.nullable().optional(),
    public: z.boolean().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Kirim minimal satu perubahan. / Send at least one change.',
    path: ['title'],
  });
export type EvidenceUpdateInput = z.infer<typeof evidenceUpdateInputSchema>;

export const evidenceDeleteInputSchema = z.object({
  /** Why the item is removed; kept on the record with who and when. */
  reason: z.string().trim().min(3).max(500),
});

/** What one evidence item supports: an indicator answer of an innovation, an SPD row, or an agreement. */
export type EvidenceTarget =
  | { readonly type: 'innovation'; readonly innovationId: string; readonly indicator: string }
  | { readonly type: 'spd'; readonly year: number; readonly row: string }
  | { readonly type: 'agreement'; readonly agreementId: string };

export const EVIDENCE_TARGET_TYPES = ['innovation', 'spd', 'agreement'] as const;

/**
 * A link target as a flat body, so every field can be named on its own in a validation error:
 * `innovation` needs innovationId and indicator, `spd` year and row, `agreement` agreementId.
 */
export const evidenceTargetInputSchema = z
  .object({
    type: z.enum(EVIDENCE_TARGET_TYPES),
    innovationId: id.optional(),
    indicator: z
      .string()
      .regex(/^sid\.\d{2}$/)
      .optional(),
    year: z.number().int().min(2022).max(2100).optional(),
    row: z
      .string()
      .regex(/^spd\.\d{1,2}[ab]?$/)
      .optional(),
    agreementId: id.optional(),
  })
  .superRefine((input, context) => {
    const need = {
      innovation: ['innovationId', 'indicator'],
      spd: ['year', 'row'],
      agreement: ['agreementId'],
    } as const;
    for (const field of need[input.type]) {
      if (input[field] === undefined) {
        context.addIssue({ code: 'custom', message: 'Wajib diisi. / Required.', path: [field] });
      }
    }
  });
export type EvidenceTargetInput = z.infer<typeof evidenceTargetInputSchema>;

/** The target a valid flat body stands for. */
export function toEvidenceTarget(input: EvidenceTargetInput): EvidenceTarget {
  switch (input.type) {
    case 'innovation':
      return { type: 'innovation', innovationId: input.innovationId ?? '', indicator: input.indicator ?? '' };
    case 'spd':
      return { type: 'spd', year: input.year ?? 0, row: input.row ?? '' };
    case 'agreement':
      return { type: 'agreement', agreementId: input.agreementId ?? '' };
  }
}

export const evidenceTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('innovation'), innovationId: z.string(), indicator: z.string() }),
  z.object({ type: z.literal('spd'), year: z.number().int(), row: z.string() }),
  z.object({ type: z.literal('agreement'), agreementId: z.string() }),
]);

export const evidenceFindingSchema = z.object({
  code: z.enum(EVIDENCE_FINDINGS),
  /** Other items or indicators the finding points at (duplicates, the indicators of a shared file). */
  refs: z.array(z.string()).optional(),
});
export type EvidenceFinding = z.infer<typeof evidenceFindingSchema>;

/** What intake measured on the stored bytes: the facts, not what the client declared. */
export const evidenceIntakeSchema = z.object({
  checkedAt: timestamp,
  /** `api`: the completion call; `worker`: the bucket's object-created event. */
  checkedBy: z.enum(['api', 'worker']),
  mediaType: z.string().optional(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  /** PDFs: whether a text layer was found (false = an image-only scan). */
  textLayer: z.boolean().optional(),
  /** MP4: the duration in the file's header; links: what the uploader recorded. */
  durationSeconds: z.number().optional(),
  rejection: z.enum(EVIDENCE_REJECTIONS).optional(),
  findings: z.array(evidenceFindingSchema),
});
export type EvidenceIntake = z.infer<typeof evidenceIntakeSchema>;

export const EVIDENCE_STATUSES = ['pending', 'passed', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const evidenceSchema = z.object({
  id,
  tenantCode: z.string(),
  source: z.enum(['upload', 'url']),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  note: z.string().optional(),
  /** Uploads: what the client declared when it asked for the upload. */
  fileName: z.string().optional(),
  mediaType: z.string().optional(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  /** URLs: the canonical address, and for videos the host and video id. */
  url: z.string().optional(),
  video: z.object({ host: z.enum(VIDEO_HOSTS), id: z.string() }).optional(),
  durationSeconds: z.number().int().optional(),
  /** The rubric's file kind, once known (uploads: after intake). */
  fileKind: z.enum(FILE_KINDS).optional(),
  documentDate: isoDate.optional(),
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  opdId: z.string().optional(),
  public: z.boolean(),
  /** `pending` until intake checked the bytes; only `passed` evidence counts. */
  status: z.enum(EVIDENCE_STATUSES),
  intake: evidenceIntakeSchema.optional(),
  /** How many answers, rows or agreements it supports, by indicator code (agreements under `agreement`). */
  linkedCodes: z.record(z.string(), z.number().int()),
  deleted: z.object({ by: actorId, at: timestamp, reason: z.string() }).optional(),
  version: z.number().int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: actorId,
  updatedBy: actorId,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceLinkSchema = z.object({
  evidenceId: z.string(),
  target: evidenceTargetSchema,
  linkedAt: timestamp,
  linkedBy: actorId,
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

/** Evidence passes intake when its bytes were checked and it was not deleted since. */
export const evidencePassed = (evidence: Pick<Evidence, 'status' | 'deleted'> | undefined): boolean =>
  evidence?.status === 'passed' && evidence.deleted === undefined;

/** What an answer's chosen level asks for, and what is attached (the operator's checklist). */
export const attachedEvidenceSchema = z.object({
  evidenceId: z.string(),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  fileKind: z.enum(FILE_KINDS).optional(),
  status: z.enum(EVIDENCE_STATUSES),
  /** Passed intake and not deleted: it counts toward the verified score once the answer is accepted. */
  counts: z.boolean(),
  findings: z.array(evidenceFindingSchema),
  linkedAt: timestamp,
});
export type AttachedEvidence = z.infer<typeof attachedEvidenceSchema>;

export const INDICATOR_EVIDENCE_STATES = [
  'not_answered',
  'missing_evidence',
  'awaiting_intake',
  'awaiting_verification',
  'returned',
  'verified',
] as const;

export const MISSING_EVIDENCE = ['evidence', 'passed_evidence', 'verification'] as const;

export const indicatorEvidenceSchema = z.object({
  code: z.string(),
  name: z.string(),
  mandatory: z.boolean(),
  level: z.number().int().min(0).max(3),
  requirement: z
    .object({
      level: z.number().int().min(1).max(3),
      text: z.string(),
      description: z.string(),
      fileKinds: z.array(z.enum(FILE_KINDS)),
      /** The dates a document may carry, as ISO dates (open ends absent), and whether it must be in force. */
      dates: z
        .object({ from: isoDate.optional(), to: isoDate.optional(), inForce: z.boolean().optional() })
        .optional(),
    })
    .optional(),
  attached: z.array(attachedEvidenceSchema),
  missing: z.array(z.enum(MISSING_EVIDENCE)),
  state: z.enum(INDICATOR_EVIDENCE_STATES),
  review: answerReviewSchema.optional(),
});
export type IndicatorEvidence = z.infer<typeof indicatorEvidenceSchema>;

export const completenessSchema = z.object({
  /** Indicators (or rows) that could be answered. */
  total: z.number().int(),
  answered: z.number().int(),
  /** Answered with at least one attached item that passed intake. */
  evidenced: z.number().int(),
  /** Evidenced and accepted by the verifier: what the verified score counts. */
  verified: z.number().int(),
  shares: z.object({ answered: z.number(), evidenced: z.number(), verified: z.number() }),
});
export type Completeness = z.infer<typeof completenessSchema>;
