import type { Logger } from '@aws-lambda-powertools/logger';
import { type ErrorCode, errorMessage, isDomainError, type JobError } from '@inovasi/core';
import { repositoriesFor, type ScopedClientFactory, tenantScope } from '@inovasi/data';
import { JobInputError } from '../exports/job-errors.ts';

/** What a preview run may end in; the same words as the other jobs' runs. */
export type PreviewOutcome = 'done' | 'failed' | 'requeued' | 'skipped';

/** A failure the caller fixes (the file, an option), with the input at fault and a stored message. */
const inputError = (code: ErrorCode, field: string): JobError => ({
  code,
  field,
  message: errorMessage(code, 'id'),
});

/**
 * What the preview's failure tells the person who asked, or undefined when another attempt may
 * succeed (the store hiccupped, the run died). The same codes and fields as the synchronous
 * preview answered with before (docs/decisions/0021): the archive checks and the caps stand.
 */
export function previewErrorOf(error: unknown): JobError | undefined {
  if (isDomainError(error, 'import_file_missing')) return inputError('import_file_missing', 'file');
  if (isDomainError(error, 'import_file_too_large')) return inputError('import_file_too_large', 'file');
  if (!(error instanceof JobInputError)) return undefined;
  switch (error.code) {
    case 'opd_not_found':
      return inputError('opd_not_found', 'defaultOpdId');
    case 'import_file_too_large':
    case 'import_archive_rejected':
    case 'import_sheet_too_large':
    case 'import_preview_limit':
      return inputError(error.code, 'file');
    default:
      return inputError('import_file_unreadable', 'file');
  }
}

/**
 * One run of an import's preview (docs/decisions/0032): claim it, read and judge the file (the
 * archive checks, the streaming caps and, where the worker file exists, the parsing thread's time
 * and heap limits of 0021), store the preview. In AWS this runs in the jobs worker, never in the
 * API function; locally in the in-process runner, off the request that asked for it.
 */
export async function runImportPreview(
  deps: { readonly data: ScopedClientFactory; readonly logger: Logger },
  tenantCode: string,
  id: string,
  now = new Date(),
): Promise<PreviewOutcome> {
  const clients = deps.data.forScope(tenantScope(tenantCode));
  const { importPreviews: previews, importJobs } = repositoriesFor(clients);
  const claimed = await previews.claim(id, now);
  if (!claimed) return 'skipped';
  const { job, runId, options } = claimed;
  const started = performance.now();
  try {
    // exceljs and the intake checks load with the first preview, not when a worker starts.
    const { previewImport } = await import('../exports/imports.ts');
    await previewImport(clients, importJobs, job, options, {
      runId,
      report: (progress, stage) => previews.progress(id, runId, progress, stage),
    });
    deps.logger.info('import preview done', {
      tenantCode,
      id,
      durationMs: Math.round(performance.now() - started),
    });
    return 'done';
  } catch (error) {
    if (isDomainError(error, 'job_lease_lost', 'import_wrong_state')) {
      deps.logger.warn('import preview lost its lease; another run has it', { tenantCode, id });
      return 'skipped';
    }
    const refusal = previewErrorOf(error);
    if (refusal) {
      deps.logger.info('import preview refused the file', { tenantCode, id, code: refusal.code });
      await previews.fail(id, runId, refusal).catch(ignoreLostLease);
      return 'failed';
    }
    deps.logger.error('import preview failed; the sweep tries again', { tenantCode, id, error });
    await previews.release(id, runId).catch(ignoreLostLease);
    return 'requeued';
  }
}

const ignoreLostLease = (error: unknown) => {
  if (!isDomainError(error, 'job_lease_lost')) throw error;
};
