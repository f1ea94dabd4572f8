import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SpdAnswers, StoredSpdAnswer } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { keys } from '../keys.ts';
import { type AuditContext, auditPut, type FieldChange, SYSTEM_AUDIT } from './audit.ts';
import { saveSingleton, toRecord } from './versioned.ts';

/** A region's SPD answers for one assessment year: one item, optimistically locked. */
export class SpdAnswersRepository {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  async get(year: number): Promise<SpdAnswers | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.clients.config.tableName,
        Key: keys.spdAnswers(this.tenantCode, year),
      }),
    );
    return result.Item ? toRecord<SpdAnswers>(result.Item) : undefined;
  }

  /** Version 0 means "nothing saved yet": the first save creates the item, once. */
  async save(
    year: number,
    rubricId: string,
    expectedVersion: number,
    answers: Record<string, StoredSpdAnswer>,
  ): Promise<SpdAnswers> {
    const current = await this.get(year);
    const changes: Record<string, FieldChange> = {};
    for (const [row, answer] of Object.entries(answers)) {
      const before = current?.answers[row];
      if (JSON.stringify(before) !== JSON.stringify(answer))
        changes[`answers.${row}`] = { before, after: answer };
    }
    return saveSingleton<SpdAnswers>(
      this.clients.table,
      this.clients.config.tableName,
      keys.spdAnswers(this.tenantCode, year),
      expectedVersion,
      { year, rubricId, answers: {} },
      { answers },
      [
        auditPut(this.clients.config.tableName, this.tenantCode, this.audit, {
          action: 'spd.save',
          entity: 'spd',
          entityId: `spd-${year}`,
          periodYear: year,
          changes,
        }),
      ],
    );
  }
}
