import type { IdentityAdmin } from './identity-admin.ts';

/** Builds the Cognito member administration; by default from modules loaded with `import()`. */
export type CognitoAdminLoader = () => Promise<Required<IdentityAdmin>>;

/**
 * The Cognito member administration, with the Cognito SDK client loaded by the first call that
 * needs it. Only member administration and the administrators' MFA check call Cognito, and the
 * client (with the second copy of the SDK's core it brings) cost every cold start about 70 kB
 * (docs/decisions/0041). A failed load is not kept: the next call tries again.
 */
export function cognitoIdentityAdminOnDemand(
  region: string,
  userPoolId: string,
  load: CognitoAdminLoader = async () => {
    const [sdk, { cognitoIdentityAdmin }] = await Promise.all([
      import('@aws-sdk/client-cognito-identity-provider'),
      import('./cognito-admin.ts'),
    ]);
    return cognitoIdentityAdmin(new sdk.CognitoIdentityProviderClient({ region }), userPoolId);
  },
): Required<IdentityAdmin> {
  let loading: Promise<Required<IdentityAdmin>> | undefined;
  const admin = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    prepareInvitation: async (invitee, mail) => (await admin()).prepareInvitation(invitee, mail),
    created: async (member, invitee) => (await admin()).created(member, invitee),
    resent: async (member, invitee) => (await admin()).resent(member, invitee),
    disabled: async (email) => (await admin()).disabled(email),
    enabled: async (email) => (await admin()).enabled(email),
    removed: async (email) => (await admin()).removed(email),
    totpEnrolled: async (email) => (await admin()).totpEnrolled(email),
  };
}
