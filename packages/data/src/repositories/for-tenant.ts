import type { EvidenceLimits } from '@inovasi/core';
import type { ScopedClients, TenantClients } from '../clients.ts';
import { type AuditContext, AuditRepository } from './audit.ts';
import { ContestFileRepository } from './contest-files.ts';
import { ContestRepository } from './contests.ts';
import { EvidenceRepository } from './evidence.ts';
import { ImportPreviewJobs } from './import-previews.ts';
import { InnovationRepository } from './innovations.ts';
import { ExportJobRepository } from './jobs/exports.ts';
import { ImportRepository } from './jobs/imports.ts';
import { MemberRepository } from './members.ts';
import { NotificationRepository } from './notifications.ts';
import { OpdRepository } from './opds.ts';
import { OfficialResultRepository, OversightNoteRepository } from './oversight.ts';
import { PeriodRepository } from './periods.ts';
import { PublicContestWriter } from './public-contests.ts';
import { ReplicationRepository } from './replication.ts';
import { TenantSettingsRepository } from './settings.ts';
import { SpdAnswersRepository } from './spd.ts';
import { SummaryRepository } from './summaries.ts';
import { PlatformRepository, TenantProfileRepository } from './tenants.ts';
import { UnitRepository } from './units.ts';

export interface TenantRepositoryOptions {
  /** Who changes data; every mutation writes it to the tenant's audit trail. Omitted: the system. */
  readonly audit?: AuditContext | undefined;
  readonly evidenceLimits?: EvidenceLimits | undefined;
}

/**
 * Every repository of one tenant's own partitions, all built from the same tenant clients, so
 * each takes its tenant from the clients' scope and none can name another (docs/decisions/0048).
 * Repositories of scopes that reach beyond one tenant's partitions (the catalogue publisher, the
 * summary writer, the replication flow, the member administration) are built from their own
 * scope's clients: `new CatalogPublisher(data.forScope(catalogPublisherScope(code)))`.
 */
export interface TenantRepositories {
  readonly profile: TenantProfileRepository;
  readonly opds: OpdRepository;
  /** Units below the OPDs: puskesmas, schools, RSUD, kecamatan and their kelurahan/desa (ADR 0036). */
  readonly units: UnitRepository;
  readonly innovations: InnovationRepository;
  readonly spd: SpdAnswersRepository;
  readonly periods: PeriodRepository;
  readonly settings: TenantSettingsRepository;
  /** The region's evidence library: uploads, intake, links to answers, SPD rows and agreements. */
  readonly evidence: EvidenceRepository;
  /** This region's replication requests and agreements, and who replicated its innovations. */
  readonly replications: ReplicationRepository;
  /** Reading members; inviting and changing them needs the member administration scope. */
  readonly members: MemberRepository;
  readonly auditTrail: AuditRepository;
  readonly notifications: NotificationRepository;
  readonly summaries: SummaryRepository;
  readonly officialResults: OfficialResultRepository;
  /** A province's notes about its regencies, in the province's own partition. */
  readonly oversightNotes: OversightNoteRepository;
  readonly contests: ContestRepository;
  /** Which entry each contest file belongs to; the files themselves are in `evidence`. */
  readonly contestFiles: ContestFileRepository;
  /** The tenant's copies of its open calls in the shared public partition (their own sort keys). */
  readonly publicContests: PublicContestWriter;
  readonly exportJobs: ExportJobRepository;
  readonly importJobs: ImportRepository;
  readonly importPreviews: ImportPreviewJobs;
}

/**
 * The one way to reach a tenant's repositories. Construction is cheap (no request is made), so
 * all are built at once: the result is a plain object that may be spread.
 */
export function repositoriesFor(
  clients: TenantClients,
  options: TenantRepositoryOptions = {},
): TenantRepositories {
  const { audit } = options;
  return {
    profile: new TenantProfileRepository(clients),
    opds: new OpdRepository(clients, audit),
    units: new UnitRepository(clients, audit),
    innovations: new InnovationRepository(clients, audit),
    spd: new SpdAnswersRepository(clients, audit),
    periods: new PeriodRepository(clients, audit),
    settings: new TenantSettingsRepository(clients, audit),
    evidence: new EvidenceRepository(clients, { audit, limits: options.evidenceLimits }),
    replications: new ReplicationRepository(clients),
    members: new MemberRepository(clients, audit),
    auditTrail: new AuditRepository(clients),
    notifications: new NotificationRepository(clients),
    summaries: new SummaryRepository(clients),
    officialResults: new OfficialResultRepository(clients, audit),
    oversightNotes: new OversightNoteRepository(clients, audit),
    contests: new ContestRepository(clients, audit),
    contestFiles: new ContestFileRepository(clients),
    publicContests: new PublicContestWriter(clients),
    exportJobs: new ExportJobRepository(clients, audit),
    importJobs: new ImportRepository(clients, audit),
    importPreviews: new ImportPreviewJobs(clients),
  };
}

/**
 * The platform's registry of regions and its administrators, on whichever platform scope the
 * caller holds (`platformRegistryScope` to read, `platformAdminScope`, `onboardingScope(code)`).
 * It belongs to no tenant, so it is not in `repositoriesFor`; like them it is built here only.
 */
export function platformRepositoryFor(clients: ScopedClients): PlatformRepository {
  return new PlatformRepository(clients);
}
