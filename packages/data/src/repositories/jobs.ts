/**
 * Background jobs of one tenant (docs/decisions/0047): the lease protocol both kinds share, export
 * jobs and their files, import jobs with their files, previews and reports, one module each.
 */
export { type ExportJobInput, ExportJobRepository } from './jobs/exports.ts';
export { ImportRepository, type NewImport } from './jobs/imports.ts';
export { JOB_LEASE_MS, JOB_MAX_ATTEMPTS } from './jobs/leases.ts';
export type { ClaimedJob, PresignedPut } from './jobs/shared.ts';
