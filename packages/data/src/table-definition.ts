/**
 * The single source of truth for the table's key schema and indexes. The CDK stack and the
 * local stack both build their table from this object, so the two can never drift apart.
 */
export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

export const INDEXES = {
  /** Tenant-scoped lists of one entity type, newest first: `T#<code>#INNO` → `<createdAt>#<id>`. */
  byType: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  /** Tenant-scoped lists of one entity type within an OPD: `T#<code>#OPD#<opd>#INNO` → `<createdAt>#<id>`. */
  byOpd: { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  /**
   * The public catalogue, sparse: only published entries (public fields only, outside every tenant
   * partition) carry it. `CATALOG#PUBLISHED#<shard>` → `<publishedAt>#<tenant>#<id>`; the shards
   * spread a national rebuild over several index partitions.
   */
  catalog: { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
} as const;

export type IndexName = (typeof INDEXES)[keyof typeof INDEXES]['name'];

/** Every attribute that is part of a key of the table or of an index. */
export const KEY_ATTRIBUTES: readonly string[] = [
  TABLE_KEY.partition,
  TABLE_KEY.sort,
  ...Object.values(INDEXES).flatMap((index) => [index.partition, index.sort]),
];

/** Partition-key attributes (table and indexes): the tenant guard checks these. */
export const PARTITION_ATTRIBUTES: readonly string[] = [
  TABLE_KEY.partition,
  ...Object.values(INDEXES).map((index) => index.partition),
];

/**
 * Every key attribute is a string; `ttl` expires short-lived records such as idempotency keys.
 * The change stream carries both images: the summary projector needs the old one to tell which
 * period an innovation left (docs/decisions/0018).
 */
export const tableDefinition = {
  timeToLiveAttribute: 'ttl',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  keySchema: [
    { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
    { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
  ],
  attributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
  globalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partition, KeyType: 'HASH' as const },
      { AttributeName: index.sort, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  })),
} as const;

/** Every object of a tenant lives under this prefix in the evidence bucket. */
export const tenantObjectPrefix = (tenantCode: string): string => `tenants/${tenantCode}/`;

/** The catalogue's search index artefacts live here: public fields only, never under a tenant. */
export const CATALOG_OBJECT_PREFIX = 'catalog/search/';

/**
 * The shared rate-limit counters (docs/decisions/0022): a table of their own, apart from the data
 * table, because the data table's change stream drives the summary projector and a counter write
 * per request would become a stream record per request. No stream, no index, no tenant data: one
 * string key and the `ttl` that removes spent windows.
 */
export const rateLimitTableDefinition = {
  partitionKey: 'pk',
  timeToLiveAttribute: 'ttl',
  /** Every counter's key begins with it; the API's IAM grant is conditioned on it. */
  keyPrefix: 'LIMIT#',
} as const;
