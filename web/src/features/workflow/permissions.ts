// The server's own state machine (pure, type-only imports): buttons never drift from the rules.

import { availableActions, isEditable, REVIEWABLE_STATUSES } from '@inovasi/core/browser';
import type { Innovation, SessionUser, WorkflowAction } from '../../api/model.ts';

const hasAny = (user: SessionUser, ...roles: SessionUser['roles']) =>
  user.roles.some((role) => roles.includes(role));

/** An operator acts only on its own OPD's innovations; admins and verifiers on the whole region. */
function actsOnOpd(user: SessionUser, innovation: Innovation): boolean {
  if (hasAny(user, 'platform_admin', 'tenant_admin', 'verifier')) return true;
  return hasAny(user, 'opd_operator') && user.opdId === innovation.opdId;
}

/** Profile and answers change only while the OPD holds the innovation (draft or returned). */
export function canEditAnswers(user: SessionUser, innovation: Innovation): boolean {
  if (innovation.archived || !isEditable(innovation.status)) return false;
  if (hasAny(user, 'platform_admin', 'tenant_admin')) return true;
  return hasAny(user, 'opd_operator') && user.opdId === innovation.opdId;
}

export function canReviewAnswers(user: SessionUser, innovation: Innovation): boolean {
  return (
    !innovation.archived &&
    hasAny(user, 'platform_admin', 'tenant_admin', 'verifier') &&
    REVIEWABLE_STATUSES.includes(innovation.status)
  );
}

/** The workflow steps this user can take now, in the order the buttons are shown. */
export function workflowActionsFor(user: SessionUser, innovation: Innovation): WorkflowAction[] {
  if (innovation.archived || !actsOnOpd(user, innovation)) return [];
  return availableActions(user.roles, innovation.status);
}

/**
 * Why the server would refuse a step the state machine allows, checked against the innovation the
 * page already holds (the same rule as the server's `answers_not_reviewed`): the button is then shown
 * disabled with the reason, instead of a dialog that ends in a refusal.
 */
export type StepBlocker = { kind: 'answers_not_reviewed'; count: number };

export function stepBlocker(action: WorkflowAction, innovation: Innovation): StepBlocker | undefined {
  if (action !== 'verify') return undefined;
  // core's `isVerified`, written out: its module carries zod schemas the first download must not pay for.
  const count = Object.values(innovation.answers).filter(
    (answer) => answer.level > 0 && answer.review?.status !== 'accepted',
  ).length;
  return count > 0 ? { kind: 'answers_not_reviewed', count } : undefined;
}

export { isEditable };
