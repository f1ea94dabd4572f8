import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Unit } from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { ArchivedError, NotFoundError } from '../errors.ts';
import { keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { toRecord, updateVersioned } from './versioned.ts';

export type NewUnit = Pick<Unit, 'opdId' | 'kind' | 'name' | 'parentUnitId'>;

/** A transaction holds at most 100 items; each unit is written with its audit entry. */
const UNITS_PER_TRANSACTION = 50;

/** Units below the OPDs of one tenant (ADR 0036); they live in the tenant's own partition beside the OPDs. */
export class UnitRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  async list(): Promise<Unit[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.unit(this.tenantCode, '').pk,
        ':prefix': keys.unitSortPrefix,
      },
    });
    return items.map((item) => toRecord<Unit>(item)).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  async get(unitId: string): Promise<Unit | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.unit(this.tenantCode, unitId) }),
    );
    return result.Item ? toRecord<Unit>(result.Item) : undefined;
  }

  async create(input: NewUnit, now = new Date().toISOString(), id = ulid()): Promise<Unit> {
    const [unit] = await this.createMany([{ ...input, id }], now);
    return unit as Unit;
  }

  /**
   * Creates units with the ids given (an import derives them from the row), each only if absent:
   * every batch is one transaction, so a batch lands whole or not at all, and a retry of a failed
   * import fails on the first unit that already exists instead of making a copy.
   */
  async createMany(
    inputs: readonly (NewUnit & { id: string })[],
    now = new Date().toISOString(),
  ): Promise<Unit[]> {
    const units = inputs.map(
      ({ id, ...input }): Unit => ({
        id,
        opdId: input.opdId,
        kind: input.kind,
        name: input.name,
        ...(input.parentUnitId ? { parentUnitId: input.parentUnitId } : {}),
        archived: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    );
    for (let start = 0; start < units.length; start += UNITS_PER_TRANSACTION) {
      const batch = units.slice(start, start + UNITS_PER_TRANSACTION);
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: batch.flatMap((unit) => [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.unit(this.tenantCode, unit.id), ...unit },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            auditPut(
              this.tableName,
              this.tenantCode,
              this.audit,
              {
                action: 'unit.create',
                entity: 'unit',
                entityId: unit.id,
                changes: fieldChanges(undefined, {
                  opdId: unit.opdId,
                  kind: unit.kind,
                  name: unit.name,
                  parentUnitId: unit.parentUnitId,
                }),
              },
              now,
            ),
          ]),
        }),
      );
    }
    return units;
  }

  async update(unitId: string, expectedVersion: number, changes: Partial<NewUnit>): Promise<Unit> {
    const current = await this.get(unitId);
    if (!current) throw new NotFoundError('unit not found');
    const updated = await updateVersioned<Unit>(
      this.clients.table,
      this.tableName,
      keys.unit(this.tenantCode, unitId),
      expectedVersion,
      { ...changes, updatedAt: new Date().toISOString() },
      {
        expression: 'archived = :false',
        values: { ':false': false },
        onFail: () => new ArchivedError('unit is archived'),
      },
      [this.auditEntry('unit.update', unitId, fieldChanges(current, changes))],
      current,
    );
    return toRecord<Unit>(updated);
  }

  async archive(unitId: string, expectedVersion: number): Promise<Unit> {
    const updated = await updateVersioned<Unit>(
      this.clients.table,
      this.tableName,
      keys.unit(this.tenantCode, unitId),
      expectedVersion,
      { archived: true, updatedAt: new Date().toISOString() },
      undefined,
      [this.auditEntry('unit.archive', unitId, { archived: { before: false, after: true } })],
    );
    return toRecord<Unit>(updated);
  }

  private auditEntry(action: string, unitId: string, changes: ReturnType<typeof fieldChanges>) {
    return auditPut(this.tableName, this.tenantCode, this.audit, {
      action,
      entity: 'unit',
      entityId: unitId,
      changes,
    });
  }
}
