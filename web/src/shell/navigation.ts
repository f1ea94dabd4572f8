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

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/inovasi', label: 'nav.innovations', roles: INNOVATION_ROLES },
  { to: '/opd', label: 'nav.opds', roles: ['tenant_admin'] },
  { to: '/pengguna', label: 'nav.members', roles: ['tenant_admin'] },
  { to: '/platform/pemda', label: 'nav.tenants', roles: ['platform_admin'] },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where a user lands after sign-in: the first area their roles open. */
export function homePathFor(roles: readonly Role[]): string {
  return navItemsFor(roles)[0]?.to ?? '/inovasi';
}
