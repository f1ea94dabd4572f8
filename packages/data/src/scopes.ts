import { isRegencyCode } from '@inovasi/core';
import {
  auditPrefix,
  CATALOG_ENTRY_PREFIX,
  CATALOG_LOG_PARTITION,
  CATALOG_META_PARTITION,
  CATALOG_OBJECT_PREFIX,
  CATALOG_PUBLISHED_PREFIX,
  catalogEntryPrefix,
  LOGIN_PREFIX,
  NATIONAL_READ_MODEL_PREFIX,
  oversightNoteKeys,
  PLATFORM_PREFIX,
  PROVINCE_READ_MODEL_PREFIX,
  PUBLIC_CONTESTS_PARTITION,
  provinceReadModelPrefix,
  publicContestSortPrefix,
  readModelSortKey,
  replicationPartition,
  resultKeys,
  summaryPartition,
  tenantKeyPrefix,
  tenantObjectPrefix,
} from './keys.ts';
import { INDEXES } from './table-definition.ts';
import type { DataScope, TenantDataScope } from './tenant-guard.ts';

/** Everything of one tenant, or only reading it. */
export const tenantScope = (tenantCode: string, readOnly = false): TenantDataScope => ({
  tenantCode: tenantCode,
  keyPrefixes: [tenantKeyPrefix(tenantCode)],
  objectPrefixes: [tenantObjectPrefix(tenantCode)],
  readOnly,
});

/**
 * A tenant's member administration also claims e-mail addresses in the login directory; the
 * member repository writes those entries only with conditions that keep other tenants' claims.
 */
export const memberAdminScope = (tenantCode: string): TenantDataScope => ({
  tenantCode: tenantCode,
  keyPrefixes: [tenantKeyPrefix(tenantCode), LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
});

/** Onboarding one tenant and inviting its first administrator: registry, tenant, login entries. */
export const onboardingWithAdminScope = (tenantCode: string): TenantDataScope => ({
  tenantCode: tenantCode,
  keyPrefixes: [PLATFORM_PREFIX, tenantKeyPrefix(tenantCode), LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
});

/** Onboarding one tenant: the platform registry plus that tenant's profile, nothing else. */
export const onboardingScope = (tenantCode: string): TenantDataScope => ({
  tenantCode: tenantCode,
  keyPrefixes: [PLATFORM_PREFIX, tenantKeyPrefix(tenantCode)],
  objectPrefixes: [],
  readOnly: false,
});

export const platformRegistryScope: DataScope = {
  keyPrefixes: [PLATFORM_PREFIX],
  objectPrefixes: [],
  readOnly: true,
};

export const loginDirectoryScope: DataScope = {
  keyPrefixes: [LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: true,
};

/** The local identity provider counting wrong passwords and locking accounts: login entries only. */
export const loginCredentialScope: DataScope = {
  keyPrefixes: [LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
};

/** Creating platform administrators: their records and their login entries. */
export const platformAdminScope: DataScope = {
  keyPrefixes: [PLATFORM_PREFIX, LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
};

const catalogIndexOnly = { [INDEXES.catalog.partition]: [CATALOG_PUBLISHED_PREFIX] } as const;

/**
 * Anyone reading the public catalogue: its entries, change log, meta item and search snapshots,
 * read-only. No tenant partition is reachable, so a catalogue route cannot leak private fields
 * even through a bug: they are not in the read model and the tenant data is out of scope.
 */
export const catalogReaderScope: DataScope = {
  keyPrefixes: [CATALOG_ENTRY_PREFIX, CATALOG_LOG_PARTITION, CATALOG_META_PARTITION],
  indexPrefixes: catalogIndexOnly,
  objectPrefixes: [CATALOG_OBJECT_PREFIX],
  readOnly: true,
};

/**
 * One region publishing: its own catalogue entries only (`CATALOG#ENTRY#<code>#`), plus the
 * shared change log and sequence every publication appends to, and its own audit trail. It reads
 * the innovation through its tenant scope, never through this one.
 */
export const catalogPublisherScope = (tenantCode: string, readOnly = false): TenantDataScope => ({
  tenantCode: tenantCode,
  keyPrefixes: [
    catalogEntryPrefix(tenantCode),
    CATALOG_LOG_PARTITION,
    CATALOG_META_PARTITION,
    auditPrefix(tenantCode),
  ],
  indexPrefixes: catalogIndexOnly,
  objectPrefixes: [],
  readOnly,
});

/** Writing search snapshots and pointing the meta item at them; no entry is writable. */
export const catalogIndexWriterScope: DataScope = {
  keyPrefixes: [CATALOG_LOG_PARTITION, CATALOG_META_PARTITION],
  objectPrefixes: [CATALOG_OBJECT_PREFIX],
  readOnly: false,
};

/** Bulk import of many regions' entries (a national migration, the benchmark): platform-level only. */
export const catalogImportScope: DataScope = {
  keyPrefixes: [CATALOG_ENTRY_PREFIX, CATALOG_LOG_PARTITION, CATALOG_META_PARTITION],
  indexPrefixes: catalogIndexOnly,
  objectPrefixes: [],
  readOnly: false,
};

/**
 * A replication request, decline, withdrawal or agreement document between exactly two regions:
 * their replication partitions (`T#<code>#REPL#`) and both audit trails (a step that writes into
 * the other region is recorded there too), nothing else of either.
 */
export const replicationRequestScope = (acting: string, counterpart: string): TenantDataScope => ({
  tenantCode: acting,
  keyPrefixes: [
    ...[acting, counterpart].sort().map(replicationPartition),
    ...[acting, counterpart].sort().map(auditPrefix),
  ],
  objectPrefixes: [],
  readOnly: false,
});

/**
 * The source region accepting an agreement, in one transaction: both replication partitions
 * (requests, claims and the source's replica markers), the replicator's innovation partitions and
 * list entries (for the replica draft), the source's catalogue entries (for the public replication
 * count) and both regions' audit trails (the replicator's records the draft the source created in
 * it). The source's innovations, and the profiles, members and OPD records of either region, stay
 * out of reach.
 */
export const replicationAgreementScope = (
  sourceTenant: string,
  replicatorTenant: string,
): TenantDataScope => ({
  tenantCode: sourceTenant,
  keyPrefixes: [
    replicationPartition(sourceTenant),
    replicationPartition(replicatorTenant),
    `${tenantKeyPrefix(replicatorTenant)}INNO#`,
    catalogEntryPrefix(sourceTenant),
    auditPrefix(sourceTenant),
    auditPrefix(replicatorTenant),
  ],
  indexPrefixes: {
    [INDEXES.byType.partition]: [
      `${tenantKeyPrefix(replicatorTenant)}INNO`,
      auditPrefix(sourceTenant),
      auditPrefix(replicatorTenant),
    ],
    [INDEXES.byOpd.partition]: [
      `${tenantKeyPrefix(replicatorTenant)}OPD#`,
      auditPrefix(sourceTenant),
      auditPrefix(replicatorTenant),
    ],
    [INDEXES.catalog.partition]: [],
  },
  objectPrefixes: [],
  readOnly: false,
});

/**
 * Keeping one region's summaries current (docs/decisions/0010): its own summary partition
 * (`T#<code>#SUMMARY#`, nothing else of the tenant), its own row and drill-down item in its
 * province's read model, and its own row in the national one. The shared partitions are reachable
 * only at the region's own sort key (`R#<code>#`) and cannot be queried: a regency can neither read
 * nor overwrite its neighbours. A province writes no province row (it oversees, it is not overseen).
 * It reads the sources through a read-only tenant scope, never through this one.
 */
export const summaryWriterScope = (tenantCode: string): TenantDataScope => {
  const own = [readModelSortKey(tenantCode)];
  const province = isRegencyCode(tenantCode) ? [provinceReadModelPrefix(tenantCode.slice(0, 2))] : [];
  return {
    tenantCode,
    keyPrefixes: [summaryPartition(tenantCode), ...province, NATIONAL_READ_MODEL_PREFIX],
    objectPrefixes: [],
    readOnly: false,
    ownItems: [
      { partitionPrefix: PROVINCE_READ_MODEL_PREFIX, sortKeyPrefixes: own },
      { partitionPrefix: NATIONAL_READ_MODEL_PREFIX, sortKeyPrefixes: own },
    ],
  };
};

/**
 * A province reading one of its regencies' dashboard (docs/decisions/0023, 0032): the regency's
 * summary partition (`T#<code>#SUMMARY#`: summaries and daily snapshots) and, in its main partition
 * `T#<code>#` only, the profile, the periods and the official results, read-only. The same
 * partition's settings (`SETTINGS`), SPD answers (`PERIOD#<year>#SPD`), members and OPDs, and
 * every other partition of the regency (innovations, evidence, audit) and its files are outside:
 * the guard refuses them whatever route asks.
 */
export const provinceOversightScope = (regencyCode: string): TenantDataScope => ({
  tenantCode: regencyCode,
  keyPrefixes: [summaryPartition(regencyCode)],
  objectPrefixes: [],
  readOnly: true,
  sortKeyLimited: [
    {
      partition: tenantKeyPrefix(regencyCode),
      sortKeys: [/^PROFILE$/, /^PERIOD#\d{4}$/, new RegExp(`^${resultKeys.sortPrefix}\\d{4}$`)],
      queryPrefixes: [resultKeys.sortPrefix],
    },
  ],
});

/**
 * A province reading its cockpit: its own read-model partitions (`PROV#<code>#…`), read-only. No
 * regency partition is reachable, so the cockpit cannot show more than the read model holds.
 */
export const provinceReaderScope = (provinceCode: string): TenantDataScope => ({
  tenantCode: provinceCode,
  keyPrefixes: [provinceReadModelPrefix(provinceCode)],
  objectPrefixes: [],
  readOnly: true,
});

/** The platform administrator's national view: every region's row, read-only, nothing else. */
export const nationalReaderScope: DataScope = {
  keyPrefixes: [NATIONAL_READ_MODEL_PREFIX],
  objectPrefixes: [],
  readOnly: true,
};

/**
 * A regency reading what its province wrote about it (the note and pendamping contact of one
 * period): the province's partition, read-only, at exactly that one item's sort key. The partition
 * cannot be queried, so the province's other notes, members and innovations stay out of reach.
 * IAM cannot limit sort keys: in AWS the session is the province's read-only tenant session and
 * the one item is enforced by the guard's `ownItems` rule (docs/decisions/0015).
 */
export const provinceNoteReaderScope = (regencyCode: string, year: number): TenantDataScope => {
  const provinceCode = regencyCode.slice(0, 2);
  const note = oversightNoteKeys.note(provinceCode, year, regencyCode);
  return {
    // The note is the province's record (in its partition, read by its repository).
    tenantCode: provinceCode,
    keyPrefixes: [note.pk],
    objectPrefixes: [],
    readOnly: true,
    ownItems: [{ partitionPrefix: note.pk, sortKeyPrefixes: [note.sk] }],
  };
};

/**
 * Anyone reading the open contest calls and published winners: the one shared partition of
 * public contest copies, read-only (docs/decisions/0037). Inside the public catalogue's meta
 * prefix, so the catalogue reader's data role covers it.
 */
export const contestReaderScope: DataScope = {
  keyPrefixes: [PUBLIC_CONTESTS_PARTITION],
  objectPrefixes: [],
  readOnly: true,
};

/**
 * One region publishing its call or its winners: only its own items (`<code>#…`) of the shared
 * public partition, which it may not query, and its own audit trail. It reads the call through
 * its tenant scope, never through this one.
 */
export const contestPublisherScope = (tenantCode: string): TenantDataScope => ({
  tenantCode,
  keyPrefixes: [PUBLIC_CONTESTS_PARTITION, auditPrefix(tenantCode)],
  objectPrefixes: [],
  readOnly: false,
  ownItems: [
    { partitionPrefix: PUBLIC_CONTESTS_PARTITION, sortKeyPrefixes: [publicContestSortPrefix(tenantCode)] },
  ],
});

/**
 * A region's contest call and its public copy in one transaction (docs/decisions/0042): the
 * tenant's partitions and, of the shared public partition, only its own `<code>#` items.
 */
export const contestCallWriterScope = (tenantCode: string): TenantDataScope => ({
  tenantCode,
  keyPrefixes: [tenantKeyPrefix(tenantCode), PUBLIC_CONTESTS_PARTITION],
  objectPrefixes: [],
  readOnly: false,
  ownItems: [
    { partitionPrefix: PUBLIC_CONTESTS_PARTITION, sortKeyPrefixes: [publicContestSortPrefix(tenantCode)] },
  ],
});
