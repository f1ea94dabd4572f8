import { createRoute, z } from '@hono/zod-openapi';
import { innovationChecklist, regionCompleteness, spdChecklist } from '@inovasi/app/evidence/evidence-views';
import { assertInnovationEditable, assertPeriodAllowsEdit } from '@inovasi/app/workflow/workflow-guards';
import {
  completenessSchema,
  type EvidenceTarget,
  evidenceLinkSchema,
  evidenceTargetInputSchema,
  indicatorEvidenceSchema,
  levelDefinition,
  linkFindings,
  toEvidenceTarget,
} from '@inovasi/core';
import { KEMANFAATAN_CODE, type Rubric, type Sid33Basis, spdAnswerLevel } from '@inovasi/core/scoring';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';
import { authorize, evidenceParams, loadEvidence } from './evidence-shared.ts';
import { findPeriodRubric, periodParams, periodRubric } from './periods.ts';

/**
 * What an item supports: linking it to an indicator answer, an SPD row or an agreement (the target
 * checked first), and the checklists and completeness those links make.
 */

const linkRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/links',
  tags: ['Evidence'],
  summary: 'Attach an item to an indicator answer, an SPD row or a replication agreement',
  request: { params: evidenceParams, body: jsonBody(evidenceTargetInputSchema) },
  responses: {
    201: jsonContent(
      z.object({
        link: evidenceLinkSchema,
        /** What the item's use here deserves a flag for (dates, file kind, sharing). */
        warnings: z.array(z.object({ code: z.string(), refs: z.array(z.string()).optional() })),
      }),
      'The link and its warnings',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const unlinkRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/unlink',
  tags: ['Evidence'],
  summary: 'Detach an item from an indicator answer, an SPD row or an agreement',
  request: { params: evidenceParams, body: jsonBody(evidenceTargetInputSchema) },
  responses: {
    200: jsonContent(z.object({ evidenceId: z.string(), unlinked: z.literal(true) }), 'Detached'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const innovationEvidenceRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations/{id}/evidence',
  tags: ['Evidence'],
  summary: 'Each indicator of an innovation: what its level requires, what is attached, what is missing',
  request: { params: tenantParams.extend({ id: idSchema }) },
  responses: {
    200: jsonContent(
      z.object({
        innovationId: z.string(),
        periodYear: z.number(),
        rubricId: z.string(),
        indicators: z.array(indicatorEvidenceSchema),
        completeness: completenessSchema,
      }),
      'The innovation’s evidence checklist',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const spdEvidenceRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/spd/evidence',
  tags: ['Evidence'],
  summary: 'Each SPD row of a year: what its level requires, what is attached, what is missing',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({
        year: z.number(),
        rubricId: z.string(),
        rows: z.array(indicatorEvidenceSchema),
        completeness: completenessSchema,
      }),
      'The region’s SPD evidence checklist',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const completenessRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/evidence/completeness',
  tags: ['Evidence'],
  summary: 'Per innovation and for the region: shares answered, evidenced (passed intake) and verified',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({
        year: z.number(),
        rubricId: z.string(),
        region: completenessSchema,
        spd: completenessSchema,
        innovations: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            opdId: z.string(),
            status: z.string(),
            completeness: completenessSchema,
          }),
        ),
      }),
      'Completeness',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

/**
 * What a target is, checked before anything is linked to it, and who may link to it: an innovation's
 * indicator (the innovation's OPD may change its answers, while the innovation is editable), an SPD
 * row (Bappeda), or a replication agreement of this region (Bappeda).
 */
async function checkTarget(
  access: TenantAccess,
  target: EvidenceTarget,
): Promise<{
  code: string;
  level: number;
  periodYear: number;
  rubric: Rubric | undefined;
  basis?: Sid33Basis | undefined;
}> {
  switch (target.type) {
    case 'innovation': {
      const innovation = await access.innovations.get(target.innovationId);
      if (!innovation || innovation.archived) throw new ApiError('not_found');
      authorize(access, 'innovation.update', innovation.opdId);
      const rubric = await findPeriodRubric(access.periods, innovation.periodYear);
      if (!rubric?.sidIndicators.some((indicator) => indicator.code === target.indicator)) {
        throw new ApiError('unknown_indicator', 'indicator');
      }
      await assertInnovationEditable(access, innovation);
      const answer = innovation.answers?.[target.indicator];
      return {
        code: target.indicator,
        level: answer?.level ?? 0,
        periodYear: innovation.periodYear,
        rubric,
        basis: target.indicator === KEMANFAATAN_CODE ? (answer?.basis as Sid33Basis | undefined) : undefined,
      };
    }
    case 'spd': {
      authorize(access, 'spd.manage', undefined);
      const rubric = await periodRubric(access.periods, target.year);
      const row = rubric.spdRows.find((candidate) => candidate.code === target.row);
      if (!row) throw new ApiError('unknown_indicator', 'row');
      await assertPeriodAllowsEdit(access, target.year, undefined, 'bappeda');
      const answer = (await access.spd.get(target.year))?.answers[target.row];
      const level = answer
        ? spdAnswerLevel(row, {
            level: answer.level as 0 | 1 | 2 | 3 | undefined,
            figures: answer.figures,
            verified: false,
          })
        : 0;
      return { code: target.row, level, periodYear: target.year, rubric };
    }
    case 'agreement': {
      authorize(access, 'replication.document', undefined);
      const agreement = await access.replications.get(target.agreementId);
      if (!agreement) throw new ApiError('not_found');
      // An agreement is no indicator of any rubric: its warnings are the intake's own findings.
      return { code: 'agreement', level: 0, periodYear: new Date().getUTCFullYear(), rubric: undefined };
    }
  }
}

export const evidenceLinkRoutes = createRouter()
  .openapi(linkRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const target = toEvidenceTarget(c.req.valid('json'));
    const access = await tenantAccess(c, code, 'evidence.write');
    const evidence = await loadEvidence(access, evidenceId);
    // An OPD's file is that OPD's to use: an operator links its own OPD's items and the region's
    // shared ones (no owner, e.g. the regent's decree), never another OPD's.
    if (evidence.opdId !== undefined) authorize(access, 'evidence.write', evidence.opdId);
    const context = await checkTarget(access, target);
    const link = await access.evidence.link(evidenceId, target, access.actor);
    const after = (await access.evidence.get(evidenceId)) ?? evidence;
    const { rubric } = context;
    const indicator =
      rubric && [...rubric.sidIndicators, ...rubric.spdRows].find((i) => i.code === context.code);
    const warnings =
      rubric && indicator
        ? linkFindings(
            {
              rubric,
              code: context.code,
              level: context.level,
              periodYear: context.periodYear,
              requirement: levelDefinition(indicator, context.level, context.basis)?.evidence,
            },
            after,
          )
        : (after.intake?.findings ?? []);
    return c.json({ link, warnings }, 201);
  })
  .openapi(unlinkRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const target = toEvidenceTarget(c.req.valid('json'));
    const access = await tenantAccess(c, code, 'evidence.write');
    await checkTarget(access, target);
    await access.evidence.unlink(evidenceId, target, access.actor);
    return c.json({ evidenceId, unlinked: true as const }, 200);
  })
  .openapi(innovationEvidenceRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.read');
    const innovation = await access.innovations.get(id);
    if (!innovation) throw new ApiError('not_found');
    const rubric = await periodRubric(access.periods, innovation.periodYear);
    const rubricId = rubric.id;
    const checklist = innovationChecklist(rubric, innovation, await access.evidence.linksForInnovation(id));
    return c.json({ innovationId: id, periodYear: innovation.periodYear, rubricId, ...checklist }, 200);
  })
  .openapi(spdEvidenceRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'spd.read');
    const rubric = await periodRubric(access.periods, year);
    const [spd, linked] = await Promise.all([access.spd.get(year), access.evidence.linksForSpd(year)]);
    return c.json({ year, rubricId: rubric.id, ...spdChecklist(rubric, year, spd, linked) }, 200);
  })
  .openapi(completenessRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'projection.read');
    const rubricId = (await periodRubric(access.periods, year)).id;
    const [innovations, spd, links] = await Promise.all([
      access.innovations.listForPeriod(year),
      access.spd.get(year),
      access.evidence.linksForRegion(),
    ]);
    return c.json(regionCompleteness(rubricId, year, innovations, spd, links), 200);
  });
