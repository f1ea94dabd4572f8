import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficialResult, OfficialResultInput } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { oversightNoteKeys, resultKeys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { saveSingleton, toRecord } from './versioned.ts';

/**
 * Official IID results of past years, entered by the region's admin: `RESULT#<year>` in the
 * tenant partition, optimistically locked and audited. The predicate is derived, never stored.
 */
export class OfficialResultRepository {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  async list(): Promise<OfficialResult[]> {
    const result = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': resultKeys.result(this.tenantCode, 0).pk,
          ':prefix': resultKeys.sortPrefix,
        },
      }),
    );
    return (result.Items ?? []).map((item) => toRecord<OfficialResult>(item)).sort((a, b) => b.year - a.year);
  }

  async get(year: number): Promise<OfficialResult | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: resultKeys.result(this.tenantCode, year) }),
    );
    return result.Item ? toRecord<OfficialResult>(result.Item) : undefined;
  }

  /** Version 0 records the year's result for the first time; later saves replace it as a whole. */
  async save(
    year: number,
    expectedVersion: number,
    input: OfficialResultInput,
    now = new Date().toISOString(),
  ): Promise<OfficialResult> {
    const current = await this.get(year);
    const fields = {
      index: input.index,
      rank: input.rank,
      rankOf: input.rankOf,
      note: input.note,
      enteredBy: this.audit.actor.userId,
      enteredAt: now,
    };
    return saveSingleton<OfficialResult>(
      this.clients.table,
      this.tableName,
      resultKeys.result(this.tenantCode, year),
      expectedVersion,
      { year, index: input.index, enteredBy: fields.enteredBy, enteredAt: now },
      fields,
      [
        auditPut(
          this.tableName,
          this.tenantCode,
          this.audit,
          {
            action: 'result.save',
            entity: 'result',
            entityId: `result-${year}`,
            periodYear: year,
            changes: fieldChanges(current, {
              index: input.index,
              rank: input.rank,
              rankOf: input.rankOf,
              note: input.note,
            }),
          },
          now,
        ),
      ],
    );
  }
}

/** A province's note and pendamping contact about one of its regencies, for one period. */
export interface OversightNote {
  readonly regencyCode: string;
  readonly year: number;
  readonly note?: string | undefined;
  readonly pendamping?:
    | {
        readonly name: string;
        readonly position?: string | undefined;
        readonly phone?: string | undefined;
        readonly email?: string | undefined;
      }
    | undefined;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

export type OversightNoteInput = Pick<OversightNote, 'note' | 'pendamping'>;

/**
 * Notes and pendamping assignments of a province about its regencies: in the province's own
 * partition (`OVERSIGHT#<year>#<regency>`), never in the regency's. Audited in the province's trail.
 */
export class OversightNoteRepository {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  /** The province, from its clients' scope. */
  private get provinceCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  async list(year: number): Promise<OversightNote[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': oversightNoteKeys.note(this.provinceCode, year, '').pk,
        ':prefix': oversightNoteKeys.sortPrefix(year),
      },
    });
    return items.map((item) => toRecord<OversightNote>(item));
  }

  async get(year: number, regencyCode: string): Promise<OversightNote | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: oversightNoteKeys.note(this.provinceCode, year, regencyCode),
        ConsistentRead: true,
      }),
    );
    return result.Item ? toRecord<OversightNote>(result.Item) : undefined;
  }

  async save(
    year: number,
    regencyCode: string,
    expectedVersion: number,
    input: OversightNoteInput,
    now = new Date().toISOString(),
  ): Promise<OversightNote> {
    const current = await this.get(year, regencyCode);
    const fields = {
      note: input.note,
      pendamping: input.pendamping,
      updatedBy: this.audit.actor.userId,
      updatedAt: now,
    };
    return saveSingleton<OversightNote>(
      this.clients.table,
      this.tableName,
      oversightNoteKeys.note(this.provinceCode, year, regencyCode),
      expectedVersion,
      { regencyCode, year, updatedBy: fields.updatedBy, updatedAt: now },
      fields,
      [
        auditPut(
          this.tableName,
          this.provinceCode,
          this.audit,
          {
            action: 'oversight.note',
            entity: 'oversight_note',
            entityId: `oversight-${year}-${regencyCode}`,
            periodYear: year,
            changes: fieldChanges(current as Record<string, unknown> | undefined, {
              note: input.note,
              pendamping: input.pendamping,
            }),
          },
          now,
        ),
      ],
    );
  }
}
