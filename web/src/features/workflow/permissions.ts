// The server's own state machine (pure, type-only imports): buttons never drift from the rules.
import {
  availableActions,
  isEditable,
  REVIEWABLE_STATUSES,
} from '../../../../packages/core/src/workflow/state-machine.ts';
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

export { isEditable };
