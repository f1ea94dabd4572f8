import { type Innovation, innovationSchema, replicationSchema } from '@inovasi/core';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { liveYears, refreshYears, trackedYears } from './compute.ts';

/**
 * Writes that cannot change a summary: notifications, publication to the catalogue, the province's
 * own oversight notes, audit exports. Everything else refreshes (a missed path costs a refresh; a
 * wrongly skipped one costs drift until the scheduled rebuild).
 */
const UNRELATED = /\/tenants\/[^/]+\/(notifications|audit|oversight)(\/|$)|\/publication$/;
const REPLICATIONS = /\/tenants\/[^/]+\/replications(\/|$)/;
const PERIOD_YEAR = /\/tenants\/[^/]+\/periods\/(\d{4})(\/|$)/;
const RESULTS = /\/tenants\/[^/]+\/results(\/|$)/;

const succeeded = (c: AppContext) =>
  !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.res.status >= 200 && c.res.status < 300;

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

async function refresh(c: AppContext, tenantCode: string, touched?: Innovation): Promise<void> {
  const data = c.get('deps').data;
  const path = c.req.path;
  const started = performance.now();
  try {
    const periodYear = PERIOD_YEAR.exec(path)?.[1];
    const years = touched
      ? [touched.periodYear]
      : RESULTS.test(path)
        ? // Official results appear in the summary of every year (last year's, the history list).
          await trackedYears(data, tenantCode)
        : periodYear
          ? [Number(periodYear)]
          : await liveYears(data, tenantCode);
    await refreshYears(data, tenantCode, { years, touched });
    c.get('logger').debug('summary refreshed', {
      tenant: tenantCode,
      years,
      durationMs: Math.round(performance.now() - started),
    });
  } catch (error) {
    // The write itself succeeded and stays answered as such; the scheduled rebuild repairs the summary.
    c.get('logger').warn('summary refresh failed; the scheduled rebuild will repair it', {
      tenant: tenantCode,
      error,
    });
  }
}

/**
 * Keeps a region's summaries current: after every successful write under `/tenants/{code}/…`,
 * recompute the years it can affect, in the same request (docs/decisions/0010). Runs after the
 * handler, so the write has committed and the recompute's reads see it.
 */
export const summaryRefresh: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!succeeded(c) || UNRELATED.test(c.req.path)) return;
  const tenantCode = c.req.param('code');
  if (!tenantCode) return;
  const touched = await innovationOf(c);
  await refresh(c, tenantCode, touched?.tenantCode === tenantCode ? touched : undefined);
  // A replication step changes the other region too: the source's sid.31, the replicator's draft.
  if (REPLICATIONS.test(c.req.path)) {
    for (const counterpart of await replicationRegionsOf(c)) {
      if (counterpart !== tenantCode) await refresh(c, counterpart);
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

/** A newly onboarded region gets its (empty) summary at once, so its province sees it in the cockpit. */
export const summaryRefreshOnOnboarding: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'POST' || c.res.status !== 201) return;
  try {
    const body = (await c.res.clone().json()) as { code?: unknown };
    if (typeof body.code === 'string') await refresh(c, body.code);
  } catch {
    // An unreadable answer refreshes nothing; the scheduled rebuild creates the summary.
  }
};
