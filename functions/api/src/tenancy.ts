import { openTenantAccess, type TenantAccess } from '@inovasi/app/tenancy';
import { type Action, canOverseeTenant } from '@inovasi/core';
import type { AuditContext } from '@inovasi/data';
import { type AppContext, requireActor } from './context.ts';
import { ApiError } from './errors.ts';

export { DENIAL_ERRORS, type TenantAccess } from '@inovasi/app/tenancy';

export const auditContext = (c: AppContext): AuditContext => ({
  actor: requireActor(c),
  requestId: c.get('requestId'),
  clientRequestId: c.get('clientRequestId'),
});

/**
 * The coarse gate: a caller enters only its own tenant, or one it oversees. A province only reads
 * a regency's summaries (docs/decisions/0023), so any other method is refused here, before the
 * body is looked at; the route's action decides the reads.
 */
export function assertMayEnterTenant(c: AppContext, tenantCode: string | undefined): void {
  const actor = requireActor(c);
  if (tenantCode === actor.tenantCode) return;
  if (!canOverseeTenant(actor, tenantCode ?? '')) throw new ApiError('forbidden_tenant');
  const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
  if (!reading && !actor.roles.includes('platform_admin')) throw new ApiError('province_oversight_only');
}

/**
 * The only way a route reaches tenant data: authorise the request's caller for the path's tenant,
 * then receive repositories whose clients carry the tenant guard for exactly that tenant (the
 * application layer's openTenantAccess does both).
 */
export function tenantAccess(c: AppContext, tenantCode: string, action: Action): Promise<TenantAccess> {
  return openTenantAccess(c.get('deps'), auditContext(c), tenantCode, action);
}
