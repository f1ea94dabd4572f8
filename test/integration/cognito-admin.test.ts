import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoIdentityAdmin } from '@inovasi/app/identity/cognito-admin';
import type { Member } from '@inovasi/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CognitoCallError, startTotpEnrolment } from '../../web/src/auth/totp.ts';

/**
 * The Cognito side of member administration, with the real AWS SDK calls against cognito-local
 * (started by the integration setup). What the emulator does not do is stated where it matters:
 * it has no AdminUserGlobalSignOut, and it does not refuse a disabled user at sign-in; both are
 * left to a deployment (docs/decisions/0020). Nor does it know TOTP: AdminGetUser never lists an
 * MFA method, and the enrolment calls are missing (docs/decisions/0024).
 */
describe('Cognito member administration against cognito-local', () => {
  const client = new CognitoIdentityProviderClient({
    endpoint: inject('cognitoEndpoint'),
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // The emulator answers an unsupported call with a 500: no retries, the answer is final.
    maxAttempts: 1,
  });
  let userPoolId: string;
  const member: Member = {
    id: '01JCOGNITO0000000000000000',
    email: 'sari.verifikator@kotabengkulu.example',
    name: 'Sari Verifikator',
    roles: ['verifier'],
    status: 'invited',
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
  const invitee = {
    email: member.email,
    name: member.name,
    tenantCode: '17.71',
    tenantName: 'Kota Bengkulu',
  };
  const user = () => client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: member.email }));

  beforeAll(async () => {
    const pool = await client.send(
      new CreateUserPoolCommand({
        PoolName: `inovasi-${Date.now()}`,
        UsernameAttributes: ['email'],
        Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
      }),
    );
    userPoolId = pool.UserPool?.Id ?? '';
    expect(userPoolId).not.toBe('');
  });

  it('creates the invited person with their address, name and region', async () => {
    const admin = cognitoIdentityAdmin(client, userPoolId);
    // Act
    const prepared = await admin.prepareInvitation(invitee, () => {
      throw new Error('Cognito sends its own invitation; nothing goes to the outbox');
    });
    await admin.created(member, invitee);
    // Assess
    expect(prepared.outbox).toEqual([]);
    expect(Date.parse(prepared.record.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    const created = await user();
    const attributes = Object.fromEntries((created.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attributes).toMatchObject({
      email: member.email,
      email_verified: 'true',
      name: member.name,
      'custom:tenant': '17.71',
    });
    expect(created.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.Enabled).toBe(true);
  });

  it('reads that an invited person has no authenticator app, nor has someone without an account', async () => {
    const admin = cognitoIdentityAdmin(client, userPoolId);
    // Act
    const invited = await admin.totpEnrolled?.(member.email);
    const stranger = await admin.totpEnrolled?.('tidak.ada@kotabengkulu.example');
    // Assess
    expect(invited).toBe(false);
    expect(stranger).toBe(false);
  });

  it('lacks the enrolment the web app runs with the person’s access token (left to a deployment)', async () => {
    // AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference are not emulated: the
    // first of them is refused as unsupported before the token is even looked at.
    await expect(
      client.send(new AssociateSoftwareTokenCommand({ AccessToken: 'not-checked-by-the-emulator' })),
    ).rejects.toThrow(/unsupported/i);
    // The web app's own call (plain fetch, Cognito's JSON protocol) reaches the emulator's router
    // as the operation it names, and its refusal comes back as a typed error.
    const fromTheWebApp = startTotpEnrolment(inject('cognitoEndpoint'), 'not-checked-by-the-emulator');
    await expect(fromTheWebApp).rejects.toBeInstanceOf(CognitoCallError);
    await expect(fromTheWebApp).rejects.toMatchObject({
      type: 'Unsupported',
      message: expect.stringContaining('"AssociateSoftwareToken"'),
    });
  });

  it('disables (the global sign-out is left to a deployment) and enables again', async () => {
    const admin = cognitoIdentityAdmin(client, userPoolId);
    // Act: disabling runs AdminDisableUser, then AdminUserGlobalSignOut, which the emulator lacks.
    const disabling = admin.disabled(member.email);
    // Assess
    await expect(disabling).rejects.toThrow(/AdminUserGlobalSignOut|unsupported/i);
    expect((await user()).Enabled).toBe(false);
    await admin.enabled(member.email);
    expect((await user()).Enabled).toBe(true);
  });

  it('removes the person, and a second removal is not an error', async () => {
    const admin = cognitoIdentityAdmin(client, userPoolId);
    await admin.removed(member.email);
    await expect(user()).rejects.toBeInstanceOf(UserNotFoundException);
    await expect(admin.removed(member.email)).resolves.toBeUndefined();
  });
});
