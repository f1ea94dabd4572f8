import { LOGIN_PREFIX, PLATFORM_PREFIX, tenantKeyPrefix, tenantObjectPrefix } from './keys.ts';
import type { DataScope } from './tenant-guard.ts';

/** Everything of one tenant, or only reading it (a province overseeing one of its regencies). */
export const tenantScope = (tenantCode: string, readOnly = false): DataScope => ({
  keyPrefixes: [tenantKeyPrefix(tenantCode)],
  objectPrefixes: [tenantObjectPrefix(tenantCode)],
  readOnly,
});

/**
 * A tenant's member administration also claims e-mail addresses in the login directory; the
 * member repository writes those entries only with conditions that keep other tenants' claims.
 */
export const memberAdminScope = (tenantCode: string): DataScope => ({
  keyPrefixes: [tenantKeyPrefix(tenantCode), LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
});

/** Onboarding one tenant: the platform registry plus that tenant's profile, nothing else. */
export const onboardingScope = (tenantCode: string): DataScope => ({
  keyPrefixes: [PLATFORM_PREFIX, tenantKeyPrefix(tenantCode)],
  objectPrefixes: [],
  readOnly: false,
});

export const platformRegistryScope: DataScope = {
  keyPrefixes: [PLATFORM_PREFIX],
  objectPrefixes: [],
  readOnly: true,
};

export const loginDirectoryScope: DataScope = {
  keyPrefixes: [LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: true,
};

/** Creating platform administrators: their records and their login entries. */
export const platformAdminScope: DataScope = {
  keyPrefixes: [PLATFORM_PREFIX, LOGIN_PREFIX],
  objectPrefixes: [],
  readOnly: false,
};
