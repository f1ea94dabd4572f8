import type { Evidence } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { contestKeys, contestPartition } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type TransactItem, toRecord } from './versioned.ts';

/**
 * A file an entrant attached to a contest entry (docs/decisions/0042): the item itself lives in the
 * region's evidence library (upload, intake, size caps and quota as every upload); this record, in
 * the call's partition beside the entry, says which entry it belongs to and keeps the name the
 * entrant gave it (in blind mode the library's item carries a neutral one).
 */
export interface ContestEntryFile {
  readonly callId: string;
  readonly entryId: string;
  readonly evidenceId: string;
  /** The file's name as the entrant sent it. */
  readonly originalName: string;
  readonly title: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

/** At most this many files per entry: a proposal, a few photos, a short video. */
export const MAX_ENTRY_FILES = 10;

const fileSortPrefix = (entryId: string) => `FILE#${entryId}#`;

export const contestFileKey = (tenant: string, callId: string, entryId: string, evidenceId: string) => ({
  pk: contestPartition(tenant, callId),
  sk: `${fileSortPrefix(entryId)}${evidenceId}`,
});

/**
 * The entry's files: records in the call's partition, written with the evidence item's pending
 * upload in one transaction (`fileRecordItems`), so there is never an item without its entry.
 */
export class ContestFileRepository {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /**
   * The record and a check that the entry is still in screening, for the upload's transaction: an
   * entry moved on meanwhile refuses the whole upload (the check is the third item, after the
   * evidence item and its audit entry).
   */
  fileRecordItems(file: ContestEntryFile): TransactItem[] {
    return [
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: contestKeys.entry(this.tenantCode, file.callId, file.entryId),
          ConditionExpression: 'stage = :screening',
          ExpressionAttributeValues: { ':screening': 'screening' },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...contestFileKey(this.tenantCode, file.callId, file.entryId, file.evidenceId), ...file },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  /**
   * For the removal's transaction (the library item's soft delete): the entry is still in screening
   * and the record goes. An entry moved on meanwhile refuses the whole removal, so a judge never
   * finds a file gone from an entry they already hold.
   */
  fileRemovalItems(file: Pick<ContestEntryFile, 'callId' | 'entryId' | 'evidenceId'>): TransactItem[] {
    return [
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: contestKeys.entry(this.tenantCode, file.callId, file.entryId),
          ConditionExpression: 'stage = :screening',
          ExpressionAttributeValues: { ':screening': 'screening' },
        },
      },
      {
        Delete: {
          TableName: this.tableName,
          Key: contestFileKey(this.tenantCode, file.callId, file.entryId, file.evidenceId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ];
  }

  /**
   * For a cancelled resumable upload's transaction (the pending item's removal, docs/decisions/
   * 0054): the record goes with it, whatever the entry's stage. A pending file was never shown to
   * a judge, and a cancel must always leave nothing behind.
   */
  cancelledUploadItems(file: Pick<ContestEntryFile, 'callId' | 'entryId' | 'evidenceId'>): TransactItem[] {
    return [
      {
        Delete: {
          TableName: this.tableName,
          Key: contestFileKey(this.tenantCode, file.callId, file.entryId, file.evidenceId),
        },
      },
    ];
  }

  /** The entry's files in the order they were added (evidence ids are ULIDs). */
  async list(callId: string, entryId: string): Promise<ContestEntryFile[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': contestPartition(this.tenantCode, callId),
        ':prefix': fileSortPrefix(entryId),
      },
      ConsistentRead: true,
    });
    return items.map((item) => toRecord<ContestEntryFile>(item));
  }
}

/** The neutral name of an entry's n-th file in blind mode: its extension, nothing of the entrant. */
export function neutralFileName(position: number, evidence: Pick<Evidence, 'mediaType'>): string {
  const extension =
    { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' }[
      evidence.mediaType ?? ''
    ] ?? 'bin';
  return `lampiran-${position}.${extension}`;
}
