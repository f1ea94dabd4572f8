import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import type { TableKey } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

/** What an OPD and a unit have in common: a name to sort by, a version, and archiving. */
interface NamedRecord {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
  readonly version: number;
}

/** Where the records of one kind live in the tenant's partition, and what they are called. */
export interface NamedRecordShape {
  /** The audit entity, and the prefix of its actions (`opd.update`, `unit.archive`). */
  readonly entity: 'opd' | 'unit';
  readonly key: (tenantCode: string, id: string) => TableKey;
  readonly sortPrefix: string;
  /** How errors name the record ("OPD", "unit"). */
  readonly label: string;
  /**
   * Whether an update answers with the record it read plus the changes instead of reading it back
   * (updateVersioned's `current`): units do (an import updates many); OPDs read it back, as before.
   */
  readonly answerFromRead: boolean;
}

/**
 * The part OPDs and units share (docs/decisions/0047): listed by name from the tenant's partition,
 * read by id, changed with a version check while not archived, archived; each write audited.
 */
export abstract class NamedRecordRepository<T extends NamedRecord, Changes extends object> {
  constructor(
    protected readonly clients: TenantClients,
    protected readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  protected get tenantCode(): string {
    return tenantOf(this.clients);
  }

  protected abstract readonly shape: NamedRecordShape;

  protected get tableName() {
    return this.clients.config.tableName;
  }

  async list(): Promise<T[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': this.shape.key(this.tenantCode, '').pk,
        ':prefix': this.shape.sortPrefix,
      },
    });
    return items.map((item) => toRecord<T>(item)).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  async get(id: string): Promise<T | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: this.shape.key(this.tenantCode, id) }),
    );
    return result.Item ? toRecord<T>(result.Item) : undefined;
  }

  async update(id: string, expectedVersion: number, changes: Partial<Changes>): Promise<T> {
    const current = await this.get(id);
    if (!current) throw new DomainError('not_found');
    const updated = await updateVersioned<Record<string, unknown>>(
      this.clients.table,
      this.tableName,
      this.shape.key(this.tenantCode, id),
      expectedVersion,
      { ...changes, updatedAt: new Date().toISOString() },
      {
        expression: 'archived = :false',
        values: { ':false': false },
        onFail: () => new DomainError('archived'),
      },
      [this.auditEntry('update', id, fieldChanges(current as unknown as Record<string, unknown>, changes))],
      this.shape.answerFromRead ? current : undefined,
    );
    return toRecord<T>(updated);
  }

  async archive(id: string, expectedVersion: number): Promise<T> {
    const updated = await updateVersioned<Record<string, unknown>>(
      this.clients.table,
      this.tableName,
      this.shape.key(this.tenantCode, id),
      expectedVersion,
      { archived: true, updatedAt: new Date().toISOString() },
      undefined,
      [this.auditEntry('archive', id, { archived: { before: false, after: true } })],
    );
    return toRecord<T>(updated);
  }

  protected auditEntry(
    verb: 'create' | 'update' | 'archive',
    id: string,
    changes: ReturnType<typeof fieldChanges>,
    at?: string,
  ): TransactItem {
    const { entity } = this.shape;
    return auditPut(
      this.tableName,
      this.tenantCode,
      this.audit,
      { action: `${entity}.${verb}`, entity, entityId: id, changes },
      at,
    );
  }
}
