import type { Actor, Member } from '@inovasi/core';
import {
  LoginDirectory,
  loginDirectoryScope,
  MemberRepository,
  PLATFORM_TENANT,
  PlatformRepository,
  platformRegistryScope,
  tenantScope,
} from '@inovasi/data';
import type { AppDeps } from './deps.ts';

export interface Identity {
  readonly actor: Actor;
  readonly member: Member;
}

/** The stored member behind a pointer or a token: a platform administrator or a tenant's member. */
export async function loadMember(
  deps: AppDeps,
  tenantCode: string,
  userId: string,
): Promise<Member | undefined> {
  return tenantCode === PLATFORM_TENANT
    ? new PlatformRepository(deps.data.forScope(platformRegistryScope)).getAdmin(userId)
    : new MemberRepository(deps.data.forScope(tenantScope(tenantCode, true)), tenantCode).get(userId);
}

/** Resolves an e-mail address to the member behind it, through the local identity directory. */
export async function findIdentity(deps: AppDeps, email: string): Promise<Identity | undefined> {
  const pointer = await new LoginDirectory(deps.data.forScope(loginDirectoryScope)).find(email);
  if (!pointer) return undefined;
  const member = await loadMember(deps, pointer.tenantCode, pointer.userId);
  if (!member) return undefined;
  return {
    member,
    actor: {
      userId: member.id,
      email: member.email,
      tenantCode: pointer.tenantCode,
      roles: member.roles,
      opdId: member.opdId,
    },
  };
}
