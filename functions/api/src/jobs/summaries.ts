import { defaultAssessmentYear, rubricForYear } from '@inovasi/core';
import {
  PlatformRepository,
  platformRegistryScope,
  type ScopedClientFactory,
  type StaleMarker,
  SummaryRepository,
  SummaryWriter,
  summaryWriterScope,
  tenantScope,
} from '@inovasi/data';
import {
  computeSummary,
  driftOf,
  endedRequestsCutoff,
  isClearable,
  liveYears,
  staleMarkersOf,
  trackedYears,
} from '../summaries/compute.ts';

/** A stored `sourceAt` further ahead than this is not a clock skew but damage: the rebuild overwrites it. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface RebuildOptions {
  /** Only compare and report; write nothing. */
  readonly check?: boolean | undefined;
  /** Limit to these tenants; default every onboarded tenant of the platform registry. */
  readonly tenants?: readonly string[] | undefined;
  readonly now?: Date | undefined;
  /** Regions rebuilt at once; each region's years run one after another. */
  readonly concurrency?: number | undefined;
}

export interface RebuildEntry {
  readonly tenantCode: string;
  readonly year: number;
  /** The parts and fields that differed from a recompute; empty when the stored summary was exact. */
  readonly drift: readonly string[];
  /** Drift written over with the recompute (never in check mode). */
  readonly repaired: boolean;
  /** Today's trend point was missing and was written (a day without edits). */
  readonly snapshotAdded: boolean;
}

export interface RebuildReport {
  readonly entries: readonly RebuildEntry[];
  readonly drifted: number;
  readonly repaired: number;
  /** Stale markers cleared (docs/decisions/0010): writes whose in-request refresh was lost. */
  readonly markersCleared: number;
  readonly failures: readonly { tenantCode: string; error: string }[];
}

/**
 * `markersRead`: the region's markers, when the caller has just read them (the sweep decides from
 * them); they must have been read before this call, like the list it would read itself.
 */
async function rebuildTenant(
  data: ScopedClientFactory,
  tenantCode: string,
  options: RebuildOptions,
  markersRead?: readonly StaleMarker[],
): Promise<{ entries: RebuildEntry[]; markersCleared: number }> {
  const now = options.now ?? new Date();
  const writer = new SummaryWriter(data.forScope(summaryWriterScope(tenantCode)), tenantCode);
  const entries: RebuildEntry[] = [];
  // Read before the recompute, so every change a clearable marker stands for is in what it reads.
  const markers = staleMarkersOf(data, tenantCode);
  const requestsEndedBy = endedRequestsCutoff(now);
  const clearable = (markersRead ?? (await markers.list())).filter((marker) =>
    isClearable(marker, requestsEndedBy),
  );
  // Trend points are added only while a season can still change; a closed year's trend is history.
  const live = new Set(await liveYears(data, tenantCode, now));
  for (const year of await trackedYears(data, tenantCode, now)) {
    // A write may land while we compare: a stored summary from later sources is not drift, so
    // compare again (bounded) from sources that include it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const computed = await computeSummary(data, tenantCode, year, { now });
      if (!computed) break;
      const stored = await writer.read(year, computed.bundle.snapshot.date);
      const distrustAfter = new Date(Date.now() + FUTURE_TOLERANCE_MS).toISOString();
      const newer = stored.summary && stored.summary.sourceAt > computed.meta.sourceAt;
      if (newer && stored.summary && stored.summary.sourceAt <= distrustAfter && attempt < 2) continue;
      const drift = driftOf(computed.bundle, stored);
      const repair = drift.length > 0 && !options.check;
      const addSnapshot = !stored.snapshot && !options.check && live.has(year);
      if (repair) await writer.write(computed.bundle, computed.meta, undefined, { distrustAfter });
      else if (addSnapshot) await writer.write(computed.bundle, computed.meta, ['snapshot']);
      entries.push({ tenantCode, year, drift, repaired: repair, snapshotAdded: addSnapshot });
      break;
    }
  }
  if (!options.check) await markers.clear(clearable);
  return { entries, markersCleared: options.check ? 0 : clearable.length };
}

/** Every onboarded tenant of the platform registry, unless the caller names some. */
async function tenantsOf(data: ScopedClientFactory, named: readonly string[] | undefined) {
  return (
    named ??
    (await new PlatformRepository(data.forScope(platformRegistryScope)).list()).map((tenant) => tenant.code)
  );
}

/** Runs `work` for each tenant, `concurrency` at a time; a tenant's failure is recorded, not thrown. */
async function forEachTenant(
  tenants: readonly string[],
  concurrency: number | undefined,
  work: (tenantCode: string) => Promise<void>,
): Promise<{ tenantCode: string; error: string }[]> {
  const queue = [...tenants];
  const failures: { tenantCode: string; error: string }[] = [];
  const worker = async () => {
    for (let tenantCode = queue.shift(); tenantCode !== undefined; tenantCode = queue.shift()) {
      try {
        await work(tenantCode);
      } catch (error) {
        failures.push({ tenantCode, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency ?? 4) }, worker));
  return failures;
}

/**
 * Recomputes every summary from source and compares it with what is stored: the scheduled repair
 * (a timer locally, an EventBridge schedule in AWS) and the `summaries:rebuild` command. Any drift
 * is a bug or a lost refresh (a write whose in-request refresh failed); it is reported, then
 * repaired unless `check` is set. The same pass writes the day's trend point where a region had no
 * edit today.
 */
export async function rebuildSummaries(
  data: ScopedClientFactory,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const entries: RebuildEntry[] = [];
  let markersCleared = 0;
  const failures = await forEachTenant(
    await tenantsOf(data, options.tenants),
    options.concurrency,
    async (code) => {
      const rebuilt = await rebuildTenant(data, code, options);
      entries.push(...rebuilt.entries);
      markersCleared += rebuilt.markersCleared;
    },
  );
  entries.sort((a, b) => a.tenantCode.localeCompare(b.tenantCode) || a.year - b.year);
  return {
    entries,
    drifted: entries.filter((entry) => entry.drift.length > 0).length,
    repaired: entries.filter((entry) => entry.repaired).length,
    markersCleared,
    failures,
  };
}

export interface SweepReport {
  /** Regions looked at. */
  readonly checked: number;
  /** Regions recomputed: a stale marker whose request has ended, or no summary of the season. */
  readonly refreshed: readonly { readonly tenantCode: string; readonly reason: 'marked' | 'missing' }[];
  readonly markersCleared: number;
  readonly failures: readonly { tenantCode: string; error: string }[];
}

/**
 * The repair between two nightly rebuilds (docs/decisions/0010). A region gets the rebuild's
 * recompute only if it needs one: a stale marker whose request has ended (an in-request refresh
 * was lost), or no summary of the current season (an onboarding whose first refresh and marker
 * both failed, or a season nobody has written to yet). Any other region costs two reads, so this
 * can run every few minutes and bound how long a dashboard or cockpit lags a committed change.
 */
export async function sweepStaleSummaries(
  data: ScopedClientFactory,
  options: Pick<RebuildOptions, 'tenants' | 'now' | 'concurrency'> = {},
): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const requestsEndedBy = endedRequestsCutoff(now);
  const season = defaultAssessmentYear(now);
  const seasonScored = rubricForYear(season) !== undefined;
  const tenants = await tenantsOf(data, options.tenants);
  const refreshed: { tenantCode: string; reason: 'marked' | 'missing' }[] = [];
  let markersCleared = 0;
  const failures = await forEachTenant(tenants, options.concurrency, async (tenantCode) => {
    const [markers, current] = await Promise.all([
      staleMarkersOf(data, tenantCode).list(),
      seasonScored
        ? new SummaryRepository(data.forScope(tenantScope(tenantCode, true)), tenantCode).get(season)
        : undefined,
    ]);
    const marked = markers.some((marker) => isClearable(marker, requestsEndedBy));
    const missing = seasonScored && !current;
    if (!marked && !missing) return;
    const rebuilt = await rebuildTenant(data, tenantCode, { now }, markers);
    markersCleared += rebuilt.markersCleared;
    refreshed.push({ tenantCode, reason: marked ? 'marked' : 'missing' });
  });
  refreshed.sort((a, b) => a.tenantCode.localeCompare(b.tenantCode));
  return { checked: tenants.length, refreshed, markersCleared, failures };
}

/** One line per tenant and year, for people reading a terminal or a log. */
export function formatRebuildReport(report: RebuildReport, check: boolean): string[] {
  const lines = report.entries.map((entry) => {
    const status =
      entry.drift.length === 0
        ? 'ok'
        : `${entry.repaired ? 'repaired' : check ? 'DRIFT' : 'drift'}: ${entry.drift.join(', ')}`;
    return `${entry.tenantCode.padEnd(6)} ${entry.year}  ${status}${entry.snapshotAdded ? ' (+ today’s trend point)' : ''}`;
  });
  for (const failure of report.failures)
    lines.push(`${failure.tenantCode.padEnd(6)} FAILED: ${failure.error}`);
  lines.push(
    `${report.entries.length} summaries checked, ${report.drifted} with drift, ${report.repaired} repaired, ${report.markersCleared > 0 ? `${report.markersCleared} stale markers cleared, ` : ''}${report.failures.length} failed`,
  );
  return lines;
}
