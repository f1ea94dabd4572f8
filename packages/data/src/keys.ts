import { CATALOG_OBJECT_PREFIX, INDEXES, TABLE_KEY, tenantObjectPrefix } from './table-definition.ts';

/**
 * Every key of the table is built here and nowhere else. A tenant's keys all begin with
 * `T#<code>#`; the closing `#` keeps province `35` from ever matching `T#35.22#…`.
 */
export const tenantKeyPrefix = (tenantCode: string): string => `T#${tenantCode}#`;

/** Local identity directory: e-mail → (tenant, user). Stands in for Cognito in the embedded default. */
export const LOGIN_PREFIX = 'LOGIN#';
/** Platform registry of onboarded tenants and platform administrators. */
export const PLATFORM_PREFIX = 'PLATFORM#';

/**
 * The public catalogue's read model lives outside every tenant partition, public fields only:
 * one partition per entry (`CATALOG#ENTRY#<code>#<id>`, region-prefixed so a region's publisher
 * can write only its own), an ordered change log, and a meta item (sequence, index snapshot).
 */
export const CATALOG_ENTRY_PREFIX = 'CATALOG#ENTRY#';
export const CATALOG_LOG_PARTITION = 'CATALOG#LOG#';
export const CATALOG_META_PARTITION = 'CATALOG#META#';
export const CATALOG_PUBLISHED_PREFIX = 'CATALOG#PUBLISHED#';
/** Shards of the sparse catalogue index; a national rebuild reads them in parallel. */
export const CATALOG_SHARDS = 8;

export const catalogEntryPrefix = (tenantCode: string): string => `${CATALOG_ENTRY_PREFIX}${tenantCode}#`;

/** A tenant's replication requests and agreements: its own partition, apart from its profile and members. */
export const replicationPartition = (tenantCode: string): string => `${tenantKeyPrefix(tenantCode)}REPL#`;

/** The tenant code a platform administrator's identity carries: it belongs to no region. */
export const PLATFORM_TENANT = 'platform';

export interface TableKey {
  readonly [TABLE_KEY.partition]: string;
  readonly [TABLE_KEY.sort]: string;
}

const key = (pk: string, sk: string): TableKey => ({ pk, sk });

export const keys = {
  tenantProfile: (tenant: string) => key(tenantKeyPrefix(tenant), 'PROFILE'),
  opd: (tenant: string, opdId: string) => key(tenantKeyPrefix(tenant), `OPD#${opdId}`),
  opdSortPrefix: 'OPD#',
  member: (tenant: string, userId: string) => key(tenantKeyPrefix(tenant), `USER#${userId}`),
  memberSortPrefix: 'USER#',
  memberEmail: (tenant: string, email: string) => key(tenantKeyPrefix(tenant), `EMAIL#${email}`),
  spdAnswers: (tenant: string, year: number) => key(tenantKeyPrefix(tenant), `PERIOD#${year}#SPD`),
  tenantSettings: (tenant: string) => key(tenantKeyPrefix(tenant), 'SETTINGS'),
  idempotency: (tenant: string, scope: string, requestKey: string) =>
    key(tenantKeyPrefix(tenant), `IDEMP#${scope}#${requestKey}`),
  innovation: (tenant: string, innovationId: string) =>
    key(`${tenantKeyPrefix(tenant)}INNO#${innovationId}`, 'A'),
  login: (email: string) => key(`${LOGIN_PREFIX}${email}`, 'A'),
  platformTenant: (tenant: string) => key(PLATFORM_PREFIX, `TENANT#${tenant}`),
  platformTenantSortPrefix: 'TENANT#',
  platformAdmin: (userId: string) => key(PLATFORM_PREFIX, `USER#${userId}`),
  seedMarker: (name: string) => key(PLATFORM_PREFIX, `SEED#${name}`),
  catalogEntry: (tenant: string, innovationId: string) =>
    key(`${catalogEntryPrefix(tenant)}${innovationId}`, 'A'),
  catalogMeta: () => key(CATALOG_META_PARTITION, 'A'),
  /** Zero-padded so the log sorts by sequence. */
  catalogChange: (sequence: number) => key(CATALOG_LOG_PARTITION, String(sequence).padStart(12, '0')),
  replication: (tenant: string, replicationId: string) =>
    key(replicationPartition(tenant), `REQ#${replicationId}`),
  replicationSortPrefix: 'REQ#',
  /** Held by the requesting region while a request for one innovation is open or accepted: one at a time. */
  replicationClaim: (replicatorTenant: string, sourceTenant: string, sourceInnovationId: string) =>
    key(replicationPartition(replicatorTenant), `CLAIM#${sourceTenant}#${sourceInnovationId}`),
  /**
   * In the source region's replication partition: one per region that replicated one innovation
   * under an agreement, so counting distinct regions is one query and the agreement never needs
   * to touch the innovation itself.
   */
  replicaMarker: (sourceTenant: string, sourceInnovationId: string, replicatorTenant: string) =>
    key(replicationPartition(sourceTenant), `REPLICA#${sourceInnovationId}#${replicatorTenant}`),
  replicaMarkerSortPrefix: (sourceInnovationId: string) => `REPLICA#${sourceInnovationId}#`,
} as const;

/** Index attributes that place an innovation in the tenant-wide and per-OPD lists. */
export const innovationIndexKeys = (
  tenant: string,
  opdId: string,
  createdAt: string,
  innovationId: string,
) => ({
  [INDEXES.byType.partition]: `${tenantKeyPrefix(tenant)}INNO`,
  [INDEXES.byType.sort]: `${createdAt}#${innovationId}`,
  [INDEXES.byOpd.partition]: `${tenantKeyPrefix(tenant)}OPD#${opdId}#INNO`,
  [INDEXES.byOpd.sort]: `${createdAt}#${innovationId}`,
});

export const innovationListPartition = (tenant: string, opdId?: string) =>
  opdId
    ? { index: INDEXES.byOpd, value: `${tenantKeyPrefix(tenant)}OPD#${opdId}#INNO` }
    : { index: INDEXES.byType, value: `${tenantKeyPrefix(tenant)}INNO` };

/** Index attributes that place a published entry in the sparse public catalogue index. */
export function catalogIndexKeys(tenant: string, innovationId: string, publishedAt: string) {
  let hash = 0;
  for (const char of `${tenant}#${innovationId}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    [INDEXES.catalog.partition]: `${CATALOG_PUBLISHED_PREFIX}${hash % CATALOG_SHARDS}`,
    [INDEXES.catalog.sort]: `${publishedAt}#${tenant}#${innovationId}`,
  };
}

export const catalogIndexPartitions = (): string[] =>
  Array.from({ length: CATALOG_SHARDS }, (_, shard) => `${CATALOG_PUBLISHED_PREFIX}${shard}`);

/** Snapshots are immutable: a new one gets a new key, and the meta item points at the current one. */
export const catalogSnapshotObjectKey = (sequence: number, buildId: string): string =>
  `${CATALOG_OBJECT_PREFIX}index-${String(sequence).padStart(12, '0')}-${buildId}.bin`;

export const evidenceObjectKey = (tenant: string, evidenceId: string, fileName: string): string =>
  `${tenantObjectPrefix(tenant)}evidence/${evidenceId}/${fileName}`;

export { CATALOG_OBJECT_PREFIX, tenantObjectPrefix };
