import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type ScopedClients, type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

export type NewMember = Pick<Member, 'email' | 'name' | 'roles' | 'opdId' | 'unitId'>;

/**
 * Where a signed-in e-mail address belongs, platform-wide. Locally it also holds the person's
 * credentials (the embedded identity provider's directory); with Cognito only the pointer is used.
 */
export interface LoginPointer {
  readonly email: string;
  readonly tenantCode: string;
  readonly userId: string;
  /** Set while an invitation runs and was never accepted: past it, another region may invite the address. */
  readonly invitationExpiresAt?: string | undefined;
  /** SHA-256 of the single-use secret in the local invitation link; never the secret itself. */
  readonly invitationHash?: string | undefined;
  /** The local provider's password hash (scrypt, docs/decisions/0020). */
  readonly passwordHash?: string | undefined;
  readonly failedSignIns?: number | undefined;
  readonly lockedUntil?: string | undefined;
}

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

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A pointer another region may take over: an invitation that lapsed without being accepted. */
const POINTER_FREE =
  'attribute_not_exists(pk) OR (attribute_exists(invitationExpiresAt) AND invitationExpiresAt < :now)';

/**
 * Members of one tenant. An e-mail address belongs to one member platform-wide; the invite writes
 * the member, its per-tenant e-mail claim and the login pointer in one transaction.
 */
export class MemberRepository {
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
   * A fresh invitation for a member who never accepted: a new expiry and, locally, a new secret
   * (the old link stops working). Refused when the address was meanwhile taken by another region.
   */
  async renewInvitation(
    userId: string,
    expectedVersion: number,
    invitation: InvitationRecord,
    alongside: readonly TransactItem[] = [],
  ): Promise<Member> {
    const current = await this.get(userId);
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
    const member = await this.get(userId, true);
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

/** After this many wrong passwords in a row the account is locked for a while. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60_000;

/**
 * The local provider's credential checks on the login pointer: counting wrong passwords and the
 * lock that follows. Needs the writable login-credentials scope.
 */
export class LoginCredentials {
  constructor(private readonly clients: ScopedClients) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  async find(email: string): Promise<LoginPointer | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.login(normaliseEmail(email)),
        ConsistentRead: true,
      }),
    );
    return result.Item ? toRecord<LoginPointer>(result.Item) : undefined;
  }

  /** Counts a wrong password; the fifth in a row locks the account and starts counting afresh. */
  async recordFailure(email: string, now = Date.now()): Promise<{ lockedUntil?: string }> {
    const key = keys.login(normaliseEmail(email));
    const counted = await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'ADD failedSignIns :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (Number(counted.Attributes?.failedSignIns ?? 0) < MAX_FAILED_SIGN_INS) return {};
    const lockedUntil = new Date(now + SIGN_IN_LOCK_MS).toISOString();
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET lockedUntil = :until, failedSignIns = :zero',
        ExpressionAttributeValues: { ':until': lockedUntil, ':zero': 0 },
      }),
    );
    return { lockedUntil };
  }

  async recordSuccess(email: string): Promise<void> {
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.login(normaliseEmail(email)),
        UpdateExpression: 'REMOVE failedSignIns, lockedUntil',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }
}
