import { totpEnabledIn } from '@inovasi/app/identity/cognito-admin';
import { type IdentityAdmin, recordOnlyIdentityAdmin } from '@inovasi/app/identity/identity-admin';
import { createLogger } from '@inovasi/app/logging';
import type { Actor } from '@inovasi/core';
import { ScopedClientFactory } from '@inovasi/data';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { mfaGate } from '../src/auth/mfa-gate.ts';
import type { AppDeps } from '../src/deps.ts';
import { directoryOf } from './support/directory.ts';

/**
 * Administrators must have an authenticator app (TOTP) in AWS (docs/decisions/0024). The provider's
 * answer comes through the IdentityAdmin seam (the Cognito adapter itself runs against cognito-local
 * in test/integration/cognito-admin.test.ts); here a table stands in for the provider, and requests
 * go through the real app. The data layer points at nothing: every request here is decided before
 * it would reach DynamoDB.
 */
const actors: Record<string, Actor> = {
  'token-admin': {
    userId: 'u-admin',
    email: 'admin@kota.example',
    tenantCode: '35.22',
    roles: ['tenant_admin'],
  },
  'token-platform': {
    userId: 'u-platform',
    email: 'platform@inovasi.example',
    tenantCode: 'platform',
    roles: ['platform_admin'],
  },
  'token-operator': {
    userId: 'u-operator',
    email: 'operator@kota.example',
    tenantCode: '35.22',
    roles: ['opd_operator'],
    opdId: 'opd-1',
  },
  'token-verifier-admin': {
    userId: 'u-both',
    email: 'both@kota.example',
    tenantCode: '35.22',
    roles: ['verifier', 'tenant_admin'],
  },
};

const directory = directoryOf(actors);

/** A provider whose people have TOTP on or off as the test says, counting how often it is asked. */
function providerWith(enrolled: Set<string>) {
  const asked: string[] = [];
  const admin: IdentityAdmin = {
    ...recordOnlyIdentityAdmin,
    async totpEnrolled(email) {
      asked.push(email);
      return enrolled.has(email);
    },
  };
  return { admin, asked };
}

const appWith = (overrides: Partial<AppDeps>) =>
  createApp({
    mode: 'aws',
    data: new ScopedClientFactory({ tableName: 'unused', bucketName: 'unused', region: 'ap-southeast-3' }),
    verifier: directory.verifier,
    findMember: directory.findMember,
    signIn: { provider: 'cognito', authority: 'https://cognito.example', clientId: 'web', scope: 'openid' },
    areas: { list: async () => [], find: async () => undefined },
    logger: createLogger({ serviceName: 'test', logLevel: 'SILENT' }),
    rateLimits: false,
    ...overrides,
  });

/** A write that fails validation: past the gates it answers 400 and never reaches the data layer. */
const invalidWrite = (app: ReturnType<typeof appWith>, token: string, tenant = '35.22') =>
  app.request(`/api/v1/tenants/${tenant}/opds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-language': 'id',
    },
    body: '{}',
  });

describe('administrators need an authenticator app in AWS', () => {
  it('refuses a tenant administrator without TOTP with 403 mfa_required, in Bahasa Indonesia', async () => {
    // Prepare
    const { admin } = providerWith(new Set());
    const app = appWith({ identityAdmin: admin });
    // Act
    const response = await invalidWrite(app, 'token-admin');
    // Assess
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('mfa_required');
    expect(body.error.message).toMatch(/verifikasi dua langkah/);
  });

  it('refuses a platform administrator without TOTP, and `/me` says why', async () => {
    const { admin } = providerWith(new Set());
    const app = appWith({ identityAdmin: admin });
    // Act
    const me = await app.request('/api/v1/me', {
      headers: { authorization: 'Bearer token-platform', 'accept-language': 'en' },
    });
    // Assess
    expect(me.status).toBe(403);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('mfa_required');
  });

  it('refuses someone who is an administrator among other roles', async () => {
    const { admin } = providerWith(new Set());
    const response = await invalidWrite(appWith({ identityAdmin: admin }), 'token-verifier-admin');
    expect(response.status).toBe(403);
  });

  it('lets an administrator with TOTP through, and trusts the answer for the cache bound', async () => {
    // Prepare
    const { admin, asked } = providerWith(new Set(['admin@kota.example']));
    const app = appWith({ identityAdmin: admin });
    // Act
    const first = await invalidWrite(app, 'token-admin');
    const second = await invalidWrite(app, 'token-admin');
    // Assess: past the gate, the body's validation answers.
    expect(first.status).toBe(400);
    expect(second.status).toBe(400);
    expect(asked).toEqual(['admin@kota.example']);
  });

  it('asks again after a refusal, so the request right after enrolment passes', async () => {
    // Prepare
    const enrolled = new Set<string>();
    const { admin, asked } = providerWith(enrolled);
    const app = appWith({ identityAdmin: admin });
    expect((await invalidWrite(app, 'token-admin')).status).toBe(403);
    // Act: the person enrols (in the web app, against Cognito).
    enrolled.add('admin@kota.example');
    const after = await invalidWrite(app, 'token-admin');
    // Assess
    expect(after.status).toBe(400);
    expect(asked).toHaveLength(2);
  });

  it('does not ask anything of someone who is not an administrator', async () => {
    const { admin, asked } = providerWith(new Set());
    const response = await invalidWrite(appWith({ identityAdmin: admin }), 'token-operator');
    expect(response.status).toBe(400);
    expect(asked).toEqual([]);
  });

  it('still serves public routes to an administrator who has not enrolled yet', async () => {
    const { admin } = providerWith(new Set());
    const response = await appWith({ identityAdmin: admin }).request('/api/v1/auth/config', {
      headers: { authorization: 'Bearer token-admin' },
    });
    expect(response.status).toBe(200);
  });

  it('answers 503 (never 500) when the provider cannot be asked', async () => {
    // Prepare
    const failing: IdentityAdmin = {
      ...recordOnlyIdentityAdmin,
      async totpEnrolled() {
        throw new Error('AccessDeniedException');
      },
    };
    // Act
    const response = await invalidWrite(appWith({ identityAdmin: failing }), 'token-admin');
    // Assess
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'identity_provider_unavailable',
    );
  });

  it('asks nothing in the embedded default (local mode), where the provider has no MFA', async () => {
    // Prepare: even a provider that could answer is not asked outside AWS.
    const { admin, asked } = providerWith(new Set());
    // Act
    const response = await invalidWrite(appWith({ mode: 'local', identityAdmin: admin }), 'token-admin');
    // Assess
    expect(response.status).toBe(400);
    expect(asked).toEqual([]);
    expect(mfaGate({ mode: 'local', identityAdmin: admin }).enforced).toBe(false);
    expect(mfaGate({ mode: 'aws', identityAdmin: recordOnlyIdentityAdmin }).enforced).toBe(false);
  });
});

describe('reading Cognito’s answer', () => {
  it('counts TOTP as on only when Cognito lists it among the enabled methods', () => {
    expect(totpEnabledIn({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] })).toBe(true);
    expect(totpEnabledIn({ UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] })).toBe(true);
    expect(totpEnabledIn({ UserMFASettingList: ['SMS_MFA'] })).toBe(false);
    expect(totpEnabledIn({ UserMFASettingList: [] })).toBe(false);
    // What cognito-local (and Cognito, for someone who never enrolled) answers.
    expect(totpEnabledIn({})).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  it('lists 403 on every route that needs a caller, where mfa_required may answer', async () => {
    // Prepare
    const app = appWith({});
    // Act
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    };
    // Assess
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );
    const needCaller = operations.filter(({ operation }) => operation.security?.length !== 0);
    expect(needCaller.length).toBeGreaterThan(50);
    expect(
      needCaller.filter(({ operation }) => !operation.responses['403']).map(({ route }) => route),
    ).toEqual([]);
    expect(document.paths['/api/v1/auth/config']?.get?.responses['403']).toBeUndefined();
  });
});
