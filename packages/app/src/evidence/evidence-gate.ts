import type { EvidenceTarget } from '@inovasi/core';
import { AppError } from '../errors.ts';
import type { TenantAccess } from '../tenancy.ts';

/**
 * The evidence half of "a level counts in the verified score only when the evidence that the
 * indicator asks for is attached and accepted by the verifier": a verifier may accept an answer
 * (an innovation's indicator, an SPD row) only while at least one attached item passed intake.
 * Throws 409 `evidence_missing` naming the `evidence` field otherwise. The review route calls it
 * before it stores `review.status = 'accepted'`; returning an answer needs no evidence.
 */
export async function assertAcceptableEvidence(access: TenantAccess, target: EvidenceTarget): Promise<void> {
  const passed = await access.evidence.passedEvidenceFor(target);
  if (passed.length === 0) throw new AppError('evidence_missing', 'evidence');
}
