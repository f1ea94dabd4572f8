import { type Action, type Actor, canOverseeTenant, decide } from '@inovasi/core';
import {
  InnovationRepository,
  MemberRepository,
  memberAdminScope,
  OpdRepository,
  SpdAnswersRepository,
  TenantProfileRepository,
  TenantSettingsRepository,
  tenantScope,
} from '@inovasi/data';
import { type AppContext, requireActor } from './context.ts';
import { ApiError } from './errors.ts';

const DENIAL_ERRORS = {
  other_tenant: 'forbidden_tenant',
  role: 'forbidden_role',
  other_opd: 'forbidden_opd',
} as const;

/** Repositories bound to one tenant, handed to a route after its caller was authorised. */
export interface TenantAccess {
  readonly actor: Actor;
  readonly tenantCode: string;
  readonly readOnly: boolean;
  readonly profile: TenantProfileRepository;
  readonly opds: OpdRepository;
  readonly innovations: InnovationRepository;
  readonly spd: SpdAnswersRepository;
  readonly settings: TenantSettingsRepository;
  members(): MemberRepository;
  /** Re-checks an OPD-scoped action against the record's own OPD, once it is known. */
  authorizeOpd(action: Action, opdId: string): void;
}

/** The coarse gate: a caller enters only its own tenant, or one it oversees. */
export function assertMayEnterTenant(c: AppContext, tenantCode: string | undefined): void {
  const actor = requireActor(c);
  if (tenantCode !== actor.tenantCode && !canOverseeTenant(actor, tenantCode ?? '')) {
    throw new ApiError(403, 'forbidden_tenant');
  }
}

/**
 * The only way a route reaches tenant data: authorise the caller for the path's tenant, then
 * receive repositories whose clients carry the tenant guard for exactly that tenant.
 */
export async function tenantAccess(c: AppContext, tenantCode: string, action: Action): Promise<TenantAccess> {
  const actor = requireActor(c);
  const check = (act: Action, opdId?: string) => {
    const decision = decide(actor, act, { tenantCode, opdId });
    if (!decision.allowed) throw new ApiError(403, DENIAL_ERRORS[decision.reason]);
    return decision;
  };
  const decision = check(action, actor.opdId);
  const deps = c.get('deps');
  const clients = deps.data.forScope(tenantScope(tenantCode, decision.readOnly));
  const profile = new TenantProfileRepository(clients, tenantCode);
  if (tenantCode !== actor.tenantCode && !(await profile.get())) {
    throw new ApiError(404, 'tenant_not_onboarded');
  }
  return {
    actor,
    tenantCode,
    readOnly: decision.readOnly,
    profile,
    opds: new OpdRepository(clients, tenantCode),
    innovations: new InnovationRepository(clients, tenantCode),
    spd: new SpdAnswersRepository(clients, tenantCode),
    settings: new TenantSettingsRepository(clients, tenantCode),
    members: () => new MemberRepository(deps.data.forScope(memberAdminScope(tenantCode)), tenantCode),
    authorizeOpd: (act, opdId) => {
      check(act, opdId);
    },
  };
}
