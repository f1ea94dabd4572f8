import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Opd } from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { ArchivedError, NotFoundError } from '../errors.ts';
import { keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { toRecord, updateVersioned } from './versioned.ts';

export type NewOpd = Pick<Opd, 'name' | 'kind' | 'target' | 'urusan' | 'headName' | 'headEmail'>;

/** Departments (OPD) of one tenant; they live in the tenant's own partition. */
export class OpdRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  async list(): Promise<Opd[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.opd(this.tenantCode, '').pk,
        ':prefix': keys.opdSortPrefix,
      },
    });
    return items.map((item) => toRecord<Opd>(item)).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  async get(opdId: string): Promise<Opd | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.opd(this.tenantCode, opdId) }),
    );
    return result.Item ? toRecord<Opd>(result.Item) : undefined;
  }

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
          auditPut(
            this.tableName,
            this.tenantCode,
            this.audit,
            {
              action: 'opd.create',
              entity: 'opd',
              entityId: id,
              changes: fieldChanges(undefined, input),
            },
            now,
          ),
        ],
      }),
    );
    return opd;
  }

  async update(opdId: string, expectedVersion: number, changes: Partial<NewOpd>): Promise<Opd> {
    const current = await this.get(opdId);
    if (!current) throw new NotFoundError('OPD not found');
    const updated = await updateVersioned<Opd>(
      this.clients.table,
      this.tableName,
      keys.opd(this.tenantCode, opdId),
      expectedVersion,
      { ...changes, updatedAt: new Date().toISOString() },
      {
        expression: 'archived = :false',
        values: { ':false': false },
        onFail: () => new ArchivedError('OPD is archived'),
      },
      [this.auditEntry('opd.update', opdId, fieldChanges(current, changes))],
    );
    return toRecord<Opd>(updated);
  }

  private auditEntry(action: string, opdId: string, changes: ReturnType<typeof fieldChanges>) {
    return auditPut(this.tableName, this.tenantCode, this.audit, {
      action,
      entity: 'opd',
      entityId: opdId,
      changes,
    });
  }

  async archive(opdId: string, expectedVersion: number): Promise<Opd> {
    const updated = await updateVersioned<Opd>(
      this.clients.table,
      this.tableName,
      keys.opd(this.tenantCode, opdId),
      expectedVersion,
      { archived: true, updatedAt: new Date().toISOString() },
      undefined,
      [this.auditEntry('opd.archive', opdId, { archived: { before: false, after: true } })],
    );
    return toRecord<Opd>(updated);
  }
}
