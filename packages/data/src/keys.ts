import { INDEXES, TABLE_KEY, tenantObjectPrefix } from './table-definition.ts';

/**
 * Every key of the table is built here and nowhere else. A tenant's keys all begin with
 * `T#<code>#`; the closing `#` keeps province `35` from ever matching `T#35.22#…`.
 */
export const tenantKeyPrefix = (tenantCode: string): string => `T#${tenantCode}#`;

/** Local identity directory: e-mail → (tenant, user). Stands in for Cognito in the embedded default. */
export const LOGIN_PREFIX = 'LOGIN#';
/** Platform registry of onboarded tenants and platform administrators. */
export const PLATFORM_PREFIX = 'PLATFORM#';

/** The tenant code a platform administrator's identity carries: it belongs to no region. */
export const PLATFORM_TENANT = 'platform';

export interface TableKey {
  readonly [TABLE_KEY.partition]: string;
  readonly [TABLE_KEY.sort]: string;
}

const key = (pk: string, sk: string): TableKey => ({ pk, sk });

export const keys = {
  tenantProfile: (tenant: string) => key(tenantKeyPrefix(tenant), 'PROFILE'),
  opd: (tenant: string, opdId: string) => key(tenantKeyPrefix(tenant), `OPD#${opdId}`),
  opdSortPrefix: 'OPD#',
  member: (tenant: string, userId: string) => key(tenantKeyPrefix(tenant), `USER#${userId}`),
  memberSortPrefix: 'USER#',
  memberEmail: (tenant: string, email: string) => key(tenantKeyPrefix(tenant), `EMAIL#${email}`),
  spdAnswers: (tenant: string, year: number) => key(tenantKeyPrefix(tenant), `PERIOD#${year}#SPD`),
  tenantSettings: (tenant: string) => key(tenantKeyPrefix(tenant), 'SETTINGS'),
  idempotency: (tenant: string, scope: string, requestKey: string) =>
    key(tenantKeyPrefix(tenant), `IDEMP#${scope}#${requestKey}`),
  innovation: (tenant: string, innovationId: string) =>
    key(`${tenantKeyPrefix(tenant)}INNO#${innovationId}`, 'A'),
  login: (email: string) => key(`${LOGIN_PREFIX}${email}`, 'A'),
  platformTenant: (tenant: string) => key(PLATFORM_PREFIX, `TENANT#${tenant}`),
  platformTenantSortPrefix: 'TENANT#',
  platformAdmin: (userId: string) => key(PLATFORM_PREFIX, `USER#${userId}`),
  seedMarker: (name: string) => key(PLATFORM_PREFIX, `SEED#${name}`),
} as const;

/** Index attributes that place an innovation in the tenant-wide and per-OPD lists. */
export const innovationIndexKeys = (
  tenant: string,
  opdId: string,
  createdAt: string,
  innovationId: string,
) => ({
  [INDEXES.byType.partition]: `${tenantKeyPrefix(tenant)}INNO`,
  [INDEXES.byType.sort]: `${createdAt}#${innovationId}`,
  [INDEXES.byOpd.partition]: `${tenantKeyPrefix(tenant)}OPD#${opdId}#INNO`,
  [INDEXES.byOpd.sort]: `${createdAt}#${innovationId}`,
});

export const innovationListPartition = (tenant: string, opdId?: string) =>
  opdId
    ? { index: INDEXES.byOpd, value: `${tenantKeyPrefix(tenant)}OPD#${opdId}#INNO` }
    : { index: INDEXES.byType, value: `${tenantKeyPrefix(tenant)}INNO` };

export const evidenceObjectKey = (tenant: string, evidenceId: string, fileName: string): string =>
  `${tenantObjectPrefix(tenant)}evidence/${evidenceId}/${fileName}`;

export { tenantObjectPrefix };
