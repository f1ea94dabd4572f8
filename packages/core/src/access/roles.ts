export const ROLES = [
  'platform_admin',
  'tenant_admin',
  'verifier',
  'opd_operator',
  'province_viewer',
  // The head of region or the Sekda: reads the region's standing, changes nothing (ADR 0030).
  'pimpinan',
  // A contest judge, invited to the panels of particular calls: scores only what is assigned (ADR 0037).
  'juri',
  // A citizen or student who entered a contest through a self-service account: their own entries only.
  'peserta',
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
