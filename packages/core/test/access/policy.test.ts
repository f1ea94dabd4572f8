import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type Actor, decide, ROLES, type Role } from '../../src/index.ts';

const OWN = '35.22';
const NEIGHBOUR = '35.20';
const OTHER_PROVINCE_REGENCY = '63.03';

const actorWith = (role: Role, tenantCode = OWN): Actor => ({
  userId: `u-${role}`,
  email: `${role}@demo.local`,
  tenantCode: role === 'province_viewer' ? '35' : role === 'platform_admin' ? 'platform' : tenantCode,
  roles: [role],
  opdId: role === 'opd_operator' ? 'opd-own' : undefined,
});

/** The expected answer in the caller's own tenant, for a record of the caller's own OPD. */
const READS: readonly Action[] = [
  'tenant.read',
  'opd.read',
  'innovation.read',
  'spd.read',
  'projection.read',
  'settings.read',
  'replication.read',
  'period.read',
  'evidence.read',
  'dashboard.read',
];
const INNOVATION_WRITES: readonly Action[] = [
  'innovation.create',
  'innovation.update',
  'innovation.archive',
  'workflow.transition',
  'evidence.write',
  'innovation.national_entry',
];

/** The expected answer in the caller's own tenant, for a record of the caller's own OPD. */
const OWN_TENANT: Record<Role, readonly Action[]> = {
  platform_admin: ACTIONS,
  tenant_admin: [
    ...READS,
    ...INNOVATION_WRITES,
    'opd.manage',
    'member.read',
    'member.manage',
    'spd.manage',
    'settings.manage',
    // Publishing and replication agreements are decisions of the region (Bappeda), not of an OPD.
    'catalog.publish',
    'replication.request',
    'replication.respond',
    'replication.document',
    'period.manage',
    'answer.review',
    'audit.read',
    'results.manage',
    'import.run',
    'export.run',
    'export.profile',
    // Bappeda runs the region's contests (ADR 0037).
    'contest.read',
    'contest.enter',
    'contest.judge',
    'contest.manage',
  ],
  // The verifier moves innovations through review; which steps it may take is the state machine's call.
  verifier: [...READS, 'member.read', 'workflow.transition', 'answer.review', 'export.run', 'export.profile'],
  // An OPD may print the profile of an innovation; the pack and the recap are Bappeda's.
  opd_operator: [...READS, ...INNOVATION_WRITES, 'export.profile', 'contest.read', 'contest.enter'],
  // The province's own tenant is `35`; as a viewer it reads and oversees, it does not manage.
  province_viewer: [...READS, 'oversight.read', 'oversight.note'],
  // The head of region / Sekda reads where the region stands, not the records behind it (ADR 0030).
  pimpinan: ['tenant.read', 'opd.read', 'period.read', 'projection.read', 'dashboard.read'],
  // A judge and a citizen entrant reach their contests and nothing of the registry (ADR 0037).
  juri: ['contest.read', 'contest.judge'],
  peserta: ['contest.read', 'contest.enter'],
};

/**
 * What a province reads of a regency inside it under the regency's code: its dashboard only; the
 * drill-down comes from the province's oversight read model (docs/decisions/0023).
 */
const PROVINCE_READS: readonly Action[] = ['dashboard.read'];
const PLATFORM_ACTIONS: readonly Action[] = ['tenant.onboard', 'tenant.list', 'summary.national'];

describe('access policy matrix', () => {
  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action })));

  it.each(cases)('$role / $action in its own tenant and own OPD', ({ role, action }) => {
    const actor = actorWith(role);
    const decision = decide(actor, action, {
      tenantCode: actor.tenantCode === 'platform' ? OWN : actor.tenantCode,
      opdId: 'opd-own',
    });
    expect(decision.allowed).toBe(OWN_TENANT[role].includes(action));
  });

  it.each(cases)('$role / $action in another OPD of its own tenant', ({ role, action }) => {
    const actor = actorWith(role);
    const tenantCode = actor.tenantCode === 'platform' ? OWN : actor.tenantCode;
    const decision = decide(actor, action, { tenantCode, opdId: 'opd-other' });
    // An OPD enters a contest only for itself, as it writes only its own innovations.
    const opdScoped = INNOVATION_WRITES.includes(action) || action === 'contest.enter';
    const expected = OWN_TENANT[role].includes(action) && !(role === 'opd_operator' && opdScoped);
    expect(decision.allowed).toBe(expected);
    if (role === 'opd_operator' && opdScoped)
      expect(decision).toEqual({ allowed: false, reason: 'other_opd' });
  });

  it.each(cases)('$role / $action in a neighbouring regency', ({ role, action }) => {
    const decision = decide(actorWith(role), action, { tenantCode: NEIGHBOUR, opdId: 'opd-own' });
    if (role === 'platform_admin') expect(decision.allowed).toBe(true);
    else if (role === 'province_viewer') {
      // The province oversees the regencies inside it: their summaries, read-only, no raw records.
      expect(decision.allowed).toBe(PROVINCE_READS.includes(action));
      if (decision.allowed) expect(decision.readOnly).toBe(true);
      else if (!PLATFORM_ACTIONS.includes(action))
        expect(decision).toEqual({ allowed: false, reason: 'oversight_only' });
    } else expect(decision.allowed).toBe(false);
  });

  it.each(cases)('$role / $action in a regency of another province', ({ role, action }) => {
    const decision = decide(actorWith(role), action, { tenantCode: OTHER_PROVINCE_REGENCY });
    expect(decision.allowed).toBe(role === 'platform_admin');
  });

  it('never lets a province reach a code that only looks like its own prefix', () => {
    const province = actorWith('province_viewer');
    for (const tenantCode of ['351', '35.', '3.52', '35.2', '350.22']) {
      expect(decide(province, 'dashboard.read', { tenantCode }).allowed).toBe(false);
    }
  });

  it('keeps oversight to a province: a regency has no cockpit, even for a province viewer role', () => {
    const misassigned: Actor = { userId: 'u', email: 'e', tenantCode: OWN, roles: ['province_viewer'] };
    for (const action of ['oversight.read', 'oversight.note'] as const) {
      expect(decide(misassigned, action, { tenantCode: OWN })).toEqual({ allowed: false, reason: 'role' });
      expect(decide(actorWith('province_viewer'), action, { tenantCode: NEIGHBOUR }).allowed).toBe(false);
      expect(decide(actorWith('province_viewer'), action, { tenantCode: '63' }).allowed).toBe(false);
    }
    expect(decide(actorWith('province_viewer'), 'oversight.note', { tenantCode: '35' })).toEqual({
      allowed: true,
      readOnly: false,
    });
  });

  it('lets a pimpinan change nothing: every action it may take is a read', () => {
    const leader = actorWith('pimpinan');
    for (const action of ACTIONS) {
      const decision = decide(leader, action, { tenantCode: OWN, opdId: 'opd-own' });
      if (decision.allowed) expect(decision.readOnly).toBe(true);
      else expect(decision).toEqual({ allowed: false, reason: 'role' });
    }
  });

  it('keeps a pimpinan to its own region, even a regency inside its province', () => {
    const leader: Actor = { userId: 'u', email: 'e', tenantCode: '35', roles: ['pimpinan'] };
    for (const tenantCode of [OWN, NEIGHBOUR, OTHER_PROVINCE_REGENCY]) {
      expect(decide(leader, 'dashboard.read', { tenantCode })).toEqual({
        allowed: false,
        reason: 'other_tenant',
      });
    }
  });

  it('keeps the national summaries to the platform administrator', () => {
    for (const role of ROLES.filter((candidate) => candidate !== 'platform_admin')) {
      const actor = actorWith(role);
      expect(decide(actor, 'summary.national', { tenantCode: actor.tenantCode }).allowed).toBe(false);
    }
    expect(decide(actorWith('platform_admin'), 'summary.national', { tenantCode: 'platform' }).allowed).toBe(
      true,
    );
  });

  it('refuses an operator without an OPD every OPD-scoped write', () => {
    const orphan: Actor = { userId: 'u', email: 'e', tenantCode: OWN, roles: ['opd_operator'] };
    expect(decide(orphan, 'innovation.create', { tenantCode: OWN, opdId: undefined })).toEqual({
      allowed: false,
      reason: 'other_opd',
    });
  });

  it('lets a combined role act with its widest grant', () => {
    const both: Actor = {
      userId: 'u',
      email: 'e',
      tenantCode: OWN,
      roles: ['opd_operator', 'tenant_admin'],
      opdId: 'opd-own',
    };
    expect(decide(both, 'innovation.update', { tenantCode: OWN, opdId: 'opd-other' }).allowed).toBe(true);
  });
});
