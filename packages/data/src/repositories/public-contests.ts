import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type ScopedClients, type TenantClients, tenantOf } from '../clients.ts';
import { contestKeys, PUBLIC_CONTESTS_PARTITION, publicContestSortPrefix } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { toRecord } from './versioned.ts';

/** The shared public copies of one region's open calls and winners (docs/decisions/0037). */
export class PublicContestWriter {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  async put(callId: string, copy: Record<string, unknown>): Promise<void> {
    await this.clients.table.send(new PutCommand(this.putItem(callId, copy).Put));
  }

  /**
   * The copy's Put for the call's own transaction (docs/decisions/0042): the clients must reach both
   * the region and this partition (`contestCallWriterScope`).
   */
  putItem(callId: string, copy: Record<string, unknown>) {
    return {
      Put: {
        TableName: this.clients.config.tableName,
        Item: { ...contestKeys.publicCall(this.tenantCode, callId), ...copy },
      },
    };
  }
}

/** Reads the public copies: every open call, or one region's, and one call. */
export class PublicContestReader {
  constructor(private readonly clients: ScopedClients) {}

  async list(region?: string): Promise<Record<string, unknown>[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.clients.config.tableName,
      KeyConditionExpression: region ? 'pk = :pk AND begins_with(sk, :region)' : 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': PUBLIC_CONTESTS_PARTITION,
        ...(region ? { ':region': publicContestSortPrefix(region) } : {}),
      },
    });
    return items.map((item) => toRecord<Record<string, unknown>>(item));
  }

  async get(region: string, callId: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.clients.config.tableName,
        Key: contestKeys.publicCall(region, callId),
      }),
    );
    return result.Item ? toRecord<Record<string, unknown>>(result.Item) : undefined;
  }
}
