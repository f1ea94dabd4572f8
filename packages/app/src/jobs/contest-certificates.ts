import { PassThrough } from 'node:stream';
import type { ExportJob, ExportResult } from '@inovasi/core';
import { repositoriesFor, type TenantClients } from '@inovasi/data';
import { JobInputError } from '../exports/job-errors.ts';

/**
 * The export job of a call's certificates (docs/decisions/0042): reads the announced call and its
 * winning entries, writes one PDF with a page per winner and completes the job with it.
 */
export async function runContestCertificates(
  clients: TenantClients,
  job: ExportJob,
  upload: (
    fileName: string,
    contentType: string,
    body: PassThrough,
  ) => Promise<{ objectKey: string; size: number }>,
  report: (progress: number, stage: string) => Promise<void>,
  complete: (result: ExportResult, objectKey: string) => Promise<void>,
): Promise<void> {
  const { tenantCode } = clients;
  const { certificateWinners, writeContestCertificates } = await import('../exports/contest-certificates.ts');
  const { slug } = await import('../exports/pack.ts');
  await report(10, 'Membaca hasil lomba');
  const { contests, profile } = repositoriesFor(clients);
  const call = await contests.getCall(job.callId ?? '', true);
  if (call?.status !== 'winners_published') throw new JobInputError('contest_not_announced');
  const [entries, tenant] = await Promise.all([contests.listEntries(call.id), profile.get()]);
  const winners = certificateWinners(call, entries);
  if (winners.length === 0) throw new JobInputError('contest_no_winners');
  await report(40, `Menyusun sertifikat (${winners.length} pemenang)`);
  const fileName = `sertifikat-${slug(call.title, 60)}.pdf`;
  const body = new PassThrough();
  const [stored] = await Promise.all([
    upload(fileName, 'application/pdf', body),
    writeContestCertificates({ tenantName: tenant?.name ?? tenantCode, call, winners }, body).catch(
      (error: unknown) => {
        body.destroy(error as Error);
        throw error;
      },
    ),
  ]);
  await complete(
    { fileName, contentType: 'application/pdf', size: stored.size, files: winners.length },
    stored.objectKey,
  );
}
