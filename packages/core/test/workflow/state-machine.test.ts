import { describe, expect, it } from 'vitest';
import {
  availableActions,
  INNOVATION_STATUSES,
  type InnovationStatus,
  ROLES,
  type Role,
  transition,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from '../../src/index.ts';

/** The whole machine as a table: (action, from) → next, and who may take the action. */
const EXPECTED: Record<WorkflowAction, { from: Partial<Record<InnovationStatus, string>>; roles: Role[] }> = {
  submit: { from: { draft: 'submitted', returned: 'submitted' }, roles: ['opd_operator', 'tenant_admin'] },
  start_review: { from: { submitted: 'in_review' }, roles: ['verifier', 'tenant_admin'] },
  return: { from: { submitted: 'returned', in_review: 'returned' }, roles: ['verifier', 'tenant_admin'] },
  verify: { from: { in_review: 'verified' }, roles: ['verifier', 'tenant_admin'] },
  mark_ready: { from: { verified: 'ready' }, roles: ['tenant_admin'] },
  unmark_ready: { from: { ready: 'verified' }, roles: ['tenant_admin'] },
  mark_sent: { from: { ready: 'sent' }, roles: ['tenant_admin'] },
  record_result: {
    from: { sent: 'result', accepted: 'result', rejected: 'result' },
    roles: ['tenant_admin'],
  },
};

const table = ROLES.flatMap((role) =>
  INNOVATION_STATUSES.flatMap((status) => WORKFLOW_ACTIONS.map((action) => ({ role, status, action }))),
);

describe('workflow state machine', () => {
  it.each(table)('$role: $action from $status', ({ role, status, action }) => {
    const rule = EXPECTED[action];
    const roleAllowed = role === 'platform_admin' || rule.roles.includes(role);
    const next = rule.from[status];
    const decision = transition([role], status, action);
    if (!roleAllowed) expect(decision).toEqual({ allowed: false, reason: 'role' });
    else if (!next) expect(decision).toEqual({ allowed: false, reason: 'state' });
    else expect(decision).toEqual({ allowed: true, next });
  });

  it('offers an operator only submission, and only while the OPD holds the innovation', () => {
    expect(availableActions(['opd_operator'], 'draft')).toEqual(['submit']);
    expect(availableActions(['opd_operator'], 'returned')).toEqual(['submit']);
    expect(availableActions(['opd_operator'], 'in_review')).toEqual([]);
  });

  it('never lets anything leave a national result except recording another result', () => {
    for (const status of ['accepted', 'rejected'] as const) {
      expect(availableActions(['tenant_admin'], status)).toEqual(['record_result']);
    }
  });
});
