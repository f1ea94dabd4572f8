import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ScopedClients } from '../../clients.ts';
import { jobKeys } from '../../keys.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toRecord } from '../versioned.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const ttlFrom = (now: Date, seconds: number) => Math.floor(now.getTime() / 1000) + seconds;
export const expiry = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/** What only the data layer keeps on a job item: who runs it, until when, and where its file is. */
const STORED_ONLY = [
  'runId',
  'leaseUntil',
  'objectKey',
  'paramsHash',
  'fingerprint',
  'previewKey',
  'reportKey',
  'previewFrom',
  'previewOptions',
  'previewAttempts',
] as const;

export function toJob<T>(item: Record<string, unknown>): T {
  const record = toRecord<Record<string, unknown>>(item);
  for (const field of STORED_ONLY) delete record[field];
  return record as T;
}

/** A presigned PUT: send the file's bytes, exactly `size` of them, with exactly these headers. */
export interface PresignedPut {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** `attachment; filename*=` with the given name, safe in a header. */
export const attachment = (fileName: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;

/** A job the runner holds: the record as claimed, and the run's id for every later write. */
export interface ClaimedJob<T> {
  readonly job: T;
  readonly runId: string;
}

export async function listJobs<T>(
  clients: ScopedClients,
  tenantCode: string,
  partition: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: T[]; nextCursor?: string | undefined }> {
  const page = await clients.table.send(
    new QueryCommand({
      TableName: clients.config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
      ExpressionAttributeValues: { ':pk': partition, ':job': jobKeys.jobSortPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { tenantCode, partition, sortPrefix: jobKeys.jobSortPrefix }),
    }),
  );
  return {
    items: (page.Items ?? []).map((item) => toJob<T>(item)),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}
