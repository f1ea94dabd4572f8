import { z } from '@hono/zod-openapi';
import { type Action, decide, EVIDENCE_KINDS, EVIDENCE_STATUSES, type Evidence } from '@inovasi/core';
import { ApiError } from '../errors.ts';
import { tenantParams } from '../schemas.ts';
import { DENIAL_ERRORS, type TenantAccess } from '../tenancy.ts';

/** What every evidence route file shares: the item's id, its summary, and who may act on it. */

export const evidenceIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,64}$/)
  .openapi({ example: '01JDEMOEVIDENCE00000000000' });
export const evidenceParams = tenantParams.extend({ evidenceId: evidenceIdSchema });

export const uploadSchema = z.object({
  method: z.literal('PUT'),
  url: z.string(),
  /** Send exactly these headers with the PUT, and exactly `size` bytes. */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const evidenceSummary = (evidence: Evidence) => ({
  id: evidence.id,
  title: evidence.title,
  kind: evidence.kind,
  status: evidence.status,
  createdAt: evidence.createdAt,
});
export const evidenceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  status: z.enum(EVIDENCE_STATUSES),
  createdAt: z.string(),
});

/** The action on a record owned by `opdId` (none: a region-wide item, which only Bappeda manages). */
export function authorize(access: TenantAccess, action: Action, opdId: string | undefined): void {
  const decision = decide(access.actor, action, { tenantCode: access.tenantCode, opdId });
  if (!decision.allowed) throw new ApiError(DENIAL_ERRORS[decision.reason]);
}

/** The owner an item gets: the one asked for (checked), or an operator's own OPD. */
export async function ownerFor(access: TenantAccess, opdId: string | undefined): Promise<string | undefined> {
  const owner = opdId ?? (access.actor.roles.includes('opd_operator') ? access.actor.opdId : undefined);
  authorize(access, 'evidence.write', owner);
  if (owner !== undefined) {
    const opd = await access.opds.get(owner);
    if (!opd || opd.archived) throw new ApiError('opd_not_found', 'opdId');
  }
  return owner;
}

export async function loadEvidence(access: TenantAccess, evidenceId: string): Promise<Evidence> {
  const evidence = await access.evidence.get(evidenceId);
  if (!evidence) throw new ApiError('not_found');
  return evidence;
}
