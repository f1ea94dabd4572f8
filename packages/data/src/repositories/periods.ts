import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Period, PeriodExtension } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { keys } from '../keys.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { type TransactGuard, toRecord, updateVersioned } from './versioned.ts';

export type NewPeriod = Pick<Period, 'year' | 'rubricId' | 'internalDeadline' | 'nationalDeadline'>;

/** A region's assessment periods (one per IID year), in its own partition. */
export class PeriodRepository {
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

  async get(year: number): Promise<Period | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.period(this.tenantCode, year) }),
    );
    return result.Item ? toRecord<Period>(result.Item) : undefined;
  }

  /**
   * The period still takes Bappeda's steps on `today` (its national deadline has not passed, or
   * the year has no opened period), as a guard for the write's own transaction: the same answer as
   * `periodLock(...) !== 'read_only'` from a read, without the read.
   */
  notReadOnly(year: number, today: string): TransactGuard {
    return {
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: keys.period(this.tenantCode, year),
          ConditionExpression: 'attribute_not_exists(pk) OR nationalDeadline >= :today',
          ExpressionAttributeValues: { ':today': today },
        },
      },
      onFail: () => new DomainError('period_read_only'),
    };
  }

  async list(): Promise<Period[]> {
    const result = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        // Period items are `PERIOD#<year>`; the year's SPD answers `PERIOD#<year>#SPD` are filtered out.
        FilterExpression: 'attribute_exists(internalDeadline)',
        ExpressionAttributeValues: {
          ':pk': keys.period(this.tenantCode, 0).pk,
          ':prefix': keys.periodSortPrefix,
        },
      }),
    );
    return (result.Items ?? []).map((item) => toRecord<Period>(item)).sort((a, b) => b.year - a.year);
  }

  async open(input: NewPeriod, now = new Date().toISOString()): Promise<Period> {
    const period: Period = {
      ...input,
      extensions: [],
      openedAt: now,
      openedBy: this.audit.actor.userId,
      version: 1,
    };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.period(this.tenantCode, input.year), ...period },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            this.auditEntry('period.open', input.year, fieldChanges(undefined, { ...input }), now),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).includes(0)) throw new DomainError('period_exists', 'year');
      throw error;
    }
    return period;
  }

  async update(
    year: number,
    expectedVersion: number,
    changes: Partial<Pick<Period, 'internalDeadline' | 'nationalDeadline' | 'extensions' | 'targetRule'>>,
  ): Promise<Period> {
    const current = await this.get(year);
    if (!current) throw new DomainError('not_found');
    const updated = await updateVersioned<Period>(
      this.clients.table,
      this.tableName,
      keys.period(this.tenantCode, year),
      expectedVersion,
      changes,
      undefined,
      [this.auditEntry('period.update', year, fieldChanges(current, changes))],
    );
    return toRecord<Period>(updated);
  }

  async extend(year: number, expectedVersion: number, extension: PeriodExtension): Promise<Period> {
    const current = await this.get(year);
    if (!current) throw new DomainError('not_found');
    return this.update(year, expectedVersion, { extensions: [...current.extensions, extension] });
  }

  private auditEntry(action: string, year: number, changes: ReturnType<typeof fieldChanges>, at?: string) {
    return auditPut(
      this.tableName,
      this.tenantCode,
      this.audit,
      { action, entity: 'period', entityId: `period-${year}`, periodYear: year, changes },
      at,
    );
  }
}
