import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createTableClient, type DataConfig, innovationIndexKeys, keys } from '@inovasi/data';

/**
 * Setup shared by the benchmarks that need a region of a given size: copies of its own innovations
 * under new ids (items and list entries, batch-written straight into the table: setup, not a
 * measured path). The copies reach the table's stream like any write.
 */
export interface GrowOptions {
  readonly tenant: string;
  /** Innovations the region (or its period) holds afterwards. */
  readonly size: number;
  /** The copies' ids: this prefix, zero-padded to a ULID's 26 characters (see `copyId`). */
  readonly idPrefix: string;
  readonly name: (n: number) => string;
  /** Count and copy only the live innovations of this period; omitted: every innovation. */
  readonly periodYear?: number | undefined;
}

/** The id of copy number `n`, so a benchmark can find (and delete) its copies again. */
export const copyId = (idPrefix: string, n: number): string =>
  `${idPrefix}${String(n).padStart(26 - idPrefix.length, '0')}`;

/** Grows the region to `size` innovations; answers how many it holds. */
export async function growRegion(config: DataConfig, options: GrowOptions): Promise<number> {
  const table = createTableClient(config);
  try {
    const listed = await table.send(
      new QueryCommand({
        TableName: config.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(options.periodYear === undefined
          ? { ExpressionAttributeValues: { ':pk': `T#${options.tenant}#INNO` } }
          : {
              FilterExpression: 'periodYear = :year AND archived = :archived',
              ExpressionAttributeValues: {
                ':pk': `T#${options.tenant}#INNO`,
                ':year': options.periodYear,
                ':archived': false,
              },
            }),
      }),
    );
    const originals = listed.Items ?? [];
    const copies: Record<string, unknown>[] = [];
    for (let n = originals.length; n < options.size; n++) {
      const source = originals[n % originals.length] ?? {};
      const id = copyId(options.idPrefix, n);
      const createdAt = String(source.createdAt ?? '2026-01-05T08:00:00.000Z');
      copies.push({
        ...source,
        ...keys.innovation(options.tenant, id),
        ...innovationIndexKeys(options.tenant, String(source.opdId), createdAt, id),
        id,
        profile: { ...(source.profile as object), name: options.name(n) },
      });
    }
    for (let start = 0; start < copies.length; start += 25) {
      await table.send(
        new BatchWriteCommand({
          RequestItems: {
            [config.tableName]: copies.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    return originals.length + copies.length;
  } finally {
    table.destroy();
  }
}
