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
// The repositories' classes are types outside this package: they are reached through
// `repositoriesFor` (and `platformRepositoryFor`), never constructed by hand (docs/decisions/0048).
export type {
  AuditEntity,
  AuditEntry,
  AuditEvent,
  AuditFilter,
  AuditRepository,
  FieldChange,
} from './repositories/audit.ts';
export {
  type AuditContext,
  appendAudit,
  auditPut,
  fieldChanges,
  SYSTEM_AUDIT,
} from './repositories/audit.ts';
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
export type { ContestFileRepository } from './repositories/contest-files.ts';
export {
  type ContestEntryFile,
  contestFileKey,
  MAX_ENTRY_FILES,
  neutralFileName,
} from './repositories/contest-files.ts';
export type { ContestRepository, EntryMove } from './repositories/contests.ts';
export * from './repositories/evidence/types.ts';
export type { EvidenceRepository } from './repositories/evidence.ts';
export * from './repositories/for-tenant.ts';
export type { ImportPreviewJobs } from './repositories/import-previews.ts';
export { type ClaimedPreview, PREVIEW_GIVEN_UP } from './repositories/import-previews.ts';
export type {
  CreateResult,
  InnovationFilter,
  InnovationRef,
  InnovationRepository,
  NewInnovation,
} from './repositories/innovations.ts';
export { IDEMPOTENCY_TTL_SECONDS } from './repositories/innovations.ts';
export type { ExportJobInput, ExportJobRepository } from './repositories/jobs/exports.ts';
export type { ImportRepository, NewImport } from './repositories/jobs/imports.ts';
export { JOB_LEASE_MS, JOB_MAX_ATTEMPTS } from './repositories/jobs/leases.ts';
export type { ClaimedJob, PresignedPut } from './repositories/jobs/shared.ts';
export {
  LoginCredentials,
  type LoginPointer,
  MAX_FAILED_SIGN_INS,
  normaliseEmail,
  SIGN_IN_LOCK_MS,
} from './repositories/login-credentials.ts';
export type { InvitationRecord, InviteOptions, NewMember } from './repositories/member-invitations.ts';
export type { MemberRepository } from './repositories/members.ts';
export type {
  Notification,
  NotificationContent,
  NotificationRepository,
  NotificationType,
  OutboxMessage,
  Recipient,
} from './repositories/notifications.ts';
export type { NewOpd, OpdRepository } from './repositories/opds.ts';
export type {
  OfficialResultRepository,
  OversightNote,
  OversightNoteInput,
  OversightNoteRepository,
} from './repositories/oversight.ts';
export type { NewPeriod, PeriodRepository } from './repositories/periods.ts';
export type { PublicContestWriter } from './repositories/public-contests.ts';
export { PublicContestReader } from './repositories/public-contests.ts';
export type { NewReplicationRequest, ReplicationRepository } from './repositories/replication.ts';
export { ReplicationAgreements } from './repositories/replication.ts';
export type { TenantSettingsRepository } from './repositories/settings.ts';
export type { SpdAnswersRepository } from './repositories/spd.ts';
export type {
  BundlePart,
  DerivedMeta,
  StoredBundle,
  StoredProvinceRow,
  StoredRegionDetail,
  StoredSnapshot,
  StoredSummary,
  SummaryBundle,
  SummaryRepository,
  WriteOutcome,
} from './repositories/summaries.ts';
export {
  NationalReadModel,
  ProvinceReadModel,
  SummaryWriter,
  withoutMeta,
} from './repositories/summaries.ts';
export * from './repositories/summary-contributions.ts';
export type { NewTenant, PlatformRepository, TenantProfileRepository } from './repositories/tenants.ts';
export { LoginDirectory } from './repositories/tenants.ts';
export type { NewUnit, UnitRepository } from './repositories/units.ts';
export type { TransactGuard, TransactItem } from './repositories/versioned.ts';
export * from './scopes.ts';
export * from './summary-changes.ts';
export * from './table-definition.ts';
export * from './tenant-guard.ts';
export * from './tenant-transfer.ts';
