import type { Member, Tenant } from '@inovasi/core';
import { isDomainError } from '@inovasi/core';
import {
  type AuditContext,
  cancelledConditions,
  memberAdminScope,
  type NewMember,
  type NewTenant,
  onboardingScope,
  onboardingWithAdminScope,
  platformRepositoryFor,
  repositoriesFor,
  tenantScope,
} from '@inovasi/data';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type IdentityAdmin, type Invitee, recordOnlyIdentityAdmin } from '../identity/identity-admin.ts';

export const identityAdminOf = (deps: ServiceDeps): IdentityAdmin =>
  deps.identityAdmin ?? recordOnlyIdentityAdmin;

/** What both a first invitation and a renewed one need: the repositories, the invitee, the delivery. */
async function invitationFor(
  deps: ServiceDeps,
  tenant: { code: string; name: string },
  person: { email: string; name: string },
  audit: AuditContext,
) {
  const identity = identityAdminOf(deps);
  const { members } = repositoriesFor(deps.data.forScope(memberAdminScope(tenant.code)), { audit });
  const outbox = repositoriesFor(deps.data.forScope(tenantScope(tenant.code))).notifications;
  const invitee: Invitee = {
    email: person.email,
    name: person.name,
    tenantCode: tenant.code,
    tenantName: tenant.name,
  };
  const prepared = await identity.prepareInvitation(invitee, (to, subject, text) =>
    outbox.mailItem(to, subject, text),
  );
  return { identity, members, invitee, prepared };
}

/**
 * Invites a member of one region: the member record, the region's claim on the address, the
 * platform-wide pointer and (locally) the e-mail with the single-use link, in one transaction;
 * then the provider's account (Cognito). If the provider refuses, the record is taken back so the
 * admin can simply try again.
 */
export async function inviteMember(
  deps: ServiceDeps,
  tenant: { code: string; name: string },
  input: NewMember,
  audit: AuditContext,
): Promise<Member> {
  const { identity, members, invitee, prepared } = await invitationFor(deps, tenant, input, audit);
  const member = await members.invite(input, { invitation: prepared.record, alongside: prepared.outbox });
  try {
    await identity.created(member, invitee);
  } catch (error) {
    deps.logger.error('identity provider refused a new account; invitation withdrawn', { error });
    await members.remove(member.id, member.version);
    throw new AppError('identity_provider_unavailable');
  }
  return member;
}

/**
 * Onboards a region and invites its first administrator in one transaction: the region never
 * exists without its admin, nor the admin without the region.
 */
export async function onboardWithFirstAdmin(
  deps: ServiceDeps,
  area: NewTenant,
  admin: { email: string; name: string },
  audit: AuditContext,
): Promise<Tenant> {
  const { identity, invitee, prepared } = await invitationFor(deps, area, admin, audit);
  const { tenant, items } = platformRepositoryFor(deps.data.forScope(onboardingScope(area.code))).onboarding(
    area,
    undefined,
    audit,
  );
  const { members } = repositoriesFor(deps.data.forScope(onboardingWithAdminScope(area.code)), { audit });
  const member = await members
    .invite(
      { ...admin, roles: ['tenant_admin'] },
      { invitation: prepared.record, alongside: [...prepared.outbox, ...items] },
    )
    .catch((error: unknown) => {
      // The member's own refusals (the address is taken; never saying where) are the repository's.
      // The only other conditions are the onboarding's own: the region is there already.
      if (!isDomainError(error) && cancelledConditions(error).length > 0)
        throw new AppError('tenant_exists', 'code');
      throw error;
    });
  try {
    await identity.created(member, invitee);
  } catch (error) {
    // The region stays; its admin can be invited again from the region's members (platform admin).
    deps.logger.error('identity provider refused the first admin; invitation withdrawn', { error });
    await members.remove(member.id, member.version);
    throw new AppError('identity_provider_unavailable');
  }
  return tenant;
}

/** A new link (locally) or Cognito's message again, for an invitation that was never accepted. */
export async function resendInvitation(
  deps: ServiceDeps,
  tenant: { code: string; name: string },
  member: Member,
  expectedVersion: number,
  audit: AuditContext,
): Promise<Member> {
  if (member.status !== 'invited') throw new AppError('invitation_not_pending');
  const { identity, members, invitee, prepared } = await invitationFor(deps, tenant, member, audit);
  const renewed = await members.renewInvitation(member.id, expectedVersion, prepared.record, prepared.outbox);
  await identity.resent(renewed, invitee);
  return renewed;
}
