export { batchGetAll, batchWriteAll } from './batch-all.ts';
export * from './clients.ts';
export * from './credentials.ts';
export * from './data-roles.ts';
export * from './errors.ts';
export type { IntakeMeasurement, IntakeOutcome, UploadExpectation } from './evidence/inspect.ts';
export { inspectEvidenceObject } from './evidence/inspect.ts';
export { Mp4DurationReader } from './evidence/mp4-duration.ts';
export * from './evidence/object-tags.ts';
export { PdfTextLayerScanner } from './evidence/pdf-text.ts';
export * from './keys.ts';
export * from './provision.ts';
export { queryAll } from './query-all.ts';
export * from './rate-limit-table.ts';
export * from './repositories/audit.ts';
export type {
  CatalogChange,
  CatalogMeta,
  CatalogSnapshotPointer,
  PublishedEntry,
} from './repositories/catalog.ts';
export {
  CatalogImporter,
  CatalogIndexWriter,
  CatalogPublisher,
  CatalogReader,
  CatalogSequenceContention,
} from './repositories/catalog.ts';
export * from './repositories/contest-files.ts';
export * from './repositories/contests.ts';
export * from './repositories/evidence.ts';
export * from './repositories/for-tenant.ts';
export * from './repositories/import-previews.ts';
export type {
  CreateResult,
  InnovationFilter,
  InnovationRef,
  NewInnovation,
} from './repositories/innovations.ts';
export { IDEMPOTENCY_TTL_SECONDS, InnovationRepository } from './repositories/innovations.ts';
export * from './repositories/jobs.ts';
export type { InvitationRecord, InviteOptions, LoginPointer, NewMember } from './repositories/members.ts';
export {
  LoginCredentials,
  MAX_FAILED_SIGN_INS,
  MemberRepository,
  normaliseEmail,
  SIGN_IN_LOCK_MS,
} from './repositories/members.ts';
export * from './repositories/notifications.ts';
export type { NewOpd } from './repositories/opds.ts';
export { OpdRepository } from './repositories/opds.ts';
export * from './repositories/oversight.ts';
export type { NewPeriod } from './repositories/periods.ts';
export { PeriodRepository } from './repositories/periods.ts';
export * from './repositories/public-contests.ts';
export type { NewReplicationRequest } from './repositories/replication.ts';
export { ReplicationAgreements, ReplicationRepository } from './repositories/replication.ts';
export { TenantSettingsRepository } from './repositories/settings.ts';
export { SpdAnswersRepository } from './repositories/spd.ts';
export * from './repositories/summaries.ts';
export * from './repositories/summary-contributions.ts';
export type { NewTenant } from './repositories/tenants.ts';
export { LoginDirectory, PlatformRepository, TenantProfileRepository } from './repositories/tenants.ts';
export type { NewUnit } from './repositories/units.ts';
export { UnitRepository } from './repositories/units.ts';
export type { TransactGuard, TransactItem } from './repositories/versioned.ts';
export * from './scopes.ts';
export * from './summary-changes.ts';
export * from './table-definition.ts';
export * from './tenant-guard.ts';
export * from './tenant-transfer.ts';
