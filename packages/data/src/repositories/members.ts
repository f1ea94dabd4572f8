import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { AlreadyExistsError, cancelledConditions, NotFoundError } from '../errors.ts';
import { keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { toRecord, updateVersioned } from './versioned.ts';

export type NewMember = Pick<Member, 'email' | 'name' | 'roles' | 'opdId'>;

/** Where a signed-in e-mail address belongs. The local stand-in for the identity provider. */
export interface LoginPointer {
  readonly email: string;
  readonly tenantCode: string;
  readonly userId: string;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Members of one tenant. An e-mail address belongs to one member platform-wide; the invite writes
 * the member, its per-tenant e-mail claim and the login pointer in one transaction.
 */
export class MemberRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

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

  async get(userId: string): Promise<Member | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.member(this.tenantCode, userId) }),
    );
    return result.Item ? toRecord<Member>(result.Item) : undefined;
  }

  async invite(input: NewMember, now = new Date().toISOString(), id = ulid()): Promise<Member> {
    const email = normaliseEmail(input.email);
    const member: Member = { id, ...input, email, version: 1, createdAt: now, updatedAt: now };
    const pointer: LoginPointer = { email, tenantCode: this.tenantCode, userId: id };
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
                ConditionExpression: 'attribute_not_exists(pk)',
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
                changes: fieldChanges(undefined, { roles: input.roles, opdId: input.opdId }),
              },
              now,
            ),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).length > 0) throw new AlreadyExistsError(`member ${email} exists`);
      throw error;
    }
    return member;
  }

  async update(
    userId: string,
    expectedVersion: number,
    changes: Partial<Pick<Member, 'roles' | 'opdId' | 'name'>>,
  ): Promise<Member> {
    const current = await this.get(userId);
    if (!current) throw new NotFoundError('member not found');
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
}
