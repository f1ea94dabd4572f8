import type { Role } from '../api/model.ts';
import type { MessageKey } from '../i18n/id.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** Tenant roles that work with innovation records of their own Pemda. */
export const INNOVATION_ROLES: readonly Role[] = [
  'tenant_admin',
  'verifier',
  'opd_operator',
  'province_viewer',
];

/** Bappeda and the region's leaders (who sign in as viewers) read the projected index. */
export const DASHBOARD_ROLES: readonly Role[] = ['tenant_admin', 'verifier', 'province_viewer'];
export const REVIEW_ROLES: readonly Role[] = ['tenant_admin', 'verifier'];
/** The evidence library: its files are not shared with the province (policy: no evidence.read). */
export const EVIDENCE_ROLES: readonly Role[] = ['tenant_admin', 'verifier', 'opd_operator'];

/** Regional innovation contests: Bappeda runs them, OPDs and citizens enter, judges score (ADR 0037). */
export const CONTEST_ROLES: readonly Role[] = ['tenant_admin', 'opd_operator', 'juri', 'peserta'];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/pimpinan', label: 'nav.commandCentre', roles: ['pimpinan'] },
  { to: '/provinsi', label: 'nav.oversight', roles: ['province_viewer'] },
  { to: '/dasbor', label: 'nav.dashboard', roles: DASHBOARD_ROLES },
  { to: '/simulasi', label: 'nav.whatif', roles: DASHBOARD_ROLES },
  { to: '/inovasi', label: 'nav.innovations', roles: INNOVATION_ROLES },
  { to: '/tugas', label: 'nav.todo', roles: ['opd_operator'] },
  { to: '/verifikasi', label: 'nav.queue', roles: REVIEW_ROLES },
  { to: '/spd', label: 'nav.spd', roles: REVIEW_ROLES },
  { to: '/data-dukung', label: 'nav.evidence', roles: EVIDENCE_ROLES },
  { to: '/progres', label: 'nav.progress', roles: ['tenant_admin'] },
  { to: '/replikasi', label: 'nav.replications', roles: ['tenant_admin'] },
  { to: '/ekspor', label: 'nav.exports', roles: REVIEW_ROLES },
  { to: '/impor', label: 'nav.imports', roles: ['tenant_admin'] },
  { to: '/notifikasi', label: 'nav.notifications', roles: INNOVATION_ROLES },
  { to: '/katalog', label: 'nav.catalog', roles: INNOVATION_ROLES },
  { to: '/lomba', label: 'nav.contests', roles: CONTEST_ROLES },
  { to: '/periode', label: 'nav.periods', roles: ['tenant_admin'] },
  { to: '/opd', label: 'nav.opds', roles: ['tenant_admin'] },
  { to: '/unit', label: 'nav.units', roles: ['tenant_admin'] },
  { to: '/pengguna', label: 'nav.members', roles: ['tenant_admin'] },
  { to: '/pengaturan', label: 'nav.settings', roles: ['tenant_admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['tenant_admin'] },
  { to: '/platform/pemda', label: 'nav.tenants', roles: ['platform_admin'] },
  { to: '/platform/nasional', label: 'nav.national', roles: ['platform_admin'] },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where each role starts its day; the first match wins for users with several roles. */
const HOME_BY_ROLE: readonly [Role, string][] = [
  ['platform_admin', '/platform/pemda'],
  // A province's admin is also its oversight viewer: the regencies come first, not its own registry.
  ['province_viewer', '/provinsi'],
  // A leader holding another role too (say a Sekda who also administers) still lands on the figures.
  ['pimpinan', '/pimpinan'],
  ['tenant_admin', '/dasbor'],
  ['verifier', '/verifikasi'],
  ['opd_operator', '/inovasi'],
  ['juri', '/lomba'],
  ['peserta', '/lomba'],
];

/** Where a user lands after sign-in. */
export function homePathFor(roles: readonly Role[]): string {
  return HOME_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? navItemsFor(roles)[0]?.to ?? '/inovasi';
}
