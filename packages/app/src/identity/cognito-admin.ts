import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Member } from '@inovasi/core';
import { type IdentityAdmin, INVITATION_TTL_MS, type Invitee } from './identity-admin.ts';

/**
 * Whether AdminGetUser says TOTP is on for the user. `UserMFASettingList` lists the MFA methods
 * the user has turned on; `PreferredMfaSetting` alone is not enough (it can outlive a method that
 * was turned off), and the legacy `MFAOptions` only ever describe SMS.
 */
export function totpEnabledIn(user: Pick<AdminGetUserCommandOutput, 'UserMFASettingList'>): boolean {
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

/**
 * Member administration on a Cognito user pool. The user's name is the e-mail address; the
 * invitation message (in Bahasa Indonesia, set on the pool) carries a temporary password valid as
 * long as our invitation. `custom:tenant` is informative only: access is read from the member record.
 */
export function cognitoIdentityAdmin(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): Required<IdentityAdmin> {
  /** Creates the user, or with `resend` sends Cognito's invitation message again. */
  const createUser = (member: Member, invitee: Invitee, resend: boolean) =>
    client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: member.email,
        UserAttributes: [
          { Name: 'email', Value: member.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: member.name },
          { Name: 'custom:tenant', Value: invitee.tenantCode },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
        ...(resend ? { MessageAction: 'RESEND' as const } : {}),
      }),
    );
  const ignoreMissing = async (send: () => Promise<unknown>) => {
    try {
      await send();
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  };
  return {
    async prepareInvitation() {
      return { record: { expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString() }, outbox: [] };
    },
    async created(member, invitee) {
      await createUser(member, invitee, false);
    },
    async resent(member, invitee) {
      await createUser(member, invitee, true);
    },
    async disabled(email) {
      await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
      // Refresh tokens stop working at once; an ID token already issued is refused by the API
      // from the member record within the cache bound.
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: email }));
    },
    async enabled(email) {
      await client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email }));
    },
    async removed(email) {
      await ignoreMissing(() =>
        client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email })),
      );
    },
    async totpEnrolled(email) {
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
        return totpEnabledIn(user);
      } catch (error) {
        // A member without a Cognito account (created before the pool, or removed there by hand)
        // has no authenticator either; the API then asks for one rather than failing.
        if (error instanceof UserNotFoundException) return false;
        throw error;
      }
    },
  };
}
