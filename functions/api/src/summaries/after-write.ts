import { type Innovation, innovationSchema, replicationSchema } from '@inovasi/core';
import type { StaleMarker } from '@inovasi/data';
import type { AppContext } from '../context.ts';
import { liveYears, refreshStale, trackedYears } from './compute.ts';
import { settleQuietly, staleMarkersOf } from './markers.ts';

/**
 * The recompute after a successful write (docs/decisions/0010). Loaded by the first write an
 * instance serves, not at its cold start: reads never need the domain's scoring (ADR 0013).
 */

const PERIOD_YEAR = /\/tenants\/[^/]+\/periods\/(\d{4})(\/|$)/;
const RESULTS = /\/tenants\/[^/]+\/results(\/|$)/;

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

/** Recomputes the regions a successful write changed and clears the markers it left. */
export async function refreshAfterWrite(
  c: AppContext,
  tenantCode: string,
  own: StaleMarker,
  counterparts: ReadonlyMap<string, StaleMarker>,
  isReplication: boolean,
): Promise<void> {
  const touched = await innovationOf(c);
  await refresh(c, tenantCode, own, touched?.tenantCode === tenantCode ? touched : undefined);
  // A replication step changes the other region too: the source's sid.31, the replicator's draft.
  if (isReplication) {
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
}

async function replicationRegionsOf(c: AppContext): Promise<string[]> {
  try {
    const parsed = replicationSchema.safeParse(await c.res.clone().json());
    return parsed.success ? [parsed.data.source.tenantCode, parsed.data.replicator.tenantCode] : [];
  } catch {
    return [];
  }
}

/** The first summary of a newly onboarded region. */
export async function refreshOnboarded(c: AppContext, tenantCode: string): Promise<void> {
  await refresh(c, tenantCode, undefined);
}
