import type { Member } from '@inovasi/core';
import { describe, expect, it } from 'vitest';
import { cognitoIdentityAdminOnDemand } from '../../src/identity/cognito-admin-on-demand.ts';
import type { IdentityAdmin, InvitationMailer, Invitee } from '../../src/identity/identity-admin.ts';

/**
 * The Lambda entry hands the app a Cognito administration whose SDK client is loaded by its first
 * call (docs/decisions/0041). The Cognito adapter itself runs against cognito-local in
 * test/integration/cognito-admin.test.ts; here a recording adapter stands in for what the loader
 * builds, to show when it is loaded and that every call reaches it with its arguments.
 */
function recordingAdmin(calls: string[]): Required<IdentityAdmin> {
  return {
    async prepareInvitation(invitee) {
      calls.push(`prepareInvitation ${invitee.tenantCode}`);
      return { record: { expiresAt: '2026-12-31T00:00:00.000Z' }, outbox: [] };
    },
    async created(member) {
      calls.push(`created ${member.email}`);
    },
    async resent(member) {
      calls.push(`resent ${member.email}`);
    },
    async disabled(email) {
      calls.push(`disabled ${email}`);
    },
    async enabled(email) {
      calls.push(`enabled ${email}`);
    },
    async removed(email) {
      calls.push(`removed ${email}`);
    },
    async totpEnrolled(email) {
      calls.push(`totpEnrolled ${email}`);
      return email === 'punya@kota.example';
    },
  };
}

const member = { email: 'baru@kota.example' } as Member;
const invitee: Invitee = {
  email: 'baru@kota.example',
  name: 'Baru',
  tenantCode: '35.22',
  tenantName: 'Kota Probolinggo',
};
/** Cognito sends its own invitation message, so the mailer is never asked for one. */
const mailer: InvitationMailer = () => {
  throw new Error('the Cognito adapter composes no mail');
};

describe('cognitoIdentityAdminOnDemand', () => {
  it('loads the adapter on the first call, once, and passes every call through', async () => {
    const calls: string[] = [];
    let loads = 0;
    const admin = cognitoIdentityAdminOnDemand('ap-southeast-3', 'pool', async () => {
      loads += 1;
      return recordingAdmin(calls);
    });
    expect(loads).toBe(0);
    const prepared = await admin.prepareInvitation(invitee, mailer);
    expect(prepared.record.expiresAt).toBe('2026-12-31T00:00:00.000Z');
    await admin.created(member, invitee);
    await admin.resent(member, invitee);
    await admin.disabled('a@kota.example');
    await admin.enabled('b@kota.example');
    await admin.removed('c@kota.example');
    expect(await admin.totpEnrolled('punya@kota.example')).toBe(true);
    expect(await admin.totpEnrolled('belum@kota.example')).toBe(false);
    expect(loads).toBe(1);
    expect(calls).toEqual([
      'prepareInvitation 35.22',
      'created baru@kota.example',
      'resent baru@kota.example',
      'disabled a@kota.example',
      'enabled b@kota.example',
      'removed c@kota.example',
      'totpEnrolled punya@kota.example',
      'totpEnrolled belum@kota.example',
    ]);
  });

  it('does not keep a failed load: the call fails and the next one loads again', async () => {
    const calls: string[] = [];
    let loads = 0;
    const admin = cognitoIdentityAdminOnDemand('ap-southeast-3', 'pool', async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk unreadable');
      return recordingAdmin(calls);
    });
    await expect(admin.disabled('a@kota.example')).rejects.toThrow('chunk unreadable');
    await admin.disabled('a@kota.example');
    expect(loads).toBe(2);
    expect(calls).toEqual(['disabled a@kota.example']);
  });

  it('loads the real Cognito adapter with its SDK by default', async () => {
    const admin = cognitoIdentityAdminOnDemand('ap-southeast-3', 'ap-southeast-3_pool');
    // The Cognito adapter computes the invitation's expiry itself, without calling Cognito.
    const before = Date.now();
    const prepared = await admin.prepareInvitation(invitee, mailer);
    expect(Date.parse(prepared.record.expiresAt)).toBeGreaterThan(before);
    expect(prepared.outbox).toEqual([]);
  });
});
