import { z } from 'zod';
import { innovationProfileSchema } from '../innovation/profile.ts';

const timestamp = z.iso.datetime();
const actorId = z.string().min(1).max(64);
const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);

/**
 * Files made from a region's data, each built by a background job:
 * - `national_pack`: the national-entry pack of a period (field-by-field sheet in the order of the
 *   national form, evidence renamed per innovation and indicator, SPD answers with their evidence);
 * - `recap`: the Excel recap for Bappeda (one row per innovation, a sheet per OPD's progress);
 * - `profile_pdf`: the PDF profile of one innovation;
 * - `rakor_pdf`: the command centre's figures on one dated page for the leadership meeting (ADR 0036);
 * - `contest_certificates`: one PDF with a certificate page per winner of an announced contest call
 *   (ADR 0042).
 */
export const EXPORT_KINDS = [
  'national_pack',
  'recap',
  'profile_pdf',
  'rakor_pdf',
  'contest_certificates',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A background job's life: queued → running → done | failed (a crashed run is taken up again). */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobErrorSchema = z.object({
  code: z.string(),
  /** For people: in Bahasa Indonesia as stored, in the caller's language where the API knows the code. */
  message: z.string(),
  /** The input at fault, when there is one (`file` for a spreadsheet that cannot be previewed). */
  field: z.string().optional(),
});
export type JobError = z.infer<typeof jobErrorSchema>;

export const exportRequestSchema = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    /** The assessment year (pack, recap); defaults to the current season. */
    periodYear: z.number().int().min(2022).max(2100).optional(),
    /** The innovation of a profile PDF. */
    innovationId: id.optional(),
    /** The contest call of the certificates. */
    callId: id.optional(),
  })
  .superRefine((input, context) => {
    if (input.kind === 'profile_pdf' && input.innovationId === undefined) {
      context.addIssue({ code: 'custom', message: 'Wajib diisi. / Required.', path: ['innovationId'] });
    }
    if (input.kind === 'contest_certificates' && input.callId === undefined) {
      context.addIssue({ code: 'custom', message: 'Wajib diisi. / Required.', path: ['callId'] });
    }
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResultSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** What went into the file: innovations, evidence files copied, evidence files that could not be read. */
  innovations: z.number().int().optional(),
  files: z.number().int().optional(),
  missingFiles: z.number().int().optional(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportJobSchema = z.object({
  id,
  kind: z.enum(EXPORT_KINDS),
  periodYear: z.number().int(),
  innovationId: z.string().optional(),
  callId: z.string().optional(),
  status: z.enum(JOB_STATUSES),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** What the job is doing now, for the progress bar (Bahasa Indonesia). */
  stage: z.string().optional(),
  attempts: z.number().int().min(0),
  requestedBy: actorId,
  requestedAt: timestamp,
  startedAt: timestamp.optional(),
  finishedAt: timestamp.optional(),
  result: exportResultSchema.optional(),
  error: jobErrorSchema.optional(),
  /** The job record and its file are removed after this time. */
  expiresAt: timestamp,
  version: z.number().int().min(1),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/** A recorded tick-off: the innovation was typed into the national application under this number. */
export const nationalEntrySchema = z.object({
  registrationNumber: z.string(),
  /** The day it was entered nationally (Jakarta calendar). */
  enteredOn: z.iso.date(),
  recordedBy: actorId,
  recordedAt: timestamp,
});
export type NationalEntry = z.infer<typeof nationalEntrySchema>;

export const nationalEntryInputSchema = z.object({
  registrationNumber: z.string().trim().min(3).max(100),
  /** Defaults to today (Jakarta). */
  enteredOn: z.iso.date().optional(),
});

// ---------------------------------------------------------------------------------------------
// Imports

/**
 * An import's life: awaiting_upload (a presigned PUT was issued) → uploaded → previewing (the jobs
 * worker reads the file; back to the earlier status with an `error` if it cannot) → previewed
 * (every row validated, nothing written) → queued (confirmed) → running → done | failed.
 */
export const IMPORT_STATUSES = [
  'awaiting_upload',
  'uploaded',
  'previewing',
  'previewed',
  'queued',
  'running',
  'done',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importOptionsSchema = z.object({
  /** The assessment year rows without a "Tahun" column go to; defaults to the current season. */
  periodYear: z.number().int().min(2022).max(2100).optional(),
  /** Rows without an OPD column (or with an empty one) go to this OPD: a new OPD's own spreadsheet. */
  defaultOpdId: id.optional(),
  /** Create an OPD that no row names correctly instead of refusing the row (onboarding a region). */
  createMissingOpds: z.boolean().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importIssueSchema = z.object({
  /** The column header as written in the file (or the template's label when the column is absent). */
  column: z.string(),
  /** The profile field the column maps to, when there is one. */
  field: z.string().optional(),
  code: z.string(),
  /** Bahasa Indonesia, for the operator who fixes the file. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const IMPORT_ROW_STATUSES = ['valid', 'invalid', 'already_imported', 'duplicate'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export const importPreviewRowSchema = z.object({
  /** The row number as the spreadsheet shows it (the header row included). */
  rowNumber: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  name: z.string().optional(),
  opdName: z.string().optional(),
  opdId: z.string().optional(),
  /** The OPD does not exist yet and will be created on confirmation (`createMissingOpds`). */
  newOpd: z.boolean().optional(),
  periodYear: z.number().int().optional(),
  profile: innovationProfileSchema.optional(),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
  /** `already_imported` / `duplicate`: the innovation that is already there. */
  innovationId: z.string().optional(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const IMPORT_OUTCOMES = ['created', 'already_imported', 'duplicate', 'invalid', 'failed'] as const;

export const importReportRowSchema = z.object({
  rowNumber: z.number().int(),
  name: z.string().optional(),
  outcome: z.enum(IMPORT_OUTCOMES),
  innovationId: z.string().optional(),
  message: z.string().optional(),
});
export type ImportReportRow = z.infer<typeof importReportRowSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  alreadyImported: z.number().int(),
  duplicates: z.number().int(),
  /** OPD names that will be (or were) created. */
  newOpds: z.array(z.string()),
  /** Columns of the file the importer does not use (e.g. the recap's scores). */
  ignoredColumns: z.array(z.string()),
  sheet: z.string().optional(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importReportSummarySchema = z.object({
  created: z.number().int(),
  alreadyImported: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  failed: z.number().int(),
  opdsCreated: z.array(z.string()),
});
export type ImportReportSummary = z.infer<typeof importReportSummarySchema>;

export const importJobSchema = z.object({
  id,
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  size: z.number().int(),
  /** SHA-256 of the file, once read. */
  fileSha256: z.string().optional(),
  options: importOptionsSchema.optional(),
  summary: importSummarySchema.optional(),
  progress: z.number().int().min(0).max(100),
  stage: z.string().optional(),
  attempts: z.number().int().min(0),
  report: importReportSummarySchema.optional(),
  error: jobErrorSchema.optional(),
  requestedBy: actorId,
  requestedAt: timestamp,
  previewedAt: timestamp.optional(),
  confirmedBy: actorId.optional(),
  confirmedAt: timestamp.optional(),
  startedAt: timestamp.optional(),
  finishedAt: timestamp.optional(),
  expiresAt: timestamp,
  version: z.number().int().min(1),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** Import files are forms, not archives: a few thousand rows at most. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
