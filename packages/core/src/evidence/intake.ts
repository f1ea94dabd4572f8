import type { FileKind } from '../rubrics/types.ts';
import { type EvidenceMediaType, type EvidenceRejection, FILE_KIND_OF_MEDIA_TYPE } from './kinds.ts';
import { type Evidence, type EvidenceFinding, type EvidenceIntake, evidencePassed } from './schemas.ts';

/**
 * The rules of intake (docs/decisions/0047): what a check of an upload's stored bytes means for the
 * item's state. The data layer reads the object, reserves the quota and writes; these functions
 * decide, without I/O, so the same answer comes from the API's completion and the bucket's event.
 */

/** What the inspection of the stored object measured (the data layer's `IntakeMeasurement`). */
export interface IntakeMeasured {
  readonly size: number;
  readonly mediaType?: string | undefined;
  readonly sha256?: string | undefined;
  readonly textLayer?: boolean | undefined;
  readonly durationSeconds?: number | undefined;
}

/** The inspection's verdict on the bytes alone (the data layer's `IntakeOutcome`). */
export type IntakeInspection =
  | { readonly passed: true; readonly measured: IntakeMeasured }
  | { readonly passed: false; readonly rejection: EvidenceRejection; readonly measured: IntakeMeasured };

export type IntakeDecision =
  | { readonly verdict: 'pass'; readonly intake: EvidenceIntake; readonly fileKind: FileKind }
  | { readonly verdict: 'reject'; readonly rejection: EvidenceRejection; readonly intake: EvidenceIntake };

/**
 * Intake runs once, on a pending upload whose object key is known; anything else (a link, an item
 * already decided, a deleted one) is returned as it is, which makes a second trigger harmless.
 */
export const awaitsIntake = (
  item: Pick<Evidence, 'source' | 'status' | 'deleted'> & { readonly objectKey?: string | undefined },
): boolean =>
  item.source === 'upload' && item.status === 'pending' && item.deleted === undefined && !!item.objectKey;

/** The measured facts in the intake record: only what was measured, never what was announced. */
function measuredFacts(
  measured: IntakeMeasured,
): Omit<EvidenceIntake, 'checkedAt' | 'checkedBy' | 'findings'> {
  return {
    ...(measured.mediaType ? { mediaType: measured.mediaType } : {}),
    size: measured.size,
    ...(measured.sha256 ? { sha256: measured.sha256 } : {}),
    ...(measured.textLayer !== undefined ? { textLayer: measured.textLayer } : {}),
    ...(measured.durationSeconds !== undefined ? { durationSeconds: measured.durationSeconds } : {}),
  };
}

/** What a passed item still deserves a flag for: an image-only scan, an unknown duration, a duplicate. */
function passFindings(
  mediaType: EvidenceMediaType,
  measured: IntakeMeasured,
  evidenceId: string,
  sameBytes: readonly Pick<Evidence, 'id' | 'status' | 'deleted'>[],
): EvidenceFinding[] {
  const findings: EvidenceFinding[] = [];
  if (measured.textLayer === false) findings.push({ code: 'needs_readable_copy' });
  if (mediaType === 'video/mp4' && measured.durationSeconds === undefined) {
    findings.push({ code: 'video_duration_unknown' });
  }
  const duplicates = sameBytes.filter((item) => item.id !== evidenceId && evidencePassed(item));
  if (duplicates.length > 0) findings.push({ code: 'duplicate', refs: duplicates.map((item) => item.id) });
  return findings;
}

export interface IntakeFacts {
  readonly evidenceId: string;
  /** What the uploader announced. */
  readonly mediaType: EvidenceMediaType;
  readonly size: number;
  readonly inspection: IntakeInspection;
  readonly checkedAt: string;
  readonly checkedBy: EvidenceIntake['checkedBy'];
  /** The region's whole quota: a file larger than all of it can never fit. */
  readonly quotaBytes: number;
  /** Live items with the announced bytes (a duplicate is flagged, never refused). */
  readonly sameBytes: readonly Pick<Evidence, 'id' | 'status' | 'deleted'>[];
}

/** The decision on a pending upload once its bytes were inspected (before the quota is reserved). */
export function decideIntake(facts: IntakeFacts): IntakeDecision {
  const base = {
    checkedAt: facts.checkedAt,
    checkedBy: facts.checkedBy,
    ...measuredFacts(facts.inspection.measured),
  };
  if (!facts.inspection.passed) {
    return { verdict: 'reject', rejection: facts.inspection.rejection, intake: { ...base, findings: [] } };
  }
  if (facts.size > facts.quotaBytes) {
    return { verdict: 'reject', rejection: 'quota_exceeded', intake: { ...base, findings: [] } };
  }
  const findings = passFindings(
    facts.mediaType,
    facts.inspection.measured,
    facts.evidenceId,
    facts.sameBytes,
  );
  return {
    verdict: 'pass',
    intake: { ...base, findings },
    fileKind: FILE_KIND_OF_MEDIA_TYPE[facts.mediaType],
  };
}

/** A passed decision whose bytes no longer fit the region's remaining quota: refused after all. */
export function quotaRefused(decision: IntakeDecision): IntakeDecision {
  return { verdict: 'reject', rejection: 'quota_exceeded', intake: { ...decision.intake, findings: [] } };
}

/** The item as the decision leaves it: passed with its file kind, or rejected with the reason. */
export function applyIntake<T extends Evidence>(evidence: T, decision: IntakeDecision): T {
  const at = decision.intake.checkedAt;
  if (decision.verdict === 'pass') {
    return {
      ...evidence,
      status: 'passed',
      intake: decision.intake,
      fileKind: decision.fileKind,
      updatedAt: at,
    };
  }
  return {
    ...evidence,
    status: 'rejected',
    intake: { ...decision.intake, rejection: decision.rejection },
    updatedAt: at,
  };
}
