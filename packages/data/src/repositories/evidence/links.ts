import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  DomainError,
  type Evidence,
  type EvidenceLink,
  type EvidenceTarget,
  evidencePassed,
} from '@inovasi/core';
import { batchGetAll } from '../../batch-all.ts';
import { cancelledConditions } from '../../errors.ts';
import { evidenceKeys, evidenceTargetKey } from '../../keys.ts';
import { queryAll } from '../../query-all.ts';
import type { TransactItem } from '../versioned.ts';
import { type EvidenceStore, toEvidence, toLink } from './store.ts';
import type { EvidencedTargets, LinkedEvidence } from './types.ts';

/** TransactWriteItems takes 100 entries: the item's update, the audit entry and 98 links. */
const LINKS_PER_TRANSACTION = 98;

const codeOf = (target: EvidenceTarget): string =>
  target.type === 'innovation' ? target.indicator : target.type === 'spd' ? target.row : 'agreement';

function groupBy<T>(entries: readonly T[], keyOf: (entry: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

/** The count per indicator code that one batch of links adds to the item's `linkedCodes`. */
function linkedCodesUpdate(batch: readonly EvidenceTarget[]): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const counts = new Map<string, number>();
  for (const target of batch) counts.set(codeOf(target), (counts.get(codeOf(target)) ?? 0) + 1);
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':zero': 0, ':rejected': 'rejected' };
  const assignments = [...counts.entries()].map(([code, count], index) => {
    names[`#c${index}`] = code;
    values[`:n${index}`] = count;
    return `linkedCodes.#c${index} = if_not_exists(linkedCodes.#c${index}, :zero) + :n${index}`;
  });
  return { expression: `SET ${assignments.join(', ')}`, names, values };
}

/**
 * What each item supports: links between an item and answers, SPD rows or agreements live in the
 * item's partition and are listed per target through gsi1.
 */
export class EvidenceLinks {
  constructor(private readonly store: EvidenceStore) {}

  /** Attaches the item to an answer, an SPD row or an agreement. */
  async link(evidenceId: string, target: EvidenceTarget, actor: Actor): Promise<EvidenceLink> {
    const [link] = await this.linkMany(evidenceId, [target], actor);
    if (!link) throw new Error('link not written');
    return link;
  }

  /**
   * Attaches one item to many targets (an SK naming many innovations), 98 per transaction, each
   * transaction all or nothing. A target already linked fails its batch with EvidenceLinkExistsError.
   */
  async linkMany(
    evidenceId: string,
    targets: readonly EvidenceTarget[],
    actor: Actor,
    now = new Date().toISOString(),
  ): Promise<EvidenceLink[]> {
    const links: EvidenceLink[] = [];
    for (let start = 0; start < targets.length; start += LINKS_PER_TRANSACTION) {
      const batch = targets.slice(start, start + LINKS_PER_TRANSACTION);
      const written = batch.map((target) => ({ evidenceId, target, linkedAt: now, linkedBy: actor.userId }));
      try {
        await this.store.transact(this.linkBatch(evidenceId, written, actor, now));
      } catch (error) {
        throw await this.linkRefusal(evidenceId, error);
      }
      links.push(...written);
    }
    return links;
  }

  private linkBatch(
    evidenceId: string,
    written: readonly EvidenceLink[],
    actor: Actor,
    now: string,
  ): TransactItem[] {
    const { tableName, tenantCode } = this.store;
    const codes = linkedCodesUpdate(written.map((link) => link.target));
    return [
      {
        Update: {
          TableName: tableName,
          Key: evidenceKeys.item(tenantCode, evidenceId),
          UpdateExpression: codes.expression,
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(deleted) AND #status <> :rejected',
          ExpressionAttributeNames: codes.names,
          ExpressionAttributeValues: codes.values,
        },
      },
      this.store.auditEntry(
        actor,
        {
          action: 'evidence.linked',
          entityId: evidenceId,
          changes: { targets: { after: written.map((link) => evidenceTargetKey(link.target)) } },
        },
        now,
      ),
      ...written.map((link) => ({
        Put: {
          TableName: tableName,
          Item: {
            ...evidenceKeys.link(tenantCode, evidenceId, link.target),
            ...evidenceKeys.linkIndex(tenantCode, evidenceId, link.target),
            ...link,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    ];
  }

  /** Why a batch of links was refused: a target already linked, or an item deleted or rejected. */
  private async linkRefusal(evidenceId: string, error: unknown): Promise<unknown> {
    const failed = cancelledConditions(error);
    if (failed.some((index) => index >= 2)) return new DomainError('evidence_link_exists');
    if (!failed.includes(0)) return error;
    const current = await this.store.getStored(evidenceId, true);
    if (!current) return new DomainError('not_found');
    return new DomainError(current.deleted ? 'evidence_deleted' : 'evidence_rejected');
  }

  /** Detaches the item from one target. A link whose item has expired is removed on its own. */
  async unlink(evidenceId: string, target: EvidenceTarget, actor: Actor): Promise<void> {
    const { tableName, tenantCode } = this.store;
    const linkKey = evidenceKeys.link(tenantCode, evidenceId, target);
    const exists = await this.store.getStored(evidenceId, true);
    if (!exists) {
      try {
        await this.store.clients.table.send(
          new DeleteCommand({
            TableName: tableName,
            Key: linkKey,
            ConditionExpression: 'attribute_exists(pk)',
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new DomainError('not_found');
        throw error;
      }
      return;
    }
    try {
      await this.store.transact([
        { Delete: { TableName: tableName, Key: linkKey, ConditionExpression: 'attribute_exists(pk)' } },
        {
          Update: {
            TableName: tableName,
            Key: evidenceKeys.item(tenantCode, evidenceId),
            UpdateExpression: 'SET linkedCodes.#c = linkedCodes.#c - :one',
            ConditionExpression: 'attribute_exists(linkedCodes.#c)',
            ExpressionAttributeNames: { '#c': codeOf(target) },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        this.store.auditEntry(actor, {
          action: 'evidence.unlinked',
          entityId: evidenceId,
          changes: { target: { before: evidenceTargetKey(target) } },
        }),
      ]);
    } catch (error) {
      if (cancelledConditions(error).includes(0)) throw new DomainError('not_found');
      throw error;
    }
  }

  /** Every indicator of one innovation and what is attached to it. */
  async linksForInnovation(innovationId: string): Promise<Map<string, LinkedEvidence[]>> {
    return groupBy(
      await this.linksUnder(evidenceKeys.linkTargetPrefix({ type: 'innovation', innovationId })),
      (entry) => (entry.link.target.type === 'innovation' ? entry.link.target.indicator : ''),
    );
  }

  /** Every SPD row of one year and what is attached to it. */
  async linksForSpd(year: number): Promise<Map<string, LinkedEvidence[]>> {
    return groupBy(await this.linksUnder(evidenceKeys.linkTargetPrefix({ type: 'spd', year })), (entry) =>
      entry.link.target.type === 'spd' ? entry.link.target.row : '',
    );
  }

  /** Every link of the region with its item: one read for a region-wide completeness view. */
  async linksForRegion(): Promise<LinkedEvidence[]> {
    return this.linksUnder();
  }

  /**
   * The same answer as `linksForRegion`, for a whole-region recompute (the summary read model,
   * docs/decisions/0010): the items come from the library index in one paginated query instead of a
   * batch read by id. A Query is charged by the bytes it reads, a BatchGet by item (each rounded up
   * to 4 KB), so for a region with thousands of small items this reads about a third of the units.
   */
  async linksForRegionByQuery(): Promise<LinkedEvidence[]> {
    const [links, items] = await Promise.all([this.queryLinks(), this.allItems()]);
    return links.flatMap((link) => {
      const evidence = items.get(link.evidenceId);
      return evidence ? [{ evidence, link, passed: evidencePassed(evidence) }] : [];
    });
  }

  async linksForTarget(target: EvidenceTarget): Promise<LinkedEvidence[]> {
    return this.linksUnder(evidenceKeys.linkTargetPrefix(target));
  }

  /**
   * The items linked to one answer, SPD row or agreement that passed intake (and were not deleted):
   * what a verifier's acceptance needs, and what the verified score counts.
   */
  async passedEvidenceFor(target: EvidenceTarget): Promise<Evidence[]> {
    return (await this.linksForTarget(target)).filter((entry) => entry.passed).map((entry) => entry.evidence);
  }

  /**
   * Every target of the region with at least one passed item: one pass over the region's links and
   * a batch read of their items' status, for a whole projection at once.
   */
  async evidencedTargets(): Promise<EvidencedTargets> {
    const links = await this.queryLinks();
    const items = await this.batchGet(
      [...new Set(links.map((link) => link.evidenceId))],
      '#id, #status, deleted',
    );
    const passed = new Set(
      links
        .filter((link) => evidencePassed(items.get(link.evidenceId)))
        .map((link) => evidenceTargetKey(link.target)),
    );
    return { has: (target) => passed.has(evidenceTargetKey(target)) };
  }

  /**
   * The region's links under a target prefix (one innovation, one SPD year, one exact target), or
   * all of them: one index partition, read page by page (a region has hundreds to a few thousand).
   */
  private async queryLinks(prefix?: string): Promise<EvidenceLink[]> {
    const { index, value } = evidenceKeys.links(this.store.tenantCode);
    const items = await queryAll(this.store.clients.table, {
      TableName: this.store.tableName,
      IndexName: index.name,
      KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: prefix
        ? { '#pk': index.partition, '#sk': index.sort }
        : { '#pk': index.partition },
      ExpressionAttributeValues: prefix ? { ':pk': value, ':prefix': prefix } : { ':pk': value },
    });
    return items.map(toLink);
  }

  /** Links with their items; a link whose item expired (a pending upload never completed) is left out. */
  private async linksUnder(prefix?: string): Promise<LinkedEvidence[]> {
    const links = await this.queryLinks(prefix);
    const items = await this.batchGet([...new Set(links.map((link) => link.evidenceId))]);
    return links.flatMap((link) => {
      const evidence = items.get(link.evidenceId);
      return evidence ? [{ evidence, link, passed: evidencePassed(evidence) }] : [];
    });
  }

  private async batchGet(ids: readonly string[], projection?: string): Promise<Map<string, Evidence>> {
    const { tableName, tenantCode } = this.store;
    const found = new Map<string, Evidence>();
    const items = await batchGetAll(
      this.store.clients.table,
      tableName,
      ids.map((id) => ({ ...evidenceKeys.item(tenantCode, id) })),
      projection
        ? { ProjectionExpression: projection, ExpressionAttributeNames: { '#status': 'status', '#id': 'id' } }
        : {},
    );
    for (const item of items) {
      const evidence = toEvidence(item);
      found.set(evidence.id, evidence);
    }
    return found;
  }

  /** Every item of the library (deleted and rejected ones included), by id. */
  private async allItems(): Promise<Map<string, Evidence>> {
    const { index, value } = evidenceKeys.list(this.store.tenantCode);
    const items = new Map<string, Evidence>();
    const found = await queryAll(this.store.clients.table, {
      TableName: this.store.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partition },
      ExpressionAttributeValues: { ':pk': value },
    });
    for (const item of found) {
      const evidence = toEvidence(item);
      items.set(evidence.id, evidence);
    }
    return items;
  }
}
