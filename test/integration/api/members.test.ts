import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  keys,
  LoginCredentials,
  loginCredentialScope,
  memberAdminScope,
  repositoriesFor,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * Members as people: invitations that lapse and can be withdrawn, access read from the member
 * record (role changes, disabling, removal), and an address one region cannot probe in another.
 * Member records are read on every request here (no cache), as after the 60-second bound.
 */
describe('member administration and access from the member record', () => {
  let env: TestEnvironment;
  let admin: string;
  let otherAdmin: string;
  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

  beforeAll(async () => {
    env = await createTestEnvironment({ memberCacheMs: 0 });
    admin = await env.login('admin.3522@demo.local');
    otherAdmin = await env.login('admin.3520@demo.local');
  });

  const invite = (token: string, code: string, email: string, roles = ['verifier']) =>
    env.request('POST', `/tenants/${code}/members`, { token, body: { email, name: 'Pegawai Baru', roles } });

  it('invites with a lapsing invitation, and refuses a second region without saying why', async () => {
    // Act
    const first = await invite(admin, '35.22', 'dewi@contoh.go.id');
    const again = await invite(admin, '35.22', 'dewi@contoh.go.id');
    const elsewhere = await invite(otherAdmin, '35.20', 'DEWI@contoh.go.id');
    // Assess
    expect(first.status).toBe(201);
    expect(first.json.status).toBe('invited');
    expect(Date.parse(first.json.invitationExpiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('member_exists');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.json.error).toMatchObject({ code: 'member_cannot_be_invited', field: 'email' });
    // The refusal names no region and does not confirm that the address exists.
    expect(elsewhere.json.error.message).not.toMatch(/35\.22|Bojonegoro|terdaftar|exists/i);
  });

  it('frees an address whose invitation lapsed, and one that its region withdrew', async () => {
    // Prepare: an invitation that lapsed yesterday (set in the table, as time would).
    const lapsed = await invite(admin, '35.22', 'lapsed@contoh.go.id');
    await env.data.forScope(loginCredentialScope).table.send(
      new UpdateCommand({
        TableName: env.config.tableName,
        Key: keys.login('lapsed@contoh.go.id'),
        UpdateExpression: 'SET invitationExpiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 86_400_000).toISOString() },
      }),
    );
    const withdrawn = await invite(admin, '35.22', 'withdrawn@contoh.go.id');
    // Act
    const takeover = await invite(otherAdmin, '35.20', 'lapsed@contoh.go.id');
    const removed = await env.request('DELETE', `/tenants/35.22/members/${withdrawn.json.id}`, {
      token: admin,
      headers: ifMatch(withdrawn.json.version),
    });
    const reinvited = await invite(otherAdmin, '35.20', 'withdrawn@contoh.go.id');
    // Assess
    expect(lapsed.status).toBe(201);
    expect(takeover.status).toBe(201);
    expect(removed.status).toBe(204);
    expect(reinvited.status).toBe(201);
    // The lapsed member stays visible to its region as an expired invitation; it signs in nowhere.
    const pointer = await new LoginCredentials(env.data.forScope(loginCredentialScope)).find(
      'lapsed@contoh.go.id',
    );
    expect(pointer?.tenantCode).toBe('35.20');
    // Re-sending the lapsed invitation in the first region is refused: the address moved on.
    const resend = await env.request('POST', `/tenants/35.22/members/${lapsed.json.id}/invitation`, {
      token: admin,
      headers: ifMatch(lapsed.json.version),
    });
    expect(resend.status).toBe(409);
    expect(resend.json.error.code).toBe('member_cannot_be_invited');
  });

  it('applies a role change, a disable and a removal to the very next request', async () => {
    // Prepare: the demo verifier works normally.
    const verifier = await env.login('verifikator.3522@demo.local');
    expect((await env.request('GET', '/tenants/35.22/members', { token: verifier })).status).toBe(200);
    const members = (await env.request('GET', '/tenants/35.22/members', { token: admin })).json.items as {
      id: string;
      email: string;
      version: number;
    }[];
    const record = members.find((member) => member.email === 'verifikator.3522@demo.local');
    if (!record) throw new Error('demo verifier missing');
    const opdId = (await env.request('GET', '/tenants/35.22/opds', { token: admin })).json.items[0].id;

    // Act 1: demoted to operator; the same token loses the verifier's rights.
    const demoted = await env.request('PATCH', `/tenants/35.22/members/${record.id}`, {
      token: admin,
      headers: ifMatch(record.version),
      body: { roles: ['opd_operator'], opdId },
    });
    const listing = await env.request('GET', '/tenants/35.22/members', { token: verifier });
    expect(demoted.status).toBe(200);
    expect(listing.status).toBe(403);
    expect(listing.json.error.code).toBe('forbidden_role');

    // Act 2: disabled; every request is refused with the reason.
    const disabled = await env.request('POST', `/tenants/35.22/members/${record.id}/disable`, {
      token: admin,
      headers: ifMatch(demoted.json.version),
    });
    const refused = await env.request('GET', '/me', { token: verifier });
    expect(disabled.json.status).toBe('disabled');
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('account_disabled');
    expect(refused.json.error.message).toMatch(/dinonaktifkan/);
    const demoLogin = await env.request('POST', '/dev/login', {
      body: { email: 'verifikator.3522@demo.local' },
    });
    expect(demoLogin.status).toBe(403);

    // Act 3: enabled, then removed.
    const enabled = await env.request('POST', `/tenants/35.22/members/${record.id}/enable`, {
      token: admin,
      headers: ifMatch(disabled.json.version),
    });
    expect(enabled.json.status).toBe('active');
    expect((await env.request('GET', '/me', { token: verifier })).status).toBe(200);
    const stale = await env.request('DELETE', `/tenants/35.22/members/${record.id}`, {
      token: admin,
      headers: ifMatch(disabled.json.version),
    });
    expect(stale.status).toBe(409);
    const removed = await env.request('DELETE', `/tenants/35.22/members/${record.id}`, {
      token: admin,
      headers: ifMatch(enabled.json.version),
    });
    expect(removed.status).toBe(204);
    const gone = await env.request('GET', '/me', { token: verifier });
    expect(gone.status).toBe(403);
    expect(gone.json.error.code).toBe('account_unavailable');

    // Every step is in the region's audit trail.
    const trail = await env.request('GET', `/tenants/35.22/audit?entityId=${record.id}&limit=50`, {
      token: admin,
    });
    const actions = (trail.json.items as { action: string }[]).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['member.update', 'member.disable', 'member.enable', 'member.remove']),
    );
  });

  it('refuses an admin acting on their own account, and a foreign region’s member', async () => {
    const members = (await env.request('GET', '/tenants/35.22/members', { token: admin })).json.items as {
      id: string;
      email: string;
      version: number;
    }[];
    const self = members.find((member) => member.email === 'admin.3522@demo.local');
    if (!self) throw new Error('demo admin missing');
    const own = await env.request('POST', `/tenants/35.22/members/${self.id}/disable`, {
      token: admin,
      headers: ifMatch(self.version),
    });
    expect(own.status).toBe(400);
    expect(own.json.error.code).toBe('cannot_change_self');
    const ownRoles = await env.request('PATCH', `/tenants/35.22/members/${self.id}`, {
      token: admin,
      headers: ifMatch(self.version),
      body: { roles: ['verifier'] },
    });
    expect(ownRoles.status).toBe(400);
    expect(ownRoles.json.error.code).toBe('cannot_change_self');
    const foreign = await env.request('POST', `/tenants/35.22/members/${self.id}/disable`, {
      token: otherAdmin,
      headers: ifMatch(self.version),
    });
    expect(foreign.status).toBe(403);
    expect((await env.request('GET', '/me', { token: admin })).status).toBe(200);
  });

  it('leaves granting the province viewer role to the platform, never to a region’s own admin', async () => {
    // Prepare: the province's admin, who is also its viewer, and a verifier of the province.
    const provinceAdmin = await env.login('admin.35@demo.local');
    const platform = await env.login('platform@demo.local');
    const members = (await env.request('GET', '/tenants/35/members', { token: provinceAdmin })).json
      .items as { id: string; email: string; roles: string[]; version: number }[];
    const verifier = members.find((member) => member.email === 'verifikator.35@demo.local');
    if (!verifier) throw new Error('demo verifier missing');
    // Act: the province admin grants the role by invitation and by a role change; a regency too.
    const invited = await invite(provinceAdmin, '35', 'pengawas.baru@jatimprov.go.id', [
      'verifier',
      'province_viewer',
    ]);
    const promoted = await env.request('PATCH', `/tenants/35/members/${verifier.id}`, {
      token: provinceAdmin,
      headers: ifMatch(verifier.version),
      body: { roles: ['verifier', 'province_viewer'] },
    });
    const regency = await invite(admin, '35.22', 'pengawas@bojonegorokab.go.id', ['province_viewer']);
    // Assess: each refused with a structured 403 on the roles field, nothing written.
    for (const refused of [invited, promoted, regency]) {
      expect(refused.status).toBe(403);
      expect(refused.json.error).toMatchObject({ code: 'role_platform_granted', field: 'roles' });
      expect(refused.json.error.message).toMatch(/administrator platform/);
    }
    const after = (await env.request('GET', '/tenants/35/members', { token: provinceAdmin })).json.items as {
      email: string;
      roles: string[];
    }[];
    expect(after.find((member) => member.email === 'verifikator.35@demo.local')?.roles).toEqual(['verifier']);
    expect(after.some((member) => member.email === 'pengawas.baru@jatimprov.go.id')).toBe(false);

    // The platform grants it; the province admin may then change the member's other roles and
    // take the viewer role away again.
    const granted = await env.request('PATCH', `/tenants/35/members/${verifier.id}`, {
      token: platform,
      headers: ifMatch(verifier.version),
      body: { roles: ['verifier', 'province_viewer'] },
    });
    expect(granted.status).toBe(200);
    const kept = await env.request('PATCH', `/tenants/35/members/${verifier.id}`, {
      token: provinceAdmin,
      headers: ifMatch(granted.json.version),
      body: { roles: ['province_viewer'] },
    });
    expect(kept.status).toBe(200);
    const removed = await env.request('PATCH', `/tenants/35/members/${verifier.id}`, {
      token: provinceAdmin,
      headers: ifMatch(kept.json.version),
      body: { roles: ['verifier'] },
    });
    expect(removed.status).toBe(200);
    expect(removed.json.roles).toEqual(['verifier']);
  });

  it('sends an invitation again with a new expiry', async () => {
    const invited = await invite(admin, '35.22', 'ulang@contoh.go.id');
    const resent = await env.request('POST', `/tenants/35.22/members/${invited.json.id}/invitation`, {
      token: admin,
      headers: ifMatch(invited.json.version),
    });
    expect(resent.status).toBe(200);
    expect(resent.json.version).toBe(invited.json.version + 1);
    expect(resent.json.invitationExpiresAt >= invited.json.invitationExpiresAt).toBe(true);
    const active = (await env.request('GET', '/tenants/35.22/members', { token: admin })).json.items.find(
      (member: { email: string }) => member.email === 'opd1.3522@demo.local',
    );
    const notPending = await env.request('POST', `/tenants/35.22/members/${active.id}/invitation`, {
      token: admin,
      headers: ifMatch(active.version),
    });
    expect(notPending.status).toBe(409);
    expect(notPending.json.error.code).toBe('invitation_not_pending');
  });

  it('answers the demo directory only on a loopback host', async () => {
    const remote = await env.app.request('http://inovasi.example.go.id/api/v1/dev/users');
    const spoofed = await env.request('GET', '/dev/users', { headers: { host: 'inovasi.example.go.id' } });
    const local = await env.request('GET', '/dev/users');
    expect(remote.status).toBe(404);
    expect(spoofed.status).toBe(404);
    expect(local.status).toBe(200);
  });

  it('honours platform_admin only for members of the platform itself', async () => {
    // Prepare: a tenant record that claims platform administration (written past the API's checks).
    await repositoriesFor(env.data.forScope(memberAdminScope('35.22'))).members.invite({
      email: 'penyusup@contoh.go.id',
      name: 'Penyusup',
      roles: ['tenant_admin', 'platform_admin'],
    });
    const token = await env.login('penyusup@contoh.go.id');
    // Act
    const me = await env.request('GET', '/me', { token });
    const registry = await env.request('GET', '/tenants', { token });
    // Assess
    expect(me.json.user.roles).toEqual(['tenant_admin']);
    expect(registry.status).toBe(403);
  });
  it('onboards a region with its first admin invited, or not at all when the address is taken', async () => {
    const platform = await env.login('platform@demo.local');
    // Act
    const taken = await env.request('POST', '/tenants', {
      token: platform,
      body: { code: '35.07', firstAdmin: { email: 'admin.3522@demo.local', name: 'Admin Malang' } },
    });
    const notYet = await env.request('GET', '/tenants', { token: platform });
    const onboarded = await env.request('POST', '/tenants', {
      token: platform,
      body: { code: '35.07', firstAdmin: { email: 'bappeda@malangkab.example', name: 'Admin Malang' } },
    });
    // Assess
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: 'member_cannot_be_invited', field: 'firstAdmin.email' });
    expect((notYet.json.items as { code: string }[]).some((tenant) => tenant.code === '35.07')).toBe(false);
    expect(onboarded.status).toBe(201);
    const pointer = await new LoginCredentials(env.data.forScope(loginCredentialScope)).find(
      'bappeda@malangkab.example',
    );
    expect(pointer).toMatchObject({ tenantCode: '35.07' });
    const firstAdmin = await repositoriesFor(env.data.forScope(memberAdminScope('35.07'))).members.get(
      pointer?.userId ?? '',
    );
    expect(firstAdmin).toMatchObject({ roles: ['tenant_admin'], status: 'invited' });
  });
});

describe('the first platform administrator of an AWS deployment', () => {
  const FIRST = 'Admin.Platform@Pemda.go.id';

  it('becomes the platform administrator at its first sign-in, while the platform has none', async () => {
    // Prepare: an empty store, as after the first deploy; Cognito holds the account, no member does.
    const env = await createTestEnvironment({
      mode: 'aws',
      seed: false,
      projector: false,
      memberCacheMs: 0,
      firstPlatformAdminEmail: FIRST,
    });
    const stranger = await env.login('orang.lain@pemda.go.id');
    const first = await env.login(FIRST.toLowerCase());
    // Act
    const refused = await env.request('GET', '/me', { token: stranger });
    const me = await env.request('GET', '/me', { token: first });
    const again = await env.request('GET', '/me', { token: first });
    const registry = await env.request('GET', '/tenants', { token: first });
    // Assess
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('account_unavailable');
    expect(me.status).toBe(200);
    expect(me.json.user.roles).toEqual(['platform_admin']);
    expect(again.json.user.id).toBe(me.json.user.id);
    expect(registry.status).toBe(200);
  });

  it('is an ordinary address once the platform has an administrator', async () => {
    // Prepare: the demo store has its platform administrator already.
    const env = await createTestEnvironment({
      mode: 'aws',
      projector: false,
      memberCacheMs: 0,
      firstPlatformAdminEmail: FIRST,
    });
    const token = await env.login(FIRST.toLowerCase());
    // Act
    const me = await env.request('GET', '/me', { token });
    // Assess
    expect(me.status).toBe(403);
    expect(me.json.error.code).toBe('account_unavailable');
  });
});
