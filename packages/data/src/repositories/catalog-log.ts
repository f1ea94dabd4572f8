import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type CatalogEntry, catalogEntrySchema, type PublicationOptions } from '@inovasi/core';
import type { ScopedClients } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { keys } from '../keys.ts';
import { toRecord } from './versioned.ts';

/**
 * One step of the catalogue's ordered change log. Search instances apply the steps after the
 * snapshot they loaded, so a publication or withdrawal reaches search without a full rebuild.
 */
export type CatalogChange =
  | { readonly sequence: number; readonly kind: 'upsert'; readonly at: string; readonly entry: CatalogEntry }
  | {
      readonly sequence: number;
      readonly kind: 'remove';
      readonly at: string;
      readonly catalogId: string;
      readonly version: number;
    }
  /** A snapshot was rebuilt from the entries themselves (after a bulk import): load it. */
  | {
      readonly sequence: number;
      readonly kind: 'reload';
      readonly at: string;
      readonly snapshotSequence: number;
    };

export type NewChange = CatalogChange extends infer C
  ? C extends CatalogChange
    ? Omit<C, 'sequence'>
    : never
  : never;

export interface CatalogSnapshotPointer {
  readonly key: string;
  readonly sequence: number;
  readonly builtAt: string;
}

export interface CatalogMeta {
  /** The sequence of the last change in the log; 0 before the first publication. */
  readonly sequence: number;
  readonly snapshot?: CatalogSnapshotPointer | undefined;
}

/** Stored entry: the public entry plus whether it is public right now. */
export type StoredEntry = CatalogEntry & {
  readonly published: boolean;
  /** What the owner chose when publishing; kept so the entry can follow the innovation later. */
  readonly publicationOptions?: PublicationOptions | undefined;
};

/** A public entry as the catalogue projection sees it: the entry and the owner's choices. */
export interface PublishedEntry {
  readonly entry: CatalogEntry;
  /**
   * The options the owner published with. An entry published before they were stored keeps what it
   * shows: its themes, summary, contact and public evidence count as chosen.
   */
  readonly options: PublicationOptions;
}

/** Log steps are only needed until a snapshot covers them; a snapshot is written far more often. */
export const CHANGE_TTL_SECONDS = 7 * 24 * 60 * 60;
export const MAX_SEQUENCE_ATTEMPTS = 8;
/** Snapshot fetches: 8 MB ranges, four at a time (a 5,000-entry catalogue is one range). */
export const SNAPSHOT_PART_BYTES = 8 * 1024 * 1024;
export const SNAPSHOT_PARALLEL_PARTS = 4;

export class CatalogSequenceContention extends Error {
  override readonly name = 'CatalogSequenceContention';
}

export const readMeta = async (clients: ScopedClients): Promise<CatalogMeta> => {
  const result = await clients.table.send(
    new GetCommand({ TableName: clients.config.tableName, Key: keys.catalogMeta(), ConsistentRead: true }),
  );
  const item = result.Item;
  const sequence = typeof item?.sequence === 'number' ? item.sequence : 0;
  const snapshot =
    typeof item?.snapshotKey === 'string'
      ? {
          key: item.snapshotKey,
          sequence: Number(item.snapshotSequence),
          builtAt: String(item.snapshotBuiltAt),
        }
      : undefined;
  return { sequence, snapshot };
};

/** Only the public schema's fields leave the data layer, whatever else an item carries. */
export const publicEntryOf = (item: Record<string, unknown>): CatalogEntry =>
  catalogEntrySchema.parse(toRecord<Record<string, unknown>>(item));

/**
 * Appends one step to the log in the same transaction as `also` (the entry write). The log's
 * sequence is a counter guarded by a condition, so steps commit strictly in order with no gaps:
 * a reader that has applied step n only ever needs the steps after n.
 */
export async function appendChange(
  clients: ScopedClients,
  change: NewChange,
  also: (sequence: number) => Record<string, unknown>[],
): Promise<number> {
  const TableName = clients.config.tableName;
  for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
    const { sequence: previous } = await readMeta(clients);
    const sequence = previous + 1;
    const extra = also(sequence);
    try {
      await clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: keys.catalogMeta(),
                UpdateExpression: 'SET #sequence = :next',
                ConditionExpression:
                  '(attribute_not_exists(#sequence) AND :previous = :zero) OR #sequence = :previous',
                ExpressionAttributeNames: { '#sequence': 'sequence' },
                ExpressionAttributeValues: { ':next': sequence, ':previous': previous, ':zero': 0 },
              },
            },
            {
              Put: {
                TableName,
                Item: {
                  ...keys.catalogChange(sequence),
                  ...change,
                  sequence,
                  // From the wall clock, not `at`: a back-dated publication (a seed) still keeps its step.
                  ttl: Math.floor(Date.now() / 1000) + CHANGE_TTL_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...extra,
          ],
        }),
      );
      return sequence;
    } catch (error) {
      const failed = cancelledConditions(error);
      // Another writer took this sequence number: read it again and retry.
      if (failed.includes(0) || failed.includes(1)) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
  throw new CatalogSequenceContention('the catalogue log is too busy; try again');
}
