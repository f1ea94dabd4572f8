import { type Action, type Actor, decide } from '@inovasi/core';
import {
  type AuditContext,
  CatalogPublisher,
  catalogPublisherScope,
  type MemberRepository,
  memberAdminScope,
  provinceOversightScope,
  ReplicationAgreements,
  replicationAgreementScope,
  replicationRequestScope,
  repositoriesFor,
  type TenantClients,
  type TenantRepositories,
  tenantScope,
} from '@inovasi/data';
import type { ServiceDeps } from './deps.ts';
import { AppError } from './errors.ts';

/** The error code of each reason the access policy refuses (the one translation of them). */
export const DENIAL_ERRORS = {
  other_tenant: 'forbidden_tenant',
  role: 'forbidden_role',
  other_opd: 'forbidden_opd',
  oversight_only: 'province_oversight_only',
} as const;

/**
 * Repositories bound to one tenant (`repositoriesFor` its clients), handed to a service once its
 * caller was authorised. Reading members is `members()`: the one repository here that is built on
 * the member administration scope instead.
 */
export interface TenantAccess extends Omit<TenantRepositories, 'members'> {
  readonly actor: Actor;
  readonly tenantCode: string;
  readonly readOnly: boolean;
  /** The guard-scoped clients of this tenant; their `tenantCode` is this access's. */
  readonly clients: TenantClients;
  /** Who changes data in this request; every repository mutation writes it to the audit trail. */
  readonly audit: AuditContext;
  members(): MemberRepository;
  /** This region's own catalogue entries (`CATALOG#ENTRY#<code>#…`) and the shared log. */
  catalogPublisher(): CatalogPublisher;
  /**
   * The two-region replication flow with `counterpart`: the only way this region's action writes
   * another region's data. `agreement` (this region is the source) may also create the
   * counterpart's replica draft and raise this region's public replication count.
   */
  replicationFlow(counterpart: string, kind: 'request' | 'agreement'): ReplicationAgreements;
  /** Re-checks an OPD-scoped action against the record's own OPD, once it is known. */
  authorizeOpd(action: Action, opdId: string): void;
}

/**
 * Authorises `audit.actor` for `action` in `tenantCode` and hands back repositories whose clients
 * carry the tenant guard for exactly that tenant. The HTTP app calls it with the request's caller
 * (functions/api/src/tenancy.ts); nothing else decides who reaches a tenant's data.
 */
export async function openTenantAccess(
  deps: Pick<ServiceDeps, 'data' | 'evidenceLimits'>,
  audit: AuditContext,
  tenantCode: string,
  action: Action,
): Promise<TenantAccess> {
  const actor = audit.actor;
  const check = (act: Action, opdId?: string) => {
    const decision = decide(actor, act, { tenantCode, opdId });
    if (!decision.allowed) throw new AppError(DENIAL_ERRORS[decision.reason]);
    return decision;
  };
  const decision = check(action, actor.opdId);
  // Only a province at a regency inside it is let into another tenant without being the platform;
  // its clients reach the regency's summaries, profile, periods and results and nothing else, so a
  // route that forgot the policy still could not read a raw record (docs/decisions/0032).
  const overseeing = tenantCode !== actor.tenantCode && !actor.roles.includes('platform_admin');
  const clients = deps.data.forScope(
    overseeing ? provinceOversightScope(tenantCode) : tenantScope(tenantCode, decision.readOnly),
  );
  const { members: _readOnlyMembers, ...repositories } = repositoriesFor(clients, {
    audit,
    evidenceLimits: deps.evidenceLimits,
  });
  if (tenantCode !== actor.tenantCode && !(await repositories.profile.get())) {
    throw new AppError('tenant_not_onboarded');
  }
  return {
    ...repositories,
    actor,
    tenantCode,
    readOnly: decision.readOnly,
    clients,
    audit,
    catalogPublisher: () =>
      new CatalogPublisher(deps.data.forScope(catalogPublisherScope(tenantCode, decision.readOnly)), audit),
    replicationFlow: (counterpart, kind) => {
      if (decision.readOnly) throw new AppError('read_only');
      const scope =
        kind === 'agreement'
          ? replicationAgreementScope(tenantCode, counterpart)
          : replicationRequestScope(tenantCode, counterpart);
      return new ReplicationAgreements(deps.data.forScope(scope), audit);
    },
    members: () => repositoriesFor(deps.data.forScope(memberAdminScope(tenantCode)), { audit }).members,
    authorizeOpd: (act, opdId) => {
      check(act, opdId);
    },
  };
}
