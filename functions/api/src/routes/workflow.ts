import { createRoute, z } from '@hono/zod-openapi';
import { assertAcceptableEvidence } from '@inovasi/app/evidence/evidence-gate';
import { stepNotifications } from '@inovasi/app/notifications/notify';
import { toProjectionInnovation } from '@inovasi/app/projection/projection-state';
import { assertPeriodAllowsEdit } from '@inovasi/app/workflow/workflow-guards';
import {
  type Innovation,
  innovationSchema,
  isVerified,
  type Language,
  REVIEWABLE_STATUSES,
  spdAnswersSchema,
  todayInJakarta,
  transition,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from '@inovasi/core';
import {
  belowThresholdSentence,
  checkEligibility,
  innovationKematangan,
  readinessGapSentence,
  readinessGaps,
  reviewPendingSentence,
} from '@inovasi/core/scoring';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import type { TenantAccess } from '../tenancy.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams, periodRubric } from './periods.ts';

const innovationParams = tenantParams.extend({ id: idSchema });
const indicatorParam = z
  .string()
  .regex(/^(sid|spd)\.\d{1,2}[ab]?$/)
  .openapi({ example: 'sid.16' });

const transitionInput = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  note: z.string().trim().max(2000).optional(),
  /** mark_sent: the registration number the national application issued, and the day it was sent. */
  registrationNumber: z.string().trim().min(3).max(100).optional(),
  sentAt: z.iso.date().optional(),
  /** record_result: the national verdict and, when it arrives, the final kematangan. */
  result: z.enum(['accepted', 'rejected']).optional(),
  finalKematangan: z.number().min(0).max(111).optional(),
});

const reviewInput = z.object({
  status: z.enum(['accepted', 'returned']),
  note: z.string().trim().max(2000).optional(),
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/innovations/{id}/transitions',
  tags: ['Workflow'],
  summary:
    'Move an innovation through the regional workflow (submit, review, return, verify, ready, sent, result)',
  request: { params: innovationParams, headers: ifMatchHeader, body: jsonBody(transitionInput) },
  responses: {
    200: jsonContent(innovationSchema, 'The innovation in its new status'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/innovations/{id}/answers/{indicator}/review',
  tags: ['Workflow'],
  summary: 'Accept or return one indicator answer, with a note (verifier)',
  request: {
    params: innovationParams.extend({ indicator: indicatorParam }),
    headers: ifMatchHeader,
    body: jsonBody(reviewInput),
  },
  responses: {
    200: jsonContent(innovationSchema, 'The innovation with the reviewed answer'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const spdReviewRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/periods/{year}/spd/{row}/review',
  tags: ['Workflow'],
  summary: 'Accept or return one regional (SPD) answer, with a note (verifier)',
  request: {
    params: periodParams.extend({ row: indicatorParam.openapi({ example: 'spd.1' }) }),
    headers: ifMatchHeader,
    body: jsonBody(reviewInput),
  },
  responses: {
    200: jsonContent(spdAnswersSchema, 'SPD answers'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const REQUIRED_FIELDS: Partial<Record<WorkflowAction, (keyof z.infer<typeof transitionInput>)[]>> = {
  mark_sent: ['registrationNumber', 'sentAt'],
  record_result: ['result'],
};

/** The checks a step makes on the innovation itself, beyond who may take it from which status. */
async function assertStepPreconditions(
  access: TenantAccess,
  innovation: Innovation,
  action: WorkflowAction,
  language: Language,
) {
  const rubric = await periodRubric(access.periods, innovation.periodYear);
  if (action === 'verify') {
    const pending = Object.entries(innovation.answers)
      .filter(([, answer]) => answer.level > 0 && !isVerified(answer))
      .map(([code]) => ({
        field: `answers.${code}`,
        message: reviewPendingSentence(
          rubric.sidIndicators.find((indicator) => indicator.code === code)?.name ?? code,
          language,
        ),
      }));
    if (pending.length > 0) throw new ApiError('answers_not_reviewed', pending[0]?.field, pending);
  }
  if (action === 'mark_ready') {
    const eligibility = checkEligibility(innovation.profile, rubric);
    if (!eligibility.eligible) {
      const details = eligibility.reasons.map((reason) => ({
        field: `profile.${reason.field}`,
        message: language === 'en' ? reason.message_en : reason.message_id,
      }));
      throw new ApiError('not_eligible', details[0]?.field, details);
    }
    const evidenced = await access.evidence.evidencedTargets();
    const gaps = readinessGaps(
      rubric,
      (code) => innovation.answers[code]?.level ?? 0,
      (code) => evidenced.has({ type: 'innovation', innovationId: innovation.id, indicator: code }),
    );
    if (gaps.length > 0) {
      const details = gaps.map((gap) => ({
        field: `answers.${gap.code}`,
        message: readinessGapSentence(gap, language),
      }));
      throw new ApiError('mandatory_indicators_incomplete', details[0]?.field, details);
    }
    const { minKematanganToSend } = await access.settings.get();
    const kematangan = innovationKematangan(
      rubric,
      toProjectionInnovation(innovation, true, evidenced),
      'verified',
    );
    if (minKematanganToSend !== null && kematangan < minKematanganToSend) {
      throw new ApiError('below_send_threshold', 'kematangan', [
        { field: 'kematangan', message: belowThresholdSentence(kematangan, minKematanganToSend, language) },
      ]);
    }
  }
}

/** What a step records on the innovation besides its new status. */
function recordedBy(action: WorkflowAction, input: z.infer<typeof transitionInput>, innovation: Innovation) {
  switch (action) {
    case 'return':
      return {
        returnNote: input.note,
        returnedAnswers: Object.entries(innovation.answers)
          .filter(([, answer]) => answer.review?.status === 'returned')
          .map(([code]) => code),
      };
    case 'mark_sent':
      return { registrationNumber: input.registrationNumber, sentAt: input.sentAt };
    case 'record_result':
      return { finalKematangan: input.finalKematangan };
    default:
      return {};
  }
}

/** The fields an action needs, and the note a return needs unless some answer is returned itself. */
function assertTransitionInput(input: z.infer<typeof transitionInput>, innovation: Innovation): void {
  for (const field of REQUIRED_FIELDS[input.action] ?? []) {
    if (input[field] === undefined) throw new ApiError('validation_failed', field);
  }
  if (input.action === 'return') {
    const returnedAnswers = Object.values(innovation.answers).some(
      (answer) => answer.review?.status === 'returned',
    );
    if (!input.note && !returnedAnswers) throw new ApiError('note_required', 'note');
  }
}

export const workflowRoutes = createRouter()
  .openapi(transitionRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'workflow.transition');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const innovation = await access.innovations.get(id);
    if (!innovation) throw new ApiError('not_found');
    access.authorizeOpd('workflow.transition', innovation.opdId);

    const decision = transition(access.actor.roles, innovation.status, input.action);
    if (!decision.allowed) {
      throw decision.reason === 'role'
        ? new ApiError('forbidden_role', 'action')
        : new ApiError('transition_not_allowed', 'action');
    }
    assertTransitionInput(input, innovation);
    // Submitting is the OPD's edit; Bappeda's steps run until the national deadline; results arrive after it.
    if (input.action !== 'record_result') {
      const step = input.action === 'submit' ? 'opd' : 'bappeda';
      await assertPeriodAllowsEdit(access, innovation.periodYear, innovation.opdId, step);
    }
    await assertStepPreconditions(access, innovation, input.action, c.get('language'));

    const next = decision.next === 'result' ? (input.result ?? 'sent') : decision.next;
    const updated = await access.innovations.setStatus(
      innovation,
      version,
      access.actor,
      next,
      recordedBy(input.action, input, innovation),
      `workflow.${input.action}`,
      await stepNotifications(access, innovation, next),
    );
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(reviewRoute, async (c) => {
    const { code, id, indicator } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'answer.review');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const innovation = await access.innovations.get(id);
    if (!innovation) throw new ApiError('not_found');
    if (!REVIEWABLE_STATUSES.includes(innovation.status)) throw new ApiError('not_reviewable', 'status');
    const answer = innovation.answers[indicator];
    if (!answer) throw new ApiError('answer_missing', 'indicator');
    if (input.status === 'returned' && !input.note) throw new ApiError('note_required', 'note');

    if (input.status === 'accepted') {
      await assertAcceptableEvidence(access, { type: 'innovation', innovationId: id, indicator });
    }
    const now = new Date();
    const review = { ...input, by: access.actor.userId, at: now.toISOString() };
    const answers = { ...innovation.answers, [indicator]: { ...answer, review } };
    // A verifier's step: only the national deadline stops it, and that is checked in the write's
    // own transaction rather than by reading the period first (docs/decisions/0018, update).
    const updated = await access.innovations.setAnswers(
      innovation,
      version,
      access.actor,
      answers,
      `answer.${input.status}`,
      [access.periods.notReadOnly(innovation.periodYear, todayInJakarta(now))],
    );
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(spdReviewRoute, async (c) => {
    const { code, year, row } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'answer.review');
    const rubricId = (await periodRubric(access.periods, year)).id;
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const current = await access.spd.get(year);
    const answer = current?.answers[row];
    if (!current || !answer) throw new ApiError('answer_missing', 'row');
    if (input.status === 'returned' && !input.note) throw new ApiError('note_required', 'note');
    await assertPeriodAllowsEdit(access, year, undefined, 'bappeda');
    if (input.status === 'accepted') await assertAcceptableEvidence(access, { type: 'spd', year, row });
    const review = { ...input, by: access.actor.userId, at: new Date().toISOString() };
    const saved = await access.spd.save(year, rubricId, version, {
      ...current.answers,
      [row]: { ...answer, review },
    });
    c.header('ETag', etag(saved.version));
    return c.json(saved, 200);
  });
