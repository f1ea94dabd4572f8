import { PassThrough } from 'node:stream';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type ExportJob, type ImportJob, isDomainError, todayInJakarta } from '@inovasi/core';
import {
  type ExportJobRepository,
  type ImportRepository,
  JOB_MAX_ATTEMPTS,
  platformRegistryScope,
  platformRepositoryFor,
  repositoriesFor,
  type ScopedClientFactory,
  type TenantClients,
  tenantScope,
} from '@inovasi/data';
import pLimit from 'p-limit';
import { JobInputError, jobErrorOf } from '../exports/job-errors.ts';
import { runImportPreview } from './import-preview.ts';

import { JOB_TYPES, type JobDispatcher, type JobRef } from './job-ref.ts';

export type { JobDispatcher, JobRef };
export { JOB_TYPES };

export interface BackgroundJobDeps {
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
}

export type RunOutcome = 'done' | 'failed' | 'requeued' | 'skipped';

/** Progress writes renew the lease; between them a heartbeat keeps a long copy from losing it. */
const HEARTBEAT_MS = 30_000;
/** The UI polls every second or two; more writes than one a second would only cost. */
const PROGRESS_EVERY_MS = 1_000;

interface ProgressSink {
  progress(id: string, runId: string, progress: number, stage: string): Promise<void>;
}

/** Throttled progress with a heartbeat: the run calls `report` as often as it likes. */
function reporter(repository: ProgressSink, id: string, runId: string) {
  let last = { progress: 0, stage: 'Memulai' };
  let writtenAt = 0;
  let lost: Error | undefined;
  const write = async () => {
    writtenAt = Date.now();
    await repository.progress(id, runId, last.progress, last.stage);
  };
  const heartbeat = setInterval(() => {
    write().catch((error: unknown) => {
      lost = error as Error;
    });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    async report(progress: number, stage: string) {
      if (lost) throw lost;
      last = { progress, stage };
      if (Date.now() - writtenAt >= PROGRESS_EVERY_MS) await write();
    },
    stop() {
      clearInterval(heartbeat);
    },
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function runExport(
  clients: TenantClients,
  repository: ExportJobRepository,
  job: ExportJob,
  runId: string,
  report: (progress: number, stage: string) => Promise<void>,
): Promise<void> {
  const { tenantCode } = clients;
  const upload = (fileName: string, contentType: string, body: PassThrough) =>
    repository.uploadResult(job.id, runId, fileName, contentType, body);
  // The builders (pdfkit, exceljs, yazl) are loaded on the first job, not when the API starts: the
  // API function only queues jobs in AWS, and its bundle keeps them in chunks it never loads
  // (docs/decisions/0013).
  const { loadInnovationData, loadRegionData } = await import('../exports/region-data.ts');

  if (job.kind === 'profile_pdf') {
    const { writeProfilePdf } = await import('../exports/profile-pdf.ts');
    const { slug } = await import('../exports/pack.ts');
    await report(10, 'Membaca data inovasi');
    const input = await loadInnovationData(clients, job.innovationId ?? '');
    await report(40, 'Menyusun PDF profil');
    const fileName = `profil-inovasi-${slug(input.facts.innovation.profile.name, 60)}.pdf`;
    const body = new PassThrough();
    const [stored] = await Promise.all([
      upload(fileName, 'application/pdf', body),
      writeProfilePdf(input, body).catch((error: unknown) => {
        body.destroy(error as Error);
        throw error;
      }),
    ]);
    await repository.complete(
      job.id,
      runId,
      { fileName, contentType: 'application/pdf', size: stored.size, innovations: 1 },
      stored.objectKey,
    );
    return;
  }

  if (job.kind === 'contest_certificates') {
    const { runContestCertificates } = await import('./contest-certificates.ts');
    await runContestCertificates(clients, job, upload, report, (result, objectKey) =>
      repository.complete(job.id, runId, result, objectKey),
    );
    return;
  }

  await report(3, 'Membaca data daerah');
  const data = await loadRegionData(clients, job.periodYear);

  if (job.kind === 'recap') {
    const { writeRecap } = await import('../exports/recap.ts');
    const fileName = `rekap-inovasi-${tenantCode}-${job.periodYear}.xlsx`;
    const body = new PassThrough();
    const [stored] = await Promise.all([
      upload(fileName, XLSX, body),
      writeRecap(data, body, (share) => report(10 + share * 85, 'Menyusun rekap Excel')).catch(
        (error: unknown) => {
          body.destroy(error as Error);
          throw error;
        },
      ),
    ]);
    await repository.complete(
      job.id,
      runId,
      { fileName, contentType: XLSX, size: stored.size, innovations: data.innovations.length },
      stored.objectKey,
    );
    return;
  }

  if (job.kind === 'rakor_pdf') {
    const { writeRakorPdf } = await import('../exports/rakor-pdf.ts');
    await report(40, 'Menyusun PDF rakor');
    const { summaries, periods } = repositoriesFor(clients);
    const [summary, period] = await Promise.all([summaries.get(job.periodYear), periods.get(job.periodYear)]);
    const fileName = `rakor-inovasi-${tenantCode}-${job.periodYear}-${todayInJakarta()}.pdf`;
    const body = new PassThrough();
    const [stored] = await Promise.all([
      upload(fileName, 'application/pdf', body),
      writeRakorPdf({ data, summary, period }, body).catch((error: unknown) => {
        body.destroy(error as Error);
        throw error;
      }),
    ]);
    await repository.complete(
      job.id,
      runId,
      { fileName, contentType: 'application/pdf', size: stored.size, innovations: data.innovations.length },
      stored.objectKey,
    );
    return;
  }

  const { planPack, writePack } = await import('../exports/pack.ts');
  const plan = planPack(data);
  await report(5, `Menyalin data dukung (0 dari ${plan.files.length} berkas)`);
  const fileName = `paket-isian-nasional-${tenantCode}-${job.periodYear}.zip`;
  const { output, done } = writePack(
    data,
    plan,
    {
      open: (evidence) => repository.openEvidence(evidence),
      progress: (bytes, files) =>
        report(
          5 + (plan.bytes > 0 ? bytes / plan.bytes : files / Math.max(1, plan.files.length)) * 88,
          `Menyalin data dukung (${files} dari ${plan.files.length} berkas)`,
        ),
    },
    new Date(job.requestedAt),
  );
  const [stored, outcome] = await Promise.all([
    upload(fileName, 'application/zip', output as PassThrough),
    done,
  ]);
  await repository.complete(
    job.id,
    runId,
    { fileName, contentType: 'application/zip', size: stored.size, ...outcome },
    stored.objectKey,
  );
}

async function runImportJob(
  clients: TenantClients,
  repository: ImportRepository,
  job: ImportJob,
  runId: string,
  report: (progress: number, stage: string) => Promise<void>,
): Promise<void> {
  const rows = await repository.previewRows(job.id);
  if (!rows) throw new JobInputError('import_preview_missing');
  const { runImport } = await import('../exports/imports.ts');
  await report(2, 'Mengimpor baris');
  const result = await runImport(clients, job, rows, {
    progress: (done, total) =>
      report(2 + (done / Math.max(1, total)) * 95, `Mengimpor baris (${done} dari ${total})`),
  });
  await repository.complete(job.id, runId, result.summary, result.rows);
}

/**
 * Runs one job to its end, if it can be claimed: a job already running elsewhere (a live lease),
 * finished, or out of attempts is left alone. A failure that another attempt may cure hands the job
 * back to the queue for the scheduled sweep; a failure of its input fails it at once.
 */
export async function runBackgroundJob(
  deps: BackgroundJobDeps,
  ref: JobRef,
  /** When the claim happens (the sweep passes its own clock). */
  now = new Date(),
): Promise<RunOutcome> {
  // A preview is the import's own record in another state, with a lease of its own.
  if (ref.type === 'preview') return runImportPreview(deps, ref.tenantCode, ref.id, now);
  const clients = deps.data.forScope(tenantScope(ref.tenantCode));
  const logger = deps.logger;
  const { exportJobs, importJobs } = repositoriesFor(clients);
  const repository = ref.type === 'export' ? exportJobs : importJobs;
  const claimed = await repository.claim(ref.id, now);
  if (!claimed) return 'skipped';
  const { job, runId } = claimed;
  const progress = reporter(repository, ref.id, runId);
  const started = performance.now();
  try {
    if (ref.type === 'export') {
      await runExport(clients, repository as ExportJobRepository, job as ExportJob, runId, progress.report);
    } else {
      await runImportJob(clients, repository as ImportRepository, job as ImportJob, runId, progress.report);
      // The imported rows reach the summaries through the table's stream (docs/decisions/0018).
    }
    logger.info('background job done', { ...ref, durationMs: Math.round(performance.now() - started) });
    return 'done';
  } catch (error) {
    if (isDomainError(error, 'job_lease_lost')) {
      logger.warn('background job lost its lease; another run has it', { ...ref });
      return 'skipped';
    }
    const retry = !(error instanceof JobInputError) && job.attempts < JOB_MAX_ATTEMPTS;
    logger.error('background job failed', { ...ref, attempt: job.attempts, retry, error });
    await repository.fail(ref.id, runId, jobErrorOf(error), retry).catch((failure: unknown) => {
      if (!isDomainError(failure, 'job_lease_lost')) throw failure;
    });
    return retry ? 'requeued' : 'failed';
  } finally {
    progress.stop();
  }
}

/**
 * The embedded default's runner: jobs run in this process, two at a time, the rest wait in
 * order. `idle()` resolves once nothing runs (tests, a clean shutdown).
 */
export function inProcessJobs(
  deps: BackgroundJobDeps,
  concurrency = 2,
): JobDispatcher & { idle(): Promise<void> } {
  const limit = pLimit(concurrency);
  const runs = new Set<Promise<unknown>>();
  return {
    dispatch(ref) {
      const run = limit(() =>
        runBackgroundJob(deps, ref).catch((error: unknown) =>
          deps.logger.error('background job crashed', { ...ref, error }),
        ),
      );
      runs.add(run);
      void run.finally(() => runs.delete(run));
    },
    async idle() {
      while (runs.size > 0) await Promise.allSettled([...runs]);
    },
  };
}

/**
 * The scheduled sweep (a timer locally, an EventBridge schedule in AWS): for every tenant, run the
 * jobs nobody started and the ones whose run died (expired lease). Returns how many it ran.
 */
export async function resumeBackgroundJobs(deps: BackgroundJobDeps, now = new Date()): Promise<number> {
  let ran = 0;
  for await (const ref of resumableJobs(deps.data, now)) {
    if ((await runBackgroundJob(deps, ref, now)) !== 'skipped') ran++;
  }
  return ran;
}

/**
 * Every tenant's jobs nobody started and the ones whose run died (expired lease), including
 * previews asked for but never run (docs/decisions/0032): what the local sweep runs and the
 * scheduled worker in AWS hands to the dispatcher. Not read-only: listing gives up a job whose
 * runs died three times (its lease protocol marks it failed).
 */
export async function* resumableJobs(data: ScopedClientFactory, now: Date): AsyncGenerator<JobRef> {
  const tenants = await platformRepositoryFor(data.forScope(platformRegistryScope)).list();
  for (const tenant of tenants) {
    const { exportJobs, importJobs, importPreviews } = repositoriesFor(
      data.forScope(tenantScope(tenant.code)),
    );
    const [exports, imports, previews] = await Promise.all([
      exportJobs.resumable(now),
      importJobs.resumable(now),
      importPreviews.pending(now),
    ]);
    for (const job of exports) yield { type: 'export', tenantCode: tenant.code, id: job.id };
    for (const job of imports) yield { type: 'import', tenantCode: tenant.code, id: job.id };
    for (const job of previews) yield { type: 'preview', tenantCode: tenant.code, id: job.id };
  }
}
