export const ROLES = [
  'platform_admin',
  'tenant_admin',
  'verifier',
  'opd_operator',
  'province_viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified token. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly tenantCode: string;
  readonly roles: readonly Role[];
  readonly opdId?: string | undefined;
}
