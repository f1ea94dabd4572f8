import type { Role } from '../access/roles.ts';
import type { INNOVATION_STATUSES } from '../vocabulary.ts';

export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export const WORKFLOW_ACTIONS = [
  'submit',
  'start_review',
  'return',
  'verify',
  'mark_ready',
  'unmark_ready',
  'mark_sent',
  'record_result',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface Transition {
  readonly from: readonly InnovationStatus[];
  /** The next status; `record_result` goes to the result the admin enters. */
  readonly to: InnovationStatus | 'result';
  readonly roles: readonly Role[];
}

/**
 * The regional quality gate. The official application goes straight from draft to sent; the
 * region's own gate puts a verifier between the OPD and the admin who sends.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['opd_operator', 'tenant_admin'] },
  start_review: { from: ['submitted'], to: 'in_review', roles: ['verifier', 'tenant_admin'] },
  return: { from: ['submitted', 'in_review'], to: 'returned', roles: ['verifier', 'tenant_admin'] },
  verify: { from: ['in_review'], to: 'verified', roles: ['verifier', 'tenant_admin'] },
  mark_ready: { from: ['verified'], to: 'ready', roles: ['tenant_admin'] },
  unmark_ready: { from: ['ready'], to: 'verified', roles: ['tenant_admin'] },
  mark_sent: { from: ['ready'], to: 'sent', roles: ['tenant_admin'] },
  record_result: { from: ['sent', 'accepted', 'rejected'], to: 'result', roles: ['tenant_admin'] },
};

/** Profile and answers can change only while the OPD holds the innovation. */
export const EDITABLE_STATUSES: readonly InnovationStatus[] = ['draft', 'returned'];

export const isEditable = (status: InnovationStatus): boolean => EDITABLE_STATUSES.includes(status);

/** Statuses in which a verifier may accept or return single answers. */
export const REVIEWABLE_STATUSES: readonly InnovationStatus[] = ['submitted', 'in_review'];

export type TransitionDecision =
  | { readonly allowed: true; readonly next: InnovationStatus | 'result' }
  | { readonly allowed: false; readonly reason: 'role' | 'state' };

/** Pure: may someone with these roles take this action on an innovation in this status? */
export function transition(
  roles: readonly Role[],
  status: InnovationStatus,
  action: WorkflowAction,
): TransitionDecision {
  const rule = TRANSITIONS[action];
  const permitted = roles.includes('platform_admin') || rule.roles.some((role) => roles.includes(role));
  if (!permitted) return { allowed: false, reason: 'role' };
  if (!rule.from.includes(status)) return { allowed: false, reason: 'state' };
  return { allowed: true, next: rule.to };
}

/** Actions the roles can take from a status: what the UI offers as buttons. */
export const availableActions = (roles: readonly Role[], status: InnovationStatus): WorkflowAction[] =>
  WORKFLOW_ACTIONS.filter((action) => transition(roles, status, action).allowed);
