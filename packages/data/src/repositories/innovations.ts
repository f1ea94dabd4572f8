import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Innovation, InnovationProfile, StoredIndicatorAnswer } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { ArchivedError, cancelledConditions, IdempotencyMismatchError, NotFoundError } from '../errors.ts';

/** An innovation's id, or the record the caller read (which saves reading it again, see `current`). */
export type InnovationRef = string | Innovation;

import { innovationIndexKeys, innovationListPartition, keys } from '../keys.ts';
import { type AuditContext, type AuditEvent, auditPut, fieldChanges } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type TransactGuard, type TransactItem, toRecord, updateVersioned } from './versioned.ts';

export interface InnovationFilter {
  readonly opdId?: string | undefined;
  readonly stage?: string | undefined;
  readonly status?: string | undefined;
  readonly archived?: boolean | undefined;
  readonly periodYear?: number | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface NewInnovation {
  /**
   * A caller-chosen id instead of a new ULID: an import derives it from the row, so creating the
   * same row twice fails the put's `attribute_not_exists` condition instead of making a copy.
   */
  readonly id?: string | undefined;
  readonly opdId: string;
  /** The unit below the OPD that owns it (ADR 0036). */
  readonly unitId?: string | undefined;
  readonly periodYear: number;
  readonly profile: InnovationProfile;
  /** Carried over from an earlier period: the innovation it continues, and its answers to re-confirm. */
  readonly previousId?: string | undefined;
  readonly answers?: Record<string, StoredIndicatorAnswer> | undefined;
}

export interface CreateResult {
  readonly innovation: Innovation;
  /** True when an earlier request with the same idempotency key already created it. */
  readonly replayed: boolean;
}

/**
 * Idempotency records are kept 30 days: a create kept on a device offline (ADR 0049) is retried when
 * the connection returns, which in a kecamatan office can be days after an attempt whose answer was lost.
 */
export const IDEMPOTENCY_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Bounds the work of one filtered page, so a sparse filter cannot make a request unbounded. */
const MAX_QUERY_ROUNDS = 10;

const requestFingerprint = (input: NewInnovation): string =>
  createHash('sha256').update(JSON.stringify(input)).digest('base64url');

/**
 * Innovations of one tenant. Each lives in its own partition `T#<code>#INNO#<id>`; the tenant-wide
 * list and the per-OPD list are two tenant-prefixed indexes, newest first.
 */
export class InnovationRepository {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit?: AuditContext,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  /** The audit entry that goes into the same transaction as a change by `actor`. */
  private auditEntry(actor: Actor, event: AuditEvent, at?: string) {
    const context = this.audit ?? { actor, requestId: 'direct' };
    return auditPut(this.tableName, this.tenantCode, context, event, at);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /** `consistent`: the read sees every change committed before it (twice the read units). */
  async get(innovationId: string, options: { consistent?: boolean } = {}): Promise<Innovation | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.innovation(this.tenantCode, innovationId),
        ...(options.consistent ? { ConsistentRead: true } : {}),
      }),
    );
    return result.Item ? toRecord<Innovation>(result.Item) : undefined;
  }

  /**
   * The record a versioned change starts from. A record the caller read at `expectedVersion` is
   * exactly the stored one whenever the change commits (the version condition pins it), so it is
   * used as it is; otherwise the item is read (the change will then most likely fail as stale).
   */
  private async current(innovation: InnovationRef, expectedVersion: number): Promise<Innovation> {
    if (typeof innovation !== 'string' && innovation.version === expectedVersion) return innovation;
    const current = await this.get(typeof innovation === 'string' ? innovation : innovation.id);
    if (!current) throw new NotFoundError('innovation not found');
    return current;
  }

  /**
   * Refuses a cursor that `list` with this OPD (or the whole region) never issued, before a caller
   * does other work with it: the same check `list` makes (`InvalidCursorError`, a 400 naming `cursor`).
   */
  checkCursor(cursor: string | undefined, opdId?: string): void {
    const { index, value } = innovationListPartition(this.tenantCode, opdId);
    decodeCursor(cursor, { tenantCode: this.tenantCode, index, partition: value });
  }

  async list(filter: InnovationFilter): Promise<{ items: Innovation[]; nextCursor?: string | undefined }> {
    const { index, value } = innovationListPartition(this.tenantCode, filter.opdId);
    const startKey = decodeCursor(filter.cursor, { tenantCode: this.tenantCode, index, partition: value });
    const conditions = ['archived = :archived'];
    const values: Record<string, unknown> = { ':pk': value, ':archived': filter.archived ?? false };
    const names: Record<string, string> = { '#pk': index.partition };
    if (filter.status) {
      conditions.push('#status = :status');
      values[':status'] = filter.status;
      names['#status'] = 'status';
    }
    if (filter.periodYear !== undefined) {
      conditions.push('periodYear = :periodYear');
      values[':periodYear'] = filter.periodYear;
    }
    if (filter.stage) {
      conditions.push('profile.stage = :stage');
      values[':stage'] = filter.stage;
    }

    const items: Innovation[] = [];
    let lastKey: Record<string, unknown> | undefined = startKey;
    for (let round = 0; round < MAX_QUERY_ROUNDS && items.length < filter.limit; round++) {
      const page = await this.clients.table.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: filter.limit - items.length,
          ExclusiveStartKey: lastKey,
        }),
      );
      items.push(...(page.Items ?? []).map((item) => toRecord<Innovation>(item)));
      lastKey = page.LastEvaluatedKey;
      if (!lastKey) break;
    }
    return { items, nextCursor: encodeCursor(lastKey) };
  }

  async create(
    input: NewInnovation,
    actor: Actor,
    idempotencyKey?: string,
    now = new Date().toISOString(),
  ): Promise<CreateResult> {
    const id = input.id ?? ulid();
    const innovation: Innovation = {
      id,
      tenantCode: this.tenantCode,
      opdId: input.opdId,
      ...(input.unitId ? { unitId: input.unitId } : {}),
      periodYear: input.periodYear,
      status: 'draft',
      archived: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      profile: input.profile,
      answers: input.answers ?? {},
      ...(input.previousId ? { previousId: input.previousId } : {}),
    };
    const put = {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.innovation(this.tenantCode, id),
          ...innovationIndexKeys(this.tenantCode, input.opdId, now, id),
          ...innovation,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const audit = this.auditEntry(
      actor,
      {
        action: 'innovation.create',
        entity: 'innovation',
        entityId: id,
        periodYear: input.periodYear,
        changes: fieldChanges(undefined, {
          opdId: input.opdId,
          unitId: input.unitId,
          status: 'draft',
          profile: input.profile,
        }),
      },
      now,
    );
    if (!idempotencyKey) {
      await this.clients.table.send(new TransactWriteCommand({ TransactItems: [put, audit] }));
      return { innovation, replayed: false };
    }

    const fingerprint = requestFingerprint(input);
    const recordKey = keys.idempotency(this.tenantCode, 'innovation.create', idempotencyKey);
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            put,
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...recordKey,
                  resourceId: id,
                  fingerprint,
                  ttl: Math.floor(Date.parse(now) / 1000) + IDEMPOTENCY_TTL_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            audit,
          ],
        }),
      );
      return { innovation, replayed: false };
    } catch (error) {
      if (!cancelledConditions(error).includes(1)) throw error;
      const record = await this.clients.table.send(
        new GetCommand({ TableName: this.tableName, Key: recordKey, ConsistentRead: true }),
      );
      if (record.Item?.fingerprint !== fingerprint) {
        throw new IdempotencyMismatchError('idempotency key reused with another body');
      }
      const original = await this.get(String(record.Item.resourceId));
      if (!original) throw new NotFoundError('the original innovation no longer exists');
      return { innovation: original, replayed: true };
    }
  }

  async update(
    innovation: InnovationRef,
    expectedVersion: number,
    actor: Actor,
    changes: {
      opdId?: string | undefined;
      profile?: InnovationProfile | undefined;
      /** null leaves the unit: the innovation then belongs to its OPD itself. */
      unitId?: string | null | undefined;
    },
  ): Promise<Innovation> {
    const current = await this.current(innovation, expectedVersion);
    const innovationId = current.id;
    const set: Record<string, unknown> = {};
    if (changes.profile) set.profile = changes.profile;
    if (changes.unitId !== undefined && changes.unitId !== (current.unitId ?? null)) {
      set.unitId = changes.unitId ?? undefined;
    }
    if (changes.opdId && changes.opdId !== current.opdId) {
      Object.assign(
        set,
        innovationIndexKeys(this.tenantCode, changes.opdId, current.createdAt, innovationId),
      );
      set.opdId = changes.opdId;
    }
    const changed = fieldChanges(current, {
      profile: set.profile ?? current.profile,
      opdId: set.opdId ?? current.opdId,
      unitId: 'unitId' in set ? set.unitId : current.unitId,
    });
    return this.write(current, expectedVersion, actor, set, {
      action: 'innovation.update',
      changes: changed,
    });
  }

  /** Replaces the indicator answers as a whole: the caller read them at `expectedVersion`. */
  async setAnswers(
    innovation: InnovationRef,
    expectedVersion: number,
    actor: Actor,
    answers: Record<string, StoredIndicatorAnswer>,
    action = 'answer.set',
    /** Conditions on other items, checked in the write's transaction (the period's deadline). */
    guards: readonly TransactGuard[] = [],
  ): Promise<Innovation> {
    const current = await this.current(innovation, expectedVersion);
    const changes = fieldChanges(
      Object.fromEntries(
        Object.entries(current.answers ?? {}).map(([code, answer]) => [`answers.${code}`, answer]),
      ),
      Object.fromEntries(Object.entries(answers).map(([code, answer]) => [`answers.${code}`, answer])),
    );
    return this.write(current, expectedVersion, actor, { answers }, { action, changes }, [], guards);
  }

  /** Moves an innovation through the regional workflow, with what the step records (note, number, result). */
  async setStatus(
    current: Innovation,
    expectedVersion: number,
    actor: Actor,
    status: Innovation['status'],
    recorded: Record<string, unknown>,
    action: string,
    /** Written in the same transaction: the notifications the step causes. */
    alongside: TransactItem[] = [],
  ): Promise<Innovation> {
    const set = { status, ...recorded };
    const changes = fieldChanges(current as unknown as Record<string, unknown>, set);
    // The version condition also pins the status: every step bumps the version.
    return this.write(current, expectedVersion, actor, set, { action, changes }, alongside);
  }

  /** One versioned change of a live (not archived) innovation and its audit entry, in one transaction. */
  private async write(
    current: Innovation,
    expectedVersion: number,
    actor: Actor,
    set: Record<string, unknown>,
    event: { action: string; changes: AuditEvent['changes'] },
    alongside: TransactItem[] = [],
    guards: readonly TransactGuard[] = [],
  ): Promise<Innovation> {
    const now = new Date().toISOString();
    const written = [
      this.auditEntry(
        actor,
        {
          action: event.action,
          entity: 'innovation',
          entityId: current.id,
          periodYear: current.periodYear,
          changes: event.changes,
        },
        now,
      ),
      ...alongside,
    ];
    const updated = await updateVersioned<Innovation>(
      this.clients.table,
      this.tableName,
      keys.innovation(this.tenantCode, current.id),
      expectedVersion,
      { ...set, updatedAt: now, updatedBy: actor.userId },
      {
        expression: 'archived = :false',
        values: { ':false': false },
        onFail: () => new ArchivedError('innovation is archived'),
      },
      [...written, ...guards.map((guard) => guard.item)],
      current,
    ).catch((error: unknown) => {
      // The update itself failing is diagnosed inside; a guard's failure is named here. The
      // update is entry 0 of the transaction, then the written items, then the guards.
      const failed = cancelledConditions(error);
      const guard = guards.find((_, index) => failed.includes(1 + written.length + index));
      throw guard ? guard.onFail() : error;
    });
    return toRecord<Innovation>(updated);
  }

  /** Every live innovation of one assessment year, for projections (a region has hundreds, not more). */
  async listForPeriod(periodYear: number): Promise<Innovation[]> {
    const all: Innovation[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 100, cursor, periodYear });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  /**
   * Ticks an innovation off as typed into the national application (or clears the tick): only the
   * `nationalEntry` field changes, versioned and audited like every other change.
   */
  async setNationalEntry(
    current: Innovation,
    expectedVersion: number,
    actor: Actor,
    entry: Innovation['nationalEntry'],
  ): Promise<Innovation> {
    return this.write(
      current,
      expectedVersion,
      actor,
      { nationalEntry: entry },
      {
        action: entry ? 'innovation.national_entry' : 'innovation.national_entry_cleared',
        changes: { nationalEntry: { before: current.nationalEntry, after: entry } },
      },
    );
  }

  async archive(innovation: InnovationRef, expectedVersion: number, actor: Actor): Promise<Innovation> {
    const current = await this.current(innovation, expectedVersion);
    return this.write(
      current,
      expectedVersion,
      actor,
      { archived: true },
      {
        action: 'innovation.archive',
        changes: { archived: { before: false, after: true } },
      },
    );
  }
}
