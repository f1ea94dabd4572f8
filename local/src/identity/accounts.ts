import { createHash, randomBytes } from 'node:crypto';
import type { ServiceDeps } from '@inovasi/app/deps';
import { loadMember } from '@inovasi/app/identity/member-directory';
import { memberMayAct } from '@inovasi/core';
import {
  LoginCredentials,
  loginCredentialScope,
  memberAdminScope,
  normaliseEmail,
  PLATFORM_TENANT,
  platformAdminScope,
  platformRepositoryFor,
  repositoriesFor,
} from '@inovasi/data';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export interface Account {
  readonly email: string;
  readonly name: string;
  readonly tenantCode: string;
  readonly userId: string;
  readonly mayAct: boolean;
}

export type SignInOutcome =
  | { readonly ok: true; readonly account: Account }
  | { readonly ok: false; readonly reason: 'wrong_credentials' | 'disabled' | 'not_activated' }
  | { readonly ok: false; readonly reason: 'locked'; readonly minutesLeft: number };

export type InvitationCheck =
  | {
      readonly valid: true;
      readonly email: string;
      readonly secretHash: string;
      readonly userId: string;
      readonly tenantCode: string;
    }
  | { readonly valid: false };

/** The single-use secret travels in the link; only its hash is stored. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** `<address in base64url>.<secret>`: the link names whose invitation it is without a lookup table. */
export function newInvitationToken(email: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `${Buffer.from(normaliseEmail(email)).toString('base64url')}.${secret}`,
    secretHash: hashSecret(secret),
  };
}

function parseInvitationToken(token: string): { email: string; secret: string } | undefined {
  const [encoded, secret] = token.split('.');
  if (!encoded || !secret || secret.length < 20) return undefined;
  const email = Buffer.from(encoded, 'base64url').toString('utf8');
  return email.includes('@') ? { email, secret } : undefined;
}

/**
 * Refuses an address without a password after the same work as a real check, so the answer's
 * timing does not tell which addresses exist.
 */
async function refusedWithoutPassword(
  password: string,
  invited: boolean | undefined,
): Promise<SignInOutcome> {
  await verifyPassword(password, await hashPassword('timing-equaliser'));
  if (invited) return { ok: false, reason: 'not_activated' };
  return { ok: false, reason: 'wrong_credentials' };
}

/**
 * The embedded provider's view of the member directory: who a signed-in address is, password
 * checks with the lockout, and invitations that set a password.
 */
export function accountDirectory(deps: Pick<ServiceDeps, 'data'>) {
  const credentials = new LoginCredentials(deps.data.forScope(loginCredentialScope));

  async function find(
    email: string,
  ): Promise<
    | (Account & { passwordHash?: string | undefined; lockedUntil?: string | undefined; invited: boolean })
    | undefined
  > {
    const pointer = await credentials.find(email);
    if (!pointer) return undefined;
    const member = await loadMember(deps, pointer.tenantCode, pointer.userId);
    if (!member) return undefined;
    return {
      email: pointer.email,
      name: member.name,
      tenantCode: pointer.tenantCode,
      userId: pointer.userId,
      mayAct: memberMayAct(member),
      passwordHash: pointer.passwordHash,
      lockedUntil: pointer.lockedUntil,
      invited: member.status === 'invited' && pointer.tenantCode !== PLATFORM_TENANT,
    };
  }

  return {
    find,

    async signIn(email: string, password: string, now = Date.now()): Promise<SignInOutcome> {
      const account = await find(email);
      const lockedFor = account?.lockedUntil ? Date.parse(account.lockedUntil) - now : 0;
      if (account && lockedFor > 0)
        return { ok: false, reason: 'locked', minutesLeft: Math.ceil(lockedFor / 60_000) };
      if (!account?.passwordHash) return refusedWithoutPassword(password, account?.invited);
      if (!(await verifyPassword(password, account.passwordHash))) {
        const { lockedUntil } = await credentials.recordFailure(account.email, now);
        if (lockedUntil)
          return {
            ok: false,
            reason: 'locked',
            minutesLeft: Math.ceil((Date.parse(lockedUntil) - now) / 60_000),
          };
        return { ok: false, reason: 'wrong_credentials' };
      }
      if (!account.mayAct) return { ok: false, reason: 'disabled' };
      await credentials.recordSuccess(account.email);
      return { ok: true, account };
    },

    async checkInvitation(token: string, now = new Date().toISOString()): Promise<InvitationCheck> {
      const parsed = parseInvitationToken(token);
      if (!parsed) return { valid: false };
      const pointer = await credentials.find(parsed.email);
      const secretHash = hashSecret(parsed.secret);
      if (
        !pointer?.invitationHash ||
        pointer.invitationHash !== secretHash ||
        !pointer.invitationExpiresAt ||
        pointer.invitationExpiresAt <= now
      ) {
        return { valid: false };
      }
      return {
        valid: true,
        email: pointer.email,
        secretHash,
        userId: pointer.userId,
        tenantCode: pointer.tenantCode,
      };
    },

    /** Sets the password and spends the link; false when the link stopped being valid meanwhile. */
    async acceptInvitation(
      invitation: Extract<InvitationCheck, { valid: true }>,
      password: string,
    ): Promise<boolean> {
      if (password.length < MIN_PASSWORD_LENGTH) return false;
      if (invitation.tenantCode === PLATFORM_TENANT) {
        return platformRepositoryFor(deps.data.forScope(platformAdminScope)).acceptAdminInvitation(
          invitation.userId,
          invitation.secretHash,
          await hashPassword(password),
          invitation.email,
        );
      }
      const { members } = repositoriesFor(deps.data.forScope(memberAdminScope(invitation.tenantCode)));
      return members.acceptInvitation(invitation.userId, invitation.secretHash, await hashPassword(password));
    },
  };
}

export type AccountDirectory = ReturnType<typeof accountDirectory>;
