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
  PLATFORM_PREFIX,
  PUBLIC_CONTESTS_PARTITION,
  provinceReadModelPrefix,
  replicationPartition,
  summaryPartition,
  tenantKeyPrefix,
  tenantObjectPrefix,
} from './keys.ts';

/**
 * The IAM roles that hold data access in AWS, described once for both sides: the CDK app builds
 * each role's policy from these definitions (with `${aws:PrincipalTag/TenantId}` in place of the
 * tenant), and the data layer picks the role for a scope and narrows it further with a session
 * policy built from the same scope the guard enforces. The function's own role has no data access;
 * it may only assume these. See docs/decisions/0008-tenant-scoped-credentials.md.
 *
 * Pure data, no SDK: `infra` imports this at synth time.
 */

/** The session tag that names the one tenant a session may reach. */
export const TENANT_TAG_KEY = 'TenantId';
/** The second region of a two-region replication flow. */
export const PEER_TAG_KEY = 'PeerTenantId';
/** The province of the tenant (IAM cannot cut `35` out of `35.22`, so the vendor tags it). */
export const PROVINCE_TAG_KEY = 'ProvinceId';
export type SessionTagKey = typeof TENANT_TAG_KEY | typeof PEER_TAG_KEY | typeof PROVINCE_TAG_KEY;

/** IAM's policy variable for a session tag, as it appears in the role policies. */
export const tagVariable = (key: SessionTagKey): string => `\${aws:PrincipalTag/${key}}`;

/**
 * Kemendagri area codes (`35`, `35.22`) as IAM `StringLike` patterns for the trust policy. IAM
 * cannot match digits, but STS tag values cannot carry `*`, `?` or `#` either, so a tag of this
 * length and shape can never widen `T#<tag>#*`.
 */
export const TENANT_TAG_PATTERNS = ['??', '??.??'] as const;
/** Province codes only (`35`). */
export const PROVINCE_TAG_PATTERNS = ['??'] as const;

/** The trust policy's patterns for one tag of a role (a role may narrow `TenantId` to provinces). */
export const tagPatterns = (definition: DataRoleDefinition, key: SessionTagKey): readonly string[] =>
  definition.tagPatterns?.[key] ?? (key === PROVINCE_TAG_KEY ? PROVINCE_TAG_PATTERNS : TENANT_TAG_PATTERNS);

/** Item actions. Transactions are authorised per item action, so they need none of their own. */
export const ITEM_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** `ConditionCheckItem` only ever appears inside write transactions, so it counts as a write. */
export const ITEM_WRITE_ACTIONS = [
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
export const OBJECT_READ_ACTIONS = ['s3:GetObject'] as const;
/**
 * `PutObjectTagging`: a presigned evidence upload carries the `evidence-state=pending` tag, and intake
 * retags a checked object, so that the bucket's lifecycle rule expires only uploads never checked.
 */
/**
 * `AbortMultipartUpload` and `ListMultipartUploadParts`: resumable evidence uploads are cancelled and
 * resumed (their stored parts listed) by the API, never by the browser (docs/decisions/0035).
 */
export const OBJECT_WRITE_ACTIONS = [
  's3:PutObject',
  's3:DeleteObject',
  's3:PutObjectTagging',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
] as const;

/**
 * The audit trail is append-only (docs/decisions/0009): every partition `T#<code>#AUDIT#…` as an
 * IAM `dynamodb:LeadingKeys` pattern, and the actions that could change or remove an entry there.
 * The tenant guard refuses them in code (`isAppendOnlyPartition`); each writing data role also
 * denies them explicitly, so a bug in or around the guard still cannot bend the trail in AWS.
 * `BatchWriteItem` is denied whole: a batch may carry deletes, and no batch writes audit entries.
 * (`PutItem` stays: entries are appended with `attribute_not_exists(pk)`, which the guard requires;
 * IAM has no condition key for a condition expression.)
 */
/** `T#*#AUDIT#*`: built by the key builder itself, so the two cannot drift apart. */
export const APPEND_ONLY_KEY_PATTERN = `${auditPrefix('*')}*`;
export const APPEND_ONLY_DENIED_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** `Scan`, PartiQL and table management are never granted; the CDK tests prove it. */
export const NEVER_GRANTED_ACTIONS = [
  'dynamodb:Scan',
  'dynamodb:PartiQLSelect',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:DeleteTable',
  'dynamodb:UpdateTable',
] as const;

export interface DataRoleDefinition {
  /** Construct id of the role in the CDK app. */
  readonly constructId: string;
  /** Environment variable through which the API learns the role's ARN. */
  readonly envVar: string;
  readonly description: string;
  /**
   * Session tags every session must carry, in order: none (the role names no tenant), `TenantId`
   * (one tenant), or `TenantId` and `PeerTenantId` (a two-region flow).
   */
  readonly tags: readonly SessionTagKey[];
  /** Narrower trust patterns for a tag than the default (an area code, or a province code for `ProvinceId`). */
  readonly tagPatterns?: Readonly<Partial<Record<SessionTagKey, readonly string[]>>> | undefined;
  /** Read-only roles grant no write action at all. */
  readonly readOnly: boolean;
  /**
   * Partition-key prefixes (table and index) the role reaches, given the values of its tags in the
   * order of `tags` (concrete codes in the data layer, IAM policy variables in the CDK app).
   */
  keyPrefixes(...tags: string[]): readonly string[];
  /** Object-key prefixes in the evidence bucket, given the values of its tags. */
  objectPrefixes(...tags: string[]): readonly string[];
}

/**
 * Every data role, narrowest first: a scope gets the first role that covers it. A scope no role
 * covers gets no credentials in AWS (a clear error): a new kind of scope needs a role here, in the
 * CDK app and in the decision record, never a wider existing one.
 */
export const DATA_ROLES = {
  /** Everything of one tenant: its partitions, its index entries, its objects. */
  tenant: {
    constructId: 'TenantDataRole',
    envVar: 'TENANT_DATA_ROLE_ARN',
    description: 'Inovasi Daerah: items and objects of one tenant, named by the TenantId session tag',
    tags: [TENANT_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant) => [tenantKeyPrefix(tenant)],
    objectPrefixes: (tenant) => [tenantObjectPrefix(tenant)],
  },
  /** The platform registry and the login directory; no tenant at all. */
  platform: {
    constructId: 'PlatformDataRole',
    envVar: 'PLATFORM_DATA_ROLE_ARN',
    description: 'Inovasi Daerah: platform registry and login directory, no tenant data',
    tags: [],
    readOnly: false,
    keyPrefixes: () => [PLATFORM_PREFIX, LOGIN_PREFIX],
    objectPrefixes: () => [],
  },
  /**
   * One tenant together with the platform registry and login directory, for the two writes that
   * span them in one transaction: onboarding (registry entry + profile) and member administration
   * (member + login claim). No objects.
   */
  tenantAdmin: {
    constructId: 'TenantAdminDataRole',
    envVar: 'TENANT_ADMIN_DATA_ROLE_ARN',
    description: 'Inovasi Daerah: one tenant (TenantId tag) plus the platform registry and login directory',
    tags: [TENANT_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant) => [tenantKeyPrefix(tenant), PLATFORM_PREFIX, LOGIN_PREFIX],
    objectPrefixes: () => [],
  },
  /** The public catalogue read model, read-only: public fields only, no tenant partition. */
  catalogReader: {
    constructId: 'CatalogReaderRole',
    envVar: 'CATALOG_READER_ROLE_ARN',
    description: 'Inovasi Daerah: public catalogue read model, read-only',
    tags: [],
    readOnly: true,
    keyPrefixes: () => [
      CATALOG_ENTRY_PREFIX,
      CATALOG_LOG_PARTITION,
      CATALOG_META_PARTITION,
      CATALOG_PUBLISHED_PREFIX,
    ],
    objectPrefixes: () => [CATALOG_OBJECT_PREFIX],
  },
  /**
   * One region publishing to the public catalogue: its own entries, the shared change log, sequence
   * and index entries, and its own audit trail (publication is audited). No other tenant data.
   */
  catalogPublisher: {
    constructId: 'CatalogPublisherRole',
    envVar: 'CATALOG_PUBLISHER_ROLE_ARN',
    description: 'Inovasi Daerah: one region (TenantId tag) publishing its own public catalogue entries',
    tags: [TENANT_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant) => [
      catalogEntryPrefix(tenant),
      CATALOG_LOG_PARTITION,
      CATALOG_META_PARTITION,
      CATALOG_PUBLISHED_PREFIX,
      auditPrefix(tenant),
    ],
    objectPrefixes: () => [],
  },
  /**
   * One region's contest call written together with its public copy in one transaction
   * (docs/decisions/0042): the region's items and the shared partition of public contest copies,
   * where the guard's `ownItems` rule keeps it to its own `<code>#` items. No objects. After the
   * catalogue publisher, so the publisher scope of the copies alone keeps that narrower role.
   */
  contestCallWriter: {
    constructId: 'ContestCallWriterRole',
    envVar: 'CONTEST_CALL_WRITER_ROLE_ARN',
    description:
      'Inovasi Daerah: one region (TenantId tag) and its public contest copies, in one transaction',
    tags: [TENANT_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant) => [tenantKeyPrefix(tenant), PUBLIC_CONTESTS_PARTITION],
    objectPrefixes: () => [],
  },
  /** Indexing and bulk import of the public catalogue (platform-level); no tenant partition. */
  catalogWriter: {
    constructId: 'CatalogWriterRole',
    envVar: 'CATALOG_WRITER_ROLE_ARN',
    description: 'Inovasi Daerah: public catalogue read model, indexing and import',
    tags: [],
    readOnly: false,
    keyPrefixes: () => [
      CATALOG_ENTRY_PREFIX,
      CATALOG_LOG_PARTITION,
      CATALOG_META_PARTITION,
      CATALOG_PUBLISHED_PREFIX,
    ],
    objectPrefixes: () => [CATALOG_OBJECT_PREFIX],
  },
  /**
   * A replication flow between two regions (the acting one tagged `TenantId`, the other
   * `PeerTenantId`): both replication partitions, the peer's innovation partitions and list entries
   * (the replica draft an agreement creates), the acting region's own catalogue entries (its
   * public replication count) and both audit trails (each step is recorded in both regions).
   * Profiles, members, OPDs and objects of either stay out of reach.
   */
  replication: {
    constructId: 'ReplicationDataRole',
    envVar: 'REPLICATION_DATA_ROLE_ARN',
    description: 'Inovasi Daerah: a replication flow between two regions (TenantId and PeerTenantId tags)',
    tags: [TENANT_TAG_KEY, PEER_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant = '', peer = '') => [
      replicationPartition(tenant),
      replicationPartition(peer),
      `${tenantKeyPrefix(peer)}INNO`,
      `${tenantKeyPrefix(peer)}OPD#`,
      catalogEntryPrefix(tenant),
      auditPrefix(tenant),
      auditPrefix(peer),
    ],
    objectPrefixes: () => [],
  },
  /**
   * A province's cockpit: its own read-model partitions (`PROV#<code>#…`), read-only. No regency
   * partition is reachable (docs/decisions/0010).
   */
  provinceReader: {
    constructId: 'ProvinceReaderRole',
    envVar: 'PROVINCE_READER_ROLE_ARN',
    description: 'Inovasi Daerah: one province read model (TenantId tag, a province code), read-only',
    tags: [TENANT_TAG_KEY],
    tagPatterns: { [TENANT_TAG_KEY]: PROVINCE_TAG_PATTERNS },
    readOnly: true,
    keyPrefixes: (province) => [provinceReadModelPrefix(province)],
    objectPrefixes: () => [],
  },
  /** The platform's national view: every region's summary row, read-only, nothing else. */
  nationalReader: {
    constructId: 'NationalReaderRole',
    envVar: 'NATIONAL_READER_ROLE_ARN',
    description: 'Inovasi Daerah: national read model, read-only',
    tags: [],
    readOnly: true,
    keyPrefixes: () => [NATIONAL_READ_MODEL_PREFIX],
    objectPrefixes: () => [],
  },
  /**
   * Keeping one region's summaries current: its summary partition, its province's read model and
   * the national one. IAM cannot limit sort keys, so the region's *own rows* inside the shared
   * partitions are enforced by the guard's `ownItems` rule only (ADR 0008).
   */
  summaryWriter: {
    constructId: 'SummaryWriterRole',
    envVar: 'SUMMARY_WRITER_ROLE_ARN',
    description:
      'Inovasi Daerah: one region summaries (TenantId, ProvinceId tags) into the oversight read models',
    tags: [TENANT_TAG_KEY, PROVINCE_TAG_KEY],
    readOnly: false,
    keyPrefixes: (tenant, province) => [
      summaryPartition(tenant),
      provinceReadModelPrefix(province),
      NATIONAL_READ_MODEL_PREFIX,
    ],
    objectPrefixes: () => [],
  },
} as const satisfies Record<string, DataRoleDefinition>;

export type DataRoleName = keyof typeof DATA_ROLES;
export const DATA_ROLE_NAMES = Object.keys(DATA_ROLES) as DataRoleName[];
