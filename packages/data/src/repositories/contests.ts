import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ContestCall,
  ContestCallInput,
  ContestEntry,
  ContestJudge,
  ContestScore,
  EntryStage,
} from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { contestKeys, type TableKey, tenantKeyPrefix } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, type FieldChange, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { enteredInnovationItems } from './contest-entered.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

/** One entry's move in a bulk stage change: where it goes and whom it is assigned to there. */
export interface EntryMove {
  readonly entryId: string;
  readonly changes: Partial<Pick<ContestEntry, 'stage' | 'assignments'>>;
}

/**
 * A region's contests (docs/decisions/0037): calls in the root partition, each call's entries,
 * panel and score sheets in the call's own partition. Every change is audited in its transaction.
 */
export class ContestRepository {
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

  private async getItem<T>(key: TableKey, consistent = false): Promise<T | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }),
    );
    return result.Item ? toRecord<T>(result.Item) : undefined;
  }

  private async queryPrefix<T>(pk: string, prefix: string): Promise<T[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    });
    return items.map((item) => toRecord<T>(item));
  }

  private auditEntry(action: string, entityId: string, changes: Record<string, FieldChange>, at?: string) {
    return auditPut(
      this.tableName,
      this.tenantCode,
      this.audit,
      { action, entity: 'contest', entityId, changes },
      at,
    );
  }

  // Calls

  async listCalls(): Promise<ContestCall[]> {
    const calls = await this.queryPrefix<ContestCall>(
      tenantKeyPrefix(this.tenantCode),
      contestKeys.callSortPrefix,
    );
    return calls.sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  }

  getCall(callId: string, consistent = false): Promise<ContestCall | undefined> {
    return this.getItem<ContestCall>(contestKeys.call(this.tenantCode, callId), consistent);
  }

  async createCall(input: ContestCallInput, now = new Date().toISOString()): Promise<ContestCall> {
    const call: ContestCall = {
      ...input,
      id: ulid(),
      tenantCode: this.tenantCode,
      status: 'draft',
      version: 1,
      createdAt: now,
      createdBy: this.audit.actor.userId,
      updatedAt: now,
    };
    await this.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...contestKeys.call(this.tenantCode, call.id), ...call },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.auditEntry('contest.create', call.id, fieldChanges(undefined, { ...input }), now),
        ],
      }),
    );
    return call;
  }

  /**
   * A versioned change of the call (its definition, status or approved results), audited as
   * `action`; `alongside` items (the public copy) are written in the same transaction.
   */
  async updateCall(
    current: ContestCall,
    expectedVersion: number,
    changes: Partial<ContestCall>,
    action: string,
    now = new Date().toISOString(),
    alongside: TransactItem[] = [],
  ): Promise<ContestCall> {
    const updated = await updateVersioned<ContestCall>(
      this.clients.table,
      this.tableName,
      contestKeys.call(this.tenantCode, current.id),
      expectedVersion,
      { ...changes, updatedAt: now },
      undefined,
      [this.auditEntry(action, current.id, fieldChanges(current, changes), now), ...alongside],
      current,
    );
    return toRecord<ContestCall>(updated as unknown as Record<string, unknown>);
  }

  // Entries

  listEntries(callId: string): Promise<ContestEntry[]> {
    return this.queryPrefix<ContestEntry>(
      contestKeys.entry(this.tenantCode, callId, '').pk,
      contestKeys.entrySortPrefix,
    );
  }

  getEntry(callId: string, entryId: string, consistent = false): Promise<ContestEntry | undefined> {
    return this.getItem<ContestEntry>(contestKeys.entry(this.tenantCode, callId, entryId), consistent);
  }

  /** Adds an entry while the call is open for entries, checked in the same transaction. */
  async createEntry(input: Omit<ContestEntry, 'id'>, now = new Date().toISOString()): Promise<ContestEntry> {
    const entry: ContestEntry = { ...input, id: ulid() };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: contestKeys.call(this.tenantCode, entry.callId),
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': 'open' },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...contestKeys.entry(this.tenantCode, entry.callId, entry.id), ...entry },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // The innovation's marker: a second entry of it, even sent at the same moment, fails here.
            ...enteredInnovationItems(this.tableName, this.tenantCode, entry),
            this.auditEntry(
              'contest.entry.create',
              entry.callId,
              fieldChanges(undefined, {
                entryId: entry.id,
                categoryId: entry.categoryId,
                name: entry.profile.name,
              }),
              now,
            ),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(0)) throw new DomainError('contest_not_open');
      if (entry.innovationId && failed.includes(2))
        throw new DomainError('contest_innovation_already_entered', 'innovationId');
      throw error;
    }
    return entry;
  }

  /** A versioned change of an entry; `alongside` items (an e-mail to the entrant) commit with it. */
  async updateEntry(
    current: ContestEntry,
    expectedVersion: number,
    changes: Partial<ContestEntry>,
    action: string,
    alongside: TransactItem[] = [],
  ): Promise<ContestEntry> {
    const updated = await updateVersioned<ContestEntry>(
      this.clients.table,
      this.tableName,
      contestKeys.entry(this.tenantCode, current.callId, current.id),
      expectedVersion,
      changes,
      undefined,
      [
        this.auditEntry(action, current.callId, {
          entryId: { after: current.id },
          ...fieldChanges(current, changes),
        }),
        ...alongside,
      ],
      current,
    );
    return toRecord<ContestEntry>(updated as unknown as Record<string, unknown>);
  }

  /**
   * Moves entries between stages in one transaction (at most 99, with the audit entry): each
   * only while it is still in `from`, so two admins moving the same entries cannot both win and
   * a refused move changes nothing.
   */
  async moveEntries(callId: string, from: EntryStage, moves: readonly EntryMove[]): Promise<void> {
    const updates = moves.map(({ entryId, changes }) => {
      const names: Record<string, string> = { '#stage': 'stage', '#version': 'version' };
      const values: Record<string, unknown> = { ':from': from, ':one': 1 };
      const sets = ['#version = #version + :one'];
      Object.entries(changes).forEach(([attribute, value], index) => {
        names[`#a${index}`] = attribute;
        values[`:v${index}`] = value;
        sets.push(`#a${index} = :v${index}`);
      });
      return {
        Update: {
          TableName: this.tableName,
          Key: contestKeys.entry(this.tenantCode, callId, entryId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND #stage = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    });
    const audit = this.auditEntry('contest.entries.move', callId, {
      entries: { after: moves.map((move) => move.entryId) },
      stage: { before: from, after: moves[0]?.changes.stage },
    });
    try {
      await this.clients.table.send(new TransactWriteCommand({ TransactItems: [...updates, audit] }));
    } catch (error) {
      const failed = cancelledConditions(error)[0];
      if (failed !== undefined) throw new DomainError('contest_entry_not_in_stage', 'entryIds');
      throw error;
    }
  }

  // Panel

  listJudges(callId: string): Promise<ContestJudge[]> {
    return this.queryPrefix<ContestJudge>(
      contestKeys.judge(this.tenantCode, callId, '').pk,
      contestKeys.judgeSortPrefix,
    );
  }

  getJudge(callId: string, userId: string, consistent = false): Promise<ContestJudge | undefined> {
    return this.getItem<ContestJudge>(contestKeys.judge(this.tenantCode, callId, userId), consistent);
  }

  /** Puts a member on the call's panel; a second time for the same member is a conflict. */
  async addJudge(callId: string, judge: ContestJudge): Promise<ContestJudge> {
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...contestKeys.judge(this.tenantCode, callId, judge.userId), ...judge },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            this.auditEntry('contest.judge.add', callId, fieldChanges(undefined, { judge: judge.userId })),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).includes(0)) throw new DomainError('version_conflict', 'If-Match');
      throw error;
    }
    return judge;
  }

  /**
   * A judge's declared conflict and the entry's new assignment, in one transaction with one audit
   * entry: the judge is never recorded as conflicted while still assigned, nor the other way round.
   * Either record changed since it was read: VersionConflictError (409).
   */
  async declareConflict(
    callId: string,
    judge: ContestJudge,
    conflicts: ContestJudge['conflicts'],
    entry: ContestEntry,
    assignments: ContestEntry['assignments'],
  ): Promise<ContestJudge> {
    const versioned = (key: TableKey, version: number, attribute: string, value: unknown) => ({
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET #a = :value, #version = #version + :one',
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: { '#a': attribute, '#version': 'version' },
        ExpressionAttributeValues: { ':value': value, ':one': 1, ':expected': version },
      },
    });
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            versioned(
              contestKeys.judge(this.tenantCode, callId, judge.userId),
              judge.version,
              'conflicts',
              conflicts,
            ),
            versioned(
              contestKeys.entry(this.tenantCode, callId, entry.id),
              entry.version,
              'assignments',
              assignments,
            ),
            this.auditEntry('contest.judge.conflict', callId, {
              judge: { after: judge.userId },
              entryId: { after: entry.id },
              conflicts: { before: judge.conflicts, after: conflicts },
              assignments: { before: entry.assignments, after: assignments },
            }),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(0)) throw new DomainError('version_conflict', 'If-Match');
      if (failed.includes(1)) throw new DomainError('version_conflict', 'If-Match');
      throw error;
    }
    return { ...judge, conflicts, version: judge.version + 1 };
  }

  // Score sheets

  /** A judge's sheet for one entry in one stage; scoring again replaces it (the audit keeps both). */
  async putScore(callId: string, score: ContestScore): Promise<ContestScore> {
    await this.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...contestKeys.score(this.tenantCode, callId, score.stage, score.entryId, score.judgeId),
                ...score,
              },
            },
          },
          this.auditEntry('contest.score', callId, fieldChanges(undefined, { ...score }), score.scoredAt),
        ],
      }),
    );
    return score;
  }

  listScores(callId: string, stage: string): Promise<ContestScore[]> {
    return this.queryPrefix<ContestScore>(
      contestKeys.entry(this.tenantCode, callId, '').pk,
      contestKeys.scoreSortPrefix(stage),
    );
  }

  async requireCall(callId: string): Promise<ContestCall> {
    const call = await this.getCall(callId, true);
    if (!call) throw new DomainError('not_found');
    return call;
  }
}
