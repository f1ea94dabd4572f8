import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Opd } from '@inovasi/core';
import { ulid } from 'ulid';
import { keys } from '../keys.ts';
import { fieldChanges } from './audit.ts';
import { NamedRecordRepository, type NamedRecordShape } from './named-records.ts';

export type NewOpd = Pick<Opd, 'name' | 'kind' | 'target' | 'urusan' | 'headName' | 'headEmail'>;

const OPD_SHAPE: NamedRecordShape = {
  entity: 'opd',
  key: keys.opd,
  sortPrefix: keys.opdSortPrefix,
  label: 'OPD',
  answerFromRead: false,
};

/** Departments (OPD) of one tenant; they live in the tenant's own partition. */
export class OpdRepository extends NamedRecordRepository<Opd, NewOpd> {
  protected readonly shape = OPD_SHAPE;

  async create(input: NewOpd, now = new Date().toISOString(), id = ulid()): Promise<Opd> {
    const opd: Opd = { id, ...input, archived: false, version: 1, createdAt: now, updatedAt: now };
    await this.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.opd(this.tenantCode, id), ...opd },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.auditEntry('create', id, fieldChanges(undefined, input), now),
        ],
      }),
    );
    return opd;
  }
}
