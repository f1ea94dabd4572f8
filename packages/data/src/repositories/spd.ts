import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SpdAnswers, StoredSpdAnswer } from '@inovasi/core';
import type { ScopedClients } from '../clients.ts';
import { isConditionFailure, VersionConflictError } from '../errors.ts';
import { keys } from '../keys.ts';
import { toRecord, updateVersioned } from './versioned.ts';

/** A region's SPD answers for one assessment year: one item, optimistically locked. */
export class SpdAnswersRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
  ) {}

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
    const key = keys.spdAnswers(this.tenantCode, year);
    if (expectedVersion > 0) {
      return toRecord<SpdAnswers>(
        await updateVersioned<SpdAnswers>(
          this.clients.table,
          this.clients.config.tableName,
          key,
          expectedVersion,
          {
            answers,
          },
        ),
      );
    }
    const created: SpdAnswers = { year, rubricId, answers, version: 1 };
    try {
      await this.clients.table.send(
        new PutCommand({
          TableName: this.clients.config.tableName,
          Item: { ...key, ...created },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new VersionConflictError((await this.get(year))?.version ?? 0);
      throw error;
    }
    return created;
  }
}
