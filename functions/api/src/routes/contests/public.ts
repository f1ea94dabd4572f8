import { createRoute, z } from '@hono/zod-openapi';
import { inviteMember } from '@inovasi/app/members/members-service';
import {
  CALL_STATUSES,
  type ContestCategory,
  categorySchema,
  isDomainError,
  prizeSchema,
  stageDatesSchema,
} from '@inovasi/core';
import { contestReaderScope, PublicContestReader } from '@inovasi/data';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, idSchema, jsonBody, jsonContent, tenantCodeSchema } from '../../schemas.ts';

const publicCallSchema = z
  .object({
    tenantCode: z.string(),
    tenantName: z.string(),
    id: z.string(),
    title: z.string(),
    year: z.number().int(),
    description: z.string(),
    eligibility: z.string(),
    categories: z.array(categorySchema),
    stageDates: stageDatesSchema,
    prizes: z.array(prizeSchema),
    status: z.enum(CALL_STATUSES),
    winners: z.array(
      z.object({
        rank: z.number().int(),
        prize: z.string(),
        name: z.string(),
        entrantName: z.string(),
        categoryId: z.string(),
      }),
    ),
  })
  .openapi('PublicContestCall');
type PublicCall = z.infer<typeof publicCallSchema>;

const regionSchema = tenantCodeSchema.openapi({ example: '35.22' });

const listRoute = createRoute({
  method: 'get',
  path: '/catalog/contests',
  tags: ['Contests'],
  summary: 'Open contest calls and announced winners of every region, or one region’s (public, no sign-in)',
  request: { query: z.object({ region: regionSchema.optional() }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(publicCallSchema) }), 'Public calls, newest year first'),
    ...errorResponses(400),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/catalog/contests/{region}/{callId}',
  tags: ['Contests'],
  summary: 'The public page of one call (public, no sign-in)',
  request: { params: z.object({ region: regionSchema, callId: idSchema }) },
  responses: {
    200: jsonContent(publicCallSchema, 'The public call'),
    ...errorResponses(400, 404),
  },
});

const signUpRoute = createRoute({
  method: 'post',
  path: '/contest-sign-up',
  tags: ['Contests'],
  summary:
    'A citizen or student asks for an entrant account for an open call: an e-mail with a link to set a password follows (public, rate-limited)',
  request: {
    body: jsonBody(
      z.object({
        tenantCode: regionSchema,
        callId: idSchema,
        email: z.email().max(254),
        name: z.string().trim().min(2).max(150),
        /** A honeypot: people never see it, form-filling robots fill it in. */
        website: z.string().max(0, 'must be empty').optional(),
      }),
    ),
  },
  responses: {
    202: jsonContent(z.object({ status: z.literal('check_your_email') }), 'Accepted; the link is on its way'),
    ...errorResponses(400, 404),
  },
});

const readerOf = (c: AppContext) => new PublicContestReader(c.get('deps').data.forScope(contestReaderScope));
const takesCitizens = (categories: readonly ContestCategory[]) =>
  categories.some((category) => category.entrantKinds.includes('citizen'));

export const contestPublicRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { region } = c.req.valid('query');
    const items = (await readerOf(c).list(region)) as PublicCall[];
    items.sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));
    return c.json({ items }, 200);
  })
  .openapi(readRoute, async (c) => {
    const { region, callId } = c.req.valid('param');
    const call = (await readerOf(c).get(region, callId)) as PublicCall | undefined;
    if (!call) throw new ApiError('contest_not_found', 'callId');
    return c.json(call, 200);
  })
  .openapi(signUpRoute, async (c) => {
    const input = c.req.valid('json');
    const call = (await readerOf(c).get(input.tenantCode, input.callId)) as PublicCall | undefined;
    if (call?.status !== 'open' || !takesCitizens(call.categories))
      throw new ApiError('contest_call_missing', 'callId');
    // Nobody is signed in: the trail records the request itself, under the address it names.
    const audit = {
      actor: { userId: 'self-sign-up', email: input.email, tenantCode: input.tenantCode, roles: [] },
      requestId: c.get('requestId'),
      clientRequestId: c.get('clientRequestId'),
    };
    try {
      await inviteMember(
        c.get('deps'),
        { code: input.tenantCode, name: call.tenantName },
        { email: input.email, name: input.name, roles: ['peserta'] },
        audit,
      );
    } catch (error) {
      // Same answer whether or not the address is known: the form must not confirm accounts.
      if (!isDomainError(error, 'member_exists', 'member_cannot_be_invited')) throw error;
    }
    return c.json({ status: 'check_your_email' as const }, 202);
  });
