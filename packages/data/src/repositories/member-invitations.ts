import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { keys } from '../keys.ts';
import { type AuditContext, auditPut, fieldChanges } from './audit.ts';
import { type LoginPointer, normaliseEmail } from './login-credentials.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

export type NewMember = Pick<Member, 'email' | 'name' | 'roles' | 'opdId' | 'unitId'>;

/** What an invitation records: when it lapses and, for the local link, the hash of its secret. */
export interface InvitationRecord {
  readonly expiresAt: string;
  readonly secretHash?: string | undefined;
}

export interface InviteOptions {
  /** Absent: the member is created active (seeding, the system); present: `invited` until accepted. */
  readonly invitation?: InvitationRecord | undefined;
  /** Items written in the same transaction, e.g. the invitation e-mail in the outbox. */
  readonly alongside?: readonly TransactItem[] | undefined;
  readonly now?: string | undefined;
  readonly id?: string | undefined;
}

/** A pointer another region may take over: an invitation that lapsed without being accepted. */
const POINTER_FREE =
  'attribute_not_exists(pk) OR (attribute_exists(invitationExpiresAt) AND invitationExpiresAt < :now)';

/**
 * A member's way in: the invitation that creates the member with its per-tenant e-mail claim and
 * the platform-wide login pointer, its renewal, and its acceptance (the local link, or the first
 * sign-in through a provider that ran the invitation itself). `MemberRepository` is its entry point.
 */
export class MemberInvitations {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext,
    /** The member record as `MemberRepository.get` reads it. */
    private readonly readMember: (userId: string, consistent?: boolean) => Promise<Member | undefined>,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /**
   * Creates the member, claims the address in this region and platform-wide. The address is
   * refused when this region already has it (AlreadyExistsError) or when anyone else holds it
   * (AddressUnavailableError, which says nothing about who): a lapsed, never-accepted invitation
   * of another region does not hold it any more.
   */
  async invite(input: NewMember, options: InviteOptions = {}): Promise<Member> {
    const now = options.now ?? new Date().toISOString();
    const id = options.id ?? ulid();
    const email = normaliseEmail(input.email);
    const invitation = options.invitation;
    const member: Member = {
      id,
      ...input,
      email,
      status: invitation ? 'invited' : 'active',
      ...(invitation ? { invitationExpiresAt: invitation.expiresAt } : {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const pointer: LoginPointer = {
      email,
      tenantCode: this.tenantCode,
      userId: id,
      ...(invitation ? { invitationExpiresAt: invitation.expiresAt } : {}),
      ...(invitation?.secretHash ? { invitationHash: invitation.secretHash } : {}),
    };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.member(this.tenantCode, id), ...member },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.memberEmail(this.tenantCode, email), userId: id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.login(email), ...pointer },
                ConditionExpression: POINTER_FREE,
                ExpressionAttributeValues: { ':now': now },
              },
            },
            auditPut(
              this.tableName,
              this.tenantCode,
              this.audit,
              {
                action: 'member.invite',
                entity: 'member',
                entityId: id,
                changes: fieldChanges(undefined, {
                  roles: input.roles,
                  opdId: input.opdId,
                  unitId: input.unitId,
                }),
              },
              now,
            ),
            ...(options.alongside ?? []),
          ],
        }),
      );
    } catch (error) {
      const failed = cancelledConditions(error);
      if (failed.includes(0) || failed.includes(1)) throw new DomainError('member_exists', 'email');
      if (failed.includes(2)) throw new DomainError('member_cannot_be_invited', 'email');
      // A condition of an item written alongside (e.g. the tenant of an onboarding): the caller's.
      throw error;
    }
    return member;
  }

  /**
   * A fresh invitation for a member who never accepted: a new expiry and, locally, a new secret
   * (the old link stops working). Refused when the address was meanwhile taken by another region.
   */
  async renewInvitation(
    userId: string,
    expectedVersion: number,
    invitation: InvitationRecord,
    alongside: readonly TransactItem[] = [],
  ): Promise<Member> {
    const current = await this.readMember(userId);
    if (!current) throw new DomainError('not_found');
    const now = new Date().toISOString();
    const pointerUpdate: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.login(current.email),
        UpdateExpression: invitation.secretHash
          ? 'SET invitationExpiresAt = :expires, invitationHash = :hash'
          : 'SET invitationExpiresAt = :expires',
        ConditionExpression:
          'userId = :id AND tenantCode = :tenant AND attribute_exists(invitationExpiresAt)',
        ExpressionAttributeValues: {
          ':expires': invitation.expiresAt,
          ':id': userId,
          ':tenant': this.tenantCode,
          ...(invitation.secretHash ? { ':hash': invitation.secretHash } : {}),
        },
      },
    };
    try {
      const updated = await updateVersioned<Member>(
        this.clients.table,
        this.tableName,
        keys.member(this.tenantCode, userId),
        expectedVersion,
        { invitationExpiresAt: invitation.expiresAt, updatedAt: now },
        undefined,
        [
          pointerUpdate,
          auditPut(this.tableName, this.tenantCode, this.audit, {
            action: 'member.reinvite',
            entity: 'member',
            entityId: userId,
            changes: fieldChanges(
              { invitationExpiresAt: current.invitationExpiresAt },
              { invitationExpiresAt: invitation.expiresAt },
            ),
          }),
          ...alongside,
        ],
      );
      return toRecord<Member>(updated);
    } catch (error) {
      if (cancelledConditions(error).includes(1)) throw new DomainError('member_cannot_be_invited', 'email');
      throw error;
    }
  }

  /**
   * The local invitation link was used: the password is set, the secret spent, the member active.
   * Returns false when the secret does not match, was used already or has lapsed.
   */
  async acceptInvitation(
    userId: string,
    secretHash: string,
    passwordHash: string,
    now = new Date().toISOString(),
  ): Promise<boolean> {
    const member = await this.readMember(userId, true);
    if (!member) return false;
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.login(member.email),
                UpdateExpression:
                  'SET passwordHash = :password REMOVE invitationHash, invitationExpiresAt, failedSignIns, lockedUntil',
                ConditionExpression:
                  'userId = :id AND tenantCode = :tenant AND invitationHash = :hash AND invitationExpiresAt > :now',
                ExpressionAttributeValues: {
                  ':password': passwordHash,
                  ':id': userId,
                  ':tenant': this.tenantCode,
                  ':hash': secretHash,
                  ':now': now,
                },
              },
            },
            this.activation(member, now),
            auditPut(
              this.tableName,
              this.tenantCode,
              {
                actor: { userId, email: member.email, tenantCode: this.tenantCode, roles: member.roles },
                requestId: 'invitation',
              },
              { action: 'member.accept', entity: 'member', entityId: userId, changes: {} },
              now,
            ),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledConditions(error).length > 0) return false;
      throw error;
    }
  }

  /**
   * First sign-in through a provider that ran the invitation itself (Cognito): the member is
   * active and the address no longer lapses. Idempotent; a concurrent second call changes nothing.
   */
  async markAccepted(member: Member, now = new Date().toISOString()): Promise<void> {
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            this.activation(member, now),
            {
              Update: {
                TableName: this.tableName,
                Key: keys.login(member.email),
                UpdateExpression: 'REMOVE invitationExpiresAt, invitationHash',
                ConditionExpression: 'userId = :id AND tenantCode = :tenant',
                ExpressionAttributeValues: { ':id': member.id, ':tenant': this.tenantCode },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).length > 0) return;
      throw error;
    }
  }

  private activation(member: Member, now: string): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.member(this.tenantCode, member.id),
        UpdateExpression:
          'SET #status = :active, updatedAt = :now, #version = #version + :one REMOVE invitationExpiresAt',
        ConditionExpression: '#status = :invited',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':active': 'active', ':invited': 'invited', ':now': now, ':one': 1 },
      },
    };
  }
}
