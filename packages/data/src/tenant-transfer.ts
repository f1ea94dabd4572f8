import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isRegencyCode } from '@inovasi/core';
import { batchWriteAll } from './batch-all.ts';
import type { ScopedClientFactory, ScopedClients } from './clients.ts';
import {
  auditPrefix,
  catalogEntryPrefix,
  contestKeys,
  contestPartition,
  isAppendOnlyPartition,
  keys,
  LOGIN_PREFIX,
  NATIONAL_READ_MODEL_PREFIX,
  PLATFORM_PREFIX,
  PROVINCE_READ_MODEL_PREFIX,
  PUBLIC_CONTESTS_PARTITION,
  provinceReadModelPrefix,
  publicContestSortPrefix,
  readModelSortKey,
  summaryKeys,
  summaryPartition,
  tenantKeyPrefix,
  tenantObjectPrefix,
} from './keys.ts';
import { queryAll } from './query-all.ts';
import { INDEXES, TABLE_KEY } from './table-definition.ts';
import type { TenantDataScope } from './tenant-guard.ts';

/**
 * Export, import and removal of one tenant's data: the restore procedure for a single region
 * (PITR restores a whole table; this moves one tenant out of it), and offboarding. Everything is
 * read with `Query` and `GetItem` through a guard-scoped client, never `Scan`: the partitions of a
 * tenant are found from its own items and lists. A partition family this module does not know is
 * not exported; test/integration/tenant-transfer.test.ts compares an export with a full read of the
 * tenant's keys, so a new family added elsewhere fails that test until it is listed here.
 *
 * An operator tool, not a request path: it runs with the operator's credentials (in AWS an
 * administrator's, locally the local stack's), still through the guard, so it cannot reach another
 * tenant's data by mistake.
 */
export const TRANSFER_FORMAT = 'inovasi-tenant-export';
export const TRANSFER_VERSION = 1;

export type TransferRecord =
  | { type: 'header'; format: typeof TRANSFER_FORMAT; version: number; tenant: string; exportedAt: string }
  | { type: 'item'; item: Record<string, unknown> }
  | {
      type: 'object';
      key: string;
      contentType?: string | undefined;
      metadata?: Record<string, string> | undefined;
      body: string;
      sha256: string;
    }
  | { type: 'footer'; items: number; objects: number; sha256: string };

/**
 * Everything of one tenant an operator may move: its partitions, its registry entry, its members'
 * login entries, its public catalogue entries, its rows in the oversight read models, its objects.
 */
export const tenantTransferScope = (tenantCode: string): TenantDataScope => ({
  tenantCode,
  keyPrefixes: [
    tenantKeyPrefix(tenantCode),
    PLATFORM_PREFIX,
    LOGIN_PREFIX,
    catalogEntryPrefix(tenantCode),
    ...(isRegencyCode(tenantCode) ? [provinceReadModelPrefix(tenantCode.slice(0, 2))] : []),
    NATIONAL_READ_MODEL_PREFIX,
    PUBLIC_CONTESTS_PARTITION,
  ],
  indexPrefixes: { [INDEXES.catalog.partition]: ['CATALOG#PUBLISHED#'] },
  objectPrefixes: [tenantObjectPrefix(tenantCode)],
  readOnly: false,
  ownItems: [
    { partitionPrefix: PROVINCE_READ_MODEL_PREFIX, sortKeyPrefixes: [readModelSortKey(tenantCode)] },
    { partitionPrefix: NATIONAL_READ_MODEL_PREFIX, sortKeyPrefixes: [readModelSortKey(tenantCode)] },
    { partitionPrefix: PUBLIC_CONTESTS_PARTITION, sortKeyPrefixes: [publicContestSortPrefix(tenantCode)] },
  ],
});

type Item = Record<string, unknown>;

function queryPartition(
  clients: ScopedClients,
  partition: string,
  index?: { name: string; partition: string },
): Promise<Item[]> {
  return queryAll(clients.table, {
    TableName: clients.config.tableName,
    ...(index ? { IndexName: index.name } : {}),
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index?.partition ?? TABLE_KEY.partition },
    ExpressionAttributeValues: { ':pk': partition },
  });
}

async function getItem(clients: ScopedClients, key: { pk: string; sk: string }): Promise<Item | undefined> {
  const result = await clients.table.send(
    new GetCommand({ TableName: clients.config.tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** Months `yyyy-mm` from `from` to the month after now (audit partitions are per month). */
function monthsSince(from: string, now = new Date()): string[] {
  const months: string[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  while (cursor <= end) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Every item of a tenant, found without Scan. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export async function tenantItems(clients: ScopedClients, tenantCode: string): Promise<Item[]> {
  const prefix = tenantKeyPrefix(tenantCode);
  const own = await queryPartition(clients, prefix);
  const byId = (items: Item[], field = 'id') => items.map((item) => String(item[field]));
  const innovationIds = byId(await queryPartition(clients, `${prefix}INNO`, INDEXES.byType));
  const evidenceIds = byId(await queryPartition(clients, `${prefix}EVID`, INDEXES.byType));
  const memberItems = own.filter((item) => String(item.sk).startsWith(keys.memberSortPrefix));
  const contestCalls = own.filter((item) => String(item.sk).startsWith(contestKeys.callSortPrefix));
  const profile = own.find((item) => item.sk === 'PROFILE');
  // Audit entries may predate onboarding (imported history); 2020 is before any IID period we keep.
  const earliest = [String(profile?.createdAt ?? '2020-01'), '2020-01'].sort()[0] ?? '2020-01';
  const partitions = [
    `${prefix}REPL#`,
    // Each contest call's entries, panel and score sheets (docs/decisions/0037).
    ...byId(contestCalls).map((callId) => contestPartition(tenantCode, callId)),
    summaryPartition(tenantCode),
    `${prefix}NOTIFSENT`,
    `${prefix}OUTBOX`,
    `${prefix}EXPORT#`,
    `${prefix}IMPORT#`,
    ...innovationIds.map((id) => `${prefix}INNO#${id}`),
    ...evidenceIds.map((id) => `${prefix}EVID#${id}`),
    ...byId(memberItems).map((userId) => `${prefix}NOTIF#${userId}`),
    ...monthsSince(earliest).map((month) => `${auditPrefix(tenantCode)}${month}`),
  ];
  const items = [...own];
  for (const partition of partitions) items.push(...(await queryPartition(clients, partition)));

  // Outside the tenant's partitions, but the tenant's: registry entry, login claims, catalogue
  // entries, and its rows in the oversight read models (for each year it has a summary of).
  const registry = await getItem(clients, keys.platformTenant(tenantCode));
  if (registry) items.push(registry);
  for (const member of memberItems) {
    const login = await getItem(clients, keys.login(String(member.email)));
    if (login && login.tenantCode === tenantCode) items.push(login);
  }
  for (const id of innovationIds) {
    items.push(...(await queryPartition(clients, `${catalogEntryPrefix(tenantCode)}${id}`)));
  }
  for (const callId of byId(contestCalls)) {
    const copy = await getItem(clients, contestKeys.publicCall(tenantCode, callId));
    if (copy) items.push(copy);
  }
  const years = items
    .filter(
      (item) =>
        item.pk === summaryPartition(tenantCode) && String(item.sk).startsWith(summaryKeys.currentSortPrefix),
    )
    .map((item) => Number(String(item.sk).slice(summaryKeys.currentSortPrefix.length)));
  for (const year of years) {
    const rows = [summaryKeys.nationalRow(year, tenantCode)];
    if (isRegencyCode(tenantCode)) {
      const province = tenantCode.slice(0, 2);
      rows.push(
        summaryKeys.provinceRow(province, year, tenantCode),
        summaryKeys.provinceDetail(province, year, tenantCode),
      );
    }
    for (const key of rows) {
      const row = await getItem(clients, key);
      if (row) items.push(row);
    }
  }
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = `${item.pk}\u0000${item.sk}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

async function* tenantObjects(clients: ScopedClients, tenantCode: string) {
  const { client, s3 } = await clients.objects();
  let token: string | undefined;
  do {
    const page = await client.send(
      new s3.ListObjectsV2Command({
        Bucket: clients.config.bucketName,
        Prefix: tenantObjectPrefix(tenantCode),
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key) yield object.Key;
    }
    token = page.NextContinuationToken;
  } while (token);
}

/**
 * Writes one tenant as JSON lines: a header, every item, every object (base64, with its SHA-256),
 * and a footer with the counts and the SHA-256 of all lines before it.
 */
export async function exportTenant(
  factory: ScopedClientFactory,
  tenantCode: string,
  write: (line: string) => void | Promise<void>,
  now = new Date().toISOString(),
): Promise<Extract<TransferRecord, { type: 'footer' }>> {
  const clients = factory.forScope(tenantTransferScope(tenantCode));
  const { client, s3 } = await clients.objects();
  const digest = createHash('sha256');
  const emit = async (record: TransferRecord) => {
    const line = JSON.stringify(record);
    digest.update(`${line}\n`);
    await write(line);
  };
  await emit({
    type: 'header',
    format: TRANSFER_FORMAT,
    version: TRANSFER_VERSION,
    tenant: tenantCode,
    exportedAt: now,
  });
  const items = await tenantItems(clients, tenantCode);
  for (const item of items) await emit({ type: 'item', item });
  let objects = 0;
  for await (const key of tenantObjects(clients, tenantCode)) {
    const object = await client.send(
      new s3.GetObjectCommand({ Bucket: clients.config.bucketName, Key: key }),
    );
    const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    await emit({
      type: 'object',
      key,
      contentType: object.ContentType,
      metadata: object.Metadata,
      body: bytes.toString('base64'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    objects++;
  }
  const footer = { type: 'footer', items: items.length, objects, sha256: digest.digest('hex') } as const;
  await write(JSON.stringify(footer));
  return footer;
}

export class TransferFormatError extends Error {
  override readonly name = 'TransferFormatError';
}

/** Parses and checks an export: header first, footer last, counts and checksum matching. */
export function readExport(lines: readonly string[]): { tenant: string; records: TransferRecord[] } {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const records = nonEmpty.map((line) => JSON.parse(line) as TransferRecord);
  const header = records[0];
  const footer = records.at(-1);
  if (header?.type !== 'header' || header.format !== TRANSFER_FORMAT || header.version !== TRANSFER_VERSION) {
    throw new TransferFormatError('not an Inovasi Daerah tenant export (or an unknown version)');
  }
  if (footer?.type !== 'footer') throw new TransferFormatError('the export is incomplete (no footer)');
  const digest = createHash('sha256');
  for (const line of nonEmpty.slice(0, -1)) digest.update(`${line}\n`);
  const body = records.slice(1, -1);
  const items = body.filter((record) => record.type === 'item').length;
  const objects = body.filter((record) => record.type === 'object').length;
  if (digest.digest('hex') !== footer.sha256 || items !== footer.items || objects !== footer.objects) {
    throw new TransferFormatError('the export does not match its footer (changed or truncated)');
  }
  for (const record of body) {
    if (record.type === 'object') {
      const actual = createHash('sha256').update(Buffer.from(record.body, 'base64')).digest('hex');
      if (actual !== record.sha256) throw new TransferFormatError(`object ${record.key} is corrupted`);
    }
  }
  return { tenant: header.tenant, records: body };
}

export class TenantAlreadyPresentError extends Error {
  override readonly name = 'TenantAlreadyPresentError';
}

/**
 * Imports an export into a table (and bucket) that does not hold this tenant: every item is
 * written with `attribute_not_exists`, so an existing item is never overwritten; the import
 * refuses to start when the tenant's profile or registry entry already exists.
 */
export async function importTenant(
  factory: ScopedClientFactory,
  lines: readonly string[],
  options: { concurrency?: number } = {},
): Promise<{ tenant: string; items: number; objects: number }> {
  const { tenant, records } = readExport(lines);
  const clients = factory.forScope(tenantTransferScope(tenant));
  const { client, s3 } = await clients.objects();
  for (const key of [keys.tenantProfile(tenant), keys.platformTenant(tenant)]) {
    if (await getItem(clients, key))
      throw new TenantAlreadyPresentError(`tenant ${tenant} already exists in the target table`);
  }
  const queue = [...records];
  const work = async () => {
    for (let record = queue.shift(); record; record = queue.shift()) {
      if (record.type === 'item') {
        await clients.table.send(
          new PutCommand({
            TableName: clients.config.tableName,
            Item: record.item,
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } else if (record.type === 'object') {
        await client.send(
          new s3.PutObjectCommand({
            Bucket: clients.config.bucketName,
            Key: record.key,
            Body: Buffer.from(record.body, 'base64'),
            ContentType: record.contentType,
            Metadata: record.metadata,
          }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, work));
  return {
    tenant,
    items: records.filter((record) => record.type === 'item').length,
    objects: records.filter((record) => record.type === 'object').length,
  };
}

export interface OffboardingRecord {
  readonly tenant: string;
  readonly by: string;
  readonly reason: string;
  readonly exportSha256: string;
  readonly items: number;
  readonly objects: number;
  readonly at: string;
}

/**
 * Offboarding, after an export: removes every item and object of the tenant and writes a
 * platform-level audit record (the tenant's own audit trail goes with it, so the record of its
 * removal lives in the platform registry, `PLATFORM#` / `AUDIT#…`).
 *
 * The tenant's audit partitions are append-only for every request path (the guard refuses deletes
 * there). Removal is the one exception, so `auditPurge` is a separate, unguarded client the caller
 * must pass on purpose; this function sends it only deletes of keys under `T#<code>#AUDIT#`.
 */
export async function offboardTenant(
  factory: ScopedClientFactory,
  tenantCode: string,
  options: {
    by: string;
    reason: string;
    exportSha256: string;
    auditPurge: DynamoDBDocumentClient;
    now?: string;
  },
): Promise<OffboardingRecord> {
  const clients = factory.forScope(tenantTransferScope(tenantCode));
  const { client, s3 } = await clients.objects();
  const items = await tenantItems(clients, tenantCode);
  const audit = auditPrefix(tenantCode);
  const deletes = items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  for (let start = 0; start < deletes.length; start += 25) {
    const batch = deletes.slice(start, start + 25);
    const guarded = batch.filter((key) => !isAppendOnlyPartition(key.pk));
    const purged = batch.filter((key) => isAppendOnlyPartition(key.pk));
    if (purged.some((key) => !key.pk.startsWith(audit)))
      throw new Error('refusing to purge another tenant’s audit trail');
    for (const [client, keysToDelete] of [
      [clients.table, guarded],
      [options.auditPurge, purged],
    ] as const) {
      await batchWriteAll(
        client,
        clients.config.tableName,
        keysToDelete.map((key) => ({ DeleteRequest: { Key: key } })),
      );
    }
  }
  let objects = 0;
  for await (const key of tenantObjects(clients, tenantCode)) {
    await client.send(new s3.DeleteObjectCommand({ Bucket: clients.config.bucketName, Key: key }));
    objects++;
  }
  const at = options.now ?? new Date().toISOString();
  const record: OffboardingRecord = {
    tenant: tenantCode,
    by: options.by,
    reason: options.reason,
    exportSha256: options.exportSha256,
    items: items.length,
    objects,
    at,
  };
  await clients.table.send(
    new PutCommand({
      TableName: clients.config.tableName,
      Item: {
        pk: PLATFORM_PREFIX,
        sk: `AUDIT#${at}#tenant.offboard#${tenantCode}`,
        action: 'tenant.offboard',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return record;
}
