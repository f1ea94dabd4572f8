import type { Member } from '@inovasi/core';
import type { InvitationRecord, TransactItem } from '@inovasi/data';

/** An invitation that was never accepted lapses after a week; the admin may send it again. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface Invitee {
  readonly email: string;
  readonly name: string;
  readonly tenantCode: string;
  readonly tenantName: string;
}

export interface PreparedInvitation {
  readonly record: InvitationRecord;
  /** Written in the member's transaction: the local link by e-mail. Empty when the provider sends its own message. */
  readonly outbox: readonly TransactItem[];
}

/** Builds the outbox item of an invitation e-mail (bound to the inviting region's outbox). */
export type InvitationMailer = (to: string, subject: string, text: string) => TransactItem;

/**
 * The identity provider's side of member administration. The member record is the truth for
 * access; this keeps the provider's accounts in step (docs/decisions/0020).
 */
export interface IdentityAdmin {
  prepareInvitation(invitee: Invitee, mail: InvitationMailer): Promise<PreparedInvitation>;
  /** After the member record was written: create the provider's account (Cognito) or nothing. */
  created(member: Member, invitee: Invitee): Promise<void>;
  /** A renewed invitation: Cognito re-sends its message; locally the new link went with the record. */
  resent(member: Member, invitee: Invitee): Promise<void>;
  /** Refuse new sign-ins and end the person's sessions at the provider. */
  disabled(email: string): Promise<void>;
  enabled(email: string): Promise<void>;
  removed(email: string): Promise<void>;
  /**
   * Whether the person has an authenticator app (TOTP) enrolled and turned on at the provider.
   * Only a provider that offers MFA answers (Cognito); where it answers, administrators must have
   * one before they may act (docs/decisions/0024). Absent: MFA is not asked of anyone.
   */
  totpEnrolled?(email: string): Promise<boolean>;
}

/** For an API without a provider of its own (tests): invitations lapse as usual, nothing is sent. */
export const recordOnlyIdentityAdmin: IdentityAdmin = {
  async prepareInvitation() {
    return { record: { expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString() }, outbox: [] };
  },
  async created() {},
  async resent() {},
  async disabled() {},
  async enabled() {},
  async removed() {},
};
