import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { MemberInvitations } from './member-invitations.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

type Invitations = MemberInvitations;

/**
 * Members of one tenant. An e-mail address belongs to one member platform-wide; the invite writes
 * the member, its per-tenant e-mail claim and the login pointer in one transaction. The records
 * are kept here; invitations and their acceptance in `member-invitations.ts`, reached through this
 * class so that callers keep one entry point (docs/decisions/0047).
 */
export class MemberRepository {
  private readonly invitations: MemberInvitations;

  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {
    this.invitations = new MemberInvitations(clients, audit, (userId, consistent) =>
      this.get(userId, consistent),
    );
  }

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  async list(): Promise<Member[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.member(this.tenantCode, '').pk,
        ':prefix': keys.memberSortPrefix,
      },
    });
    return items.map((item) => toRecord<Member>(item)).sort((a, b) => a.email.localeCompare(b.email));
  }

  async get(userId: string, consistent = false): Promise<Member | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.member(this.tenantCode, userId),
        ConsistentRead: consistent,
      }),
    );
    return result.Item ? toRecord<Member>(result.Item) : undefined;
  }

  async update(
    userId: string,
    expectedVersion: number,
    changes: Partial<Pick<Member, 'roles' | 'opdId' | 'unitId' | 'name'>>,
  ): Promise<Member> {
    const current = await this.get(userId);
    if (!current) throw new DomainError('not_found');
    const updated = await updateVersioned<Member>(
      this.clients.table,
      this.tableName,
      keys.member(this.tenantCode, userId),
      expectedVersion,
      { ...changes, updatedAt: new Date().toISOString() },
      undefined,
      [
        auditPut(this.tableName, this.tenantCode, this.audit, {
          action: 'member.update',
          entity: 'member',
          entityId: userId,
          changes: fieldChanges(current, changes),
        }),
      ],
    );
    return toRecord<Member>(updated);
  }

  /** Disables or re-enables a member; the identity provider's side is the caller's to do. */
  async setEnabled(userId: string, expectedVersion: number, enabled: boolean): Promise<Member> {
    const current = await this.get(userId);
    if (!current) throw new DomainError('not_found');
    // Re-enabling an invitation that was never accepted returns it to `invited`, not `active`.
    const status = enabled ? (current.invitationExpiresAt ? 'invited' : 'active') : 'disabled';
    const updated = await updateVersioned<Member>(
      this.clients.table,
      this.tableName,
      keys.member(this.tenantCode, userId),
      expectedVersion,
      { status, updatedAt: new Date().toISOString() },
      undefined,
      [
        auditPut(this.tableName, this.tenantCode, this.audit, {
          action: enabled ? 'member.enable' : 'member.disable',
          entity: 'member',
          entityId: userId,
          changes: fieldChanges({ status: current.status ?? 'active' }, { status }),
        }),
      ],
    );
    return toRecord<Member>(updated);
  }

  /**
   * Removes the member (or withdraws an invitation): the record, this region's claim on the
   * address and, if it still points here, the platform-wide pointer, so the address is free again.
   */
  async remove(userId: string, expectedVersion: number): Promise<Member> {
    const current = await this.get(userId, true);
    if (!current) throw new DomainError('not_found');
    if (current.version !== expectedVersion) throw new DomainError('version_conflict', 'If-Match');
    const pointer = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.login(current.email), ConsistentRead: true }),
    );
    const pointsHere = pointer.Item?.userId === userId && pointer.Item?.tenantCode === this.tenantCode;
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: this.tableName,
          Key: keys.member(this.tenantCode, userId),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      { Delete: { TableName: this.tableName, Key: keys.memberEmail(this.tenantCode, current.email) } },
      auditPut(this.tableName, this.tenantCode, this.audit, {
        action: 'member.remove',
        entity: 'member',
        entityId: userId,
        changes: fieldChanges({ email: current.email, roles: current.roles, opdId: current.opdId }, {}),
      }),
    ];
    if (pointsHere) {
      items.push({
        Delete: {
          TableName: this.tableName,
          Key: keys.login(current.email),
          ConditionExpression: 'userId = :id AND tenantCode = :tenant',
          ExpressionAttributeValues: { ':id': userId, ':tenant': this.tenantCode },
        },
      });
    }
    try {
      await this.clients.table.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (cancelledConditions(error).includes(0)) throw new DomainError('version_conflict', 'If-Match');
      throw error;
    }
    return current;
  }

  // The invitations.
  invite(...args: Parameters<Invitations['invite']>) {
    return this.invitations.invite(...args);
  }
  renewInvitation(...args: Parameters<Invitations['renewInvitation']>) {
    return this.invitations.renewInvitation(...args);
  }
  acceptInvitation(...args: Parameters<Invitations['acceptInvitation']>) {
    return this.invitations.acceptInvitation(...args);
  }
  markAccepted(...args: Parameters<Invitations['markAccepted']>) {
    return this.invitations.markAccepted(...args);
  }
}
