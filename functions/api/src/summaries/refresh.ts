import { type StaleMarker, tenantCodesIn, withFirstWriteHook } from '@inovasi/data/essentials';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { settleQuietly, staleMarkersOf } from './markers.ts';

/**
 * Writes that cannot change a summary: notifications, publication to the catalogue, the province's
 * own oversight notes, audit exports. Everything else refreshes (a missed path costs a refresh; a
 * wrongly skipped one costs drift until the scheduled rebuild).
 */
const UNRELATED = /\/tenants\/[^/]+\/(notifications|audit|oversight)(\/|$)|\/publication$/;
const REPLICATIONS = /\/tenants\/[^/]+\/replications(\/|$)/;

const isWrite = (c: AppContext) => !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
const succeeded = (c: AppContext) => isWrite(c) && c.res.status >= 200 && c.res.status < 300;

/** Refusals answered before any write is attempted: their marker can simply go. */
const REFUSED_BEFORE_WRITING = new Set([400, 401, 403, 413, 415, 422, 429]);

/**
 * Keeps a region's summaries current (docs/decisions/0010). Right before a request under
 * `/tenants/{code}/…` sends its first item write, it leaves a stale marker in the region's summary
 * partition; after a successful write it recomputes the years the write can change, in the same
 * request, and clears the marker. So a change that commits is always either in the summaries or
 * marked: a refresh lost to a failing store leaves the marker, which the region's next refresh or
 * the scheduled rebuild clears by recomputing. Failing to leave the marker fails the write before
 * anything changed. A request that writes nothing (refused by validation, say) leaves no trace.
 */
export const summaryRefresh: MiddlewareHandler<AppEnv> = async (c, next) => {
  const tenantCode = c.req.param('code');
  if (!tenantCode || !isWrite(c) || UNRELATED.test(c.req.path)) return next();
  const markers = staleMarkersOf(c.get('deps').data, tenantCode);
  let own: StaleMarker | undefined;
  // A replication step writes the other region's partition in the same transaction: its marker is
  // left before the write too, so neither region's change can commit unmarked.
  const counterparts = new Map<string, StaleMarker>();
  const { fired } = await withFirstWriteHook(async (firstWrite) => {
    own = await markers.mark(c.get('requestId'));
    if (!REPLICATIONS.test(c.req.path)) return;
    for (const code of tenantCodesIn(firstWrite)) {
      if (code === tenantCode) continue;
      counterparts.set(code, await staleMarkersOf(c.get('deps').data, code).mark(c.get('requestId')));
    }
  }, next);
  // No write was attempted, or the marker itself failed (then the write was never sent).
  if (!fired || !own) return;
  const everyMarker: [string, StaleMarker][] = [[tenantCode, own], ...counterparts];
  if (REFUSED_BEFORE_WRITING.has(c.res.status)) {
    for (const [code, marker] of everyMarker) {
      await staleMarkersOf(c.get('deps').data, code)
        .clear([marker])
        .catch(() => settleQuietly(c, code, marker));
    }
    return;
  }
  // Anything but success may still have committed (an answer lost after the write): keep the markers.
  if (!succeeded(c)) {
    for (const [code, marker] of everyMarker) await settleQuietly(c, code, marker);
    return;
  }
  const { refreshAfterWrite } = await import('./after-write.ts');
  await refreshAfterWrite(c, tenantCode, own, counterparts, REPLICATIONS.test(c.req.path));
};

/**
 * A newly onboarded region gets its (empty) summary at once, so its province sees it in the cockpit.
 * No marker is left before: the region may never come to exist, and a marker would then be a trace
 * of a write that failed. If the refresh fails, its settled marker is left after.
 */
export const summaryRefreshOnOnboarding: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'POST' || c.res.status !== 201) return;
  try {
    const body = (await c.res.clone().json()) as { code?: unknown };
    if (typeof body.code === 'string') {
      const { refreshOnboarded } = await import('./after-write.ts');
      await refreshOnboarded(c, body.code);
    }
  } catch {
    // An unreadable answer refreshes nothing; the scheduled rebuild creates the summary.
  }
};
