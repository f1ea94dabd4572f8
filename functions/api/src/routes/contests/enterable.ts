import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, idSchema, jsonContent } from '../../schemas.ts';
import { type ContestAccess, callOf, callParams, contestAccess } from './shared.ts';

/**
 * The innovations an OPD may enter in a call, searched by name on the server and paged, each marked
 * when it is already entered (the same innovation is entered once per call: 409
 * `contest_innovation_already_entered`). The entry form's picker reads this instead of the OPD's
 * newest 100 innovations, so an OPD with more still finds each of them.
 */
const query = z.object({
  /** Part of the innovation's name, any case; absent: every innovation, newest first. */
  q: z.string().trim().max(100).optional(),
  /** Bappeda entering for an OPD names it; an operator's own OPD otherwise. */
  opdId: idSchema.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const enterableSchema = z.object({
  id: z.string(),
  profile: z.object({ name: z.string(), tujuan: z.string().optional(), manfaat: z.string().optional() }),
  /** The entry that already holds this innovation in the call, if any. */
  enteredEntryId: z.string().optional(),
});

const enterableRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/enterable',
  tags: ['Contests'],
  summary: 'The OPD’s innovations to enter in the call: searched by name, paged, already entered marked',
  request: { params: callParams, query },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(enterableSchema), nextCursor: z.string().optional() }),
      'One page of innovations; follow nextCursor for more',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** Pages of the registry read for one answer: a search over a large OPD answers in bounded time. */
const MAX_PAGES = 10;

const normalise = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();

type Enterable = z.infer<typeof enterableSchema>;

/** The picker's view of an innovation: its profile's texts the form shows, and its entry if any. */
function enterableOf(
  innovation: {
    id: string;
    profile: { name: string; tujuan?: string | undefined; manfaat?: string | undefined };
  },
  enteredEntryId: string | undefined,
): Enterable {
  const { name, tujuan, manfaat } = innovation.profile;
  return {
    id: innovation.id,
    profile: { name, ...(tujuan ? { tujuan } : {}), ...(manfaat ? { manfaat } : {}) },
    ...(enteredEntryId ? { enteredEntryId } : {}),
  };
}

/**
 * Whole pages of the registry, so that the cursor given back resumes exactly after what was read; a
 * search may answer a few more than `limit`, or fewer with a cursor when its pages ran out.
 */
async function searchPages(
  access: ContestAccess,
  opdId: string,
  needle: string,
  limit: number,
  cursor: string | undefined,
  entered: ReadonlyMap<string, string>,
): Promise<{ items: Enterable[]; next: string | undefined }> {
  const items: Enterable[] = [];
  let next = cursor;
  for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
    const found = await access.innovations.list({ opdId, cursor: next, limit: needle ? 100 : limit });
    for (const innovation of found.items)
      if (!needle || normalise(innovation.profile.name).includes(needle))
        items.push(enterableOf(innovation, entered.get(innovation.id)));
    next = found.nextCursor;
    if (!next) break;
  }
  return { items, next };
}

export const contestEnterableRoutes = createRouter().openapi(enterableRoute, async (c) => {
  const { code, callId } = c.req.valid('param');
  const { q, opdId: askedOpd, cursor, limit } = c.req.valid('query');
  const access = await contestAccess(c, code, 'contest.enter');
  // A cursor this listing never issued is the client's mistake whatever else is wrong.
  access.innovations.checkCursor(cursor, askedOpd ?? access.actor.opdId);
  await callOf(access, callId);
  const opdId = askedOpd ?? access.actor.opdId;
  if (!opdId) throw new ApiError(400, 'validation_failed', 'opdId');
  access.authorizeOpd('contest.enter', opdId);
  const entered = new Map(
    (await access.contests.listEntries(callId)).flatMap((entry) =>
      entry.innovationId ? [[entry.innovationId, entry.id] as const] : [],
    ),
  );
  const { items, next } = await searchPages(access, opdId, q ? normalise(q) : '', limit, cursor, entered);
  return c.json({ items, ...(next ? { nextCursor: next } : {}) }, 200);
});
