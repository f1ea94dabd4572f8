import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@inovasi/core';
import type { ScopedClients } from '../../clients.ts';
import { isConditionFailure } from '../../errors.ts';
import type { TableKey } from '../../keys.ts';
import { queryAll } from '../../query-all.ts';

/**
 * A run holds its job for this long and renews the lease while it works (every progress report
 * and a heartbeat). A run that stops renewing (its process died) loses the job to the next one.
 */
export const JOB_LEASE_MS = 2 * 60 * 1000;
/** Runs that may start for one job before it is given up as failed. */
export const JOB_MAX_ATTEMPTS = 3;

/** A fragment of a DynamoDB expression with the placeholders it uses. */
export interface ExpressionPart {
  readonly expression: string;
  readonly names?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, unknown>>;
}

/** What a write changes on the item: attributes set to values, set from other attributes, removed. */
export interface ItemChanges {
  readonly set?: Readonly<Record<string, unknown>>;
  /** `{ status: 'previewFrom' }`: the attribute takes the value another attribute of the item holds. */
  readonly copy?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
}

/**
 * How one kind of leased work is kept on its item. Both the jobs of the jobs worker (exports,
 * imports) and an import's preview follow the same protocol and differ only in these.
 */
export interface LeaseShape {
  readonly keyOf: (id: string) => TableKey;
  /** The status the item stays in while a run holds it (`:held` in the expressions). */
  readonly heldStatus: string;
  /** The attribute counting the runs that started. */
  readonly attemptsAttribute: string;
  /**
   * When a run may take the item, besides existing and having attempts left: its condition (with
   * `:now` the claim's time and `:held` the held status), also the sweep's filter of items to hand
   * over, so it names no key attribute.
   */
  readonly claimable: ExpressionPart;
  /** What a claim sets (expressions such as `stage = :stage`) besides the run id, the lease, the attempt count and the version, and removes. */
  readonly onClaim: {
    readonly assignments: readonly string[];
    readonly remove?: readonly string[];
    readonly names?: Readonly<Record<string, string>>;
    readonly values?: Readonly<Record<string, unknown>>;
  };
  /** What a sweep writes on an item whose runs all stopped before it was done. */
  readonly givenUp: (now: Date) => ItemChanges;
  /** Names the work in the error a run that lost its lease gets. */
  readonly describe: (id: string) => string;
}

/** Placeholders for the attributes and values of `changes`, then the update expression, version bumped. */
function updateExpression(
  changes: ItemChanges,
  names: Record<string, string>,
  values: Record<string, unknown>,
): string {
  names['#version'] = 'version';
  values[':one'] = 1;
  const assignments: string[] = [];
  Object.entries(changes.set ?? {}).forEach(([attribute, value], index) => {
    names[`#a${index}`] = attribute;
    values[`:v${index}`] = value;
    assignments.push(`#a${index} = :v${index}`);
  });
  Object.entries(changes.copy ?? {}).forEach(([attribute, from], index) => {
    names[`#c${index}`] = attribute;
    names[`#f${index}`] = from;
    assignments.push(`#c${index} = #f${index}`);
  });
  assignments.push('#version = #version + :one');
  const removals = (changes.remove ?? []).map((attribute, index) => {
    names[`#r${index}`] = attribute;
    return `#r${index}`;
  });
  return `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`;
}

/**
 * The lease protocol. A run claims the item with a conditional update (it is claimable and has
 * attempts left), then every write it makes is conditioned on its own run id and the held status:
 * two runs can never both write, and a run that lost its lease finds out at its next write.
 */
export class LeaseProtocol {
  constructor(
    private readonly clients: ScopedClients,
    private readonly shape: LeaseShape,
  ) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  /** The item as the claim left it, or undefined when it is not claimable (or has no attempts left). */
  async claim(id: string, runId: string, now: Date): Promise<Record<string, unknown> | undefined> {
    const { claimable, onClaim, attemptsAttribute, heldStatus } = this.shape;
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.shape.keyOf(id),
          UpdateExpression:
            `SET ${['runId = :run', 'leaseUntil = :lease', '#attempts = #attempts + :one', '#version = #version + :one', ...onClaim.assignments].join(', ')}` +
            (onClaim.remove?.length ? ` REMOVE ${onClaim.remove.join(', ')}` : ''),
          ConditionExpression: `attribute_exists(pk) AND #attempts < :max AND (${claimable.expression})`,
          ExpressionAttributeNames: {
            '#attempts': attemptsAttribute,
            '#version': 'version',
            ...claimable.names,
            ...onClaim.names,
          },
          ExpressionAttributeValues: {
            ':run': runId,
            ':lease': leaseUntil(now),
            ':now': now.toISOString(),
            ':one': 1,
            ':max': JOB_MAX_ATTEMPTS,
            ':held': heldStatus,
            ...claimable.values,
            ...onClaim.values,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Progress for the polling client and a renewed lease, in one write. */
  async progress(
    id: string,
    runId: string,
    progress: number,
    stage: string,
    now = new Date(),
  ): Promise<void> {
    await this.write(id, runId, {
      set: {
        progress: Math.max(0, Math.min(99, Math.round(progress))),
        stage,
        leaseUntil: leaseUntil(now),
      },
    });
  }

  /**
   * A write of the run that holds the item; a `job_lease_lost` failure when it no longer does (its lease expired and another run took it: stop, write nothing). With
   * `returnItem`, the item as written.
   */
  async write(
    id: string,
    runId: string,
    changes: ItemChanges,
    returnItem = false,
  ): Promise<Record<string, unknown> | undefined> {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':run': runId, ':held': this.shape.heldStatus };
    const expression = updateExpression(changes, names, values);
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.shape.keyOf(id),
          UpdateExpression: expression,
          ConditionExpression: 'runId = :run AND #status = :held',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(returnItem ? { ReturnValues: 'ALL_NEW' as const } : {}),
        }),
      );
      return result.Attributes;
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('job_lease_lost');
      throw error;
    }
  }

  /**
   * Items of the partition a scheduled sweep should hand over: claimable ones with attempts left.
   * One whose attempts are spent is given up here (unless it changed since it was read).
   */
  async runnable(partition: string, sortPrefix: string, now: Date): Promise<Record<string, unknown>[]> {
    const { claimable, attemptsAttribute, heldStatus } = this.shape;
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: claimable.expression,
      ...(claimable.names ? { ExpressionAttributeNames: { ...claimable.names } } : {}),
      ExpressionAttributeValues: {
        ':pk': partition,
        ':prefix': sortPrefix,
        ':now': now.toISOString(),
        ':held': heldStatus,
        ...claimable.values,
      },
    });
    const runnable: Record<string, unknown>[] = [];
    for (const item of items) {
      if (Number(item[attemptsAttribute] ?? 0) < JOB_MAX_ATTEMPTS) {
        runnable.push(item);
        continue;
      }
      await this.giveUp(item, now).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    }
    return runnable;
  }

  /** Only if the item is still as the sweep read it: a run may have claimed or finished it since. */
  private async giveUp(item: Record<string, unknown>, now: Date): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':seen': item.version, ':seenStatus': item.status };
    const expression = updateExpression(this.shape.givenUp(now), names, values);
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.shape.keyOf(String(item.id)),
        UpdateExpression: expression,
        ConditionExpression: '#version = :seen AND #status = :seenStatus',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

const leaseUntil = (now: Date) => new Date(now.getTime() + JOB_LEASE_MS).toISOString();
