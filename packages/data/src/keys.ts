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

/** Every partition (table and indexes) of a tenant's audit trail begins with this. */
export const auditPrefix = (tenantCode: string): string => `${tenantKeyPrefix(tenantCode)}AUDIT#`;

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
  unit: (tenant: string, unitId: string) => key(tenantKeyPrefix(tenant), `UNIT#${unitId}`),
  unitSortPrefix: 'UNIT#',
  member: (tenant: string, userId: string) => key(tenantKeyPrefix(tenant), `USER#${userId}`),
  memberSortPrefix: 'USER#',
  memberEmail: (tenant: string, email: string) => key(tenantKeyPrefix(tenant), `EMAIL#${email}`),
  notification: (tenant: string, userId: string, at: string, id: string) =>
    key(`${tenantKeyPrefix(tenant)}NOTIF#${userId}`, `${at}#${id}`),
  notificationMarker: (tenant: string, dedupeKey: string) =>
    key(`${tenantKeyPrefix(tenant)}NOTIFSENT`, dedupeKey),
  outbox: (tenant: string, at: string, id: string) => key(`${tenantKeyPrefix(tenant)}OUTBOX`, `${at}#${id}`),
  period: (tenant: string, year: number) => key(tenantKeyPrefix(tenant), `PERIOD#${year}`),
  periodSortPrefix: 'PERIOD#',
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
  replicaMarkerAnyPrefix: 'REPLICA#',
  /** The replicated innovation a marker's sort key names. */
  replicaMarkerInnovation: (sortKey: string): string | undefined => /^REPLICA#([^#]+)#/.exec(sortKey)?.[1],
} as const;

/**
 * Summaries (docs/decisions/0010): derived data, rebuilt from source at any time.
 *
 * - A region's own summaries and daily snapshots: one partition `T#<code>#SUMMARY#` (inside the
 *   tenant's prefix, apart from its profile and members), `CURRENT#<year>` and `DAY#<year>#<date>`.
 * - The province read model: one partition per province and year, `PROV#<province>#<year>`, one
 *   small cockpit row per regency (`R#<code>#`), so a province's cockpit is one query; the
 *   drill-down items (summary and innovation list) live beside it in `PROV#<province>#<year>#DETAIL`.
 * - The national read model for the platform administrator: `NATIONAL#<year>`, one row per tenant.
 *
 * The closing `#` of `PROV#<province>#` and `R#<code>#` keeps `35` from matching `351…` and a
 * regency's sort key from being a prefix of another's.
 */
export const summaryPartition = (tenantCode: string): string => `${tenantKeyPrefix(tenantCode)}SUMMARY#`;
export const PROVINCE_READ_MODEL_PREFIX = 'PROV#';
export const NATIONAL_READ_MODEL_PREFIX = 'NATIONAL#';
export const provinceReadModelPrefix = (provinceCode: string): string =>
  `${PROVINCE_READ_MODEL_PREFIX}${provinceCode}#`;
/** The sort key of one region's item in a shared read-model partition. */
export const readModelSortKey = (tenantCode: string): string => `R#${tenantCode}#`;

export const summaryKeys = {
  current: (tenant: string, year: number) => key(summaryPartition(tenant), `CURRENT#${year}`),
  currentSortPrefix: 'CURRENT#',
  snapshot: (tenant: string, year: number, date: string) =>
    key(summaryPartition(tenant), `DAY#${year}#${date}`),
  snapshotSortPrefix: (year: number) => `DAY#${year}#`,
  /**
   * One innovation's contribution to its region's summary of one year (docs/decisions/0040); the
   * year's header (`CONTRIB#<year>#`, empty id) sorts first and says the rows are complete.
   */
  contribution: (tenant: string, year: number, innovationId: string) =>
    key(summaryPartition(tenant), `CONTRIB#${year}#${innovationId}`),
  contributionSortPrefix: (year: number) => `CONTRIB#${year}#`,
  provinceRow: (province: string, year: number, tenant: string) =>
    key(`${provinceReadModelPrefix(province)}${year}`, readModelSortKey(tenant)),
  provinceRows: (province: string, year: number) => `${provinceReadModelPrefix(province)}${year}`,
  provinceDetail: (province: string, year: number, tenant: string) =>
    key(`${provinceReadModelPrefix(province)}${year}#DETAIL`, readModelSortKey(tenant)),
  nationalRow: (year: number, tenant: string) =>
    key(`${NATIONAL_READ_MODEL_PREFIX}${year}`, readModelSortKey(tenant)),
  nationalRows: (year: number) => `${NATIONAL_READ_MODEL_PREFIX}${year}`,
} as const;

/**
 * Regional innovation contests (docs/decisions/0037). A call lives in the tenant's root partition
 * (`CONTEST#<id>`, so a region lists its calls in one query); its entries, panel and score sheets
 * in the call's own partition `T#<code>#CONTEST#<id>`. Open calls and published winners are
 * copied, public fields only, into one shared partition of the public catalogue's read model
 * (`CATALOG#META#CONTESTS`, sort key `<code>#<id>`), where a region writes only its own items.
 */
export const contestPartition = (tenantCode: string, callId: string): string =>
  `${tenantKeyPrefix(tenantCode)}CONTEST#${callId}`;
export const PUBLIC_CONTESTS_PARTITION = `${CATALOG_META_PARTITION}CONTESTS`;
export const publicContestSortPrefix = (tenantCode: string): string => `${tenantCode}#`;

export const contestKeys = {
  call: (tenant: string, callId: string) => key(tenantKeyPrefix(tenant), `CONTEST#${callId}`),
  callSortPrefix: 'CONTEST#',
  entry: (tenant: string, callId: string, entryId: string) =>
    key(contestPartition(tenant, callId), `ENTRY#${entryId}`),
  entrySortPrefix: 'ENTRY#',
  /** One per innovation of the registry entered in the call: the same innovation is entered once. */
  enteredInnovation: (tenant: string, callId: string, innovationId: string) =>
    key(contestPartition(tenant, callId), `ENTERED#${innovationId}`),
  judge: (tenant: string, callId: string, userId: string) =>
    key(contestPartition(tenant, callId), `JUDGE#${userId}`),
  judgeSortPrefix: 'JUDGE#',
  score: (tenant: string, callId: string, stage: string, entryId: string, judgeId: string) =>
    key(contestPartition(tenant, callId), `SCORE#${stage}#${entryId}#${judgeId}`),
  scoreSortPrefix: (stage: string) => `SCORE#${stage}#`,
  publicCall: (tenant: string, callId: string) =>
    key(PUBLIC_CONTESTS_PARTITION, `${publicContestSortPrefix(tenant)}${callId}`),
} as const;

/** Official results of past years, entered by the region's admin: in the tenant partition. */
export const resultKeys = {
  result: (tenant: string, year: number) => key(tenantKeyPrefix(tenant), `RESULT#${year}`),
  sortPrefix: 'RESULT#',
} as const;

/** A province's notes and pendamping assignments about its regencies: in the province's own partition. */
export const oversightNoteKeys = {
  note: (province: string, year: number, regency: string) =>
    key(tenantKeyPrefix(province), `OVERSIGHT#${year}#${regency}`),
  sortPrefix: (year: number) => `OVERSIGHT#${year}#`,
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

/** Audit entries: one partition per tenant and month, listed per entity and per user through the indexes. */
export const auditKeys = (
  tenant: string,
  entry: { at: string; id: string; entityId: string; userId: string },
) => ({
  pk: `${tenantKeyPrefix(tenant)}AUDIT#${entry.at.slice(0, 7)}`,
  sk: `${entry.at}#${entry.id}`,
  [INDEXES.byType.partition]: `${tenantKeyPrefix(tenant)}AUDIT#E#${entry.entityId}`,
  [INDEXES.byType.sort]: `${entry.at}#${entry.id}`,
  [INDEXES.byOpd.partition]: `${tenantKeyPrefix(tenant)}AUDIT#U#${entry.userId}`,
  [INDEXES.byOpd.sort]: `${entry.at}#${entry.id}`,
});

/** The partition a filtered audit listing reads: by entity, by user, or one month. */
export const auditListPartition = (
  tenant: string,
  filter: { entityId?: string | undefined; userId?: string | undefined; month?: string | undefined },
) => {
  if (filter.entityId)
    return { index: INDEXES.byType, value: `${tenantKeyPrefix(tenant)}AUDIT#E#${filter.entityId}` };
  if (filter.userId)
    return { index: INDEXES.byOpd, value: `${tenantKeyPrefix(tenant)}AUDIT#U#${filter.userId}` };
  const month = filter.month ?? new Date().toISOString().slice(0, 7);
  return { index: undefined, value: `${tenantKeyPrefix(tenant)}AUDIT#${month}` };
};

/** Audit partitions are append-only: the guard lets nothing update or delete in them. */
export const isAppendOnlyPartition = (partitionKey: string): boolean => /^T#[^#]+#AUDIT#/.test(partitionKey);

/**
 * An evidence file's object key. The file name is the uploader's, so it is reduced to letters,
 * digits, `.`, `_` and `-` (an object key is no place for `../`, spaces or control characters).
 */
export const evidenceObjectKey = (tenant: string, evidenceId: string, fileName: string): string =>
  `${tenantObjectPrefix(tenant)}evidence/${evidenceId}/${safeObjectName(fileName)}`;

const safeObjectName = (fileName: string): string =>
  fileName
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '')
    .slice(-120) || 'berkas';

const EVIDENCE_OBJECT = /^tenants\/([^/]+)\/evidence\/([0-9A-Za-z_-]{1,64})\/[^/]+$/;

/** The tenant and evidence id an object key belongs to (for the bucket's object-created events). */
export function parseEvidenceObjectKey(
  objectKey: string,
): { tenantCode: string; evidenceId: string } | undefined {
  const match = EVIDENCE_OBJECT.exec(objectKey);
  if (!match?.[1] || !match[2]) return undefined;
  return { tenantCode: match[1], evidenceId: match[2] };
}

/** What one evidence link points at, as a sort-key fragment (ids never contain `#`). */
export type EvidenceTargetRef =
  | { readonly type: 'innovation'; readonly innovationId: string; readonly indicator: string }
  | { readonly type: 'spd'; readonly year: number; readonly row: string }
  | { readonly type: 'agreement'; readonly agreementId: string };

export function evidenceTargetKey(target: EvidenceTargetRef): string {
  switch (target.type) {
    case 'innovation':
      return `INNO#${target.innovationId}#${target.indicator}`;
    case 'spd':
      return `SPD#${target.year}#${target.row}`;
    case 'agreement':
      return `AGREEMENT#${target.agreementId}`;
  }
}

/**
 * Evidence items and their links. Each item has its own partition `T#<code>#EVID#<id>`: the item
 * (`A`) and one `LINK#<target>` item per answer, row or agreement it supports, so an item and all
 * its uses are one strongly consistent query. Three tenant-prefixed index entries serve the other
 * reads: the library list (gsi1 `T#<code>#EVID`, newest first), the links of a target (gsi1
 * `T#<code>#EVLINK`, sorted by target so one innovation or SPD year is a prefix) and duplicate
 * detection (gsi2 `T#<code>#EVFP#<sha256>`).
 */
export const evidenceKeys = {
  item: (tenant: string, evidenceId: string) => key(`${tenantKeyPrefix(tenant)}EVID#${evidenceId}`, 'A'),
  link: (tenant: string, evidenceId: string, target: EvidenceTargetRef) =>
    key(`${tenantKeyPrefix(tenant)}EVID#${evidenceId}`, `LINK#${evidenceTargetKey(target)}`),
  linkSortPrefix: 'LINK#',
  /** Bytes and files of evidence that passed intake: the region's quota counter. */
  usage: (tenant: string) => key(tenantKeyPrefix(tenant), 'EVIDENCE#USAGE'),
  itemIndex: (tenant: string, createdAt: string, evidenceId: string, fingerprint: string) => ({
    [INDEXES.byType.partition]: `${tenantKeyPrefix(tenant)}EVID`,
    [INDEXES.byType.sort]: `${createdAt}#${evidenceId}`,
    [INDEXES.byOpd.partition]: evidenceFingerprintPartition(tenant, fingerprint),
    [INDEXES.byOpd.sort]: `${createdAt}#${evidenceId}`,
  }),
  linkIndex: (tenant: string, evidenceId: string, target: EvidenceTargetRef) => ({
    [INDEXES.byType.partition]: evidenceLinkPartition(tenant),
    [INDEXES.byType.sort]: `${evidenceTargetKey(target)}#${evidenceId}`,
  }),
  list: (tenant: string) => ({ index: INDEXES.byType, value: `${tenantKeyPrefix(tenant)}EVID` }),
  links: (tenant: string) => ({ index: INDEXES.byType, value: evidenceLinkPartition(tenant) }),
  /** The sort-key prefix of every link of one innovation, one SPD year, or one exact target. */
  linkTargetPrefix: (
    target:
      | { readonly type: 'innovation'; readonly innovationId: string }
      | { readonly type: 'spd'; readonly year: number }
      | EvidenceTargetRef,
  ): string => {
    if (target.type === 'innovation' && !('indicator' in target)) return `INNO#${target.innovationId}#`;
    if (target.type === 'spd' && !('row' in target)) return `SPD#${target.year}#`;
    return `${evidenceTargetKey(target as EvidenceTargetRef)}#`;
  },
  fingerprints: (tenant: string, fingerprint: string) => ({
    index: INDEXES.byOpd,
    value: evidenceFingerprintPartition(tenant, fingerprint),
  }),
} as const;

/**
 * Background jobs of a tenant (docs/decisions/0011): exports in `T#<code>#EXPORT#` (`JOB#<id>` and
 * one `REQ#<fingerprint>` per request, so the same request never starts a second job), imports in
 * `T#<code>#IMPORT#` (`JOB#<id>`; an imported row's innovation id is derived from the row, so
 * importing the same rows again creates nothing). Their files live under `tenants/<code>/exports|imports/`.
 */
const exportPartition = (tenant: string) => `${tenantKeyPrefix(tenant)}EXPORT#`;
const importPartition = (tenant: string) => `${tenantKeyPrefix(tenant)}IMPORT#`;

export const jobKeys = {
  exportJob: (tenant: string, jobId: string) => key(exportPartition(tenant), `JOB#${jobId}`),
  exportRequest: (tenant: string, fingerprint: string) => key(exportPartition(tenant), `REQ#${fingerprint}`),
  exportJobs: (tenant: string) => exportPartition(tenant),
  importJob: (tenant: string, importId: string) => key(importPartition(tenant), `JOB#${importId}`),
  /** A small file sent inline with the request: beside its import, written in the same transaction. */
  importSource: (tenant: string, importId: string) => key(importPartition(tenant), `SRC#${importId}`),
  importJobs: (tenant: string) => importPartition(tenant),
  jobSortPrefix: 'JOB#',
  /** One run's file: a run that lost its lease can never overwrite the winner's. */
  exportObject: (tenant: string, jobId: string, runId: string, fileName: string) =>
    `${tenantObjectPrefix(tenant)}exports/${jobId}/${runId}/${fileName}`,
  /**
   * The uploaded spreadsheet (`source.xlsx|csv`), and each preview and report under a name of its
   * own that the import record points at once written (an unreferenced one is never read).
   */
  importObject: (
    tenant: string,
    importId: string,
    name: 'source.xlsx' | 'source.csv' | `preview-${string}.json` | `report-${string}.json`,
  ) => `${tenantObjectPrefix(tenant)}imports/${importId}/${name}`,
} as const;

const evidenceLinkPartition = (tenant: string) => `${tenantKeyPrefix(tenant)}EVLINK`;
const evidenceFingerprintPartition = (tenant: string, fingerprint: string) =>
  `${tenantKeyPrefix(tenant)}EVFP#${fingerprint}`;

export { CATALOG_OBJECT_PREFIX, tenantObjectPrefix };
