import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { auditKeys, auditListPartition } from '../keys.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { toRecord } from './versioned.ts';

/** Who is changing data, and in which request: every repository mutation records it. */
export interface AuditContext {
  readonly actor: Actor;
  readonly requestId: string;
}

/** Changes made by the platform itself (seeding, imports), not by a signed-in person. */
export const SYSTEM_AUDIT: AuditContext = {
  actor: { userId: 'system', email: 'system', tenantCode: 'platform', roles: [] },
  requestId: 'system',
};

export type AuditEntity =
  | 'tenant'
  | 'opd'
  | 'member'
  | 'innovation'
  | 'answer'
  | 'spd'
  | 'period'
  | 'settings'
  | 'evidence'
  | 'replication'
  | 'result'
  | 'oversight_note'
  | 'export'
  | 'import';

export interface FieldChange {
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditEvent {
  readonly action: string;
  readonly entity: AuditEntity;
  readonly entityId: string;
  readonly periodYear?: number | undefined;
  readonly changes?: Readonly<Record<string, FieldChange>> | undefined;
}

export interface AuditEntry extends AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly userId: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly requestId: string;
}

/** The before/after of each field a change touches; fields whose value stays the same are left out. */
export function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown>) {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before?.[field];
    if (JSON.stringify(previous) !== JSON.stringify(value))
      changes[field] = { before: previous, after: value };
  }
  return changes;
}

/**
 * The audit entry as a transaction item, written in the same transaction as the change it
 * records: an entry never exists without its change, nor a change without its entry.
 */
export function auditPut(
  tableName: string,
  tenantCode: string,
  context: AuditContext,
  event: AuditEvent,
  at = new Date().toISOString(),
) {
  const id = ulid();
  const entry: AuditEntry = {
    id,
    at,
    userId: context.actor.userId,
    email: context.actor.email,
    roles: context.actor.roles,
    requestId: context.requestId,
    ...event,
  };
  return {
    Put: {
      TableName: tableName,
      Item: { ...auditKeys(tenantCode, entry), ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface AuditFilter {
  readonly entityId?: string | undefined;
  readonly userId?: string | undefined;
  /** YYYY-MM; required when neither entity nor user narrows the search. */
  readonly month?: string | undefined;
  readonly periodYear?: number | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** Reads a tenant's audit trail; there is no method to change or delete an entry. */
export class AuditRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
  ) {}

  async list(filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string | undefined }> {
    const { index, value } = auditListPartition(this.tenantCode, filter);
    const names: Record<string, string> = { '#p': index?.partition ?? 'pk' };
    const values: Record<string, unknown> = { ':p': value };
    const conditions: string[] = [];
    if (filter.periodYear !== undefined) {
      conditions.push('periodYear = :year');
      values[':year'] = filter.periodYear;
    }
    if (filter.month && index) {
      conditions.push('begins_with(#at, :month)');
      names['#at'] = 'at';
      values[':month'] = filter.month;
    }
    const page = await this.clients.table.send(
      new QueryCommand({
        TableName: this.clients.config.tableName,
        IndexName: index?.name,
        KeyConditionExpression: '#p = :p',
        FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: filter.limit,
        ExclusiveStartKey: decodeCursor(filter.cursor, {
          tenantCode: this.tenantCode,
          index,
          partition: value,
        }),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => toRecord<AuditEntry>(item)),
      nextCursor: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
