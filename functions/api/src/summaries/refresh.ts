import { type Innovation, innovationSchema, replicationSchema } from '@inovasi/core';
import { type StaleMarker, tenantCodesIn, withFirstWriteHook } from '@inovasi/data';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { liveYears, refreshStale, staleMarkersOf, trackedYears } from './compute.ts';

/**
 * Writes that cannot change a summary: notifications, publication to the catalogue, the province's
 * own oversight notes, audit exports. Everything else refreshes (a missed path costs a refresh; a
 * wrongly skipped one costs drift until the scheduled rebuild).
 */
const UNRELATED = /\/tenants\/[^/]+\/(notifications|audit|oversight)(\/|$)|\/publication$/;
const REPLICATIONS = /\/tenants\/[^/]+\/replications(\/|$)/;
const PERIOD_YEAR = /\/tenants\/[^/]+\/periods\/(\d{4})(\/|$)/;
const RESULTS = /\/tenants\/[^/]+\/results(\/|$)/;

const isWrite = (c: AppContext) => !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
const succeeded = (c: AppContext) => isWrite(c) && c.res.status >= 200 && c.res.status < 300;

/** The innovation a write answered with, if it did: the record as committed. */
async function innovationOf(c: AppContext): Promise<Innovation | undefined> {
  if (!c.res.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const parsed = innovationSchema.safeParse(await c.res.clone().json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Refusals answered before any write is attempted: their marker can simply go. */
const REFUSED_BEFORE_WRITING = new Set([400, 401, 403, 413, 415, 422, 429]);

/** The years a successful write can change. */
async function yearsOf(c: AppContext, tenantCode: string, touched?: Innovation): Promise<number[]> {
  const data = c.get('deps').data;
  const path = c.req.path;
  if (touched) return [touched.periodYear];
  // Official results appear in the summary of every year (last year's, the history list).
  if (RESULTS.test(path)) return trackedYears(data, tenantCode);
  const periodYear = PERIOD_YEAR.exec(path)?.[1];
  return periodYear ? [Number(periodYear)] : liveYears(data, tenantCode);
}

/** Marks the request's marker as ended, so the next refresh of the region may clear it; never throws. */
async function settleQuietly(c: AppContext, tenantCode: string, marker: StaleMarker | undefined) {
  try {
    const markers = staleMarkersOf(c.get('deps').data, tenantCode);
    if (marker) await markers.settle(marker);
    else await markers.mark(c.get('requestId'), true);
  } catch (error) {
    // Unsettled, the marker expires (UNSETTLED_MARKER_EXPIRY_MS) and the scheduled rebuild clears it.
    c.get('logger').warn('could not settle the summary marker; it will expire', {
      tenant: tenantCode,
      error,
    });
  }
}

async function refresh(
  c: AppContext,
  tenantCode: string,
  own: StaleMarker | undefined,
  touched?: Innovation,
): Promise<void> {
  const data = c.get('deps').data;
  const started = performance.now();
  try {
    const years = await yearsOf(c, tenantCode, touched);
    const cleared = await refreshStale(data, tenantCode, { years, touched, own });
    c.get('logger').debug('summary refreshed', {
      tenant: tenantCode,
      years,
      markersCleared: cleared,
      durationMs: Math.round(performance.now() - started),
    });
  } catch (error) {
    // The write itself succeeded and stays answered as such; its marker tells the next refresh
    // of the region (or the scheduled rebuild) that the summaries lag it.
    c.get('logger').warn('summary refresh failed; the region stays marked stale', {
      tenant: tenantCode,
      error,
    });
    await settleQuietly(c, tenantCode, own);
  }
}

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
  const touched = await innovationOf(c);
  await refresh(c, tenantCode, own, touched?.tenantCode === tenantCode ? touched : undefined);
  // A replication step changes the other region too: the source's sid.31, the replicator's draft.
  if (REPLICATIONS.test(c.req.path)) {
    const regions = new Set([...counterparts.keys(), ...(await replicationRegionsOf(c))]);
    for (const counterpart of regions) {
      if (counterpart === tenantCode) continue;
      // Marked before the write when the transaction named it; otherwise (not expected) after it.
      const marker =
        counterparts.get(counterpart) ??
        (await staleMarkersOf(c.get('deps').data, counterpart)
          .mark(c.get('requestId'), true)
          .catch(() => undefined));
      await refresh(c, counterpart, marker);
    }
  }
};

async function replicationRegionsOf(c: AppContext): Promise<string[]> {
  try {
    const parsed = replicationSchema.safeParse(await c.res.clone().json());
    return parsed.success ? [parsed.data.source.tenantCode, parsed.data.replicator.tenantCode] : [];
  } catch {
    return [];
  }
}

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
    if (typeof body.code === 'string') await refresh(c, body.code, undefined);
  } catch {
    // An unreadable answer refreshes nothing; the scheduled rebuild creates the summary.
  }
};
