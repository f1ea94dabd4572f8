import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Member, Tenant } from '@inovasi/core';
import { DomainError, isDomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type ScopedClients, type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions, isConditionFailure } from '../errors.ts';
import { keys, PLATFORM_PREFIX, PLATFORM_TENANT } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { type LoginPointer, normaliseEmail } from './login-credentials.ts';
import type { InvitationRecord } from './member-invitations.ts';
import { type TransactItem, toRecord } from './versioned.ts';

export type NewTenant = Pick<Tenant, 'code' | 'name' | 'kind' | 'provinceCode'>;

/** A tenant reads its own profile through its own scope. */
export class TenantProfileRepository {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  async get(): Promise<Tenant | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.clients.config.tableName, Key: keys.tenantProfile(this.tenantCode) }),
    );
    return result.Item ? toRecord<Tenant>(result.Item) : undefined;
  }
}

/**
 * The platform registry: which tenants exist. Onboarding writes the registry entry and the
 * tenant's own profile in one transaction, so neither can exist without the other.
 */
export class PlatformRepository {
  constructor(private readonly clients: ScopedClients) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  async onboard(
    input: NewTenant,
    now = new Date().toISOString(),
    audit: AuditContext = SYSTEM_AUDIT,
  ): Promise<Tenant> {
    const { tenant, items } = this.onboarding(input, now, audit);
    try {
      await this.clients.table.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (cancelledConditions(error).length > 0) throw new DomainError('tenant_exists', 'code');
      throw error;
    }
    return tenant;
  }

  /**
   * The items that onboard a tenant, for a transaction of the caller's (the region's first
   * administrator is invited in the same one, so neither exists without the other).
   */
  onboarding(
    input: NewTenant,
    now = new Date().toISOString(),
    audit: AuditContext = SYSTEM_AUDIT,
  ): { tenant: Tenant; items: TransactItem[] } {
    const tenant: Tenant = { ...input, status: 'active', createdAt: now, version: 1 };
    return {
      tenant,
      items: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.tenantProfile(input.code), ...tenant },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.platformTenant(input.code), ...tenant },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditPut(
          this.tableName,
          input.code,
          audit,
          {
            action: 'tenant.onboard',
            entity: 'tenant',
            entityId: input.code,
            changes: fieldChanges(undefined, { name: input.name, kind: input.kind }),
          },
          now,
        ),
      ],
    };
  }

  async getAdmin(userId: string): Promise<Member | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.platformAdmin(userId) }),
    );
    return result.Item ? toRecord<Member>(result.Item) : undefined;
  }

  async listAdmins(): Promise<Member[]> {
    const result = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': PLATFORM_PREFIX, ':prefix': keys.platformAdmin('').sk },
      }),
    );
    return (result.Items ?? []).map((item) => toRecord<Member>(item));
  }

  /**
   * Creates a platform administrator and its login entry (needs the platform-admin scope); with an
   * invitation, the local provider's single-use link sets the password.
   */
  async createAdmin(admin: Member, invitation?: InvitationRecord): Promise<void> {
    const pointer: LoginPointer = {
      email: admin.email,
      tenantCode: PLATFORM_TENANT,
      userId: admin.id,
      ...(invitation
        ? { invitationExpiresAt: invitation.expiresAt, invitationHash: invitation.secretHash }
        : {}),
    };
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.platformAdmin(admin.id), ...admin },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.login(admin.email), ...pointer },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error).length > 0) throw new DomainError('member_exists', 'email');
      throw error;
    }
  }

  /**
   * The first platform administrator of a deployment whose identity provider already holds the
   * account (Cognito: the deploy creates it and e-mails the temporary password), made a member at
   * its first sign-in. Only while the platform has no administrator: afterwards the address is an
   * ordinary one. Returns whether this call created it (false: one exists, or a concurrent first
   * request made it).
   */
  async createFirstAdmin(email: string, now = new Date().toISOString()): Promise<boolean> {
    if ((await this.listAdmins()).length > 0) return false;
    try {
      await this.createAdmin({
        id: ulid(),
        email: normaliseEmail(email),
        name: 'Admin Platform',
        roles: ['platform_admin'],
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      return true;
    } catch (error) {
      if (isDomainError(error, 'member_exists')) return false;
      throw error;
    }
  }

  /** A platform administrator's invitation link was used: the password is set and the secret spent. */
  async acceptAdminInvitation(
    userId: string,
    secretHash: string,
    passwordHash: string,
    email: string,
    now = new Date().toISOString(),
  ): Promise<boolean> {
    try {
      await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.login(email),
          UpdateExpression:
            'SET passwordHash = :password REMOVE invitationHash, invitationExpiresAt, failedSignIns, lockedUntil',
          ConditionExpression:
            'userId = :id AND tenantCode = :platform AND invitationHash = :hash AND invitationExpiresAt > :now',
          ExpressionAttributeValues: {
            ':password': passwordHash,
            ':id': userId,
            ':platform': PLATFORM_TENANT,
            ':hash': secretHash,
            ':now': now,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Whether a named data seed already ran to completion (so a restart never seeds twice). */
  async hasSeed(name: string): Promise<boolean> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: keys.seedMarker(name), ConsistentRead: true }),
    );
    return Boolean(result.Item);
  }

  async markSeeded(name: string, at = new Date().toISOString()): Promise<void> {
    await this.clients.table.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.seedMarker(name), at } }),
    );
  }

  async list(): Promise<Tenant[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PLATFORM_PREFIX, ':prefix': keys.platformTenantSortPrefix },
    });
    return items.map((item) => toRecord<Tenant>(item));
  }
}

/** Looks up where an e-mail address signs in (the local identity directory). */
export class LoginDirectory {
  constructor(private readonly clients: ScopedClients) {}

  async find(email: string): Promise<LoginPointer | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.clients.config.tableName, Key: keys.login(normaliseEmail(email)) }),
    );
    return result.Item ? toRecord<LoginPointer>(result.Item) : undefined;
  }
}
