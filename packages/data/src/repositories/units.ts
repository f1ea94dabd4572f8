import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Unit } from '@inovasi/core';
import { ulid } from 'ulid';
import { keys } from '../keys.ts';
import { fieldChanges } from './audit.ts';
import { NamedRecordRepository, type NamedRecordShape } from './named-records.ts';

export type NewUnit = Pick<Unit, 'opdId' | 'kind' | 'name' | 'parentUnitId'>;

/** A transaction holds at most 100 items; each unit is written with its audit entry. */
const UNITS_PER_TRANSACTION = 50;

const UNIT_SHAPE: NamedRecordShape = {
  entity: 'unit',
  key: keys.unit,
  sortPrefix: keys.unitSortPrefix,
  label: 'unit',
  answerFromRead: true,
};

/** Units below the OPDs of one tenant (ADR 0036); they live in the tenant's own partition beside the OPDs. */
export class UnitRepository extends NamedRecordRepository<Unit, NewUnit> {
  protected readonly shape = UNIT_SHAPE;

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
            this.auditEntry(
              'create',
              unit.id,
              fieldChanges(undefined, {
                opdId: unit.opdId,
                kind: unit.kind,
                name: unit.name,
                parentUnitId: unit.parentUnitId,
              }),
              now,
            ),
          ]),
        }),
      );
    }
    return units;
  }
}
