import type { Actor, Member } from '@inovasi/core';
import { memberMayAct } from '@inovasi/core';
import {
  LoginDirectory,
  loginDirectoryScope,
  memberAdminScope,
  normaliseEmail,
  PLATFORM_TENANT,
  platformAdminScope,
  platformRegistryScope,
  platformRepositoryFor,
  repositoriesFor,
  tenantScope,
} from '@inovasi/data';
import type { MemberIdentity, ServiceDeps } from '../deps.ts';

export type Identity = MemberIdentity;

/** Why a verified person may still not act: their member record says so. */
export type MemberRefusal = 'account_unavailable' | 'account_disabled';

export type MemberResolution = { readonly identity: Identity } | { readonly refusal: MemberRefusal };

/** The longest a member record is trusted without reading it again (issue: access from the record). */
export const MAX_MEMBER_CACHE_MS = 60_000;

/** The stored member behind a pointer or a token: a platform administrator or a tenant's member. */
export async function loadMember(
  deps: Pick<ServiceDeps, 'data'>,
  tenantCode: string,
  userId: string,
): Promise<Member | undefined> {
  return tenantCode === PLATFORM_TENANT
    ? platformRepositoryFor(deps.data.forScope(platformRegistryScope)).getAdmin(userId)
    : repositoriesFor(deps.data.forScope(tenantScope(tenantCode, true))).members.get(userId);
}

/**
 * The caller as the member record has it now. `platform_admin` counts only for members of the
 * platform itself, whatever a tenant record might say.
 */
export function actorOf(member: Member, tenantCode: string): Actor {
  const roles =
    tenantCode === PLATFORM_TENANT ? member.roles : member.roles.filter((role) => role !== 'platform_admin');
  return { userId: member.id, email: member.email, tenantCode, roles, opdId: member.opdId };
}

/** Resolves an e-mail address to the member behind it, through the platform-wide login directory. */
export async function findIdentity(deps: ServiceDeps, email: string): Promise<Identity | undefined> {
  const pointer = await new LoginDirectory(deps.data.forScope(loginDirectoryScope)).find(email);
  if (!pointer) return undefined;
  const member = await loadMember(deps, pointer.tenantCode, pointer.userId);
  if (!member) return undefined;
  return { member, actor: actorOf(member, pointer.tenantCode) };
}

/**
 * The deploy's first platform administrator has a Cognito account but no member record yet: its
 * first sign-in creates the record, as long as the platform has no administrator at all.
 */
async function firstPlatformAdmin(deps: ServiceDeps, email: string): Promise<Identity | undefined> {
  const configured = deps.firstPlatformAdminEmail;
  if (!configured || normaliseEmail(configured) !== normaliseEmail(email)) return undefined;
  const created = await platformRepositoryFor(deps.data.forScope(platformAdminScope)).createFirstAdmin(email);
  if (created) deps.logger.info('first platform administrator enrolled at first sign-in', { email });
  return findIdentity(deps, email);
}

/**
 * Who may act, from the member record rather than the token: a role change, a move to another
 * OPD, disabling or removal takes effect within `maxAgeMs` on every instance. Bounded in size;
 * the oldest entry goes first.
 */
export function memberDirectory(deps: ServiceDeps, maxAgeMs = MAX_MEMBER_CACHE_MS, maxEntries = 10_000) {
  const ttl = Math.min(Math.max(maxAgeMs, 0), MAX_MEMBER_CACHE_MS);
  const cache = new Map<string, { resolution: MemberResolution; until: number }>();
  const resolve = async (email: string): Promise<MemberResolution> => {
    const identity =
      (await (deps.findMember ?? ((address: string) => findIdentity(deps, address)))(email)) ??
      (await firstPlatformAdmin(deps, email));
    if (!identity) return { refusal: 'account_unavailable' };
    if (!memberMayAct(identity.member)) return { refusal: 'account_disabled' };
    if (identity.member.status === 'invited' && identity.actor.tenantCode !== PLATFORM_TENANT) {
      // Signed in through a provider that ran the invitation itself (Cognito): the invitation is
      // accepted, and the address no longer lapses to another region.
      const tenantCode = identity.actor.tenantCode;
      const { members } = repositoriesFor(deps.data.forScope(memberAdminScope(tenantCode)));
      await members.markAccepted(identity.member);
    }
    return { identity };
  };
  return {
    async resolve(email: string): Promise<MemberResolution> {
      const now = Date.now();
      const hit = cache.get(email);
      if (hit && hit.until > now) return hit.resolution;
      cache.delete(email);
      const resolution = await resolve(email);
      if (ttl > 0) {
        if (cache.size >= maxEntries) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(email, { resolution, until: now + ttl });
      }
      return resolution;
    },
    /** This instance's own changes need not wait for the bound (other instances do). */
    forget(email: string): void {
      cache.delete(email);
    },
  };
}

export type MemberDirectory = ReturnType<typeof memberDirectory>;
