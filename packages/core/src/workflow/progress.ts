import type { InnovationStatus } from './state-machine.ts';

/** How far along the regional workflow a status is; each column counts everything at or beyond it. */
export const STAGE: Record<InnovationStatus, number> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  in_review: 1,
  verified: 2,
  ready: 3,
  sent: 4,
  accepted: 4,
  rejected: 4,
};

/**
 * What "terverifikasi" counts wherever innovations are counted (the progress board, the dashboard,
 * the leaders' league, the recap): the verifier has declared the innovation verified, and it may
 * since have moved on (ready, sent, the national result). The verified *index* is another figure:
 * it scores accepted answers, including those of innovations still in review.
 */
export function isVerifiedOrLater(status: InnovationStatus): boolean {
  return STAGE[status] >= STAGE.verified;
}

/** Handed to the verifier at least once (submitted, or any later step). */
export function isSubmittedOrLater(status: InnovationStatus): boolean {
  return STAGE[status] >= STAGE.submitted;
}

export interface OpdProgress {
  readonly opdId: string;
  readonly name: string;
  readonly target: number;
  readonly total: number;
  readonly submitted: number;
  readonly verified: number;
  readonly ready: number;
  readonly sent: number;
  /** Innovations still missing to reach the target with submitted ones: what Bappeda chases. */
  readonly behind: number;
}

/**
 * The OPD progress board: per OPD, innovations submitted / verified / ready / sent against its
 * target, sorted by who is furthest behind.
 */
export function opdProgress(
  opds: readonly { id: string; name: string; archived: boolean; target?: number | undefined }[],
  innovations: readonly { opdId: string; status: InnovationStatus; archived: boolean }[],
  defaultTarget: number,
): OpdProgress[] {
  return opds
    .filter((opd) => !opd.archived)
    .map((opd) => {
      const own = innovations.filter((innovation) => innovation.opdId === opd.id && !innovation.archived);
      const atLeast = (stage: number) => own.filter((innovation) => STAGE[innovation.status] >= stage).length;
      const target = opd.target ?? defaultTarget;
      const submitted = own.filter((innovation) => isSubmittedOrLater(innovation.status)).length;
      return {
        opdId: opd.id,
        name: opd.name,
        target,
        total: own.length,
        submitted,
        verified: own.filter((innovation) => isVerifiedOrLater(innovation.status)).length,
        ready: atLeast(3),
        sent: atLeast(4),
        behind: Math.max(0, target - submitted),
      };
    })
    .sort((a, b) => b.behind - a.behind || a.submitted - b.submitted || a.name.localeCompare(b.name, 'id'));
}
