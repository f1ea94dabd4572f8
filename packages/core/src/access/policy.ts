import type { Actor, Role } from './roles.ts';
import { isInsideProvince } from './tenant-code.ts';

export const ACTIONS = [
  'tenant.onboard',
  'tenant.list',
  'tenant.read',
  'opd.read',
  'opd.manage',
  'member.read',
  'member.manage',
  'innovation.read',
  'innovation.create',
  'innovation.update',
  'innovation.archive',
  'spd.read',
  'spd.manage',
  'projection.read',
  'settings.read',
  'settings.manage',
  'catalog.publish',
  'replication.read',
  'replication.request',
  'replication.respond',
  'replication.document',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is about: the tenant it touches and, for OPD-owned records, the owning OPD. */
export interface Target {
  readonly tenantCode: string;
  readonly opdId?: string | undefined;
}

export type Decision =
  | { readonly allowed: true; readonly readOnly: boolean }
  | { readonly allowed: false; readonly reason: DenialReason };

export type DenialReason = 'other_tenant' | 'role' | 'other_opd';

const READ_ACTIONS: ReadonlySet<Action> = new Set([
  'tenant.read',
  'opd.read',
  'innovation.read',
  'spd.read',
  'projection.read',
  'settings.read',
  'replication.read',
]);

/** Role → actions inside the actor's own tenant. OPD scoping is applied separately. */
const OWN_TENANT_GRANTS: Record<Role, ReadonlySet<Action>> = {
  platform_admin: new Set(ACTIONS),
  tenant_admin: new Set([
    'tenant.read',
    'opd.read',
    'opd.manage',
    'member.read',
    'member.manage',
    'innovation.read',
    'innovation.create',
    'innovation.update',
    'innovation.archive',
    'spd.read',
    'spd.manage',
    'projection.read',
    'settings.read',
    'settings.manage',
    'catalog.publish',
    'replication.read',
    'replication.request',
    'replication.respond',
    'replication.document',
  ]),
  verifier: new Set([
    'tenant.read',
    'opd.read',
    'member.read',
    'innovation.read',
    'spd.read',
    'projection.read',
    'settings.read',
    'replication.read',
  ]),
  opd_operator: new Set([
    'tenant.read',
    'opd.read',
    'innovation.read',
    'innovation.create',
    'innovation.update',
    'innovation.archive',
    'spd.read',
    'projection.read',
    'settings.read',
    'replication.read',
  ]),
  province_viewer: new Set([
    'tenant.read',
    'opd.read',
    'innovation.read',
    'spd.read',
    'projection.read',
    'settings.read',
    'replication.read',
  ]),
};

/** Actions an OPD operator may take only on records of its own OPD. */
const OPD_SCOPED: ReadonlySet<Action> = new Set([
  'innovation.create',
  'innovation.update',
  'innovation.archive',
]);

const has = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/**
 * The single access rule of the product. Pure, so it can be tested as a full matrix of
 * role × action × own/other tenant × own/other OPD.
 */
export function decide(actor: Actor, action: Action, target: Target): Decision {
  if (has(actor, 'platform_admin')) return { allowed: true, readOnly: false };
  if (action === 'tenant.onboard' || action === 'tenant.list') return { allowed: false, reason: 'role' };

  if (target.tenantCode !== actor.tenantCode) {
    // A province oversees the regencies and cities inside it, read-only.
    const oversees = has(actor, 'province_viewer') && isInsideProvince(target.tenantCode, actor.tenantCode);
    if (oversees && READ_ACTIONS.has(action)) return { allowed: true, readOnly: true };
    return { allowed: false, reason: 'other_tenant' };
  }

  const granted = actor.roles.filter((role) => OWN_TENANT_GRANTS[role].has(action));
  if (granted.length === 0) return { allowed: false, reason: 'role' };

  const unrestricted = granted.some((role) => role !== 'opd_operator');
  if (!unrestricted && OPD_SCOPED.has(action) && (!actor.opdId || target.opdId !== actor.opdId)) {
    return { allowed: false, reason: 'other_opd' };
  }
  const writes = !READ_ACTIONS.has(action);
  return { allowed: true, readOnly: !writes };
}

/** The tenant scopes an actor may reach for reading, besides its own. */
export const canOverseeTenant = (actor: Actor, tenantCode: string): boolean =>
  has(actor, 'platform_admin') ||
  (has(actor, 'province_viewer') && isInsideProvince(tenantCode, actor.tenantCode));
