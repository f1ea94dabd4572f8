import type { Member } from '@inovasi/core';
import {
  AddressUnavailableError,
  AlreadyExistsError,
  type AuditContext,
  MemberRepository,
  memberAdminScope,
  type NewMember,
  NotificationRepository,
  tenantScope,
} from '@inovasi/data';
import { type IdentityAdmin, type Invitee, recordOnlyIdentityAdmin } from './auth/identity-admin.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

export const identityAdminOf = (deps: AppDeps): IdentityAdmin =>
  deps.identityAdmin ?? recordOnlyIdentityAdmin;

/** The refusal of an address never says whether another region holds it (issue: invitations). */
function inviteRefusal(error: unknown): never {
  if (error instanceof AlreadyExistsError) throw new ApiError(409, 'member_exists', 'email');
  if (error instanceof AddressUnavailableError) throw new ApiError(409, 'member_cannot_be_invited', 'email');
  throw error;
}

/** What both a first invitation and a renewed one need: the repositories, the invitee, the delivery. */
async function invitationFor(
  deps: AppDeps,
  tenant: { code: string; name: string },
  person: { email: string; name: string },
  audit: AuditContext,
) {
  const identity = identityAdminOf(deps);
  const members = new MemberRepository(deps.data.forScope(memberAdminScope(tenant.code)), tenant.code, audit);
  const outbox = new NotificationRepository(deps.data.forScope(tenantScope(tenant.code)), tenant.code);
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
  deps: AppDeps,
  tenant: { code: string; name: string },
  input: NewMember,
  audit: AuditContext,
): Promise<Member> {
  const { identity, members, invitee, prepared } = await invitationFor(deps, tenant, input, audit);
  const member = await members
    .invite(input, { invitation: prepared.record, alongside: prepared.outbox })
    .catch(inviteRefusal);
  try {
    await identity.created(member, invitee);
  } catch (error) {
    deps.logger.error('identity provider refused a new account; invitation withdrawn', { error });
    await members.remove(member.id, member.version);
    throw new ApiError(503, 'identity_provider_unavailable');
  }
  return member;
}

/** A new link (locally) or Cognito's message again, for an invitation that was never accepted. */
export async function resendInvitation(
  deps: AppDeps,
  tenant: { code: string; name: string },
  member: Member,
  expectedVersion: number,
  audit: AuditContext,
): Promise<Member> {
  if (member.status !== 'invited') throw new ApiError(409, 'invitation_not_pending');
  const { identity, members, invitee, prepared } = await invitationFor(deps, tenant, member, audit);
  const renewed = await members
    .renewInvitation(member.id, expectedVersion, prepared.record, prepared.outbox)
    .catch(inviteRefusal);
  await identity.resent(renewed, invitee);
  return renewed;
}
