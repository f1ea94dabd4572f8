import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementInput,
  type CatalogEntry,
  catalogIdOf,
  DomainError,
  type Innovation,
  type Replication,
  type ReplicationContact,
  type ReplicationLineage,
  type ReplicationSummary,
  replicaDraftProfile,
  replicationLevel,
} from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { innovationIndexKeys, keys, replicationPartition } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut } from './audit.ts';
import { toRecord } from './versioned.ts';

/**
 * Each region keeps its own copy of a replication; these fields exist on one side only. The
 * requester's user id stays with the requesting region, the responder's with the source region.
 */
type StoredReplication = Replication & {
  readonly requestedBy?: string | undefined;
  readonly withdrawnBy?: string | undefined;
  readonly respondedBy?: string | undefined;
};

const publicReplication = (item: Record<string, unknown>): Replication => {
  const {
    requestedBy: _requestedBy,
    withdrawnBy: _withdrawnBy,
    respondedBy: _respondedBy,
    ...rest
  } = toRecord<StoredReplication>(item);
  return rest;
};

/** One region's view of its replications (both directions) and of who replicated its innovations. */
export class ReplicationRepository {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private queryPartition(sortPrefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': replicationPartition(this.tenantCode), ':prefix': sortPrefix },
    });
  }

  /** Newest first; a region has tens of these, not thousands. */
  async list(filter: { direction?: string | undefined; status?: string | undefined } = {}) {
    const all = (await this.queryPartition(keys.replicationSortPrefix)).map(publicReplication);
    return all
      .filter((record) => !filter.direction || record.direction === filter.direction)
      .filter((record) => !filter.status || record.status === filter.status)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id));
  }

  async get(replicationId: string): Promise<Replication | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.replication(this.tenantCode, replicationId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? publicReplication(result.Item) : undefined;
  }

  /** Who replicated one of this region's innovations under an accepted agreement, and what sid.31 earns. */
  async summary(innovationId: string): Promise<ReplicationSummary> {
    const markers = await this.queryPartition(keys.replicaMarkerSortPrefix(innovationId));
    const regions = markers
      .map((item) => toRecord<ReplicationSummary['regions'][number]>(item))
      .map(({ tenantCode, regionName, replicationId, agreementKind, signedOn, evidenceId }) => ({
        tenantCode,
        regionName,
        replicationId,
        agreementKind,
        signedOn,
        evidenceId,
      }));
    const distinct = new Set(regions.map((region) => region.tenantCode));
    const evidenced = new Set(
      regions.filter((region) => region.evidenceId).map((region) => region.tenantCode),
    );
    return {
      innovationId,
      regions,
      distinctRegions: distinct.size,
      evidencedRegions: evidenced.size,
      sid31Level: replicationLevel(evidenced.size),
    };
  }

  /**
   * The figures sid.31 needs for one innovation: distinct regions with an accepted agreement, and
   * those whose agreement document is attached (`replicationLevel(evidencedRegions)` is the level).
   */
  async replicationCount(
    innovationId: string,
  ): Promise<{ distinctRegions: number; evidencedRegions: number }> {
    const { distinctRegions, evidencedRegions } = await this.summary(innovationId);
    return { distinctRegions, evidencedRegions };
  }

  /** Regions with an attached agreement document, per replicated innovation: one query for a projection. */
  async evidencedRegionsByInnovation(): Promise<ReadonlyMap<string, number>> {
    const markers = await this.queryPartition(keys.replicaMarkerAnyPrefix);
    const regions = new Map<string, Set<string>>();
    for (const item of markers) {
      const { sk, tenantCode, evidenceId } = item as { sk: string; tenantCode?: string; evidenceId?: string };
      const sourceInnovationId = keys.replicaMarkerInnovation(sk);
      if (!sourceInnovationId || !tenantCode || !evidenceId) continue;
      const set = regions.get(sourceInnovationId) ?? new Set<string>();
      set.add(tenantCode);
      regions.set(sourceInnovationId, set);
    }
    return new Map([...regions].map(([innovationId, set]) => [innovationId, set.size]));
  }
}

export interface NewReplicationRequest {
  readonly source: CatalogEntry;
  readonly replicator: { readonly tenantCode: string; readonly regionName: string };
  readonly replicaOpdId: string;
  readonly message: string;
  readonly contact: ReplicationContact;
  readonly requestedBy: string;
}

/**
 * The only path by which one region's action writes another region's data: a request, an
 * answer or an agreement document, always both copies in one transaction. Bound to a scope that
 * names exactly the two regions (`replicationRequestScope` / `replicationAgreementScope`).
 */
export class ReplicationAgreements {
  constructor(
    /** The acting region is the scope's tenant: each step is recorded in its own audit trail. */
    private readonly clients: TenantClients,
    /** The acting person; without one no step is audited. */
    private readonly audit?: AuditContext,
  ) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  /**
   * The audit entries of one step, appended last so the positions of the other entries stay put:
   * one in the acting region's trail and, since every step writes the other region's copy too, one
   * in the other region's trail naming the acting region. Same transaction, same request id.
   */
  private audited(
    action: string,
    record: Pick<Replication, 'id' | 'source' | 'replicator'>,
    status?: { before?: string; after: string },
  ) {
    if (!this.audit) return [];
    const acting = tenantOf(this.clients);
    const changes = status ? { status: { before: status.before, after: status.after } } : undefined;
    const event = { action, entity: 'replication' as const, entityId: record.id, changes };
    const regions = [record.source.tenantCode, record.replicator.tenantCode];
    const other = regions.find((code) => code !== acting);
    return [
      auditPut(this.tableName, acting, this.audit, event),
      ...(other ? [auditPut(this.tableName, other, this.audit, { ...event, actorTenantCode: acting })] : []),
    ];
  }

  /** The requesting region asks; both copies and the requester's claim on the innovation are written together. */
  async request(input: NewReplicationRequest, now = new Date().toISOString()): Promise<Replication> {
    const id = ulid();
    const { source, replicator } = input;
    const shared: Omit<Replication, 'direction'> = {
      id,
      status: 'requested',
      source: {
        tenantCode: source.tenantCode,
        regionName: source.region.name,
        innovationId: source.innovationId,
        innovationName: source.name,
        catalogId: source.catalogId,
      },
      replicator: { tenantCode: replicator.tenantCode, regionName: replicator.regionName },
      message: input.message,
      contact: input.contact,
      requestedAt: now,
      updatedAt: now,
      version: 1,
    };
    const outgoing: StoredReplication = {
      ...shared,
      direction: 'outgoing',
      replicaOpdId: input.replicaOpdId,
      requestedBy: input.requestedBy,
    };
    const incoming: StoredReplication = { ...shared, direction: 'incoming' };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.replication(replicator.tenantCode, id), ...outgoing },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.replication(source.tenantCode, id), ...incoming },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.replicationClaim(replicator.tenantCode, source.tenantCode, source.innovationId),
                  replicationId: id,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...this.audited('replication.request', shared, { after: 'requested' }),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).includes(2))
        throw new DomainError('replication_exists', 'sourceInnovationId');
      throw error;
    }
    return publicReplication(outgoing);
  }

  private async copies(record: Replication) {
    const read = async (tenantCode: string) => {
      const result = await this.clients.table.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.replication(tenantCode, record.id),
          ConsistentRead: true,
        }),
      );
      if (!result.Item) throw new DomainError('not_found');
      return toRecord<StoredReplication>(result.Item);
    };
    const [source, replicator] = await Promise.all([
      read(record.source.tenantCode),
      read(record.replicator.tenantCode),
    ]);
    return { source, replicator };
  }

  /** Both copies move together; a failed condition is told apart as stale version or wrong state. */
  private async explainFailure(
    record: Replication,
    expectedVersion: number,
    required: Replication['status'],
  ) {
    const { source } = await this.copies(record);
    if (source.status !== required) {
      return new DomainError(
        required === 'accepted' ? 'replication_not_accepted' : 'replication_not_pending',
      );
    }
    if (source.version !== expectedVersion) return new DomainError('version_conflict', 'If-Match');
    return undefined;
  }

  private updateCopy(
    tenantCode: string,
    record: Replication,
    expectedVersion: number,
    required: Replication['status'],
    set: Record<string, unknown>,
  ) {
    const names: Record<string, string> = { '#version': 'version', '#status': 'status' };
    const values: Record<string, unknown> = {
      ':expected': expectedVersion,
      ':required': required,
      ':one': 1,
    };
    const assignments = ['#version = #version + :one'];
    Object.entries(set).forEach(([attribute, value], index) => {
      if (value === undefined) return;
      const [head, ...path] = attribute.split('.');
      names[`#a${index}`] = head ?? attribute;
      const target = [`#a${index}`, ...path.map((_segment, depth) => `#a${index}_${depth}`)].join('.');
      path.forEach((segment, depth) => {
        names[`#a${index}_${depth}`] = segment;
      });
      values[`:v${index}`] = value;
      assignments.push(`${target} = :v${index}`);
    });
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.replication(tenantCode, record.id),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ConditionExpression: '#version = :expected AND #status = :required',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  /**
   * The source region accepts: both copies record the agreement, the requesting region gets a
   * draft innovation prefilled from the source's public entry with its lineage, the source
   * region gets a replica marker (what sid.31 counts), and the public entry's count of
   * replicating regions goes up, all in one transaction.
   */
  async accept(
    record: Replication,
    expectedVersion: number,
    input: AgreementInput,
    respondedBy: string,
    sourceEntry: CatalogEntry,
    options: { periodYear: number; now?: string },
  ): Promise<Replication> {
    const now = options.now ?? new Date().toISOString();
    const { replicator: requested } = await this.copies(record);
    const replicaId = ulid();
    const agreement: Agreement = {
      kind: input.kind,
      signedOn: input.signedOn,
      evidenceId: input.evidenceId,
      note: input.note,
      parties: [
        { role: 'source', tenantCode: record.source.tenantCode, regionName: record.source.regionName },
        {
          role: 'replicator',
          tenantCode: record.replicator.tenantCode,
          regionName: record.replicator.regionName,
        },
      ],
      acceptedAt: now,
    };
    const lineage: ReplicationLineage = {
      tenantCode: record.source.tenantCode,
      regionName: record.source.regionName,
      innovationId: record.source.innovationId,
      innovationName: sourceEntry.name,
      catalogId: catalogIdOf(record.source.tenantCode, record.source.innovationId),
      replicationId: record.id,
    };
    const replicaOpdId = requested.replicaOpdId ?? '';
    // The draft is the requesting region's own: created in its name, by the admin who asked.
    const author = requested.requestedBy ?? `replication-${record.id}`;
    const replica: Innovation = {
      id: replicaId,
      tenantCode: record.replicator.tenantCode,
      opdId: replicaOpdId,
      periodYear: options.periodYear,
      status: 'draft',
      archived: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: author,
      updatedBy: author,
      profile: replicaDraftProfile(sourceEntry),
      answers: {},
      replicatedFrom: lineage,
    };
    const answered = {
      status: 'accepted',
      agreement,
      sourceContact: input.contact,
      respondedAt: now,
      updatedAt: now,
    };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            this.updateCopy(record.source.tenantCode, record, expectedVersion, 'requested', {
              ...answered,
              respondedBy,
            }),
            this.updateCopy(record.replicator.tenantCode, record, expectedVersion, 'requested', {
              ...answered,
              replicaInnovationId: replicaId,
            }),
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.innovation(record.replicator.tenantCode, replicaId),
                  ...innovationIndexKeys(record.replicator.tenantCode, replicaOpdId, now, replicaId),
                  ...replica,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.replicaMarker(
                    record.source.tenantCode,
                    record.source.innovationId,
                    record.replicator.tenantCode,
                  ),
                  tenantCode: record.replicator.tenantCode,
                  regionName: record.replicator.regionName,
                  replicationId: record.id,
                  agreementKind: agreement.kind,
                  signedOn: agreement.signedOn,
                  evidenceId: agreement.evidenceId,
                  acceptedAt: now,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.catalogEntry(record.source.tenantCode, record.source.innovationId),
                UpdateExpression: 'ADD replicatedByRegions :one, #version :one',
                ConditionExpression: 'attribute_exists(pk) AND published = :true',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':one': 1, ':true': true },
              },
            },
            ...this.audited('replication.accept', record, { before: 'requested', after: 'accepted' }),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(4)) throw new DomainError('catalog_not_published');
      if (failed.includes(0) || failed.includes(1)) {
        throw (await this.explainFailure(record, expectedVersion, 'requested')) ?? error;
      }
      throw error;
    }
    const { source } = await this.copies(record);
    return publicReplication(source);
  }

  /** The source declines, or the requester withdraws: both copies close and the claim is released. */
  async close(
    record: Replication,
    expectedVersion: number,
    outcome: { status: 'declined' | 'withdrawn'; reason?: string | undefined; by: string },
    now = new Date().toISOString(),
  ): Promise<Replication> {
    const set = { status: outcome.status, declineReason: outcome.reason, respondedAt: now, updatedAt: now };
    const declined = outcome.status === 'declined';
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            this.updateCopy(record.source.tenantCode, record, expectedVersion, 'requested', {
              ...set,
              respondedBy: declined ? outcome.by : undefined,
            }),
            this.updateCopy(record.replicator.tenantCode, record, expectedVersion, 'requested', {
              ...set,
              withdrawnBy: declined ? undefined : outcome.by,
            }),
            {
              Delete: {
                TableName: this.tableName,
                Key: keys.replicationClaim(
                  record.replicator.tenantCode,
                  record.source.tenantCode,
                  record.source.innovationId,
                ),
              },
            },
            ...this.audited(`replication.${declined ? 'decline' : 'withdraw'}`, record, {
              before: 'requested',
              after: outcome.status,
            }),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(0) || failed.includes(1)) {
        throw (await this.explainFailure(record, expectedVersion, 'requested')) ?? error;
      }
      throw error;
    }
    const copies = await this.copies(record);
    return publicReplication(declined ? copies.source : copies.replicator);
  }

  /**
   * Either region attaches the signed agreement document (an evidence id). Both copies and the
   * source's replica marker carry it, so the same document evidences sid.31 for the source and
   * the replica's origin for the requester.
   */
  async attachDocument(
    record: Replication,
    expectedVersion: number,
    evidenceId: string,
    viewerTenant: string,
    now = new Date().toISOString(),
  ): Promise<Replication> {
    const set = { 'agreement.evidenceId': evidenceId, updatedAt: now };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            this.updateCopy(record.source.tenantCode, record, expectedVersion, 'accepted', set),
            this.updateCopy(record.replicator.tenantCode, record, expectedVersion, 'accepted', set),
            {
              Update: {
                TableName: this.tableName,
                Key: keys.replicaMarker(
                  record.source.tenantCode,
                  record.source.innovationId,
                  record.replicator.tenantCode,
                ),
                UpdateExpression: 'SET evidenceId = :evidenceId',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':evidenceId': evidenceId },
              },
            },
            ...this.audited('replication.document', record),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(0) || failed.includes(1)) {
        throw (await this.explainFailure(record, expectedVersion, 'accepted')) ?? error;
      }
      throw error;
    }
    const copies = await this.copies(record);
    return publicReplication(viewerTenant === record.source.tenantCode ? copies.source : copies.replicator);
  }
}
