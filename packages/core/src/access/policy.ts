import type { Actor, Role } from './roles.ts';
import { isInsideProvince, isProvinceCode } from './tenant-code.ts';

/** What anyone with a role in a tenant may read there (a province, of its regencies, only the dashboard). */
const READS = [
  'tenant.read',
  'opd.read',
  'innovation.read',
  'spd.read',
  'projection.read',
  'settings.read',
  'replication.read',
  'period.read',
  'evidence.read',
  // The region's dashboard: its summary, its trend over the season, its official past results.
  'dashboard.read',
] as const;

/**
 * What the region's leaders read: where the region stands (dashboard, projection), the OPDs and
 * the period's progress board. Not the records themselves: innovation profiles, evidence, SPD
 * answers and settings stay with the people who work on them, so a leader's account that leaks
 * exposes figures, not documents (docs/decisions/0030-leaders-command-centre.md).
 */
const LEADER_READS = ['tenant.read', 'opd.read', 'period.read', 'projection.read', 'dashboard.read'] as const;

/** What an OPD writes about its own innovations, and steps it through the workflow. */
const INNOVATION_WRITES = [
  'innovation.create',
  'innovation.update',
  'innovation.archive',
  'workflow.transition',
  // Uploading, describing and deleting evidence owned by the OPD (region-wide items: tenant admin only).
  'evidence.write',
  // Ticking an innovation off as typed into the national application, with its registration number.
  'innovation.national_entry',
] as const;

/** Decisions of the region's Bappeda: structure, people, regional answers, publishing, periods. */
const ADMINISTRATION = [
  'opd.manage',
  'member.read',
  'member.manage',
  'spd.manage',
  'settings.manage',
  'catalog.publish',
  'replication.request',
  'replication.respond',
  'replication.document',
  'period.manage',
  'answer.review',
  'audit.read',
  // Entering the official results of past years (index, rank) from the Kepmendagri.
  'results.manage',
  // Bulk import of innovations from a spreadsheet (onboarding an OPD or a whole region).
  'import.run',
] as const;

/**
 * A province's oversight of the regencies inside it, in the province's own tenant: the cockpit
 * (read from the province read model, never from the regencies' partitions) and its notes and
 * pendamping assignments (kept in the province's own partition).
 */
const OVERSIGHT = ['oversight.read', 'oversight.note'] as const;

/**
 * Files made from the region's data by background jobs: the national-entry pack and the Excel
 * recap (`export.run`, Bappeda's admins and verifiers), and the PDF profile of one innovation
 * (`export.profile`, anyone who works on innovations). A read-only viewer starts no job.
 */
const EXPORTS = ['export.run', 'export.profile'] as const;

/**
 * Regional innovation contests (docs/decisions/0037). `contest.read` lists the calls a caller takes
 * part in (the route narrows it to the judge's panels and the entrant's own entries); `contest.enter`
 * enters an innovation (an OPD operator for its own OPD, a citizen for themselves); `contest.judge`
 * declares conflicts and scores assigned entries; `contest.manage` is Bappeda's.
 */
const CONTESTS = ['contest.read', 'contest.enter', 'contest.judge', 'contest.manage'] as const;

/** Platform-wide actions no region may take. */
const PLATFORM_ONLY = ['tenant.onboard', 'tenant.list', 'summary.national'] as const;

export const ACTIONS = [
  ...PLATFORM_ONLY,
  ...READS,
  ...INNOVATION_WRITES,
  ...ADMINISTRATION,
  ...OVERSIGHT,
  ...EXPORTS,
  ...CONTESTS,
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

/**
 * `oversight_only`: a province at a regency inside it asked for anything but the regency's
 * summaries; it sees the regency through its oversight read model, never the raw records.
 */
export type DenialReason = 'other_tenant' | 'role' | 'other_opd' | 'oversight_only';

const READ_ACTIONS: ReadonlySet<Action> = new Set([...READS, 'contest.read']);
const PLATFORM_ACTIONS: ReadonlySet<Action> = new Set(PLATFORM_ONLY);
const OVERSIGHT_ACTIONS: ReadonlySet<Action> = new Set(OVERSIGHT);
/**
 * What a province reads of a regency inside it under the regency's own code: the region's
 * dashboard (its derived summary, trend, official results and the province's own note), nothing
 * else. Innovation records (budget, design narrative, reviewers), settings, SPD answers, evidence,
 * members and projections are the regency's; the province's drill-down serves names, stages,
 * figures and progress from its oversight read model instead (docs/decisions/0023).
 */
const OVERSEEING_READS: ReadonlySet<Action> = new Set(['dashboard.read']);

/** Role → actions inside the actor's own tenant. OPD scoping is applied separately. */
const OWN_TENANT_GRANTS: Record<Role, ReadonlySet<Action>> = {
  platform_admin: new Set(ACTIONS),
  tenant_admin: new Set([...READS, ...INNOVATION_WRITES, ...ADMINISTRATION, ...EXPORTS, ...CONTESTS]),
  // The verifier steps innovations through review; which steps it may take is the state machine's call.
  verifier: new Set([...READS, 'member.read', 'workflow.transition', 'answer.review', ...EXPORTS]),
  opd_operator: new Set([...READS, ...INNOVATION_WRITES, 'export.profile', 'contest.read', 'contest.enter']),
  province_viewer: new Set([...READS, ...OVERSIGHT]),
  pimpinan: new Set(LEADER_READS),
  // Judges and citizen entrants read nothing of the region's registry: only their contests.
  juri: new Set(['contest.read', 'contest.judge']),
  peserta: new Set(['contest.read', 'contest.enter']),
};

/** Actions an OPD operator may take only on records of its own OPD. */
const OPD_SCOPED: ReadonlySet<Action> = new Set([...INNOVATION_WRITES, 'contest.enter']);

const has = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/**
 * The single access rule of the product. Pure, so it can be tested as a full matrix of
 * role × action × own/other tenant × own/other OPD.
 */
export function decide(actor: Actor, action: Action, target: Target): Decision {
  if (has(actor, 'platform_admin')) return { allowed: true, readOnly: false };
  if (PLATFORM_ACTIONS.has(action)) return { allowed: false, reason: 'role' };

  if (target.tenantCode !== actor.tenantCode) {
    // A province oversees the regencies and cities inside it: their summaries, read-only.
    const oversees = has(actor, 'province_viewer') && isInsideProvince(target.tenantCode, actor.tenantCode);
    if (!oversees) return { allowed: false, reason: 'other_tenant' };
    if (OVERSEEING_READS.has(action)) return { allowed: true, readOnly: true };
    return { allowed: false, reason: 'oversight_only' };
  }
  // Oversight is a province's, over the regencies inside it; a regency has nothing to oversee.
  if (OVERSIGHT_ACTIONS.has(action) && !isProvinceCode(target.tenantCode))
    return { allowed: false, reason: 'role' };

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
