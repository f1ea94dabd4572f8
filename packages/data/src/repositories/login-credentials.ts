import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ScopedClients } from '../clients.ts';
import { keys } from '../keys.ts';
import { toRecord } from './versioned.ts';

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

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

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
