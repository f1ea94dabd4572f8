import { type Action, type Actor, decide } from '@inovasi/core';
import {
  type AuditContext,
  CatalogPublisher,
  catalogPublisherScope,
  EvidenceRepository,
  InnovationRepository,
  MemberRepository,
  memberAdminScope,
  OpdRepository,
  PeriodRepository,
  provinceOversightScope,
  ReplicationAgreements,
  ReplicationRepository,
  replicationAgreementScope,
  replicationRequestScope,
  type ScopedClients,
  SpdAnswersRepository,
  TenantProfileRepository,
  TenantSettingsRepository,
  tenantScope,
  UnitRepository,
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

/** Repositories bound to one tenant, handed to a service once its caller was authorised. */
export interface TenantAccess {
  readonly actor: Actor;
  readonly tenantCode: string;
  readonly readOnly: boolean;
  /** The guard-scoped clients of this tenant, for repositories a route needs only occasionally. */
  readonly clients: ScopedClients;
  /** Who changes data in this request; every repository mutation writes it to the audit trail. */
  readonly audit: AuditContext;
  readonly profile: TenantProfileRepository;
  readonly opds: OpdRepository;
  /** Units below the OPDs: puskesmas, schools, RSUD, kecamatan and their kelurahan/desa (ADR 0036). */
  readonly units: UnitRepository;
  readonly innovations: InnovationRepository;
  readonly spd: SpdAnswersRepository;
  readonly periods: PeriodRepository;
  readonly settings: TenantSettingsRepository;
  /** The region's evidence library: uploads, intake, links to answers, SPD rows and agreements. */
  readonly evidence: EvidenceRepository;
  /** This region's replication requests and agreements, and who replicated its innovations. */
  readonly replications: ReplicationRepository;
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
  const profile = new TenantProfileRepository(clients, tenantCode);
  if (tenantCode !== actor.tenantCode && !(await profile.get())) {
    throw new AppError('tenant_not_onboarded');
  }
  return {
    actor,
    tenantCode,
    readOnly: decision.readOnly,
    clients,
    audit,
    profile,
    opds: new OpdRepository(clients, tenantCode, audit),
    units: new UnitRepository(clients, tenantCode, audit),
    innovations: new InnovationRepository(clients, tenantCode, audit),
    spd: new SpdAnswersRepository(clients, tenantCode, audit),
    periods: new PeriodRepository(clients, tenantCode, audit),
    settings: new TenantSettingsRepository(clients, tenantCode, audit),
    evidence: new EvidenceRepository(clients, tenantCode, { audit, limits: deps.evidenceLimits }),
    replications: new ReplicationRepository(clients, tenantCode),
    catalogPublisher: () =>
      new CatalogPublisher(
        deps.data.forScope(catalogPublisherScope(tenantCode, decision.readOnly)),
        tenantCode,
        audit,
      ),
    replicationFlow: (counterpart, kind) => {
      if (decision.readOnly) throw new AppError('read_only');
      const scope =
        kind === 'agreement'
          ? replicationAgreementScope(tenantCode, counterpart)
          : replicationRequestScope(tenantCode, counterpart);
      return new ReplicationAgreements(deps.data.forScope(scope), { tenantCode, audit });
    },
    members: () => new MemberRepository(deps.data.forScope(memberAdminScope(tenantCode)), tenantCode, audit),
    authorizeOpd: (act, opdId) => {
      check(act, opdId);
    },
  };
}
